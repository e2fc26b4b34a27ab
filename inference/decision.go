package inference

import (
	"maps"
	"slices"
	"strconv"
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
	// Team takes a hand-off; ReplyFrom, when set, is when that team is
	// next at work (the hand-off came outside its office hours).
	Team      string
	ReplyFrom time.Time
	Generator GeneratorInfo
	// Outcome says how the answer came about: "ok", "model_unavailable",
	// "model_error", "model_interrupted", "capped", "ungrounded" or
	// OutcomeClientGone (docs/audit-log.md says what each means).
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
	// Streamed is what the customer was shown while the model streamed,
	// when it is not Answer (redacted before it is stored).
	Streamed string
	// Context are the earlier messages the message was read with, and
	// Standalone the question as it was searched (redacted).
	Context    []string
	Standalone string
	// StandaloneBy says who wrote Standalone (StandaloneByRules or
	// StandaloneByModel); CondenseFallback why the model's was not used.
	StandaloneBy     string
	CondenseFallback string
	// Request is the data-subject request the message made, logged with
	// its deadline.
	Request *RequestRef
	// Suggestions are offered with a decision to ask back.
	Suggestions []Suggestion
	// Placeholders are the values the turn added to the conversation's
	// mapping, kept encrypted with its content.
	Placeholders []redact.Entry
}

// RequestRef names a data-subject request logged from a conversation.
type RequestRef struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	Deadline time.Time `json:"deadline"`
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
		Context:       d.Context,
	}
	for _, p := range d.Passages {
		env.Sources = append(env.Sources, audit.Source{DocID: p.DocID, Version: p.Version, Chunk: p.ChunkID, Score: p.Score})
	}
	if d.Request != nil && env.Attrs == nil {
		env.Attrs = map[string]string{}
	}
	replyFrom := ""
	if !d.ReplyFrom.IsZero() {
		replyFrom = d.ReplyFrom.UTC().Format(time.RFC3339)
	}
	for k, v := range map[string]string{"team": d.Team, "model_error": d.ModelError, "reply_from": replyFrom,
		"standalone_by": d.StandaloneBy, "condense_fallback": d.CondenseFallback} {
		if v == "" {
			continue
		}
		if env.Attrs == nil {
			env.Attrs = map[string]string{}
		}
		env.Attrs[k] = v
	}
	if d.Request != nil {
		env.Attrs["request_id"] = d.Request.ID
		env.Attrs["request_kind"] = d.Request.Kind
		env.Attrs["request_deadline"] = d.Request.Deadline.UTC().Format(time.RFC3339)
	}
	if d.StandaloneBy == StandaloneByModel {
		env.Attrs["condense_version"] = CondenseVersion
	}
	return env
}

// Content is what the log keeps encrypted: the redacted question and
// answer, the question as searched, and the values behind the
// placeholders the turn added.
func (d Decision) Content() *audit.Content {
	return &audit.Content{Question: d.Question.Text, Answer: d.Answer, Standalone: d.Standalone, Streamed: d.Streamed,
		Placeholders: Stored(d.Placeholders)}
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
		Suggestions:    d.Suggestions,
		Request:        d.Request,
	}
	if restore != nil {
		r.Answer = restore(d.Answer)
	}
	cites := cited(d.Answer)
	for i, p := range d.Passages {
		r.Sources = append(r.Sources, Source{DocID: p.DocID, Title: sourceTitle(p), Heading: p.Heading, Snippet: snippet(p.Text),
			URL: p.URL, Score: p.Score, Cited: cites[i+1]})
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

// cited lists the source numbers an answer cites ([1], [2] ...).
func cited(answer string) map[int]bool {
	out := map[int]bool{}
	for _, m := range citationRE.FindAllStringSubmatch(answer, -1) {
		if n, err := strconv.Atoi(m[1]); err == nil {
			out[n] = true
		}
	}
	return out
}
