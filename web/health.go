package web

import (
	"context"
	"net/http"
	"sort"
	"time"

	"github.com/labstack/echo/v4"
)

func (s *Server) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 once every readiness check passes, else 503 naming
// the parts that are not ready.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	names := make([]string, 0, len(s.opts.Ready))
	for name := range s.opts.Ready {
		names = append(names, name)
	}
	sort.Strings(names)
	checks := map[string]string{}
	ok := true
	for _, name := range names {
		if err := s.opts.Ready[name](ctx); err != nil {
			checks[name] = err.Error()
			ok = false
		} else {
			checks[name] = "ok"
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusServiceUnavailable
	}
	return c.JSON(status, map[string]any{"ready": ok, "checks": checks})
}
