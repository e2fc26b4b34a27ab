package inference

import (
	"maps"
	"slices"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// Decision is everything the assistant decided about one message: what,
// why, from which sources, with which model, thresholds, scores and
// timings. Ask builds one; the customer's reply and the audit envelope are
// both derived from it, by Reply and Envelope, and from nothing else.
type Decision struct {
	// ConversationID is the customer's capability: it goes into the
	// reply, never into the log. Conversation is the internal id the log
	// knows the conversation by.
	ConversationID string
	Conversation   string
	// Subject is the customer's pseudonym; empty when anonymous.
	Subject   string
	MessageID string

	Kind   decision.Kind
	Reason decision.Reason
	Lang   lang.Tag
	// Question is the customer's message, redacted.
	Question redact.Result
	// Answer is the text the customer is given, as it is stored: with
	// placeholders, never the customer's values.
	Answer string
	// Passages are the sources the answer was given and may cite.
	Passages []search.Passage
	// Team takes a hand-off.
	Team      string
	Generator GeneratorInfo
	// Outcome says how the answer came about: "ok", "model_unavailable",
	// "model_error", "model_interrupted", "ungrounded".
	Outcome string
	// ModelError is the class of a model failure (timeout, unreachable,
	// no_model, interrupted, server_error), never its message, which may
	// quote what the model was sent.
	ModelError string
	// Thresholds applied and Scores measured (retrieval confidence,
	// trigger scores, grounding, first token time).
	Thresholds map[string]float64
	Scores     map[string]float64
	// PromptVersion and TriageVersion name the prompt and the hand-off
	// classifier that decided.
	PromptVersion string
	TriageVersion string
	Latency       time.Duration
	Interrupted   bool
	Replaced      bool
}

// Envelope is the decision's audit envelope: what the log keeps in clear.
// It holds no personal data (pseudonyms, codes and figures only).
func (d Decision) Envelope() audit.Envelope {
	env := audit.Envelope{
		Type:          audit.TypeDecision,
		Conversation:  d.Conversation,
		Subject:       d.Subject,
		Message:       d.MessageID,
		Decision:      string(d.Kind),
		ReasonCode:    string(d.Reason),
		Reason:        catalog.Text(lang.English, catalog.Reason(d.Reason)),
		Language:      string(d.Lang),
		Generator:     d.Generator.Mode,
		Model:         d.Generator.Model,
		ModelDigest:   d.Generator.Digest,
		PromptVersion: d.PromptVersion,
		TriageVersion: d.TriageVersion,
		Thresholds:    maps.Clone(d.Thresholds),
		Scores:        maps.Clone(d.Scores),
		LatencyMS:     ms(d.Latency),
		Redactions:    EnvelopeCounts(d.Question),
		Outcome:       d.Outcome,
	}
	for _, p := range d.Passages {
		env.Sources = append(env.Sources, audit.Source{DocID: p.DocID, Version: p.Version, Chunk: p.ChunkID, Score: p.Score})
	}
	if d.Team != "" || d.ModelError != "" {
		env.Attrs = map[string]string{}
		if d.Team != "" {
			env.Attrs["team"] = d.Team
		}
		if d.ModelError != "" {
			env.Attrs["model_error"] = d.ModelError
		}
	}
	return env
}

// Content is what the log keeps encrypted: the redacted question and
// answer.
func (d Decision) Content() *audit.Content {
	return &audit.Content{Question: d.Question.Text, Answer: d.Answer}
}

// Reply is the decision as the customer's client receives it. restore
// puts the customer's own values back into the answer (see
// Placeholders.Restore); nil leaves the placeholders.
func (d Decision) Reply(restore func(string) string) Reply {
	r := Reply{
		ConversationID: d.ConversationID,
		MessageID:      d.MessageID,
		Decision:       d.Kind,
		ReasonCode:     d.Reason,
		Reason:         catalog.Text(lang.English, catalog.Reason(d.Reason)),
		Answer:         d.Answer,
		Language:       d.Lang,
		Sources:        make([]Source, 0, len(d.Passages)),
		AIGenerated:    true,
		Disclosure:     catalog.Text(d.Lang, catalog.Disclosure),
		Generator:      d.Generator,
		Redactions:     RedactionCounts(d.Question),
		Interrupted:    d.Interrupted,
		Replaced:       d.Replaced,
	}
	if restore != nil {
		r.Answer = restore(d.Answer)
	}
	for _, p := range d.Passages {
		r.Sources = append(r.Sources, Source{DocID: p.DocID, Title: sourceTitle(p), Snippet: snippet(p.Text), URL: p.URL, Score: p.Score})
	}
	return r
}

// RedactionCounts lists how many values of each type a redaction
// removed, by type.
func RedactionCounts(r redact.Result) []Redaction {
	counts := r.Counts()
	out := make([]Redaction, 0, len(counts))
	for _, t := range slices.Sorted(maps.Keys(counts)) {
		out = append(out, Redaction{Type: string(t), Count: counts[t]})
	}
	return out
}

// EnvelopeCounts is RedactionCounts as an audit envelope records it: nil
// when nothing was redacted.
func EnvelopeCounts(r redact.Result) map[string]int {
	counts := r.Counts()
	if len(counts) == 0 {
		return nil
	}
	out := make(map[string]int, len(counts))
	for t, n := range counts {
		out[string(t)] = n
	}
	return out
}

// ms renders a duration in milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
