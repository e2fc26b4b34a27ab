package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/fault"
)

// errCannotEraseNow is what a customer is told when their conversation
// cannot be erased (a legal hold keeps it): nothing more.
var errCannotEraseNow = fault.New(fault.Conflict, "this conversation cannot be deleted right now; please contact us")

// regime reads the ?regime= parameter (gdpr by default).
func regime(c echo.Context) string {
	if r := c.QueryParam("regime"); r != "" {
		return r
	}
	return audit.RegimeGDPR
}

// exportSubject answers GET /api/v1/subjects/{id}/export: everything held
// about one customer (GDPR Art. 15 and 20), logged as an answered access
// request.
func (s *Server) exportSubject(c echo.Context) error {
	ctx, actor := c.Request().Context(), principal(c).Actor()
	pseudonym := s.parts.Log.SubjectPseudonym(c.Param("id"))
	format := c.QueryParam("format")
	if format != "" && format != "json" && !letterFormats[format] {
		return badRequest("format must be json, html or pdf")
	}
	req, err := s.parts.Rights.LogRequest(ctx, audit.RequestSpec{Kind: audit.RequestAccess, Subject: pseudonym, Regime: regime(c),
		Actor: actor, Channel: audit.ChannelConsole, CustomerID: c.Param("id")})
	if err != nil {
		return err
	}
	exp, err := s.parts.Rights.ExportSubject(ctx, pseudonym, actor)
	if err != nil {
		return err
	}
	if _, err := s.parts.Rights.CompleteRequest(ctx, req.ID, actor); err != nil {
		return err
	}
	if letterFormats[format] {
		return s.letter(c, exp, format)
	}
	return writeJSONAttachment(c, "subject-"+pseudonym+".json", exp)
}

// eraseSubject answers DELETE /api/v1/subjects/{id} (GDPR Art. 17): the
// subject's keys are shredded and a receipt comes back; a legal hold
// answers 409 with its basis.
func (s *Server) eraseSubject(c echo.Context) error {
	ctx, actor := c.Request().Context(), principal(c).Actor()
	pseudonym := s.parts.Log.SubjectPseudonym(c.Param("id"))
	req, err := s.parts.Rights.LogRequest(ctx, audit.RequestSpec{Kind: audit.RequestErasure, Subject: pseudonym, Regime: regime(c),
		Actor: actor, Channel: audit.ChannelConsole, CustomerID: c.Param("id")})
	if err != nil {
		return err
	}
	if s.opts.FourEyes.Erasure {
		// The request's clock runs; a second officer approves.
		return s.askApproval(c, ActionErasure, pseudonym, req.ID)
	}
	rec, err := s.parts.Rights.EraseSubject(ctx, pseudonym, actor)
	if err != nil {
		return err // the request stays open, with its deadline
	}
	if _, err := s.parts.Rights.CompleteRequest(ctx, req.ID, actor); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{
		"subject": rec.Subject, "erased_at": rec.ErasedAt, "events_affected": rec.EventsAffected,
		"audit_seq": rec.AuditSeq, "request_id": req.ID,
	})
}

// eraseConversation answers DELETE /api/v1/conversations/{id}: the
// customer erases their own conversation.
func (s *Server) eraseConversation(c echo.Context) error {
	id := c.Param("id")
	if !inference.ValidConversationID(id) {
		return badRequest("conversation id is malformed")
	}
	ref := s.parts.Log.ConversationRef(id)
	evs, err := s.parts.Log.Conversation(c.Request().Context(), ref)
	if err != nil {
		return err
	}
	if len(evs) == 0 {
		// Erased already: a retry gets the same receipt.
		if rec, err := s.parts.Rights.ErasureReceipt(c.Request().Context(), ref); err == nil {
			return c.JSON(http.StatusOK, rec)
		}
		return notFound("conversation not found")
	}
	rec, err := s.parts.Rights.EraseConversation(c.Request().Context(), ref, "customer")
	if errors.Is(err, audit.ErrLegalHold) {
		// Whoever holds a conversation id learns nothing of a hold, its
		// basis or whom it concerns: only that this cannot be done now.
		return errCannotEraseNow
	}
	if err != nil {
		return err
	}
	s.parts.Assistant.Forget(id)
	return c.JSON(http.StatusOK, rec)
}

// listRequests answers GET /api/v1/requests: the subject request log with
// deadlines, oldest first.
func (s *Server) listRequests(c echo.Context) error {
	reqs, err := s.parts.Rights.Requests(c.Request().Context())
	if err != nil {
		return err
	}
	if reqs == nil {
		reqs = []audit.Request{}
	}
	return c.JSON(http.StatusOK, map[string]any{"requests": reqs})
}

// openRequest answers POST /api/v1/requests {"kind", "subject", "regime"}:
// logs a request received by post, e-mail or phone, starting its clock.
func (s *Server) openRequest(c echo.Context) error {
	var body struct{ Kind, Subject, Regime string }
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	if strings.TrimSpace(body.Subject) == "" {
		return badRequest(`"subject" (the customer's id) is required`)
	}
	if body.Regime == "" {
		body.Regime = audit.RegimeGDPR
	}
	req, err := s.parts.Rights.LogRequest(c.Request().Context(), audit.RequestSpec{Kind: body.Kind,
		Subject: s.parts.Log.SubjectPseudonym(body.Subject), Regime: body.Regime, Actor: principal(c).Actor(),
		Channel: audit.ChannelConsole, CustomerID: body.Subject})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, req)
}

// completeRequest answers POST /api/v1/requests/{id}/complete.
func (s *Server) completeRequest(c echo.Context) error {
	req, err := s.parts.Rights.CompleteRequest(c.Request().Context(), c.Param("id"), principal(c).Actor())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, req)
}

// listHolds answers GET /api/v1/holds.
func (s *Server) listHolds(c echo.Context) error {
	holds, err := s.parts.Rights.Holds(c.Request().Context())
	if err != nil {
		return err
	}
	if holds == nil {
		holds = []audit.Hold{}
	}
	return c.JSON(http.StatusOK, map[string]any{"holds": holds})
}

// holdTarget reads the target of a hold: a customer id ("subject"), a
// conversation id ("conversation_id"), or a pseudonym ("target").
func (s *Server) holdTarget(subject, conversation, target string) (string, error) {
	switch {
	case subject != "":
		return s.parts.Log.SubjectPseudonym(subject), nil
	case conversation != "":
		if !inference.ValidConversationID(conversation) {
			return "", badRequest("conversation_id is malformed")
		}
		return s.parts.Log.ConversationRef(conversation), nil
	case strings.HasPrefix(target, "s_") || strings.HasPrefix(target, "k_"):
		return target, nil
	}
	return "", badRequest(`name the hold's target: "subject", "conversation_id" or "target" (an s_ or k_ pseudonym)`)
}

// placeHold answers POST /api/v1/holds {"subject"|"conversation_id"|"target", "basis"}.
func (s *Server) placeHold(c echo.Context) error {
	var body struct {
		Subject        string `json:"subject"`
		ConversationID string `json:"conversation_id"`
		Target         string `json:"target"`
		Basis          string `json:"basis"`
	}
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	target, err := s.holdTarget(body.Subject, body.ConversationID, body.Target)
	if err != nil {
		return err
	}
	if strings.TrimSpace(body.Basis) == "" {
		return badRequest(`a legal hold needs its "basis" (a case or legal reference, not a person's name)`)
	}
	h, err := s.parts.Rights.PlaceHoldFor(c.Request().Context(), target, body.Basis, body.Subject, principal(c).Actor())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, h)
}

// releaseHold answers DELETE /api/v1/holds/{target}.
func (s *Server) releaseHold(c echo.Context) error {
	target, err := s.holdTarget("", "", c.Param("target"))
	if err != nil {
		return err
	}
	if s.opts.FourEyes.HoldRelease {
		if err := s.approvable(c.Request().Context(), Approval{Action: ActionHoldRelease, Target: target}); err != nil {
			return err
		}
		return s.askApproval(c, ActionHoldRelease, target, "")
	}
	if err := s.parts.Rights.ReleaseHold(c.Request().Context(), target, principal(c).Actor()); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
