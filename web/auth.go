package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference/fault"
)

// Tokens are the access tokens: bearer tokens for scripts, and the
// credential an agent or officer logs in to the console with. They are
// kept as keyed hashes.
type Tokens interface {
	LookupToken(ctx context.Context, secret string) (audit.Token, error)
	Token(ctx context.Context, id string) (audit.Token, error)
	CreateToken(ctx context.Context, r role.Role, label, actor string, opts ...audit.TokenOption) (string, audit.Token, error)
	RevokeToken(ctx context.Context, id, actor string) error
	Tokens(ctx context.Context) ([]audit.Token, error)
	// UpdateToken renames an agent or moves them to another team.
	UpdateToken(ctx context.Context, id string, ch audit.TokenChange, actor string) (audit.Token, error)
}

// Principal is who an authenticated request acts for.
type Principal struct {
	TokenID string    `json:"token_id"`
	Role    role.Role `json:"role"`
	Label   string    `json:"label"`
	// Name is the name customers see when this agent joins their
	// conversation; empty shows no name.
	Name string `json:"name,omitempty"`
	// Team is an agent's team, from the provider's groups; empty for
	// every team.
	Team string `json:"team,omitempty"`
}

// Agent is the principal as the agent on a hand-off.
func (p Principal) Agent() audit.Agent { return audit.Agent{ID: p.Actor(), Name: p.Name} }

// Actor names the principal in audit records: role and token id (or, for
// a person logged in through the provider, their u_ id), never the token
// itself.
func (p Principal) Actor() string { return string(p.Role) + ":" + p.TokenID }

func principalOf(t audit.Token) Principal {
	return Principal{TokenID: t.ID, Role: t.Role, Label: t.Label, Name: t.Name}
}

const principalKey = "hushdesk.principal"

// principal returns the request's authenticated principal.
func principal(c echo.Context) Principal {
	p, _ := c.Get(principalKey).(Principal)
	return p
}

// requireRole admits requests whose bearer token (or console session)
// carries one of roles: 401 without valid credentials, 403 with another
// role, 429 after too many failures from one client. It is the one place
// where roles are enforced; routes.go names the roles of every route and
// docs/roles.md lists them (TestRolesTable keeps the two in step). Its
// answers are never cached: they carry customer data or the log.
func (s *Server) requireRole(roles ...role.Role) echo.MiddlewareFunc {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	need := strings.Join(names, " or ")
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			key := clientKey(c.RealIP())
			if s.failures.exhausted(key) {
				return tooMany(c)
			}
			p, err := s.authenticate(c)
			if err != nil {
				if c.Request().Header.Get("Authorization") != "" {
					s.failures.allow(key) // a wrong token counts; a missing one does not
				}
				c.Response().Header().Set("WWW-Authenticate", `Bearer realm="hushdesk"`)
				return err
			}
			if !p.Role.In(roles...) {
				return fault.Wrap(fault.Forbidden, fmt.Errorf("the %s role cannot use this endpoint; it needs the %s role", p.Role, need))
			}
			c.Response().Header().Set("Cache-Control", "no-store")
			c.Set(principalKey, p)
			return next(c)
		}
	}
}

// authenticate reads the credentials of a request: a bearer token, or a
// console session whose token still lives with the same role.
func (s *Server) authenticate(c echo.Context) (Principal, error) {
	h := c.Request().Header.Get("Authorization")
	if h != "" {
		scheme, secret, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
			return Principal{}, errBadScheme
		}
		tok, err := s.parts.Tokens.LookupToken(c.Request().Context(), strings.TrimSpace(secret))
		if err != nil {
			if !errors.Is(err, audit.ErrNoToken) {
				s.log.Error("token lookup failed", "err", err)
			}
			return Principal{}, errBadToken
		}
		return principalOf(tok), nil
	}
	if p, ok := s.sessionPrincipal(c); ok {
		return p, nil
	}
	return Principal{}, errNoCredential
}

// bearerOnly admits a request with a bearer token only: a GET that
// changes the log (an export, a verification or a backup is recorded)
// must not be made by a browser on the strength of its cookie, which
// another site's link could send.
func bearerOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Header.Get("Authorization") == "" {
			if len(c.Request().Cookies()) == 0 {
				return errNoCredential // no credential at all: say which one
			}
			c.Response().Header().Set("Allow", "POST")
			return &httpError{status: http.StatusMethodNotAllowed,
				msg: "this GET is for scripts with a bearer token; from the console, POST with the session's CSRF token"}
		}
		return next(c)
	}
}

// requireJSON refuses a body that does not say it is JSON: a form posted
// from another site cannot pass as an API call.
func requireJSON(c echo.Context) error {
	ct := c.Request().Header.Get("Content-Type")
	if mt, _, _ := strings.Cut(ct, ";"); !strings.EqualFold(strings.TrimSpace(mt), "application/json") {
		return &httpError{status: http.StatusUnsupportedMediaType, msg: `send the body as JSON with "Content-Type: application/json"`}
	}
	return nil
}
