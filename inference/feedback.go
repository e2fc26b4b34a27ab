package inference

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/policy"
	"github.com/hushdesk/hushdesk/redact"
)

// Errors for feedback that cannot be taken.
var (
	// ErrBadFeedback means the feedback is malformed.
	ErrBadFeedback = errors.New("feedback is malformed")
	// ErrUnknownMessage means the message is not part of the conversation.
	ErrUnknownMessage = errors.New("no such message in this conversation")
)

// History reads a conversation's events back from the log.
type History interface {
	Conversation(ctx context.Context, ref string) ([]audit.Event, error)
}

// MessageLookup finds the decision that gave a message id.
type MessageLookup interface {
	MessageEvent(ctx context.Context, message string) (audit.Event, error)
}

// Feedback is a customer's rating of one answer. The conversation id is
// optional: the message id, given only to the customer, is proof enough.
type Feedback struct {
	ConversationID string
	MessageID      string
	Rating         string // up or down
	Comment        string
}

// FeedbackReceipt is what the customer gets back.
type FeedbackReceipt struct {
	AuditSeq uint64 `json:"audit_seq"`
	// Handoff is set when the feedback handed the conversation to a
	// person (a thumbs-down does).
	Handoff *Reply `json:"handoff,omitempty"`
}

// maxComment bounds a feedback comment, in characters.
const maxComment = 2000

// RecordFeedback records a rating of an answer. The comment is redacted
// before it is stored. A thumbs-down hands the conversation to a person.
func (a *Assistant) RecordFeedback(ctx context.Context, f Feedback) (FeedbackReceipt, error) {
	var rec FeedbackReceipt
	switch {
	case f.ConversationID != "" && !ValidConversationID(f.ConversationID):
		return rec, ErrBadConversation
	case f.MessageID == "":
		return rec, fmt.Errorf(`%w: "message_id" is required`, ErrBadFeedback)
	case f.Rating != "up" && f.Rating != "down":
		return rec, fmt.Errorf(`%w: rating must be "up" or "down"`, ErrBadFeedback)
	case !utf8.ValidString(f.Comment):
		return rec, ErrInvalidUTF8
	case utf8.RuneCountInString(f.Comment) > maxComment:
		return rec, fmt.Errorf("%w: the comment is longer than %d characters", ErrBadFeedback, maxComment)
	}
	answered, err := a.ratedDecision(ctx, f)
	if err != nil {
		return rec, err
	}
	ref := answered.Conversation
	ph := redact.NewPlaceholders() // the comment's own numbering, without the conversation
	if f.ConversationID != "" {
		ph = a.convs.get(f.ConversationID).placeholders
	}
	comment := a.redactor.Redact(strings.TrimSpace(f.Comment), ph)
	env := audit.Envelope{
		Type: audit.TypeFeedback, Conversation: ref, Subject: answered.Subject, Message: f.MessageID,
		Language: answered.Language, Model: answered.Model, Redactions: envelopeCounts(comment),
		Attrs: map[string]string{"rating": f.Rating},
	}
	var content *audit.Content
	if comment.Text != "" {
		content = &audit.Content{Text: comment.Text}
	}
	if rec.AuditSeq, err = a.rec.Append(ctx, env, content); err != nil {
		return rec, fmt.Errorf("record feedback: %w", err)
	}
	if f.Rating == "down" {
		var hints []string
		for _, src := range answered.Sources {
			hints = append(hints, src.DocID)
		}
		reply, err := a.handOff(ctx, f.ConversationID, ref, answered.Subject, answered.Language, ReasonThumbsDown,
			a.policy.Route("", hints), policy.CustomerMessage(policy.RepeatedFailure, answered.Language))
		if err != nil {
			return rec, err
		}
		rec.Handoff = &reply
	}
	return rec, nil
}

// ratedDecision finds the decision a feedback rates: in the customer's
// conversation when its id is given, else by the message id alone.
func (a *Assistant) ratedDecision(ctx context.Context, f Feedback) (audit.Event, error) {
	if f.ConversationID == "" {
		lookup, ok := a.rec.(MessageLookup)
		if !ok {
			return audit.Event{}, fmt.Errorf("%w: \"conversation_id\" is required", ErrBadFeedback)
		}
		ev, err := lookup.MessageEvent(ctx, f.MessageID)
		if errors.Is(err, audit.ErrNoMessage) {
			return ev, ErrUnknownMessage
		}
		return ev, err
	}
	if a.history == nil {
		return audit.Event{}, errors.New("feedback needs the conversation history")
	}
	evs, err := a.history.Conversation(ctx, a.rec.ConversationRef(f.ConversationID))
	if err != nil {
		return audit.Event{}, fmt.Errorf("read conversation: %w", err)
	}
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Type == audit.TypeDecision && evs[i].Message == f.MessageID {
			return evs[i], nil
		}
	}
	return audit.Event{}, ErrUnknownMessage
}

// handOff records a hand-off that no question triggered (a thumbs-down,
// the "talk to a person" button) and returns the message msg the customer
// sees. conversationID may be empty when only the reference is known.
func (a *Assistant) handOff(ctx context.Context, conversationID, ref, subject, lang, reason, team, msg string) (Reply, error) {
	t := textFor(lang)
	reply := Reply{
		ConversationID: conversationID, MessageID: newMessageID(), Decision: DecisionHandoff,
		ReasonCode: reason, Reason: reasonFor(reason), Answer: msg, Language: lang,
		Sources: []Source{}, AIGenerated: true, Disclosure: t.disclosure, Generator: GeneratorInfo{Mode: ModeExtractive},
		Redactions: []Redaction{},
	}
	env := audit.Envelope{
		Type: audit.TypeDecision, Conversation: ref, Subject: subject,
		Message: reply.MessageID, Decision: reply.Decision, ReasonCode: reason, Reason: reply.Reason,
		Language: lang, Outcome: "ok", Attrs: map[string]string{"team": team},
	}
	seq, err := a.rec.Append(ctx, env, &audit.Content{Answer: msg})
	if err != nil {
		return Reply{}, fmt.Errorf("record hand-off: %w", err)
	}
	reply.AuditSeq = seq
	return reply, nil
}
