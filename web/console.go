package web

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/labstack/echo/v4"
)

// The console at /console: one page for agents, compliance officers and
// admins, with client-side views over the API. It logs in with a token
// (POST /console/login) and then uses the session cookie, sending the
// session's CSRF token with every request that changes state. Its files
// are plain HTML, CSS and JavaScript, embedded; securityHeaders keeps it
// out of frames (X-Frame-Options DENY, frame-ancestors 'none') and its
// CSP allows only this server's own scripts and styles.

//go:embed console
var consoleFiles embed.FS

var consolePage = mustAsset(consoleFiles, "console/index.html", "text/html; charset=utf-8")

// routeConsole serves /console and its assets under /console/static/.
func (s *Server) routeConsole() {
	static, err := fs.Sub(consoleFiles, "console/static")
	if err != nil {
		panic(err)
	}
	files := http.StripPrefix("/console/static/", http.FileServer(http.FS(static)))
	s.echo.GET("/console", consolePage.handler("no-store"))
	s.echo.GET("/console/", func(c echo.Context) error {
		return c.Redirect(http.StatusMovedPermanently, "/console")
	})
	s.echo.GET("/console/static/*", func(c echo.Context) error {
		// Revalidate on every load, so an upgrade reaches open consoles.
		c.Response().Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(c.Response(), c.Request())
		return nil
	})
}
