package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
)

// apiError is an error with the HTTP status and the message the client
// should see.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func badRequest(msg string) error { return &apiError{status: http.StatusBadRequest, msg: msg} }

// errorHandler is the one place errors become HTTP answers: JSON with a
// message for the client, the detail in the log, never a stack trace.
func (s *Server) errorHandler(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, msg := http.StatusInternalServerError, "internal error; the details are in the server log"
	var ae *apiError
	var he *echo.HTTPError
	switch {
	case errors.As(err, &ae):
		status, msg = ae.status, ae.msg
	case inference.IsBadInput(err):
		status, msg = http.StatusBadRequest, err.Error()
	case errors.Is(err, inference.ErrUnknownMessage):
		status, msg = http.StatusNotFound, err.Error()
	case errors.Is(err, audit.ErrLegalHold):
		if body, ok := holdConflict(err); ok {
			c.JSON(http.StatusConflict, body)
			return
		}
		status, msg = http.StatusConflict, err.Error()
	case errors.Is(err, audit.ErrInvalid):
		status, msg = http.StatusBadRequest, err.Error()
	case errors.Is(err, inference.ErrEmptyReply):
		status, msg = http.StatusBadRequest, err.Error()
	case errors.Is(err, audit.ErrHandoffTaken):
		status, msg = http.StatusConflict, err.Error()
	case errors.Is(err, audit.ErrNoHold), errors.Is(err, audit.ErrNoRequest), errors.Is(err, audit.ErrNoToken),
		errors.Is(err, audit.ErrNoHandoff):
		status, msg = http.StatusNotFound, err.Error()
	case errors.Is(err, audit.ErrRequestClosed):
		status, msg = http.StatusConflict, err.Error()
	case errors.Is(err, audit.ErrReadOnly), errors.Is(err, audit.ErrClosed):
		status, msg = http.StatusServiceUnavailable, "the audit store is not writable right now"
	case errors.As(err, &he):
		status = he.Code
		if m, ok := he.Message.(string); ok {
			msg = m
		} else {
			msg = http.StatusText(he.Code)
		}
		if status == http.StatusRequestEntityTooLarge {
			msg = "request body is too large"
		}
	}
	if status >= 500 {
		s.log.Error("request failed", "route", c.Path(), "status", status, "err", err)
	}
	if c.Request().Method == http.MethodHead {
		c.NoContent(status)
		return
	}
	c.JSON(status, map[string]string{"error": msg})
}
