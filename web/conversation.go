package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
)

// transcriptMessage is one message of a conversation as stored.
type transcriptMessage struct {
	MessageID string         `json:"message_id,omitempty"`
	Time      time.Time      `json:"time"`
	Role      string         `json:"role"` // customer, assistant, agent
	Text      string         `json:"text"`
	Erased    bool           `json:"erased,omitempty"`
	Decision  string         `json:"decision,omitempty"`
	Reason    string         `json:"reason,omitempty"`
	Generator string         `json:"generator,omitempty"`
	Model     string         `json:"model,omitempty"`
	Sources   []audit.Source `json:"sources,omitempty"`
	AuditSeq  uint64         `json:"audit_seq"`
}

// conversation answers GET /api/v1/conversations/:id with the transcript
// as stored: redacted, with each answer's decision and sources.
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
	return c.JSON(http.StatusOK, map[string]any{"conversation_id": id, "messages": transcript(evs)})
}

// transcript turns a conversation's events into its messages.
func transcript(evs []audit.Event) []transcriptMessage {
	msgs := []transcriptMessage{}
	for _, e := range evs {
		content := e.Content
		if content == nil {
			content = &audit.Content{}
		}
		switch e.Type {
		case audit.TypeDecision:
			msgs = append(msgs, transcriptMessage{MessageID: e.Message, Time: e.Time, Role: "customer",
				Text: content.Question, Erased: e.Shredded, AuditSeq: e.Seq})
			msgs = append(msgs, transcriptMessage{MessageID: e.Message, Time: e.Time, Role: "assistant",
				Text: content.Answer, Erased: e.Shredded, Decision: e.Decision, Reason: e.Reason,
				Generator: e.Generator, Model: e.Model, Sources: e.Sources, AuditSeq: e.Seq})
		case audit.TypeAgentReply:
			msgs = append(msgs, transcriptMessage{MessageID: e.Message, Time: e.Time, Role: "agent", Text: content.Text, Erased: e.Shredded, AuditSeq: e.Seq})
		}
	}
	return msgs
}
