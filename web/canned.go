package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// saveCanned answers POST /api/v1/canned {"title", "language", "text"}
// and PUT /api/v1/canned/{id} (admin): a canned response, refused with
// 400 when it names an unknown variable or holds personal data.
func (s *Server) saveCanned(c echo.Context) error {
	var body struct{ Title, Language, Text string }
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	l, ok := lang.Parse(body.Language)
	if !ok {
		return badRequest("language must be one of the supported languages")
	}
	if err := s.parts.Desk.CheckCanned(body.Title + "\n" + body.Text); err != nil {
		return err
	}
	cr, err := s.parts.Canned.SaveCanned(c.Request().Context(), audit.Canned{ID: c.Param("id"), Title: body.Title,
		Language: string(l), Text: body.Text}, principal(c).Actor())
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if c.Param("id") != "" {
		status = http.StatusOK
	}
	return c.JSON(status, cr)
}

// deleteCanned answers DELETE /api/v1/canned/{id} (admin).
func (s *Server) deleteCanned(c echo.Context) error {
	if err := s.parts.Canned.DeleteCanned(c.Request().Context(), c.Param("id"), principal(c).Actor()); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
