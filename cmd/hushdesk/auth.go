package main

import (
	"context"
	"errors"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/web"
)

// tokenAuth checks bearer tokens against the ones kept (hashed) in the
// audit store.
type tokenAuth struct{ store *audit.Store }

var _ web.Authenticator = tokenAuth{}

func (a tokenAuth) Authenticate(ctx context.Context, secret string) (web.Principal, error) {
	tok, err := a.store.LookupToken(ctx, secret)
	if errors.Is(err, audit.ErrNoToken) {
		return web.Principal{}, web.ErrUnknownToken
	}
	if err != nil {
		return web.Principal{}, err
	}
	return web.Principal{TokenID: tok.ID, Role: tok.Role, Label: tok.Label}, nil
}
