package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/desk"
	"github.com/hushdesk/hushdesk/inference/feedback"
	"github.com/hushdesk/hushdesk/web"
	"github.com/hushdesk/hushdesk/web/mail"
)

// auditStore is the audit store as a serving process uses it: the
// embedded one in the data directory, or the PostgreSQL one that every
// replica started with the same --store shares.
type auditStore interface {
	web.Log
	web.Rights
	web.Queue
	web.Canned
	web.Settings
	mail.Recorder
	inference.Handoffs
	inference.Requests
	desk.Queue
	feedback.Log
	tokenStore
	Close() error
}

// tokenStore is the token part of the store.
type tokenStore interface {
	web.Tokens
	EnsureToken(ctx context.Context, secret string, r role.Role, label string) error
}

var (
	_ auditStore        = (*audit.Store)(nil)
	_ auditStore        = (*pgstore.Store)(nil)
	_ web.SessionStore  = sharedSessions{}
	_ web.ManifestStore = (*pgstore.Store)(nil)
	_ web.WebhookOutbox = pgstore.WebhookOutbox{}
)

// openShared opens the PostgreSQL store of --store for a serving process,
// with its periodic jobs (checkpoints, retention, key re-wrapping), each
// run by one replica at a time.
func (m *Main) openShared(ctx context.Context) error {
	c := m.Config
	s, err := pgstore.Open(ctx, c.Store, pgstore.Options{
		MasterKey: c.MasterKey, MasterKeyFile: c.MasterKeyFile, DataDir: c.Data,
		KEKFile: c.KEKFile, KEKs: c.KEKs, Logger: m.Log,
	})
	if err != nil {
		return fmt.Errorf("open audit store %s: %w", redactURL(c.Store), err)
	}
	m.Shared, m.Audit = s, s
	return nil
}

// sharedSessions are the console sessions in PostgreSQL, as the web
// server keeps them.
type sharedSessions struct{ s pgstore.Sessions }

func (x sharedSessions) SaveSession(ctx context.Context, key []byte, r web.SessionRecord) error {
	return x.s.Save(ctx, key, pgstore.SessionRow(r))
}

func (x sharedSessions) LoadSession(ctx context.Context, key []byte) (web.SessionRecord, bool, error) {
	r, ok, err := x.s.Load(ctx, key)
	return web.SessionRecord(r), ok, err
}

func (x sharedSessions) EndSessions(ctx context.Context, key []byte, tokenID string) error {
	return x.s.End(ctx, key, tokenID)
}

// sharedMail are the e-mail delivery states in PostgreSQL, as the
// outbox keeps them.
type sharedMail struct{ s pgstore.MailStatuses }

var _ mail.Statuses = sharedMail{}

func (x sharedMail) PutStatus(ctx context.Context, message string, st mail.Status) error {
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return x.s.Put(ctx, message, b)
}

func (x sharedMail) LoadStatus(ctx context.Context, message string) (mail.Status, bool, error) {
	b, ok, err := x.s.Load(ctx, message)
	var st mail.Status
	if err != nil || !ok {
		return st, false, err
	}
	return st, true, json.Unmarshal(b, &st)
}
