// Package feedback takes customers' ratings of answers: a thumbs-up or
// down with an optional comment, redacted before it is stored, what went
// wrong with an answer rated down, and whether an answer solved the
// customer's problem. A thumbs-down asks what went wrong; "I want a
// person" hands the conversation to one.
package feedback

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
)

// Errors for feedback that cannot be taken.
var (
	// ErrBadFeedback means the feedback is malformed.
	ErrBadFeedback = fault.New(fault.Invalid, "feedback is malformed")
	// ErrUnknownMessage means the message is not an answer of this
	// conversation.
	ErrUnknownMessage = fault.New(fault.NotFound, "no such answer in this conversation")
)

// MaxComment bounds a feedback comment, in characters.
const MaxComment = 2000

// Log is the decision log as feedback uses it.
type Log interface {
	Append(ctx context.Context, env audit.Envelope, content *audit.Content) (uint64, error)
	ConversationRef(capability string) string
	Conversation(ctx context.Context, ref string) ([]audit.Event, error)
	MessageEvent(ctx context.Context, message string) (audit.Event, error)
}

// Redactor removes personal data from a comment.
type Redactor interface {
	Redact(text string, ph *redact.Placeholders) redact.Result
}

// HandOff hands a conversation to a person (the assistant's HandOff).
type HandOff func(ctx context.Context, h inference.HandoffRequest) (inference.Reply, error)

// Feedback is a customer's word on one answer: a rating, what went
// wrong, whether it solved their problem; at least one of them. The
// conversation id is optional: the message id, given only to the
// customer, is proof enough.
type Feedback struct {
	ConversationID string
	MessageID      string
	Rating         string // up or down
	// Why is what went wrong with an answer (WrongAnswer, NotWhatIAsked,
	// WantPerson), said after a thumbs-down.
	Why     string
	Comment string
	// Solved is the customer's answer to "Did that solve it?".
	Solved *bool
}

// What went wrong with an answer, as the customer says after a
// thumbs-down.
const (
	WrongAnswer   = "wrong_answer"
	NotWhatIAsked = "not_what_i_asked"
	WantPerson    = "want_person"
)

// Whys are the answers to "What went wrong?", in the order they are
// offered.
var Whys = []string{WrongAnswer, NotWhatIAsked, WantPerson}

// Receipt is what the customer gets back.
type Receipt struct {
	AuditSeq uint64 `json:"audit_seq"`
	// Ask is set after a thumbs-down without a reason: the client asks
	// what went wrong with these options.
	Ask *Ask `json:"ask,omitempty"`
	// Message is the assistant's word on the feedback, in the answer's
	// language, when it has one.
	Message string `json:"message,omitempty"`
	// Handoff is set when the feedback handed the conversation to a
	// person ("I want a person").
	Handoff *inference.Reply `json:"handoff,omitempty"`
}

// Ask is the question a thumbs-down is followed by.
type Ask struct {
	Question string   `json:"question"`
	Options  []Option `json:"options"`
}

// Option is one answer to an Ask.
type Option struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// Ratings records feedback.
type Ratings struct {
	log      Log
	redactor Redactor
	handOff  HandOff
}

// New returns Ratings that record in log and hand off with handOff.
func New(log Log, r Redactor, handOff HandOff) *Ratings {
	return &Ratings{log: log, redactor: r, handOff: handOff}
}

// Record records a customer's feedback on an answer. The comment is
// redacted before it is stored. Only answers can be rated: a hand-off's
// or an abstention's message id is not a rating's target.
func (s *Ratings) Record(ctx context.Context, f Feedback) (Receipt, error) {
	var rec Receipt
	switch {
	case f.ConversationID != "" && !inference.ValidConversationID(f.ConversationID):
		return rec, inference.ErrBadConversation
	case f.MessageID == "":
		return rec, fmt.Errorf(`%w: "message_id" is required`, ErrBadFeedback)
	case f.Rating == "" && f.Why == "" && f.Solved == nil:
		return rec, fmt.Errorf(`%w: give a "rating", a "reason" or "solved"`, ErrBadFeedback)
	case f.Rating != "" && f.Rating != "up" && f.Rating != "down":
		return rec, fmt.Errorf(`%w: rating must be "up" or "down"`, ErrBadFeedback)
	case f.Why != "" && !slices.Contains(Whys, f.Why):
		return rec, fmt.Errorf(`%w: reason must be one of %s`, ErrBadFeedback, strings.Join(Whys, ", "))
	case f.Why != "" && f.Rating == "up":
		return rec, fmt.Errorf(`%w: a reason goes with a thumbs-down`, ErrBadFeedback)
	case !utf8.ValidString(f.Comment):
		return rec, inference.ErrInvalidUTF8
	case utf8.RuneCountInString(f.Comment) > MaxComment:
		return rec, fmt.Errorf("%w: the comment is longer than %d characters", ErrBadFeedback, MaxComment)
	}
	answered, err := s.rated(ctx, f)
	if err != nil {
		return rec, err
	}
	l := lang.Tag(answered.Language)
	comment := s.redactor.Redact(strings.TrimSpace(f.Comment), nil)
	env := audit.Envelope{
		Type: audit.TypeFeedback, Conversation: answered.Conversation, Subject: answered.Subject, Message: f.MessageID,
		Language: answered.Language, Model: answered.Model, Redactions: inference.EnvelopeCounts(comment),
		Attrs: map[string]string{},
	}
	if f.Rating != "" {
		env.Attrs["rating"] = f.Rating
	}
	if f.Why != "" {
		env.Attrs["why"] = f.Why
	}
	if f.Solved != nil {
		env.Attrs["solved"] = strconv.FormatBool(*f.Solved)
	}
	var content *audit.Content
	if comment.Text != "" {
		content = &audit.Content{Text: comment.Text}
	}
	if rec.AuditSeq, err = s.log.Append(ctx, env, content); err != nil {
		return rec, fmt.Errorf("record feedback: %w", err)
	}
	switch {
	case f.Why == WantPerson:
		var hints []string
		for _, src := range answered.Sources {
			hints = append(hints, src.DocID)
		}
		reply, err := s.handOff(ctx, inference.HandoffRequest{
			ConversationID: f.ConversationID, Conversation: answered.Conversation, SubjectPseudonym: answered.Subject,
			Lang: l, Reason: decision.ThumbsDown, DocHints: hints,
		})
		if err != nil {
			return rec, err
		}
		rec.Handoff = &reply
	case f.Why != "":
		rec.Message = catalog.Text(l, catalog.Key("feedback."+f.Why))
	case f.Rating == "down":
		rec.Ask = &Ask{Question: catalog.Text(l, catalog.Key("chat.why"))}
		for _, w := range Whys {
			rec.Ask.Options = append(rec.Ask.Options, Option{Code: w, Label: catalog.Text(l, catalog.Key("chat.why_"+w))})
		}
	case f.Solved != nil && *f.Solved:
		rec.Message = catalog.Text(l, "feedback.solved")
	case f.Solved != nil:
		rec.Message = catalog.Text(l, "feedback.not_solved")
	}
	return rec, nil
}

// rated finds the answer a feedback rates: in the customer's
// conversation when its id is given, else by the message id alone.
func (s *Ratings) rated(ctx context.Context, f Feedback) (audit.Event, error) {
	var ev audit.Event
	if f.ConversationID == "" {
		var err error
		ev, err = s.log.MessageEvent(ctx, f.MessageID)
		if errors.Is(err, audit.ErrNoMessage) {
			return ev, ErrUnknownMessage
		}
		if err != nil {
			return ev, err
		}
	} else {
		evs, err := s.log.Conversation(ctx, s.log.ConversationRef(f.ConversationID))
		if err != nil {
			return ev, fmt.Errorf("read conversation: %w", err)
		}
		for i := len(evs) - 1; i >= 0 && ev.Message == ""; i-- {
			if evs[i].Type == audit.TypeDecision && evs[i].Message == f.MessageID {
				ev = evs[i]
			}
		}
	}
	if ev.Message == "" || ev.Decision != string(decision.Answer) {
		return audit.Event{}, ErrUnknownMessage
	}
	return ev, nil
}
