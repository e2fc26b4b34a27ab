package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// statusOf is the one table from an error's kind to its HTTP status.
var statusOf = map[fault.Kind]int{
	fault.Internal:        http.StatusInternalServerError,
	fault.Invalid:         http.StatusBadRequest,
	fault.Unprocessable:   http.StatusUnprocessableEntity,
	fault.NotFound:        http.StatusNotFound,
	fault.Conflict:        http.StatusConflict,
	fault.Forbidden:       http.StatusForbidden,
	fault.Unauthenticated: http.StatusUnauthorized,
	fault.TooLarge:        http.StatusRequestEntityTooLarge,
	fault.Unavailable:     http.StatusServiceUnavailable,
	fault.Canceled:        statusClientClosed,
}

// statusClientClosed is what the access log records for a client that
// went away before its answer (nginx's 499): not a server error.
const statusClientClosed = 499

// Errors the web layer itself gives.
var (
	errNotFound     = fault.New(fault.NotFound, "not found")
	errNoCredential = fault.New(fault.Unauthenticated, "this endpoint needs a bearer token (Authorization: Bearer <token>)")
	errBadToken     = fault.New(fault.Unauthenticated, "the token is not valid")
	errBadScheme    = fault.New(fault.Unauthenticated, `the Authorization header must be "Bearer <token>"`)
	errNotLoggedIn  = fault.New(fault.Unauthenticated, "not logged in")
)

// httpError is an error with the status and message the client should
// see, for the few answers no kind describes (415, 429, 405).
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// badRequest is an Invalid error with msg.
func badRequest(msg string) error { return fault.Wrap(fault.Invalid, errors.New(msg)) }

// notFound is a NotFound error with msg.
func notFound(msg string) error { return fault.Wrap(fault.NotFound, errors.New(msg)) }

// errorHandler is the one place errors become HTTP answers: JSON with a
// message for the client and the error's kind as "code", the detail in
// the log, never a stack trace. An error without a kind is a 500 whose
// message stays in the log.
func (s *Server) errorHandler(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, msg, kind := s.answerFor(err)
	if status >= 500 {
		s.log.Error("request failed", "route", c.Path(), "status", status, "kind", kind, "err", err)
	}
	if status == statusClientClosed {
		c.Response().WriteHeader(status) // nobody reads it; the access log does
		return
	}
	if c.Request().Method == http.MethodHead {
		c.NoContent(status)
		return
	}
	body := map[string]any{"error": msg, "code": kind}
	var pd *kb.PersonalDataError
	var rf *kb.RefusedError
	var he audit.HoldError
	switch {
	case errors.As(err, &pd):
		body["personal_data"] = pd.Found // types and counts, never values
	case errors.As(err, &rf):
		body["refused"] = rf.Refused // positions, redacted names, types and counts
		var pi *partialIngest
		if errors.As(err, &pi) {
			body["report"] = pi.report // what the others changed
		}
	case errors.As(err, &he) && principal(c).Role != "":
		body["hold"] = he.Hold // officers see the hold; customers a refusal
	}
	c.JSON(status, body)
}

// answerFor returns the status, the client's message and the kind of an
// error.
func (s *Server) answerFor(err error) (int, string, string) {
	var he *httpError
	var ee *echo.HTTPError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg, "http"
	case errors.As(err, &ee):
		msg, _ := ee.Message.(string)
		if ee.Code == http.StatusRequestEntityTooLarge {
			msg = "request body is too large"
		}
		if msg == "" {
			msg = http.StatusText(ee.Code)
		}
		return ee.Code, msg, "http"
	}
	k := fault.KindOf(err)
	status := statusOf[k]
	switch k {
	case fault.Internal:
		return status, "internal error; the details are in the server log", k.String()
	case fault.Unavailable:
		var fe *fault.Error
		if fault.DiskFull(err) {
			return status, "the server's disk is full; please try again later", k.String()
		}
		if errors.As(err, &fe) {
			return status, fe.Error() + "; please try again shortly", k.String()
		}
		return status, "a part of the server is unavailable; please try again shortly", k.String()
	case fault.Conflict:
		var hold audit.HoldError
		if errors.As(err, &hold) {
			return status, "this cannot be erased now: it is under a legal hold", k.String()
		}
	}
	return status, err.Error(), k.String()
}
