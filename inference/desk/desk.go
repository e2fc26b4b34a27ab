// Package desk is the agents' side of a hand-off: a person's reply to a
// customer, redacted before it is stored and delivered live into the
// customer's conversation.
package desk

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
)

// ErrEmptyReply means an agent's reply has no text.
var ErrEmptyReply = fault.New(fault.Invalid, "reply is empty")

// ErrReplyTooLong means an agent's reply is over MaxReply characters.
var ErrReplyTooLong = fault.New(fault.Invalid, "reply is too long")

// MaxReply bounds an agent's reply, in characters.
const MaxReply = 8000

// Redactor removes personal data from an agent's reply.
type Redactor interface {
	Redact(text string, ph *redact.Placeholders) redact.Result
}

// Queue records an agent's reply in a hand-off, and shows them a value
// behind a placeholder when they say why.
type Queue interface {
	Handoff(ctx context.Context, id string) (audit.Handoff, error)
	Conversation(ctx context.Context, ref string) ([]audit.Event, error)
	ReplyHandoff(ctx context.Context, id string, by audit.Agent, message string, content audit.Content) (uint64, audit.Handoff, error)
	RevealValue(ctx context.Context, id, label string, by audit.Agent, reason string) (audit.Revealed, error)
	AddNote(ctx context.Context, id string, by audit.Agent, text string) (uint64, audit.Handoff, error)
}

// Desk is where agents answer handed-off conversations.
type Desk struct {
	redactor Redactor
	queue    Queue
}

// New returns a Desk.
func New(r Redactor, q Queue) *Desk { return &Desk{redactor: r, queue: q} }

// Reply is an agent's answer to a handed-off conversation.
type Reply struct {
	MessageID string `json:"message_id"`
	AuditSeq  uint64 `json:"audit_seq"`
	// Text is the reply as the agent wrote it, delivered live to the
	// customer; Stored is what the log keeps, redacted.
	Text       string                `json:"text"`
	Stored     string                `json:"stored"`
	Redactions []inference.Redaction `json:"redactions"`
	Handoff    audit.Handoff         `json:"handoff"`
}

// ReplyAsAgent records an agent's reply in a hand-off, redacted before it
// is stored, claiming the hand-off for the agent if nobody has.
func (d *Desk) ReplyAsAgent(ctx context.Context, handoffID string, by audit.Agent, text string) (Reply, error) {
	text, h, ph, err := d.read(ctx, handoffID, text, ErrEmptyReply)
	if err != nil {
		return Reply{}, err
	}
	// The reply is numbered as the conversation is: a value the customer
	// gave keeps its label, and a new one is kept with the reply.
	before := ph.Len()
	red := d.redactor.Redact(text, ph)
	red.Text = keepOwnName(red.Text, ph, by.Name)
	msg := inference.NewMessageID()
	seq, h, err := d.queue.ReplyHandoff(ctx, handoffID, by, msg,
		audit.Content{Text: red.Text, Placeholders: inference.Stored(ph.Entries(before))})
	if err != nil {
		return Reply{}, err
	}
	// What the customer reads: the reply as written, with any placeholder
	// in it (a draft, a canned response) shown as the customer's own value
	// or as a word.
	live := inference.ShowCustomer(ph, lang.Tag(h.Language), text)
	return Reply{MessageID: msg, AuditSeq: seq, Text: live, Stored: red.Text, Redactions: inference.RedactionCounts(red), Handoff: h}, nil
}

// read checks what an agent wrote on a hand-off (empty is errEmpty) and
// reads the hand-off and its conversation's placeholder mapping, with
// which the text is redacted: <EMAIL_1> in it is the customer's <EMAIL_1>.
func (d *Desk) read(ctx context.Context, handoffID, text string, errEmpty error) (string, audit.Handoff, *redact.Placeholders, error) {
	text = strings.TrimSpace(text)
	switch {
	case !utf8.ValidString(text):
		return "", audit.Handoff{}, nil, inference.ErrInvalidUTF8
	case text == "":
		return "", audit.Handoff{}, nil, errEmpty
	case utf8.RuneCountInString(text) > MaxReply:
		return "", audit.Handoff{}, nil, fmt.Errorf("%w: the limit is %d characters", ErrReplyTooLong, MaxReply)
	}
	h, err := d.queue.Handoff(ctx, handoffID)
	if err != nil {
		return "", h, nil, err
	}
	evs, err := d.queue.Conversation(ctx, h.Conversation)
	if err != nil {
		return "", h, nil, fmt.Errorf("read conversation: %w", err)
	}
	return text, h, inference.PlaceholdersOf(evs), nil
}

// keepOwnName puts the agent's own display name back where the redactor
// took it for a person's: it is the name the customer is shown anyway,
// and a reply read back must not say "<PERSON_1> here".
func keepOwnName(stored string, ph *redact.Placeholders, name string) string {
	if name == "" {
		return stored
	}
	for _, e := range ph.Entries(0) {
		if e.Type == redact.Person && strings.EqualFold(strings.TrimSpace(e.Value), name) {
			stored = strings.ReplaceAll(stored, e.Label, e.Value)
		}
	}
	return stored
}

// Reveal shows the agent who has a hand-off the customer's value behind a
// placeholder of the conversation ("<EMAIL_1>"), for the reason they
// state; the reason is redacted before it is recorded with the reveal.
func (d *Desk) Reveal(ctx context.Context, handoffID string, by audit.Agent, label, reason string) (audit.Revealed, error) {
	if !utf8.ValidString(reason) {
		return audit.Revealed{}, inference.ErrInvalidUTF8
	}
	return d.queue.RevealValue(ctx, handoffID, label, by, d.redactor.Redact(strings.TrimSpace(reason), nil).Text)
}
