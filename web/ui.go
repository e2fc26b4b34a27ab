package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/labstack/echo/v4"
)

//go:embed ui
var uiFiles embed.FS

var indexTemplate = template.Must(template.ParseFS(uiFiles, "ui/index.html"))

func (s *Server) routeUI() {
	static, _ := fs.Sub(uiFiles, "ui")
	s.echo.GET("/", s.index)
	s.echo.GET("/static/*", echo.WrapHandler(http.StripPrefix("/static/", http.FileServer(http.FS(static)))))
}

// index renders the chat page in the language the browser prefers, with
// the words the page shows before its script runs taken from the
// catalogue; the script fetches the rest from /api/v1/strings.
//
// With ?embed=1 it is the page the widget shows in its frame (a close
// button, no page margins); ?lang= fixes its language.
func (s *Server) index(c echo.Context) error {
	l := s.clientLanguage(c)
	var buf bytes.Buffer
	err := indexTemplate.Execute(&buf, struct {
		T           map[string]string
		Lang        lang.Tag
		Company     string
		MaxQuestion int
		Embed       bool
		KeepMS      int64
	}{catalog.Client(l), l, s.opts.Company, s.opts.MaxQuestionChars, c.QueryParam("embed") == "1", s.opts.ChatKeep.Milliseconds()})
	if err != nil {
		return err
	}
	return c.HTMLBlob(http.StatusOK, buf.Bytes())
}

// stringsCache lets browsers keep the strings for an hour when they ask
// for the catalogue's current version, and revalidate otherwise.
const stringsCache = "public, max-age=3600"

// clientStrings answers GET /api/v1/strings?lang=: every sentence the chat
// page and the widget show, in one language (the browser's, when lang is
// not given), from the same catalogue as the server's own sentences. The
// ETag is the catalogue's version.
func (s *Server) clientStrings(c echo.Context) error {
	l := s.clientLanguage(c)
	etag := `"` + catalog.Version() + "-" + string(l) + `"`
	h := c.Response().Header()
	h.Set("ETag", etag)
	h.Set("Vary", "Accept-Language")
	if c.QueryParam("v") == catalog.Version() {
		h.Set("Cache-Control", stringsCache)
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if c.Request().Header.Get("If-None-Match") == etag {
		return c.NoContent(http.StatusNotModified)
	}
	return c.JSON(http.StatusOK, map[string]any{
		"language": l, "version": catalog.Version(), "strings": catalog.Client(l),
	})
}

// clientLanguage is the language a client asks for with ?lang=, or else
// the one its Accept-Language header prefers.
func (s *Server) clientLanguage(c echo.Context) lang.Tag {
	if l, ok := lang.Parse(c.QueryParam("lang")); ok {
		return l
	}
	if l, ok := lang.ParseAcceptLanguage(c.Request().Header.Get("Accept-Language")); ok {
		return l
	}
	return lang.Default
}
