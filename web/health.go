package web

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

func (s *Server) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 while the knowledge base and the audit store can
// serve (the store takes writes: not closed, not read-only, its disk not
// full), else 503 naming what is not ready; 503 too once shutdown begins,
// so a load balancer sends no new requests.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	checks := map[string]string{}
	ok := true
	for name, check := range map[string]func(context.Context) error{
		"knowledge_base": s.parts.Knowledge.Ready,
		"audit_store":    s.parts.Log.Ready,
		"server": func(context.Context) error {
			if s.draining.Load() {
				return errShuttingDown
			}
			return nil
		},
	} {
		if err := check(ctx); err != nil {
			checks[name], ok = err.Error(), false
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

var errShuttingDown = errors.New("shutting down")
