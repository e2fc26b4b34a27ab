package desk

import (
	"context"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/fault"
)

// ErrEmptyNote means an internal note has no text.
var ErrEmptyNote = fault.New(fault.Invalid, "note is empty")

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
	text, _, ph, err := d.read(ctx, handoffID, text, ErrEmptyNote)
	if err != nil {
		return Note{}, err
	}
	// A value new to the conversation stays a placeholder, with no value
	// kept behind it.
	red := d.redactor.Redact(text, ph)
	seq, h, err := d.queue.AddNote(ctx, handoffID, by, red.Text)
	if err != nil {
		return Note{}, err
	}
	return Note{AuditSeq: seq, Stored: red.Text, Redactions: inference.RedactionCounts(red), Handoff: h}, nil
}
