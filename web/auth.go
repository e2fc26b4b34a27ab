package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// Roles a token can carry. Admin includes every other role.
const (
	RoleAgent      = "agent"
	RoleCompliance = "compliance"
	RoleAdmin      = "admin"
)

// ErrUnknownToken is what an Authenticator returns for a token it does not
// know.
var ErrUnknownToken = errors.New("unknown or revoked token")

// Principal is who an authenticated request acts for.
type Principal struct {
	TokenID string `json:"token_id"`
	Role    string `json:"role"`
	Label   string `json:"label"`
}

// Has reports whether the principal may act in role.
func (p Principal) Has(role string) bool { return p.Role == role || p.Role == RoleAdmin }

// Actor names the principal in audit records: role and token id, never
// the token itself.
func (p Principal) Actor() string { return p.Role + ":" + p.TokenID }

// Authenticator turns a bearer token into a principal.
type Authenticator interface {
	Authenticate(ctx context.Context, secret string) (Principal, error)
}

const principalKey = "hushdesk.principal"

// principal returns the request's authenticated principal.
func principal(c echo.Context) Principal {
	p, _ := c.Get(principalKey).(Principal)
	return p
}

// requireRole admits requests whose bearer token (or console session)
// carries role: 401 without valid credentials, 403 with the wrong role.
func (s *Server) requireRole(role string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			p, err := s.authenticate(c)
			if err != nil {
				c.Response().Header().Set("WWW-Authenticate", `Bearer realm="hushdesk"`)
				return &apiError{status: http.StatusUnauthorized, msg: err.Error()}
			}
			if !p.Has(role) {
				return &apiError{status: http.StatusForbidden,
					msg: fmt.Sprintf("a %s token cannot use this endpoint; it needs the %s role", p.Role, role)}
			}
			c.Set(principalKey, p)
			return next(c)
		}
	}
}

// authenticate reads the credentials of a request.
func (s *Server) authenticate(c echo.Context) (Principal, error) {
	if s.opts.Auth == nil {
		return Principal{}, errors.New("this server has no tokens configured; set HUSHDESK_ADMIN_TOKEN")
	}
	h := c.Request().Header.Get("Authorization")
	if h != "" {
		scheme, secret, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
			return Principal{}, errors.New(`the Authorization header must be "Bearer <token>"`)
		}
		p, err := s.opts.Auth.Authenticate(c.Request().Context(), strings.TrimSpace(secret))
		if err != nil {
			if !errors.Is(err, ErrUnknownToken) {
				s.log.Error("token lookup failed", "err", err)
			}
			return Principal{}, errors.New("the token is not valid")
		}
		return p, nil
	}
	if p, ok := s.sessionPrincipal(c); ok {
		return p, nil
	}
	return Principal{}, errors.New("this endpoint needs a bearer token (Authorization: Bearer <token>)")
}
