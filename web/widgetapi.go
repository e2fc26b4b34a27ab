package web

import (
	"net/http"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/labstack/echo/v4"
)

// widgetConfig answers GET /api/v1/widget/config?lang=: what the widget
// shows before the first message, in the customer's language (the
// browser's, when lang is not given).
func (s *Server) widgetConfig(c echo.Context) error {
	l := s.clientLanguage(c)
	return c.JSON(http.StatusOK, map[string]any{
		"company":         s.opts.Company,
		"language":        l,
		"disclosure":      catalog.Text(l, catalog.Disclosure),
		"languages":       lang.Supported(),
		"max_question":    s.opts.MaxQuestionChars,
		"strings_version": catalog.Version(),
		"appearance":      s.appearance(c.Request().Context()),
		"email":           s.opts.Mail != nil,
	})
}

// runningConfig answers GET /api/v1/config (admin): the configuration the
// server runs with, without secrets.
func (s *Server) runningConfig(c echo.Context) error {
	return c.JSON(http.StatusOK, s.opts.ConfigView)
}
