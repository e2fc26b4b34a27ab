package conveval

import (
	"slices"
	"sort"
	"time"

	"github.com/hushdesk/hushdesk/inference/decision"
)

// Share is how many of Total were right.
type Share struct {
	Right int     `json:"right"`
	Total int     `json:"total"`
	Rate  float64 `json:"rate"`
}

func (s *Share) add(right bool) {
	s.Total++
	if right {
		s.Right++
	}
	s.Rate = float64(s.Right) / float64(s.Total)
}

// Figures are the measures of one language, or of all.
type Figures struct {
	// Follow-ups (turns that depend on earlier ones) answered from the
	// right section first, and from the right article.
	FollowupSection Share `json:"followup_section"`
	FollowupArticle Share `json:"followup_article"`
	// First turns (the first message of a conversation, and single
	// messages) answered from the right section first.
	FirstTurnSection Share `json:"first_turn_section"`
	FirstTurnArticle Share `json:"first_turn_article"`
	// All answer turns.
	AnswerSection Share `json:"answer_section"`
	AnswerArticle Share `json:"answer_article"`
	Smalltalk     Share `json:"smalltalk"`
	Offers        Share `json:"offers"`
	Clarify       Share `json:"clarify"`
	// HandoffRecall: turns that need a person handed to one.
	HandoffRecall Share `json:"handoff_recall"`
	// FalseHandoffRoutine: routine single messages (routine and
	// look-alike) handed off; Right counts the hand-offs.
	FalseHandoffRoutine Share `json:"false_handoff_routine"`
	// FalseHandoffAll: turns that need no person handed to one.
	FalseHandoffAll Share `json:"false_handoff_all"`
	// AbstentionPrecision: of the abstentions, how many were right.
	AbstentionPrecision Share `json:"abstention_precision"`
	AbstentionRecall    Share `json:"abstention_recall"`
	// Tentative: of the tentative answers (the closest passage, said to
	// be that), how many answered a question the help centre answers,
	// from the right article.
	Tentative Share `json:"tentative"`
	// Turns is every turn.
	Turns Share `json:"turns"`
	// MedianMS is the median time to a recorded reply, in milliseconds.
	MedianMS float64 `json:"median_ms"`
	lat      []time.Duration
}

func (f *Figures) add(o Outcome) {
	f.Turns.add(o.Right)
	f.lat = append(f.lat, o.Latency)
	handedOff := o.Decision == decision.Handoff
	needsPerson := o.Expect == ExpectHandoff || o.Expect == ExpectAcceptOffer
	switch o.Expect {
	case ExpectAnswer:
		f.AnswerSection.add(o.Right)
		f.AnswerArticle.add(o.RightArticle)
		if o.Followup {
			f.FollowupSection.add(o.Right)
			f.FollowupArticle.add(o.RightArticle)
		}
		if o.Turn == 1 {
			f.FirstTurnSection.add(o.Right)
			f.FirstTurnArticle.add(o.RightArticle)
		}
	case ExpectSmalltalk:
		f.Smalltalk.add(o.Right)
	case ExpectAcceptOffer, ExpectDeclineOffer:
		f.Offers.add(o.Right)
	case ExpectClarify:
		f.Clarify.add(o.Right)
	case ExpectAbstain:
		f.AbstentionRecall.add(o.Right)
	}
	if needsPerson {
		f.HandoffRecall.add(handedOff)
	} else {
		f.FalseHandoffAll.add(handedOff)
	}
	if (o.Kind == "routine" || o.Kind == "lookalike") && !needsPerson {
		f.FalseHandoffRoutine.add(handedOff)
	}
	if o.Decision == decision.Abstain {
		f.AbstentionPrecision.add(o.Expect == ExpectAbstain)
	}
	if o.Decision == decision.Answer && o.Reason == decision.Tentative {
		f.Tentative.add(o.Expect == ExpectAnswer && o.RightArticle)
	}
}

func (f *Figures) finish() {
	if len(f.lat) == 0 {
		return
	}
	slices.Sort(f.lat)
	f.MedianMS = float64(f.lat[len(f.lat)/2].Microseconds()) / 1000
}

// Report is the evaluation of a set.
type Report struct {
	All       Figures            `json:"all"`
	Languages map[string]Figures `json:"languages"`
	// Misses are the turns the assistant got wrong, in order.
	Misses []Outcome `json:"misses"`
}

// Summarise computes the figures of the outcomes.
func Summarise(outs []Outcome) Report {
	rep := Report{Languages: map[string]Figures{}}
	langs := map[string]*Figures{}
	for _, o := range outs {
		rep.All.add(o)
		f := langs[o.Lang]
		if f == nil {
			f = &Figures{}
			langs[o.Lang] = f
		}
		f.add(o)
		if !o.Right {
			rep.Misses = append(rep.Misses, o)
		}
	}
	rep.All.finish()
	keys := make([]string, 0, len(langs))
	for l := range langs {
		keys = append(keys, l)
	}
	sort.Strings(keys)
	for _, l := range keys {
		langs[l].finish()
		rep.Languages[l] = *langs[l]
	}
	return rep
}
