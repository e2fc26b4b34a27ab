package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
)

// listTokens answers GET /api/v1/tokens (admin): tokens without secrets.
func (s *Server) listTokens(c echo.Context) error {
	toks, err := s.parts.Tokens.Tokens(c.Request().Context())
	if err != nil {
		return err
	}
	if toks == nil {
		toks = []audit.Token{}
	}
	return c.JSON(http.StatusOK, map[string]any{"tokens": toks})
}

// createToken answers POST /api/v1/tokens {"role", "label", "name"}
// (admin); name is what customers see when the agent joins. The secret is
// in this answer only; it is stored as a hash.
func (s *Server) createToken(c echo.Context) error {
	var body struct{ Role, Label, Name, Team string }
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	r, err := role.Parse(body.Role)
	if err != nil {
		return err
	}
	if err := s.checkTeam(body.Team); err != nil {
		return err
	}
	secret, tok, err := s.parts.Tokens.CreateToken(c.Request().Context(), r, body.Label, principal(c).Actor(),
		audit.DisplayName(body.Name), audit.InTeam(body.Team))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]any{"token": secret, "id": tok.ID, "role": tok.Role, "label": tok.Label,
		"name": tok.Name, "team": tok.Team, "created": tok.Created})
}

// revokeToken answers DELETE /api/v1/tokens/{id} (admin). The token's
// console sessions end at once.
func (s *Server) revokeToken(c echo.Context) error {
	id := c.Param("id")
	ctx := c.Request().Context()
	tok, err := s.parts.Tokens.Token(ctx, id)
	if err != nil {
		return err
	}
	if err := s.parts.Tokens.RevokeToken(ctx, id, principal(c).Actor()); err != nil {
		return err
	}
	s.sessions.dropToken(c.Request().Context(), id)
	// The conversations its holder had go back to the queue.
	released, err := s.parts.Queue.ReleaseClaims(ctx, principalOf(tok).Actor(), principal(c).Agent())
	if err != nil {
		return err
	}
	for _, h := range released {
		s.handoffChanged("handoff.released", h)
	}
	return c.NoContent(http.StatusNoContent)
}
