package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// The chat widget that companies embed on their own sites with one tag,
// <script src="https://HUSHDESK/widget.js">. It calls the customer
// endpoints across origins (allowed by Options.AllowedOrigins) and loads
// widget.css into its shadow root; securityHeaders lets other sites load
// both files (Cross-Origin-Resource-Policy: cross-origin).

//go:embed widget
var widgetFiles embed.FS

// embeddedAsset is a file served with a fixed content type and an ETag,
// so browsers revalidate cheaply.
type embeddedAsset struct {
	data        []byte
	etag        string
	contentType string
}

func mustAsset(fs embed.FS, name, contentType string) embeddedAsset {
	data, err := fs.ReadFile(name)
	if err != nil {
		panic(err)
	}
	sum := sha256.Sum256(data)
	return embeddedAsset{data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, contentType: contentType}
}

// handler serves the asset with the given Cache-Control, answering
// If-None-Match with 304.
func (a embeddedAsset) handler(cacheControl string) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Type", a.contentType)
		h.Set("ETag", a.etag)
		h.Set("Cache-Control", cacheControl)
		http.ServeContent(c.Response(), c.Request(), "", time.Time{}, bytes.NewReader(a.data))
		return nil
	}
}

var (
	widgetScript = mustAsset(widgetFiles, "widget/widget.js", "text/javascript; charset=utf-8")
	widgetStyle  = mustAsset(widgetFiles, "widget/widget.css", "text/css; charset=utf-8")
)

// widgetCache lets sites' visitors keep the widget for five minutes: the
// URL cannot change with each release, so the time is short.
const widgetCache = "public, max-age=300"

// routeWidget serves /widget.js and /widget.css.
func (s *Server) routeWidget() {
	s.echo.GET("/widget.js", widgetScript.handler(widgetCache))
	s.echo.GET("/widget.css", widgetStyle.handler(widgetCache))
}

// routeWidgetAndConsole adds the embeddable widget and the console.
func (s *Server) routeWidgetAndConsole() {
	s.routeWidget()
	s.routeConsole()
}
