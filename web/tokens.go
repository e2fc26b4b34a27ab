package web

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
)

// TokenAdmin issues and revokes API tokens.
type TokenAdmin interface {
	CreateToken(ctx context.Context, role, label, actor string) (string, audit.Token, error)
	RevokeToken(ctx context.Context, id, actor string) error
	Tokens(ctx context.Context) ([]audit.Token, error)
}

// listTokens answers GET /api/v1/tokens (admin): tokens without secrets.
func (s *Server) listTokens(c echo.Context) error {
	toks, err := s.opts.Tokens.Tokens(c.Request().Context())
	if err != nil {
		return err
	}
	if toks == nil {
		toks = []audit.Token{}
	}
	return c.JSON(http.StatusOK, map[string]any{"tokens": toks})
}

// createToken answers POST /api/v1/tokens {"role", "label"} (admin). The
// secret is in this answer only; it is stored as a hash.
func (s *Server) createToken(c echo.Context) error {
	var body struct{ Role, Label string }
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	secret, tok, err := s.opts.Tokens.CreateToken(c.Request().Context(), body.Role, body.Label, principal(c).Actor())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]any{"token": secret, "id": tok.ID, "role": tok.Role, "label": tok.Label, "created": tok.Created})
}

// revokeToken answers DELETE /api/v1/tokens/{id} (admin).
func (s *Server) revokeToken(c echo.Context) error {
	if err := s.opts.Tokens.RevokeToken(c.Request().Context(), c.Param("id"), principal(c).Actor()); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
