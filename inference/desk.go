package inference

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/policy"
	"github.com/hushdesk/hushdesk/retrieval"
)

// Desk is the agent queue as the assistant uses it.
type Desk interface {
	ActiveHandoff(ctx context.Context, conversation string) (audit.Handoff, bool, error)
	ReplyHandoff(ctx context.Context, id, actor, message, text string) (uint64, audit.Handoff, error)
}

// ReasonAwaitingPerson is recorded for a customer's message while a person
// has the conversation: the assistant stays out of it.
const ReasonAwaitingPerson = "awaiting_person"

// ErrEmptyReply means an agent's reply has no text.
var ErrEmptyReply = errors.New("reply is empty")

// maxReply bounds an agent's reply, in characters.
const maxReply = 8000

// AgentReply is an agent's answer to a handed-off conversation.
type AgentReply struct {
	MessageID string `json:"message_id"`
	AuditSeq  uint64 `json:"audit_seq"`
	// Text is the reply as the agent wrote it, delivered live to the
	// customer; Stored is what the log keeps, redacted.
	Text       string        `json:"text"`
	Stored     string        `json:"stored"`
	Redactions []Redaction   `json:"redactions"`
	Handoff    audit.Handoff `json:"handoff"`
}

// ReplyAsAgent records an agent's reply in a hand-off, redacted before it
// is stored, claiming the hand-off for the agent if nobody has.
func (a *Assistant) ReplyAsAgent(ctx context.Context, handoffID, actor, text string) (AgentReply, error) {
	if a.desk == nil {
		return AgentReply{}, errors.New("the agent queue is not configured")
	}
	text = strings.TrimSpace(text)
	switch {
	case !utf8.ValidString(text):
		return AgentReply{}, ErrInvalidUTF8
	case text == "":
		return AgentReply{}, ErrEmptyReply
	case utf8.RuneCountInString(text) > maxReply:
		return AgentReply{}, fmt.Errorf("%w: the reply is longer than %d characters", ErrBadFeedback, maxReply)
	}
	red := a.redactor.Redact(text, nil)
	msg := newMessageID()
	seq, h, err := a.desk.ReplyHandoff(ctx, handoffID, actor, msg, red.Text)
	if err != nil {
		return AgentReply{}, err
	}
	return AgentReply{MessageID: msg, AuditSeq: seq, Text: text, Stored: red.Text, Redactions: redactionCounts(red), Handoff: h}, nil
}

// RequestPerson hands a conversation to a person at the customer's
// request (the "talk to a person" button). An empty conversation id starts
// a conversation.
func (a *Assistant) RequestPerson(ctx context.Context, conversationID, subject, language string) (Reply, error) {
	if conversationID == "" {
		conversationID = NewConversationID()
	}
	if !ValidConversationID(conversationID) {
		return Reply{}, ErrBadConversation
	}
	lang := retrieval.NormalizeLanguage(language)
	if lang == "" {
		lang = retrieval.English
	}
	pseudonym := ""
	if subject != "" {
		pseudonym = a.rec.SubjectPseudonym(subject)
	}
	return a.handOff(ctx, conversationID, a.rec.ConversationRef(conversationID), pseudonym, lang, string(policy.PersonRequested), a.policy.Route("", nil),
		policy.CustomerMessage(policy.PersonRequested, lang))
}

// awaitingPerson answers a customer's message in a conversation a person
// has taken over: the assistant does not answer, and the message joins the
// hand-off.
func (a *Assistant) awaitingPerson(lang string) string { return textFor(lang).awaiting }
