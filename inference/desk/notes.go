package desk

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/fault"
)

// ErrEmptyNote means an internal note has no text.
var ErrEmptyNote = fault.New(fault.Invalid, "note is empty")

// Notes records agents' internal notes.
type Notes interface {
	AddNote(ctx context.Context, id string, by audit.Agent, text string) (uint64, audit.Handoff, error)
}

// Note is an internal note as recorded.
type Note struct {
	AuditSeq uint64 `json:"audit_seq"`
	// Stored is the note as the log keeps it, redacted.
	Stored     string                `json:"stored"`
	Redactions []inference.Redaction `json:"redactions"`
	Handoff    audit.Handoff         `json:"handoff"`
}

// AddNote records an internal note on a hand-off, which the customer
// never sees: redacted with the conversation's numbering, encrypted with
// its content, an audit event whose envelope holds no text.
func (d *Desk) AddNote(ctx context.Context, handoffID string, by audit.Agent, text string) (Note, error) {
	text = strings.TrimSpace(text)
	switch {
	case !utf8.ValidString(text):
		return Note{}, inference.ErrInvalidUTF8
	case text == "":
		return Note{}, ErrEmptyNote
	case utf8.RuneCountInString(text) > MaxReply:
		return Note{}, fmt.Errorf("%w: the limit is %d characters", ErrReplyTooLong, MaxReply)
	}
	notes, ok := d.queue.(Notes)
	if !ok {
		return Note{}, fault.New(fault.Unavailable, "notes are not kept by this store")
	}
	h, err := d.queue.Handoff(ctx, handoffID)
	if err != nil {
		return Note{}, err
	}
	evs, err := d.queue.Conversation(ctx, h.Conversation)
	if err != nil {
		return Note{}, fmt.Errorf("read conversation: %w", err)
	}
	// Numbered as the conversation is, so that <EMAIL_1> in a note is the
	// customer's <EMAIL_1>; a value new to the conversation stays a
	// placeholder with no value kept behind it.
	red := d.redactor.Redact(text, inference.PlaceholdersOf(evs))
	seq, h, err := notes.AddNote(ctx, handoffID, by, red.Text)
	if err != nil {
		return Note{}, err
	}
	return Note{AuditSeq: seq, Stored: red.Text, Redactions: inference.RedactionCounts(red), Handoff: h}, nil
}
