package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
)

// checkTeam refuses a team that takes no hand-offs; empty is no team.
func (s *Server) checkTeam(t string) error {
	if t == "" {
		return nil
	}
	if _, ok := s.teamSet().Get(t); !ok {
		return badRequest("no such team: " + t + "; the teams are " + strings.Join(s.teamSet().Names(), ", "))
	}
	return nil
}

// updateToken answers PATCH /api/v1/tokens/{id} {"name", "team"}
// (admin): an agent is renamed or moved to another team. The name
// customers already saw in past conversations stays as it was.
func (s *Server) updateToken(c echo.Context) error {
	var body struct {
		Name *string `json:"name"`
		Team *string `json:"team"`
	}
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	if body.Team != nil {
		if err := s.checkTeam(strings.TrimSpace(*body.Team)); err != nil {
			return err
		}
	}
	tok, err := s.parts.Tokens.UpdateToken(c.Request().Context(), c.Param("id"), audit.TokenChange{Name: body.Name, Team: body.Team}, principal(c).Actor())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, tok)
}
