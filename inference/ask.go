package inference

import (
	"context"
	"fmt"
	"time"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// Stream receives an answer as it is made: Meta once, when the decision and
// sources are known, then Token for each piece of the answer text.
type Stream struct {
	Meta  func(Reply) error
	Token func(text string) error
}

// Ask takes a question through the whole flow (redact, read, retrieve,
// decide, answer) and returns the reply once the decision is recorded in
// the audit log. stream may be nil.
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
	red := a.redact(ctx, text, conv.placeholders)
	d := Decision{
		ConversationID: q.ConversationID,
		Conversation:   a.parts.Recorder.ConversationRef(q.ConversationID),
		MessageID:      NewMessageID(),
		Question:       red,
		Generator:      GeneratorInfo{Mode: ModeExtractive},
		Outcome:        "ok",
		PromptVersion:  PromptVersion,
		TriageVersion:  a.parts.Triage.Version(),
		Thresholds:     map[string]float64{"min_confidence": a.opts.MinConfidence},
		Scores:         map[string]float64{},
	}
	if q.Subject != "" {
		d.Subject = a.parts.Recorder.SubjectPseudonym(q.Subject)
	}
	l, sure := lang.Choose(q.Language, red.Text)
	d.Lang = l
	if a.parts.Handoffs != nil {
		if _, taken, err := a.parts.Handoffs.ActiveHandoff(ctx, d.Conversation); err != nil {
			return Reply{}, fmt.Errorf("read hand-off: %w", err)
		} else if taken {
			// A person has this conversation: the message joins the
			// hand-off and the assistant stays out of it.
			d.Kind, d.Reason, d.Answer = decision.Handoff, decision.AwaitingPerson, catalog.Text(l, catalog.AwaitingPerson)
			return a.finish(ctx, d, conv, stream, start)
		}
	}
	query := search.Query{Text: redact.RemovePlaceholders(red.Text), K: a.opts.Passages}
	if sure {
		query.Lang = l
	}
	res, err := a.parts.Retriever.Search(ctx, query)
	if err != nil {
		// A question the search cannot take (a malformed query) is not
		// the customer's failure to be punished with a 500: abstain.
		a.log.Warn("search failed; abstaining", "err", err)
		d.Kind, d.Reason = decision.Abstain, decision.SearchFailed
		d.Answer = catalog.Text(l, catalog.Abstain)
		return a.finish(ctx, d, conv, stream, start)
	}
	if !sure && res.Lang.Known() {
		d.Lang = res.Lang
	}
	d.Scores["retrieval_confidence"] = res.Confidence
	d = a.decide(d, res, conv)
	if d.Kind != decision.Answer {
		return a.finish(ctx, d, conv, stream, start)
	}
	g, err := a.generate(ctx, d, conv, stream, start)
	if err != nil {
		return Reply{}, err
	}
	return a.record(ctx, g.apply(d), conv, start)
}

// decide takes the decision from the search result and the hand-off
// triage: a person takes over when a trigger fires; otherwise the
// assistant answers from confident passages or abstains.
func (a *Assistant) decide(d Decision, res search.Result, conv *conversation) Decision {
	hints := docHints(res.Passages)
	if h, triggered := a.parts.Triage.Decide(d.Question.Text, d.Lang, hints); triggered {
		// A person must take over (or, for an injection attempt, the
		// assistant declines): the model is not asked.
		d.Kind, d.Reason, d.Team = h.Kind, h.Trigger, h.Team
		d.Answer = catalog.Text(d.Lang, catalog.Handoff(h.Trigger))
		for _, sig := range h.Signals {
			d.Scores["trigger_"+string(sig.Trigger)] = sig.Score
		}
		return d
	}
	switch {
	case len(res.Passages) == 0:
		d.Kind, d.Reason = decision.Abstain, decision.NoRelevant
	case res.Confidence < a.opts.MinConfidence:
		d.Kind, d.Reason = decision.Abstain, decision.LowConfidence
	default:
		d.Kind, d.Reason, d.Passages = decision.Answer, decision.Answered, res.Passages
		return d
	}
	d.Answer = catalog.Text(d.Lang, catalog.Abstain)
	if conv.abstainedLast() {
		d.Kind, d.Reason = decision.Handoff, decision.RepeatedAbstention
		d.Answer = catalog.Text(d.Lang, catalog.Handoff(decision.RepeatedFailure))
		d.Team = a.parts.Triage.Route(d.Question.Text, hints)
	}
	return d
}

// finish streams a decision that is not an answer (its text comes whole)
// and records it.
func (a *Assistant) finish(ctx context.Context, d Decision, conv *conversation, stream *Stream, start time.Time) (Reply, error) {
	restore := restorerFor(conv.placeholders, d.Question.Text)
	if err := sendMeta(stream, d.Reply(nil)); err != nil {
		return Reply{}, err
	}
	if err := sendToken(stream, restore(d.Answer)); err != nil {
		return Reply{}, err
	}
	return a.record(ctx, d, conv, start)
}

// record appends the decision to the log and returns the customer's reply
// once the event is durable. The model only ever saw redacted text, but
// what it wrote is redacted again before it is stored: nothing in clear
// reaches disk.
func (a *Assistant) record(ctx context.Context, d Decision, conv *conversation, start time.Time) (Reply, error) {
	d.Answer = a.redactStored(d.Answer, conv.placeholders)
	d.Latency = a.opts.Now().Sub(start)
	if _, ok := d.Scores["first_token_ms"]; !ok {
		d.Scores["first_token_ms"] = ms(d.Latency) // the whole answer came at once
	}
	seq, err := a.parts.Recorder.Append(ctx, d.Envelope(), d.Content())
	if err != nil {
		return Reply{}, fmt.Errorf("record decision: %w", err)
	}
	conv.noteDecision(d.Kind)
	r := d.Reply(restorerFor(conv.placeholders, d.Question.Text))
	r.AuditSeq = seq
	return r, nil
}

func sendMeta(stream *Stream, r Reply) error {
	if stream == nil || stream.Meta == nil {
		return nil
	}
	if err := stream.Meta(r); err != nil {
		return fmt.Errorf("stream to client: %w", err)
	}
	return nil
}

func sendToken(stream *Stream, s string) error {
	if stream == nil || stream.Token == nil || s == "" {
		return nil
	}
	if err := stream.Token(s); err != nil {
		return fmt.Errorf("stream to client: %w", err)
	}
	return nil
}
