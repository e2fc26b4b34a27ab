// Package report computes the support report: how well the assistant
// served customers in a period (resolution, hand-offs, abstentions,
// ratings, timings) and where the knowledge base falls short (the
// questions it could not serve, grouped by the article they come closest
// to).
package report

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// Events pages through the decision log.
type Events interface {
	Scan(ctx context.Context, f audit.Filter, content bool, fn func(audit.Event) error) error
}

// Retriever finds the article a question comes closest to.
type Retriever interface {
	Search(ctx context.Context, q search.Query) (search.Result, error)
}

// Reports computes support reports from the log.
type Reports struct {
	events    Events
	retriever Retriever
	now       func() time.Time
}

// New returns Reports over the log's events, grouping knowledge gaps
// through the same retrieval the assistant uses.
func New(events Events, r Retriever) *Reports {
	return &Reports{events: events, retriever: r, now: time.Now}
}

// Support is how well the assistant served customers in a period,
// for support managers, and where the knowledge base falls short.
type Support struct {
	From      time.Time               `json:"from"`
	To        time.Time               `json:"to"`
	Generated time.Time               `json:"generated"`
	All       SupportStats            `json:"all"`
	Languages map[string]SupportStats `json:"languages"`
	// Gaps groups the questions the assistant could not serve (abstained,
	// handed off for want of an answer, or rated down) by the article they
	// come closest to, so writers know what is missing.
	Gaps []Gap `json:"knowledge_gaps"`
}

// SupportStats are the figures of one language (or all).
type SupportStats struct {
	Conversations int `json:"conversations"`
	Questions     int `json:"questions"`
	// ResolutionRate is the share of conversations the assistant answered
	// without a hand-off or a thumbs-down.
	ResolutionRate float64 `json:"resolution_rate"`
	// AutomatedResolutionRate is the share of the conversations the
	// assistant answered in whose customer said "yes" to "Did that solve
	// it?" and no person took part: resolution confirmed by the customer,
	// a lower bound of ResolutionRate.
	AutomatedResolutionRate float64 `json:"automated_resolution_rate"`
	// Solved counts the answers to "Did that solve it?" ("yes", "no").
	Solved         map[string]int `json:"solved"`
	HandoffRate    float64        `json:"handoff_rate"`
	AbstentionRate float64        `json:"abstention_rate"`
	HandoffReasons map[string]int `json:"handoff_reasons"`
	FirstTokenMS   Timing         `json:"first_token_ms"`
	FullAnswerMS   Timing         `json:"full_answer_ms"`
	Ratings        map[string]int `json:"ratings"`
	CSAT           *float64       `json:"csat"` // share of thumbs-up among ratings; null without ratings
	Decisions      map[string]int `json:"decisions"`
	conversations  map[string]*convStat
	firstToken     []float64
	full           []float64
}

// Timing is a mean and a 90th percentile.
type Timing struct {
	Mean float64 `json:"mean"`
	P90  float64 `json:"p90"`
}

// Gap is one topic the assistant could not serve.
type Gap struct {
	// Topic is the title of the closest article, or "(no related
	// article)" when the knowledge base has nothing near.
	Topic     string         `json:"topic"`
	DocID     string         `json:"doc_id,omitempty"`
	Count     int            `json:"count"`
	Reasons   map[string]int `json:"reasons"`
	Languages map[string]int `json:"languages"`
	// Examples are up to five of the questions, as stored (redacted).
	Examples []string `json:"examples"`
}

type convStat struct{ answered, failed, solved bool }

// noArticle is the topic of gaps with no related article.
const noArticle = "(no related article)"

// SupportReport computes the support figures and the knowledge gaps of a
// period from the log. Questions are grouped by the article a search for
// them comes closest to, through the same retrieval the assistant uses.
func (r *Reports) Support(ctx context.Context, from, to time.Time) (Support, error) {
	rep := Support{From: from, To: to, Generated: r.now().UTC(), Languages: map[string]SupportStats{}}
	all := newStats()
	langs := map[string]*SupportStats{}
	gaps := map[string]*Gap{}
	byMessage := map[string]string{}  // answered message -> language, for ratings
	questionOf := map[string]string{} // answered message -> its question, for ratings
	filter := audit.Filter{From: from, To: to, Types: []string{audit.TypeDecision, audit.TypeFeedback}}
	err := r.events.Scan(ctx, filter, true, func(e audit.Event) error {
		l := e.Language
		if l == "" {
			l = byMessage[e.Message]
		}
		st := langs[l]
		if st == nil {
			s := newStats()
			st = &s
			langs[l] = st
		}
		gapReason := ""
		for _, s := range []*SupportStats{&all, st} {
			gapReason = s.add(e)
		}
		if e.Type == audit.TypeDecision {
			byMessage[e.Message] = l
			if e.Content != nil {
				questionOf[e.Message] = e.Content.Question
			}
		}
		if gapReason == "" {
			return nil
		}
		question := questionOf[e.Message] // a thumbs-down: the question rated
		if e.Type == audit.TypeDecision && e.Content != nil {
			question = e.Content.Question
		}
		if question != "" {
			return r.addGap(ctx, gaps, l, gapReason, question)
		}
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("support report: %w", err)
	}
	rep.All = all.finish()
	for l, st := range langs {
		rep.Languages[l] = st.finish()
	}
	for _, g := range gaps {
		rep.Gaps = append(rep.Gaps, *g)
	}
	sort.Slice(rep.Gaps, func(i, j int) bool {
		if rep.Gaps[i].Count != rep.Gaps[j].Count {
			return rep.Gaps[i].Count > rep.Gaps[j].Count
		}
		return rep.Gaps[i].Topic < rep.Gaps[j].Topic
	})
	return rep, nil
}

func newStats() SupportStats {
	return SupportStats{HandoffReasons: map[string]int{}, Ratings: map[string]int{}, Decisions: map[string]int{},
		Solved: map[string]int{}, conversations: map[string]*convStat{}}
}

// add counts one event and returns why it is a knowledge gap, if it is.
func (s *SupportStats) add(e audit.Event) string {
	c := s.conversations[e.Conversation]
	if c == nil && e.Conversation != "" {
		c = &convStat{}
		s.conversations[e.Conversation] = c
	}
	if e.Type == audit.TypeFeedback {
		switch e.Attrs["solved"] {
		case "true":
			s.Solved["yes"]++
			if c != nil {
				c.solved = true
			}
		case "false":
			s.Solved["no"]++
			if c != nil {
				c.failed = true
			}
		}
		rating := e.Attrs["rating"]
		if rating == "" {
			return ""
		}
		s.Ratings[rating]++
		if rating == "down" && c != nil {
			c.failed = true
			return "thumbs_down"
		}
		return ""
	}
	if decision.Reason(e.ReasonCode) == decision.AwaitingPerson {
		return "" // a message to the person who has the conversation
	}
	if e.Scores == nil {
		// A hand-off no question triggered (a thumbs-down, the "talk to
		// a person" button): it counts for its reason, not as a question.
		s.HandoffReasons[e.ReasonCode]++
		if c != nil {
			c.failed = true
		}
		return ""
	}
	s.Questions++
	s.Decisions[e.Decision]++
	if v, ok := e.Scores["first_token_ms"]; ok {
		s.firstToken = append(s.firstToken, v)
	}
	s.full = append(s.full, e.LatencyMS)
	switch decision.Kind(e.Decision) {
	case decision.Answer:
		if c != nil && decision.Reason(e.ReasonCode) == decision.Answered {
			c.answered = true // small talk and a declined offer answer nothing
		}
	case decision.Handoff:
		s.HandoffReasons[e.ReasonCode]++
		if c != nil {
			c.failed = true
		}
		if r := decision.Reason(e.ReasonCode); r == decision.RepeatedAbstention || r == decision.PersonRequested {
			return e.ReasonCode
		}
	case decision.Abstain:
		if r := decision.Reason(e.ReasonCode); r == decision.NoRelevant || r == decision.LowConfidence {
			return e.ReasonCode
		}
	}
	return ""
}

func (s SupportStats) finish() SupportStats {
	s.Conversations = len(s.conversations)
	resolved, confirmed, answered := 0, 0, 0
	for _, c := range s.conversations {
		if c.answered {
			answered++
		}
		if c.answered && !c.failed {
			resolved++
			if c.solved {
				confirmed++
			}
		}
	}
	if s.Conversations > 0 {
		s.ResolutionRate = float64(resolved) / float64(s.Conversations)
	}
	if answered > 0 {
		s.AutomatedResolutionRate = float64(confirmed) / float64(answered)
	}
	if s.Questions > 0 {
		s.HandoffRate = float64(s.Decisions[string(decision.Handoff)]) / float64(s.Questions)
		s.AbstentionRate = float64(s.Decisions[string(decision.Abstain)]) / float64(s.Questions)
	}
	if n := s.Ratings["up"] + s.Ratings["down"]; n > 0 {
		csat := float64(s.Ratings["up"]) / float64(n)
		s.CSAT = &csat
	}
	s.FirstTokenMS, s.FullAnswerMS = timing(s.firstToken), timing(s.full)
	return s
}

func timing(xs []float64) Timing {
	if len(xs) == 0 {
		return Timing{}
	}
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	sum := 0.0
	for _, x := range sorted {
		sum += x
	}
	return Timing{Mean: sum / float64(len(sorted)), P90: sorted[int(float64(len(sorted)-1)*0.9)]}
}

// addGap files a question under the article it comes closest to.
func (r *Reports) addGap(ctx context.Context, gaps map[string]*Gap, l, reason, question string) error {
	topic, doc := noArticle, ""
	if q := redact.RemovePlaceholders(question); q != "" {
		res, err := r.retriever.Search(ctx, search.Query{Text: q, Lang: lang.Tag(l), K: 1})
		if err != nil {
			return err
		}
		if len(res.Passages) > 0 && res.Confidence > 0 {
			topic, doc = res.Passages[0].Title, res.Passages[0].DocID
		}
	}
	g := gaps[topic]
	if g == nil {
		g = &Gap{Topic: topic, DocID: doc, Reasons: map[string]int{}, Languages: map[string]int{}}
		gaps[topic] = g
	}
	g.Count++
	g.Reasons[reason]++
	g.Languages[l]++
	if len(g.Examples) < 5 && question != "" {
		g.Examples = append(g.Examples, question)
	}
	return nil
}
