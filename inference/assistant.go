package inference

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/policy"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval"
)

// Redactor removes personal data from text.
type Redactor interface {
	Redact(text string, ph *redact.Placeholders) redact.Result
}

// Retriever finds knowledge-base passages for a question.
type Retriever interface {
	Search(ctx context.Context, q retrieval.Query) (retrieval.Result, error)
}

// Recorder appends events to the audit log and names conversations and
// subjects by their pseudonyms.
type Recorder interface {
	Append(ctx context.Context, env audit.Envelope, content *audit.Content) (uint64, error)
	ConversationRef(capability string) string
	SubjectPseudonym(id string) string
}

// Policy decides from a (redacted) message whether a person must take
// over, and which team.
type Policy interface {
	Decide(text, lang string, docHints []string) (policy.Handoff, bool)
	Route(text string, docHints []string) string
}

// Generator produces an answer with a language model.
type Generator interface {
	Generate(ctx context.Context, p Prompt, fn func(token string) error) error
	Model() ModelInfo
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
	// Policy decides hand-offs. Default: policy.New with default
	// options.
	Policy Policy
	// IdleConversation is how long a conversation's in-memory state is
	// kept after its last message. Default 24h.
	IdleConversation time.Duration
	Logger           *slog.Logger
	Now              func() time.Time
}

// Assistant answers customers' questions. It is safe for concurrent use.
type Assistant struct {
	redactor  Redactor
	retriever Retriever
	gen       Generator // nil: extractive only
	rec       Recorder
	policy    Policy
	history   History // nil: no feedback
	desk      Desk    // nil: no agent queue
	opts      Options
	log       *slog.Logger
	convs     *conversations
}

// New returns an Assistant. gen may be nil, in which case every answer is
// extractive. When rec can also read conversations back (History), the
// assistant takes feedback.
func New(redactor Redactor, retriever Retriever, gen Generator, rec Recorder, opts Options) (*Assistant, error) {
	if opts.Company == "" {
		opts.Company = "our company"
	}
	if opts.MaxQuestionChars <= 0 {
		opts.MaxQuestionChars = 4000
	}
	if opts.MinConfidence <= 0 {
		opts.MinConfidence = 0.3
	}
	if opts.MinGrounding <= 0 {
		opts.MinGrounding = 0.6
	}
	if opts.Passages <= 0 {
		opts.Passages = 4
	}
	if opts.IdleConversation <= 0 {
		opts.IdleConversation = 24 * time.Hour
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Policy == nil {
		p, err := policy.New(policy.Options{})
		if err != nil {
			return nil, fmt.Errorf("hand-off policy: %w", err)
		}
		opts.Policy = p
	}
	history, _ := rec.(History)
	desk, _ := rec.(Desk)
	return &Assistant{
		redactor: redactor, retriever: retriever, gen: gen, rec: rec, policy: opts.Policy, history: history, desk: desk,
		opts: opts, log: opts.Logger, convs: newConversations(opts.IdleConversation, opts.Now),
	}, nil
}

// Stream receives an answer as it is made: Meta once, when the decision and
// sources are known, then Token for each piece of the answer text.
type Stream struct {
	Meta  func(Reply) error
	Token func(text string) error
}

// Ask takes a question through the whole flow and returns the reply once
// the decision is recorded in the audit log. stream may be nil.
func (a *Assistant) Ask(ctx context.Context, q Question, stream *Stream) (Reply, error) {
	start := a.opts.Now()
	text, err := validate(q, a.opts.MaxQuestionChars)
	if err != nil {
		return Reply{}, err
	}
	if q.ConversationID == "" {
		q.ConversationID = NewConversationID()
	}
	conv := a.convs.get(q.ConversationID)
	red := a.redactQuestion(ctx, text, conv.placeholders)
	lang := retrieval.NormalizeLanguage(q.Language)
	if lang == "" {
		lang = retrieval.DetectLanguage(red.Text)
	}
	t := textFor(lang)
	reply := Reply{
		ConversationID: q.ConversationID,
		MessageID:      newMessageID(),
		Language:       lang,
		AIGenerated:    true,
		Disclosure:     t.disclosure,
		Sources:        []Source{},
		Redactions:     redactionCounts(red),
		Generator:      GeneratorInfo{Mode: ModeExtractive},
	}
	env := audit.Envelope{
		Type:          audit.TypeDecision,
		Conversation:  a.rec.ConversationRef(q.ConversationID),
		Message:       reply.MessageID,
		Language:      lang,
		PromptVersion: PromptVersion,
		Thresholds:    map[string]float64{"min_confidence": a.opts.MinConfidence},
		Scores:        map[string]float64{},
		Redactions:    envelopeCounts(red),
		Outcome:       "ok",
	}
	if q.Subject != "" {
		env.Subject = a.rec.SubjectPseudonym(q.Subject)
	}

	if a.desk != nil {
		if _, taken, err := a.desk.ActiveHandoff(ctx, env.Conversation); err != nil {
			return Reply{}, fmt.Errorf("read hand-off: %w", err)
		} else if taken {
			// A person has this conversation: the message joins the
			// hand-off and the assistant stays out of it.
			reply.Decision, reply.ReasonCode = DecisionHandoff, ReasonAwaitingPerson
			reply.Reason = reasonFor(ReasonAwaitingPerson)
			return a.finish(ctx, reply, env, conv, red, a.awaitingPerson(lang), stream, start)
		}
	}
	res, err := a.retriever.Search(ctx, retrieval.Query{Text: redact.RemovePlaceholders(red.Text), Lang: lang, K: a.opts.Passages})
	if err != nil {
		return Reply{}, fmt.Errorf("retrieve: %w", err)
	}
	env.Scores["retrieval_confidence"] = res.Confidence
	hints := docHints(res.Passages)

	var passages []retrieval.Passage
	var answer string // as stored: placeholders, never the customer's values
	if h, triggered := a.policy.Decide(red.Text, lang, hints); triggered {
		// A person must take over (or, for an injection attempt, the
		// assistant declines): the model is not asked.
		reply.ReasonCode = string(h.Trigger)
		answer = policy.CustomerMessage(h.Trigger, lang)
		for _, sig := range h.Signals {
			env.Scores["trigger_"+string(sig.Trigger)] = sig.Score
		}
		reply.Decision = DecisionHandoff
		if h.Decision == policy.DecisionRefuse {
			reply.Decision = DecisionAbstain
		} else {
			env.Attrs = map[string]string{"team": h.Team}
		}
	} else {
		switch {
		case len(res.Passages) == 0:
			reply.Decision, reply.ReasonCode = DecisionAbstain, ReasonNoRelevant
		case res.Confidence < a.opts.MinConfidence:
			reply.Decision, reply.ReasonCode = DecisionAbstain, ReasonLowConfidence
		default:
			reply.Decision, reply.ReasonCode = DecisionAnswer, ReasonAnswered
			passages = res.Passages
		}
		if reply.Decision == DecisionAbstain {
			answer = t.abstain
			if a.abstainedLast(conv) {
				reply.Decision, reply.ReasonCode = DecisionHandoff, ReasonRepeatedMiss
				answer = policy.CustomerMessage(policy.RepeatedFailure, lang)
				env.Attrs = map[string]string{"team": a.policy.Route(red.Text, hints)}
			}
		}
	}
	reply.Reason = reasonFor(reply.ReasonCode)
	for _, p := range passages {
		reply.Sources = append(reply.Sources, Source{DocID: p.DocID, Title: sourceTitle(p), Snippet: snippet(p.Text), URL: p.URL, Score: p.Score})
		env.Sources = append(env.Sources, audit.Source{DocID: p.DocID, Version: p.Version, Chunk: p.ChunkID, Score: p.Score})
	}
	if reply.Decision == DecisionAnswer {
		answer, err = a.generate(ctx, &reply, &env, lang, red.Text, passages, conv, stream, start)
		if err != nil {
			return Reply{}, err
		}
	}
	return a.finish(ctx, reply, env, conv, red, answer, stream, start)
}

// finish streams a non-answer's text, records the decision and returns the
// reply once the event is durable.
func (a *Assistant) finish(ctx context.Context, reply Reply, env audit.Envelope, conv *conversation,
	red redact.Result, answer string, stream *Stream, start time.Time) (Reply, error) {
	if stream != nil && reply.Decision != DecisionAnswer {
		if err := a.sendMeta(stream, reply); err != nil {
			return Reply{}, err
		}
		if err := sendToken(stream, answer); err != nil {
			return Reply{}, err
		}
	}
	// The model only ever saw redacted text, but what it wrote is
	// redacted again before it is stored: nothing in clear reaches disk.
	stored := a.redactor.Redact(answer, conv.placeholders).Text
	reply.Answer = conv.placeholders.Restore(answer)
	env.Decision, env.ReasonCode, env.Reason = reply.Decision, reply.ReasonCode, reply.Reason
	env.Generator, env.Model, env.ModelDigest = reply.Generator.Mode, reply.Generator.Model, reply.Generator.Digest
	env.LatencyMS = ms(a.opts.Now().Sub(start))
	if _, ok := env.Scores["first_token_ms"]; !ok && env.Scores != nil {
		env.Scores["first_token_ms"] = env.LatencyMS // the whole answer came at once
	}
	seq, err := a.rec.Append(ctx, env, &audit.Content{Question: red.Text, Answer: stored})
	if err != nil {
		return Reply{}, fmt.Errorf("record decision: %w", err)
	}
	reply.AuditSeq = seq
	a.noteDecision(conv, reply.Decision)
	return reply, nil
}

// abstainedLast reports whether the conversation's last decision was an
// abstention.
func (a *Assistant) abstainedLast(c *conversation) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.abstentions > 0
}

func (a *Assistant) noteDecision(c *conversation, decision string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if decision == DecisionAbstain {
		c.abstentions++
	} else {
		c.abstentions = 0
	}
}

// Forget drops a conversation's in-memory state (its placeholder mapping),
// as when the customer erases it.
func (a *Assistant) Forget(conversationID string) { a.convs.forget(conversationID) }
