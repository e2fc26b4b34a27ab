package inference

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/inference/triage"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// Redactor removes personal data from a customer's message, with the
// model-assisted pass for names when one is configured. When that model
// fails, the result is the rules' redaction and the error says why.
type Redactor interface {
	RedactContext(ctx context.Context, text string, ph *redact.Placeholders) (redact.Result, error)
}

// Retriever finds knowledge-base passages for a question.
type Retriever interface {
	Search(ctx context.Context, q search.Query) (search.Result, error)
}

// Recorder appends events to the audit log and names conversations and
// subjects by their pseudonyms.
type Recorder interface {
	Append(ctx context.Context, env audit.Envelope, content *audit.Content) (uint64, error)
	ConversationRef(capability string) string
	SubjectPseudonym(id string) string
}

// Triage decides from a (redacted) message whether a person must take
// over, and which team.
type Triage interface {
	Classify(text string, l lang.Tag) []triage.Signal
	Choose(sigs []triage.Signal, text string, docHints []string) (triage.Handoff, bool)
	Route(text string, docHints []string) string
	Version() string
}

// Generator produces an answer with a language model.
type Generator interface {
	// Generate streams the answer to p, calling fn with each piece of
	// text. An error fn returns ends the answer and is returned as it is:
	// it says nothing about the model.
	Generate(ctx context.Context, p Prompt, fn func(token string) error) (Finish, error)
	Model() ModelInfo
}

// History reads a conversation's events back from the log, with their
// content: what the assistant reads a message with.
type History interface {
	Conversation(ctx context.Context, ref string) ([]audit.Event, error)
}

// Handoffs tells whether a person has a conversation: while one has, the
// assistant stays out of it.
type Handoffs interface {
	ActiveHandoff(ctx context.Context, conversation string) (audit.Handoff, bool, error)
}

// Requests logs the requests under data-protection law that customers
// make in a chat ("delete all my data"), with their legal deadlines.
type Requests interface {
	LogRequest(ctx context.Context, spec audit.RequestSpec) (audit.Request, error)
}

// Parts are what an Assistant works with. Redactor, Retriever, Recorder
// and Triage are required; Generator nil answers extractively only,
// Handoffs nil means no conversation is ever held by a person, History
// nil reads every message alone, and Requests nil hands a request made in
// a chat to the privacy team without logging it as a request.
type Parts struct {
	Redactor  Redactor
	Retriever Retriever
	Recorder  Recorder
	Triage    Triage
	Generator Generator
	Handoffs  Handoffs
	History   History
	Requests  Requests
}

// Options configures an Assistant.
type Options struct {
	// Company is the organisation's name, used in the prompt.
	// Default "our company".
	Company string
	// MaxQuestionChars is the longest question accepted, in characters.
	// Default 4000.
	MaxQuestionChars int
	// MinConfidence is the retrieval confidence below which the assistant
	// abstains. Default 0.3.
	MinConfidence float64
	// MinGrounding is the share of an answer's sentences the sources must
	// support; a model answer below it (or citing a source it was not
	// given) is replaced by an extractive one. Default 0.6.
	MinGrounding float64
	// Passages is how many passages the model is given. Default 4.
	Passages int
	// IdleConversation is how long a conversation's in-memory state is
	// kept after its last message. Default 24h.
	IdleConversation time.Duration
	// ReplyFrom says when a team that takes a hand-off at a time can
	// reply: that time when it is at work (closed false), else the start
	// of its next office hours. Nil: every team is always at work.
	ReplyFrom func(team string, at time.Time) (next time.Time, closed bool)
	Logger    *slog.Logger
	Now       func() time.Time
}

func (o Options) withDefaults() Options {
	if o.Company == "" {
		o.Company = "our company"
	}
	if o.MaxQuestionChars <= 0 {
		o.MaxQuestionChars = 4000
	}
	if o.MinConfidence <= 0 {
		o.MinConfidence = 0.3
	}
	if o.MinGrounding <= 0 {
		o.MinGrounding = 0.6
	}
	if o.Passages <= 0 {
		o.Passages = 4
	}
	if o.IdleConversation <= 0 {
		o.IdleConversation = 24 * time.Hour
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Assistant answers customers' questions and records each decision. It is
// safe for concurrent use.
type Assistant struct {
	parts Parts
	opts  Options
	log   *slog.Logger
	convs *conversations
}

// New returns an Assistant.
func New(parts Parts, opts Options) (*Assistant, error) {
	switch {
	case parts.Redactor == nil, parts.Retriever == nil, parts.Recorder == nil, parts.Triage == nil:
		return nil, fmt.Errorf("inference: the redactor, retriever, recorder and triage are required")
	}
	opts = opts.withDefaults()
	return &Assistant{parts: parts, opts: opts, log: opts.Logger, convs: newConversations(opts.IdleConversation, opts.Now)}, nil
}

// MaxQuestionChars is the longest question the assistant accepts.
func (a *Assistant) MaxQuestionChars() int { return a.opts.MaxQuestionChars }

// Forget drops a conversation's in-memory state (its placeholder mapping),
// as when the customer erases it.
func (a *Assistant) Forget(conversationID string) { a.convs.forget(conversationID) }
