package web

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// claimHandoff answers POST /api/v1/handoffs/{id}/claim (agent).
func (s *Server) claimHandoff(c echo.Context) error {
	h, err := s.parts.Queue.ClaimHandoff(c.Request().Context(), c.Param("id"), principal(c).Agent())
	if err != nil {
		return err
	}
	s.handoffChanged("handoff.claimed", h)
	return c.JSON(http.StatusOK, h)
}

// resolveHandoff answers POST /api/v1/handoffs/{id}/resolve (agent): the
// conversation goes back to the assistant.
func (s *Server) resolveHandoff(c echo.Context) error {
	h, err := s.parts.Queue.ResolveHandoff(c.Request().Context(), c.Param("id"), principal(c).Agent())
	if err != nil {
		return err
	}
	s.handoffChanged("handoff.resolved", h)
	return c.JSON(http.StatusOK, h)
}

// replyHandoff answers POST /api/v1/handoffs/{id}/reply {"text"} (agent).
// The text is redacted before it is stored and delivered live to the
// customer's open conversation.
func (s *Server) replyHandoff(c echo.Context) error {
	var body struct{ Text string }
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	rep, err := s.parts.Desk.ReplyAsAgent(c.Request().Context(), c.Param("id"), principal(c).Agent(), body.Text)
	if err != nil {
		return err
	}
	s.hub.publish(rep.Handoff.Conversation, hubEvent{Name: "agent_reply", Data: map[string]any{
		"message_id": rep.MessageID, "text": rep.Text, "html": renderMarkdown(rep.Text), "time": time.Now().UTC(),
		"audit_seq": rep.AuditSeq, "agent_name": principal(c).Name,
	}})
	s.handoffChanged("handoff.replied", rep.Handoff)
	answer := map[string]any{
		"message_id": rep.MessageID, "audit_seq": rep.AuditSeq, "stored": rep.Stored,
		"redactions": rep.Redactions, "handoff": rep.Handoff, "delivered_live": s.hub.watchers(rep.Handoff.Conversation) > 0,
	}
	if rep.Handoff.EmailReplies && s.opts.Mail != nil {
		// The customer asked for the replies by e-mail: this one goes too.
		if err := s.emailReply(c.Request().Context(), rep.Handoff, rep.MessageID, principal(c).Name, rep.Text); err != nil {
			s.log.Warn("queue an e-mailed reply", "handoff", rep.Handoff.ID, "err", err)
		} else {
			answer["email"] = "queued"
		}
	}
	return c.JSON(http.StatusOK, answer)
}

// releaseHandoff answers POST /api/v1/handoffs/{id}/release (agent): the
// claimant gives the conversation back to the queue; an admin may release
// anyone's claim.
func (s *Server) releaseHandoff(c echo.Context) error {
	p := principal(c)
	h, err := s.parts.Queue.ReleaseHandoff(c.Request().Context(), c.Param("id"), p.Agent(), p.Role == role.Admin)
	if err != nil {
		return err
	}
	s.handoffChanged("handoff.released", h)
	return c.JSON(http.StatusOK, h)
}

// assignHandoff answers POST /api/v1/handoffs/{id}/assign {"agent": token
// id} (agent): the claimant passes the conversation on, anyone assigns an
// open one, an admin reassigns any. The agent must hold a live agent token.
func (s *Server) assignHandoff(c echo.Context) error {
	var body struct{ Agent string }
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	tok, err := s.parts.Tokens.Token(c.Request().Context(), body.Agent)
	if err != nil || !tok.Role.Includes(role.Agent) {
		return badRequest("no such agent: " + body.Agent)
	}
	p := principal(c)
	h, err := s.parts.Queue.AssignHandoff(c.Request().Context(), c.Param("id"), principalOf(tok).Agent(), p.Agent(), p.Role == role.Admin)
	if err != nil {
		return err
	}
	s.handoffChanged("handoff.assigned", h)
	return c.JSON(http.StatusOK, h)
}

// revealValue answers POST /api/v1/handoffs/{id}/reveal {"label",
// "reason"} (agent): the customer's value behind a placeholder of the
// conversation, for the agent who has it, with a stated reason. The
// reveal is recorded for compliance officers; the answer is not cached.
func (s *Server) revealValue(c echo.Context) error {
	var body struct{ Label, Reason string }
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	if body.Label == "" {
		return badRequest(`"label" is required`)
	}
	rev, err := s.parts.Desk.Reveal(c.Request().Context(), c.Param("id"), principal(c).Agent(), body.Label, body.Reason)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, rev)
}

// requestPerson answers POST /api/v1/handoff {"conversation_id", "language",
// "subject"}: the customer's "talk to a person" button.
func (s *Server) requestPerson(c echo.Context) error {
	var body struct {
		ConversationID string `json:"conversation_id"`
		Subject        string `json:"subject"`
		Language       string `json:"language"`
	}
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	subject, err := s.subjectID(body.Subject)
	if err != nil {
		return err
	}
	if body.ConversationID != "" {
		if !inference.ValidConversationID(body.ConversationID) {
			return inference.ErrBadConversation
		}
		ref := s.parts.Log.ConversationRef(body.ConversationID)
		if h, ok, err := s.parts.Queue.ActiveHandoff(c.Request().Context(), ref); err == nil && ok {
			return c.JSON(http.StatusOK, map[string]any{"conversation_id": body.ConversationID, "decision": decision.Handoff,
				"reason_code": decision.AwaitingPerson, "handoff": h})
		}
	}
	l, _ := lang.Parse(body.Language)
	reply, err := s.parts.Assistant.HandOff(c.Request().Context(), inference.HandoffRequest{
		ConversationID: body.ConversationID, Subject: subject, Lang: l, Reason: decision.PersonRequested,
	})
	if err != nil {
		return err
	}
	s.metrics.observeReply(reply, 0)
	s.notifyHandoff(c.Request().Context(), reply)
	return c.JSON(http.StatusOK, viewOf(reply))
}

// notifyHandoff tells the webhook about a reply that opened a hand-off.
func (s *Server) notifyHandoff(ctx context.Context, r inference.Reply) {
	if r.Decision != decision.Handoff {
		return
	}
	if r.ReasonCode == decision.AwaitingPerson {
		// The customer wrote again: the agents' queue shows it unread.
		if h, ok, err := s.parts.Queue.ActiveHandoff(ctx, s.parts.Log.ConversationRef(r.ConversationID)); err == nil && ok {
			s.queueChanged("handoff.message", h)
		}
		return
	}
	h, err := s.parts.Queue.Handoff(ctx, audit.HandoffID(r.MessageID))
	if err != nil {
		if !errors.Is(err, audit.ErrNoHandoff) {
			s.log.Warn("read new hand-off", "err", err)
		}
		return
	}
	s.handoffChanged("handoff.created", h)
}

// handoffChanged tells the customer's open conversation and the webhook.
// The customer is told who has their conversation (the agent's display
// name) and, when it is handed back, the assistant's word in their
// language.
func (s *Server) handoffChanged(event string, h audit.Handoff) {
	s.hub.publish(h.Conversation, hubEvent{Name: "status", Data: handoffStatus(event, h)})
	s.queueChanged(event, h)
	if s.opts.Webhook != nil {
		s.opts.Webhook.Send(event, h)
	}
}

// conversationEvents answers GET /api/v1/conversations/{id}/events: a
// server-sent event stream of the conversation's agent replies
// (agent_reply) and hand-off changes (status), until the client leaves.
// The stream counts against the client's address.
func (s *Server) conversationEvents(c echo.Context) error {
	id := c.Param("id")
	if !inference.ValidConversationID(id) {
		return badRequest("conversation id is malformed")
	}
	release, err := s.openStream(c)
	if err != nil {
		return err
	}
	defer release()
	ref := s.parts.Log.ConversationRef(id)
	events, cancel := s.hub.subscribe(ref)
	defer cancel()
	sse := &eventStream{c: c}
	state := map[string]any{"status": "none"}
	if h, ok, err := s.parts.Queue.ActiveHandoff(c.Request().Context(), ref); err == nil && ok {
		state = handoffStatus("", h)
	}
	if err := sse.send("status", state); err != nil {
		return nil
	}
	return s.follow(c, sse, events)
}

// handoffStatus is a hand-off's state as the customer's client receives it.
func handoffStatus(event string, h audit.Handoff) map[string]any {
	st := map[string]any{"handoff_id": h.ID, "status": h.Status, "time": h.Updated}
	if event != "" {
		st["event"] = event
	}
	if h.AgentName != "" {
		st["agent_name"] = h.AgentName
	}
	if h.Status == audit.HandoffResolved {
		st["message"] = inference.HandBack(lang.Tag(h.Language), h.AgentName)
	}
	return st
}
