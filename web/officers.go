package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// labelled is an event with its type and reason in plain words, in the
// reader's language.
type labelled struct {
	audit.Event
	Label      string `json:"label"`
	ReasonText string `json:"reason_text,omitempty"`
}

// label writes what an event records in language l.
func label(l lang.Tag, e audit.Event) labelled {
	out := labelled{Event: e, Label: e.Type}
	key := catalog.Key("event." + e.Type)
	if e.Type == audit.TypeHandoff && catalog.Has(catalog.Key("event.handoff."+e.Attrs["action"])) {
		key = catalog.Key("event.handoff." + e.Attrs["action"])
	}
	if catalog.Has(key) {
		out.Label = catalog.Text(l, key)
	}
	if r := decision.Reason(e.ReasonCode); e.ReasonCode != "" && catalog.Has(catalog.Reason(r)) {
		out.ReasonText = catalog.Text(l, catalog.Reason(r))
	}
	return out
}

// browseAuditNewest answers GET /api/v1/audit/events?order=desc&before_seq=
// (compliance): a page of envelopes newest first, labelled in words.
func (s *Server) browseAuditNewest(c echo.Context, f audit.Filter) (map[string]any, error) {
	var before uint64
	if v := c.QueryParam("before_seq"); v != "" {
		var err error
		if before, err = strconv.ParseUint(v, 10, 64); err != nil {
			return nil, badRequest("before_seq must be a whole number")
		}
	}
	l := s.clientLanguage(c)
	evs := []labelled{}
	err := s.parts.Log.ScanBack(c.Request().Context(), f, before, func(e audit.Event) error {
		evs = append(evs, label(l, e))
		return nil
	})
	if err != nil {
		return nil, err
	}
	next := uint64(0)
	if len(evs) == f.Limit {
		next = evs[len(evs)-1].Seq
	}
	return map[string]any{"events": evs, "next_before_seq": next}, nil
}

// auditEvent answers GET /api/v1/audit/events/{seq} (compliance): one
// envelope in words, whether it is intact, and the signed checkpoint that
// covers it, checked back to the event.
func (s *Server) auditEvent(c echo.Context) error {
	seq, err := strconv.ParseUint(c.Param("seq"), 10, 64)
	if err != nil || seq == 0 {
		return badRequest("the event's seq must be a whole number from 1")
	}
	p, err := s.parts.Log.ProveEvent(c.Request().Context(), seq)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"event": label(s.clientLanguage(c), p.Event), "intact": p.Intact,
		"checkpoint": p.Checkpoint, "covered": p.Covered, "problem": p.Problem})
}

// extendRequest answers POST /api/v1/requests/{id}/extend {"reason"}
// (compliance): the deadline is extended once (GDPR Art. 12(3): two more
// months; CCPA: 45 days), for a reason that is redacted and kept
// encrypted; the customer must be told within the first deadline.
func (s *Server) extendRequest(c echo.Context) error {
	var body struct{ Reason string }
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	r, err := s.parts.Rights.ExtendRequest(c.Request().Context(), c.Param("id"), s.parts.Desk.RedactText(body.Reason), principal(c).Actor())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}
