package web

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/web/mail"
)

// Mailer e-mails agents' replies to customers who asked for them.
type Mailer struct {
	Outbox *mail.Outbox
	// From is the sender's address; PublicURL where customers reach the
	// chat page, for the link back (empty: no link).
	From, PublicURL string
}

// emailReply queues an agent's reply (text as the customer reads it) for
// the address the conversation's customer gave, if they gave one.
func (s *Server) emailReply(ctx context.Context, h audit.Handoff, message, agentName, text string) error {
	if s.opts.Mail == nil {
		return errNoMail
	}
	to, ok, err := s.parts.Queue.ReplyAddress(ctx, h.Conversation)
	if err != nil || !ok {
		return err
	}
	link := ""
	if s.opts.Mail.PublicURL != "" && to.Resume != "" {
		link = s.opts.Mail.PublicURL + "/?lang=" + url.QueryEscape(h.Language) + "#conversation=" + url.QueryEscape(to.Resume)
	}
	msg := mail.Compose(mail.Letter{From: s.opts.Mail.From, To: to.Address, Lang: lang.Tag(h.Language), Company: s.opts.Company,
		AgentName: agentName, Text: text, Link: link, Date: time.Now()})
	s.opts.Mail.Outbox.Send(mail.Delivery{Handoff: h.ID, Message: message, To: to.Address, Msg: msg})
	return nil
}

// emailMe answers POST /api/v1/conversations/{id}/email {"address"}: the
// customer asks for the agents' replies by e-mail while a person has
// their conversation. The address is kept encrypted with the
// conversation, used for nothing else, and erased with it; DELETE stops
// the e-mails. The answer never repeats the address.
func (s *Server) emailMe(c echo.Context) error {
	id := c.Param("id")
	if !inference.ValidConversationID(id) {
		return badRequest("conversation id is malformed")
	}
	if s.opts.Mail == nil {
		return errNoMail
	}
	to := audit.ReplyTo{}
	if c.Request().Method == http.MethodPost {
		var body struct{ Address string }
		if err := decodeJSON(c, &body); err != nil {
			return err
		}
		addr, err := mail.CheckAddress(body.Address)
		if err != nil {
			return badRequest("that is not an e-mail address")
		}
		to = audit.ReplyTo{Address: addr, Resume: id}
	}
	h, err := s.parts.Queue.RequestEmailReplies(c.Request().Context(), s.parts.Log.ConversationRef(id), to)
	if err != nil {
		return err
	}
	s.queueChanged("handoff.email", h)
	return c.JSON(http.StatusOK, map[string]any{"email_replies": h.EmailReplies, "handoff_id": h.ID})
}

// EmailChanged tells the agents' consoles that the e-mailing of a reply
// in a hand-off moved on (sent, retrying, failed).
func (s *Server) EmailChanged(handoffID string) {
	s.hub.publish(queueTopic, hubEvent{Name: "handoff", Data: map[string]any{"event": "handoff.email", "id": handoffID}})
}
