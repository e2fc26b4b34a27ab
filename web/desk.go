package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/desk"
	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/web/mail"
)

// deskMessage is one message of a hand-off's conversation as agents read
// it: the customer's transcript, the agents' internal notes, and how each
// e-mailed reply fared.
type deskMessage struct {
	transcriptMessage
	// Email is where the e-mailing of an agent's reply stands: queued,
	// retrying, sent, failed, or not_sent (the server restarted before it
	// went; send it again).
	Email *mail.Status `json:"email,omitempty"`
}

// placeholderView is a value the customer typed, as an agent may ask to
// reveal it: its label and type, never the value.
type placeholderView struct {
	Label string `json:"label"`
	Type  string `json:"type"`
}

// getHandoff answers GET /api/v1/handoffs/{id} (agent): the hand-off as a
// queue row, its conversation as stored (redacted) with the internal
// notes, the placeholders an agent may reveal, and where each e-mailed
// reply stands.
func (s *Server) getHandoff(c echo.Context) error {
	ctx := c.Request().Context()
	h, err := s.parts.Queue.Handoff(ctx, c.Param("id"))
	if err != nil {
		return err
	}
	evs, err := s.parts.Log.Conversation(ctx, h.Conversation)
	if err != nil {
		return err
	}
	msgs := []deskMessage{}
	for _, m := range transcript(evs) {
		msgs = append(msgs, deskMessage{transcriptMessage: m})
	}
	sent := map[string]mail.Status{}
	var ph []placeholderView
	var emailFrom uint64 // the customer asked for e-mail at this event
	for _, e := range evs {
		switch e.Type {
		case audit.TypeEmailRequested:
			emailFrom = e.Seq
		case audit.TypeNote:
			text := ""
			if e.Content != nil {
				text = e.Content.Text
			}
			msgs = append(msgs, deskMessage{transcriptMessage: transcriptMessage{Time: e.Time, Role: "note", Text: text,
				Erased: e.Shredded, AgentName: e.Attrs["agent_name"], AuditSeq: e.Seq}})
		case audit.TypeEmailSent, audit.TypeEmailFailed:
			st := mail.Status{State: mail.StateSent}
			if e.Type == audit.TypeEmailFailed {
				st = mail.Status{State: mail.StateFailed, Problem: e.Attrs["problem"]}
			}
			sent[e.Attrs["reply"]] = st
		}
		if e.Content != nil {
			for _, p := range e.Content.Placeholders {
				ph = append(ph, placeholderView{Label: p.Label, Type: p.Type})
			}
		}
	}
	for i := range msgs {
		m := &msgs[i]
		if m.Role == "note" || m.Role == "agent" {
			m.Language = cmpOr(m.Language, h.Language)
		}
		if m.Role != "agent" || !h.EmailReplies {
			continue
		}
		if st, ok := sent[m.MessageID]; ok {
			m.Email = &st
		} else if s.opts.Mail != nil && emailFrom > 0 && m.AuditSeq > emailFrom {
			st, ok := s.opts.Mail.Outbox.Status(m.MessageID)
			if !ok {
				st = mail.Status{State: "not_sent"} // queued before a restart: send it again
			}
			m.Email = &st
		}
	}
	sortMessages(msgs)
	return c.JSON(http.StatusOK, map[string]any{"handoff": s.row(ctx, h, principal(c), time.Now()), "messages": msgs,
		"placeholders": ph, "email_offered": s.opts.Mail != nil})
}

// sortMessages puts notes among the messages by time (stable: the
// transcript's own order stands).
func sortMessages(msgs []deskMessage) {
	for i := 1; i < len(msgs); i++ {
		for j := i; j > 0 && msgs[j].AuditSeq < msgs[j-1].AuditSeq && msgs[j].Role == "note"; j-- {
			msgs[j], msgs[j-1] = msgs[j-1], msgs[j]
		}
	}
}

// addNote answers POST /api/v1/handoffs/{id}/notes {"text"} (agent): an
// internal note, redacted, which the customer never sees.
func (s *Server) addNote(c echo.Context) error {
	var body struct{ Text string }
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	n, err := s.parts.Desk.AddNote(c.Request().Context(), c.Param("id"), principal(c).Agent(), body.Text)
	if err != nil {
		return err
	}
	s.queueChanged("handoff.note", n.Handoff)
	return c.JSON(http.StatusCreated, n)
}

// transferHandoff answers POST /api/v1/handoffs/{id}/transfer {"team"}
// (agent): the conversation goes, unclaimed, to another team's queue.
func (s *Server) transferHandoff(c echo.Context) error {
	var body struct{ Team string }
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	if _, ok := s.teamSet().Get(body.Team); !ok {
		return badRequest("no such team: " + body.Team + "; the teams are " + strings.Join(s.teamSet().Names(), ", "))
	}
	h, err := s.parts.Queue.TransferHandoff(c.Request().Context(), c.Param("id"), body.Team, principal(c).Agent())
	if err != nil {
		return err
	}
	s.handoffChanged("handoff.transferred", h)
	return c.JSON(http.StatusOK, h)
}

// handBack answers POST /api/v1/handoffs/{id}/handback (agent): the
// conversation goes back to the assistant, which tells the customer.
func (s *Server) handBack(c echo.Context) error {
	p := principal(c)
	h, err := s.parts.Queue.HandBack(c.Request().Context(), c.Param("id"), p.Agent(), p.Role == role.Admin)
	if err != nil {
		return err
	}
	s.handoffChanged("handoff.handed_back", h)
	return c.JSON(http.StatusOK, h)
}

// suggestReply answers GET /api/v1/handoffs/{id}/suggestion (agent): a
// reply to the customer's last message drafted from the knowledge base,
// for the agent to edit and send. Nothing is recorded until they send it.
func (s *Server) suggestReply(c echo.Context) error {
	h, err := s.parts.Queue.Handoff(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	d, err := s.parts.Drafts.SuggestReply(c.Request().Context(), h.Conversation)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, d)
}

// summarize answers GET /api/v1/handoffs/{id}/summary (agent): what the
// customer said that matters most, and the articles in play.
func (s *Server) summarize(c echo.Context) error {
	h, err := s.parts.Queue.Handoff(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	titles := map[string]string{}
	for _, d := range s.parts.Knowledge.Documents() {
		titles[d.ID] = d.Title
	}
	sum, err := s.parts.Drafts.Summarize(c.Request().Context(), h.Conversation, func(id string) string { return titles[id] })
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sum)
}

// history answers GET /api/v1/handoffs/{id}/history (agent): the
// customer's earlier conversations, found by their pseudonym (only when
// the site said who the customer is), newest first.
func (s *Server) history(c echo.Context) error {
	ctx := c.Request().Context()
	h, err := s.parts.Queue.Handoff(ctx, c.Param("id"))
	if err != nil {
		return err
	}
	type past struct {
		Conversation string    `json:"conversation"`
		Started      time.Time `json:"started"`
		Last         time.Time `json:"last"`
		Messages     int       `json:"messages"`
		First        string    `json:"first_message"`
		HandedOff    bool      `json:"handed_off"`
		Current      bool      `json:"current"`
	}
	out := []*past{}
	if h.Subject == "" {
		return c.JSON(http.StatusOK, map[string]any{"known_customer": false, "conversations": out})
	}
	byConv := map[string]*past{}
	err = s.parts.Log.Scan(ctx, audit.Filter{Subject: h.Subject, Types: []string{audit.TypeDecision}}, true, func(e audit.Event) error {
		p := byConv[e.Conversation]
		if p == nil {
			p = &past{Conversation: e.Conversation, Started: e.Time, Current: e.Conversation == h.Conversation}
			if e.Content != nil {
				p.First = e.Content.Question
			}
			byConv[e.Conversation] = p
			out = append(out, p)
		}
		p.Last = e.Time
		p.Messages++
		p.HandedOff = p.HandedOff || e.Decision == string(decision.Handoff)
		return nil
	})
	if err != nil {
		return err
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return c.JSON(http.StatusOK, map[string]any{"known_customer": true, "conversations": out})
}

// agentCanned answers GET /api/v1/canned?language=&q=&handoff= (agent):
// the canned responses, in a language, matching q; with a hand-off, each
// filled in for its conversation.
func (s *Server) agentCanned(c echo.Context) error {
	ctx := c.Request().Context()
	all, err := s.parts.Canned.CannedResponses(ctx)
	if err != nil {
		return err
	}
	var evs []audit.Event
	if id := c.QueryParam("handoff"); id != "" {
		h, err := s.parts.Queue.Handoff(ctx, id)
		if err != nil {
			return err
		}
		all, err := s.parts.Log.Conversation(ctx, h.Conversation)
		if err != nil {
			return err
		}
		// The customer's name is one they gave, not an agent's.
		for _, e := range all {
			if e.Type == audit.TypeDecision {
				evs = append(evs, e)
			}
		}
	}
	q, l := strings.ToLower(strings.TrimSpace(c.QueryParam("q"))), c.QueryParam("language")
	type filled struct {
		audit.Canned
		Filled string `json:"filled,omitempty"`
	}
	out := []filled{}
	for _, cr := range all {
		if l != "" && cr.Language != l || q != "" && !strings.Contains(strings.ToLower(cr.Title+" "+cr.Text), q) {
			continue
		}
		f := filled{Canned: cr}
		if c.QueryParam("handoff") != "" {
			f.Filled = desk.FillCanned(cr.Text, inference.PlaceholdersOf(evs), principal(c).Name, s.opts.Company)
		}
		out = append(out, f)
	}
	return c.JSON(http.StatusOK, map[string]any{"canned": out, "variables": desk.Variables()})
}

// retryEmail answers POST /api/v1/handoffs/{id}/email/retry {"message_id"}
// (agent): e-mails an agent's reply again, as when the server restarted
// before it went or the relay refused it every time.
func (s *Server) retryEmail(c echo.Context) error {
	var body struct {
		MessageID string `json:"message_id"`
	}
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	if s.opts.Mail == nil {
		return errNoMail
	}
	ctx := c.Request().Context()
	h, err := s.parts.Queue.Handoff(ctx, c.Param("id"))
	if err != nil {
		return err
	}
	evs, err := s.parts.Log.Conversation(ctx, h.Conversation)
	if err != nil {
		return err
	}
	for _, e := range evs {
		if e.Type == audit.TypeAgentReply && e.Message == body.MessageID && e.Content != nil {
			text := inference.ShowCustomer(inference.PlaceholdersOf(evs), lang.Tag(h.Language), e.Content.Text)
			if err := s.emailReply(ctx, h, e.Message, e.Attrs["agent_name"], text); err != nil {
				return err
			}
			return c.JSON(http.StatusAccepted, map[string]any{"message_id": e.Message, "email": mail.Status{State: mail.StateQueued}})
		}
	}
	return notFound("no reply with that message id in this conversation")
}

// errNoMail is answered when e-mail is asked for and no relay is set up.
var errNoMail = fault.New(fault.Conflict, "e-mail is not set up on this server")
