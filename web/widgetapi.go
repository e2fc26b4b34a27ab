package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/retrieval"
)

// widgetConfig answers GET /api/v1/widget/config?lang=: what the widget
// shows before the first message, in the customer's language (the
// browser's, when lang is not given).
func (s *Server) widgetConfig(c echo.Context) error {
	lang := retrieval.NormalizeLanguage(c.QueryParam("lang"))
	if lang == "" {
		lang = preferredLanguage(c.Request().Header.Get("Accept-Language"))
	}
	return c.JSON(http.StatusOK, map[string]any{
		"company":      s.opts.Company,
		"language":     lang,
		"disclosure":   inference.Disclosure(lang),
		"languages":    retrieval.Languages,
		"max_question": s.opts.MaxQuestionChars,
	})
}

// runningConfig answers GET /api/v1/config (admin): the configuration the
// server runs with, without secrets.
func (s *Server) runningConfig(c echo.Context) error {
	return c.JSON(http.StatusOK, s.opts.ConfigView)
}
