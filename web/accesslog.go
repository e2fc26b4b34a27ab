package web

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// knownMethods are the HTTP methods the server answers; any other is
// refused before it is logged or counted, so a client cannot grow the
// metrics or the log with methods of its own making.
var knownMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodPost: true, http.MethodPut: true,
	http.MethodPatch: true, http.MethodDelete: true, http.MethodOptions: true,
}

// refuseUnknownMethods answers 405 to a method outside knownMethods, with
// nothing of the method kept.
func refuseUnknownMethods(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !knownMethods[c.Request().Method] {
			c.Response().Header().Set("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
			return c.NoContent(http.StatusMethodNotAllowed)
		}
		return next(c)
	}
}

// accessLog logs one line per request with the route template (never the
// raw path or query, which may carry a conversation capability).
func (s *Server) accessLog(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		status := c.Response().Status
		if c.Request().Context().Err() != nil {
			// The client left before its answer was complete: before a
			// byte of it, or in the middle of a stream.
			status = statusClientClosed
		}
		d := time.Since(start)
		s.metrics.observeHTTP(c.Request().Method, route, status, d)
		level := slog.LevelInfo
		if route == "/healthz" || route == "/readyz" || route == "/metrics" {
			level = slog.LevelDebug
		}
		s.log.Log(c.Request().Context(), level, "http request", "method", c.Request().Method, "route", route,
			"status", status, "duration_ms", float64(d.Microseconds())/1000, "bytes", c.Response().Size)
		return nil
	}
}

func (s *Server) logPanic(c echo.Context, err error, stack []byte) error {
	s.log.Error("handler panic", "route", c.Path(), "err", err)
	return err
}
