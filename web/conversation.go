package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// transcriptMessage is one message of a conversation as stored.
type transcriptMessage struct {
	MessageID string    `json:"message_id,omitempty"`
	Time      time.Time `json:"time"`
	Role      string    `json:"role"` // customer, assistant, agent
	Text      string    `json:"text"`
	// HTML is the text rendered from Markdown, for the assistant's and
	// agents' messages.
	HTML      string         `json:"html,omitempty"`
	Erased    bool           `json:"erased,omitempty"`
	Decision  string         `json:"decision,omitempty"`
	Reason    string         `json:"reason,omitempty"`
	Generator string         `json:"generator,omitempty"`
	Model     string         `json:"model,omitempty"`
	Sources   []audit.Source `json:"sources,omitempty"`
	// Language is the message's language, for the client's lang
	// attribute.
	Language string `json:"language,omitempty"`
	// AgentName is the display name of the agent who wrote an agent
	// message, or who handed the conversation back.
	AgentName string `json:"agent_name,omitempty"`
	AuditSeq  uint64 `json:"audit_seq"`
}

// conversation answers GET /api/v1/conversations/:id with the transcript
// as its customer reads it back: redacted, with each answer's decision and
// sources, and the placeholders written as words in the conversation's
// language ("[e-mail address]"). The server never hands the values
// behind them to whoever holds a conversation id: the customer's client
// shows their own messages from the copy it kept.
func (s *Server) conversation(c echo.Context) error {
	id := c.Param("id")
	if !inference.ValidConversationID(id) {
		return badRequest("conversation id is malformed")
	}
	evs, err := s.parts.Log.Conversation(c.Request().Context(), s.parts.Log.ConversationRef(id))
	if err != nil {
		return err
	}
	if len(evs) == 0 {
		return notFound("conversation not found")
	}
	msgs := transcript(evs)
	for i := range msgs {
		msgs[i].Text = inference.Humanize(lang.Tag(msgs[i].Language), msgs[i].Text)
		if msgs[i].Role != "customer" {
			msgs[i].HTML = renderMarkdown(msgs[i].Text)
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"conversation_id": id, "messages": msgs})
}

// transcript turns a conversation's events into its messages, as stored
// (redacted): the customer's questions, the assistant's answers, the
// agents' replies, and the assistant's word when a person hands the
// conversation back.
func transcript(evs []audit.Event) []transcriptMessage {
	msgs := []transcriptMessage{}
	l := lang.Default
	for _, e := range evs {
		content := e.Content
		if content == nil {
			content = &audit.Content{}
		}
		if e.Language != "" {
			l = lang.Tag(e.Language)
		}
		switch {
		case e.Type == audit.TypeDecision:
			if content.Question != "" || !e.Shredded {
				msgs = append(msgs, transcriptMessage{MessageID: e.Message, Time: e.Time, Role: "customer",
					Text: content.Question, Erased: e.Shredded, Language: e.Language, AuditSeq: e.Seq})
			}
			if content.Answer == "" && !e.Shredded {
				continue // quiet while a person has the conversation
			}
			msgs = append(msgs, transcriptMessage{MessageID: e.Message, Time: e.Time, Role: "assistant",
				Text: content.Answer, Erased: e.Shredded, Decision: e.Decision, Reason: e.ReasonCode,
				Generator: e.Generator, Model: e.Model, Sources: e.Sources, Language: e.Language, AuditSeq: e.Seq})
		case e.Type == audit.TypeAgentReply:
			msgs = append(msgs, transcriptMessage{MessageID: e.Message, Time: e.Time, Role: "agent", Text: content.Text,
				Erased: e.Shredded, AgentName: e.Attrs["agent_name"], Language: string(l), AuditSeq: e.Seq})
		case e.Type == audit.TypeHandoff && e.Attrs["action"] == "resolved", e.Type == audit.TypeHandback:
			msgs = append(msgs, transcriptMessage{Time: e.Time, Role: "assistant", Text: inference.HandBack(l, e.Attrs["agent_name"]),
				Reason: string(decision.HandedBack), AgentName: e.Attrs["agent_name"], Language: string(l), AuditSeq: e.Seq})
		}
	}
	return msgs
}
