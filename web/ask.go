package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// askRequest is the body of POST /api/v1/ask.
type askRequest struct {
	Question       *string `json:"question"`
	ConversationID string  `json:"conversation_id"`
	Subject        string  `json:"subject"`
	Language       string  `json:"language"`
}

// decodeJSON reads a JSON body into v with messages that say what is wrong.
func decodeJSON(c echo.Context, v any) error {
	if err := requireJSON(c); err != nil {
		return err
	}
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var he *echo.HTTPError
		if errors.As(err, &he) {
			return he
		}
		return badRequest("could not read the request body")
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return badRequest("request body is empty; send a JSON object")
	}
	if !utf8.Valid(body) {
		return badRequest("request body is not valid UTF-8")
	}
	if err := json.Unmarshal(body, v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return badRequest(fmt.Sprintf("invalid JSON at byte %d: %s", se.Offset, se.Error()))
		case errors.As(err, &te):
			return badRequest(fmt.Sprintf("invalid JSON: field %q must be a %s", te.Field, te.Type))
		}
		return badRequest("invalid JSON: " + err.Error())
	}
	return nil
}

// ask answers POST /api/v1/ask, as JSON or, when the client accepts
// text/event-stream, as server-sent events: meta, token..., done.
func (s *Server) ask(c echo.Context) error {
	var req askRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if req.Question == nil {
		return badRequest(`missing field "question"`)
	}
	subject, err := s.subjectID(req.Subject)
	if err != nil {
		return err
	}
	hint, _ := lang.Parse(req.Language) // a hint only: an unknown one is none
	q := inference.Question{Text: *req.Question, ConversationID: req.ConversationID, Subject: subject, Language: hint}
	start := time.Now()
	if !acceptsEventStream(c.Request()) {
		reply, err := s.parts.Assistant.Ask(c.Request().Context(), q, nil)
		if err != nil {
			return err
		}
		s.metrics.observeReply(reply, time.Since(start))
		s.notifyHandoff(c.Request().Context(), reply)
		return c.JSON(http.StatusOK, viewOf(reply))
	}
	sse := &eventStream{c: c}
	reply, err := s.parts.Assistant.Ask(c.Request().Context(), q, &inference.Stream{
		Meta: func(r inference.Reply) error { return sse.send("meta", r) },
		Token: func(text string) error {
			return sse.send("token", map[string]string{"text": text})
		},
	})
	if err != nil {
		if !sse.started {
			return err // nothing sent yet: an ordinary error answer
		}
		status, msg, kind := s.answerFor(err)
		if status >= 500 {
			s.log.Warn("ask stream failed", "kind", kind, "err", err)
		}
		sse.send("error", map[string]string{"error": msg, "code": kind})
		return nil
	}
	s.metrics.observeReply(reply, time.Since(start))
	s.notifyHandoff(c.Request().Context(), reply)
	return sse.send("done", viewOf(reply))
}

func acceptsEventStream(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

// eventStream writes server-sent events, sending the headers with the
// first event so that errors before it can still be ordinary answers.
type eventStream struct {
	c       echo.Context
	started bool
}

func (e *eventStream) send(event string, v any) error {
	w := e.c.Response()
	if !e.started {
		h := w.Header()
		h.Set("Content-Type", "text/event-stream; charset=utf-8")
		h.Set("Cache-Control", "no-store") // answers and transcripts: no copy kept anywhere
		h.Set("X-Accel-Buffering", "no")
		w.WriteHeader(http.StatusOK)
		e.started = true
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s event: %w", event, err)
	}
	if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, data); err != nil {
		return fmt.Errorf("write %s event: %w", event, err)
	}
	w.Flush()
	return nil
}
