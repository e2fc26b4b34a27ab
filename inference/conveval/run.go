package conveval

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// Asker is the assistant as the evaluation drives it.
type Asker interface {
	Ask(ctx context.Context, q inference.Question, stream *inference.Stream) (inference.Reply, error)
}

// Outcome is what the assistant did with one turn, and whether that was
// right.
type Outcome struct {
	ID       string          `json:"id"`
	Turn     int             `json:"turn"`
	Lang     string          `json:"lang"`
	Kind     string          `json:"kind"`
	Text     string          `json:"text"`
	Expect   string          `json:"expect"`
	Followup bool            `json:"followup,omitempty"`
	Decision decision.Kind   `json:"decision"`
	Reason   decision.Reason `json:"reason"`
	Doc      string          `json:"doc,omitempty"`
	Heading  string          `json:"heading,omitempty"`
	Want     string          `json:"want,omitempty"`
	Right    bool            `json:"right"`
	// RightArticle is set when the top source is in the right article
	// (answer turns).
	RightArticle bool          `json:"right_article,omitempty"`
	Latency      time.Duration `json:"latency_ns"`
}

// Run replays every conversation through a, each in a conversation of
// its own, and returns each turn's outcome. The language hint is the
// conversation's, as a widget set to it would send.
func Run(ctx context.Context, a Asker, convs []Conversation) ([]Outcome, error) {
	var out []Outcome
	for _, c := range convs {
		hint, _ := lang.Parse(c.Lang)
		conv := ""
		for i, t := range c.Turns {
			start := time.Now()
			r, err := a.Ask(ctx, inference.Question{Text: t.Text, ConversationID: conv, Language: hint}, nil)
			if err != nil {
				return out, fmt.Errorf("%s turn %d: %w", c.ID, i+1, err)
			}
			conv = r.ConversationID
			out = append(out, score(c, i, t, r, time.Since(start)))
		}
	}
	return out, nil
}

// score judges one reply.
func score(c Conversation, i int, t Turn, r inference.Reply, d time.Duration) Outcome {
	o := Outcome{ID: c.ID, Turn: i + 1, Lang: c.Lang, Kind: c.Kind, Text: t.Text, Expect: t.Expect, Followup: t.Followup,
		Decision: r.Decision, Reason: r.ReasonCode, Latency: d}
	if len(r.Sources) > 0 {
		o.Doc, o.Heading = r.Sources[0].DocID, r.Sources[0].Heading
	}
	switch t.Expect {
	case ExpectAnswer:
		o.Want = t.Doc + " > " + t.Heading
		answered := r.Decision == decision.Answer && r.ReasonCode != decision.Smalltalk && r.ReasonCode != decision.OfferDeclined
		o.Right = answered && slices.Contains(t.targets(), Target{o.Doc, o.Heading})
		o.RightArticle = answered && slices.ContainsFunc(t.targets(), func(x Target) bool { return x.Doc == o.Doc })
	case ExpectSmalltalk:
		// A courtesy while a person holds the conversation is right when
		// the assistant stays quiet and leaves it to them.
		o.Right = r.ReasonCode == decision.Smalltalk || r.ReasonCode == decision.AwaitingPerson
	case ExpectClarify:
		o.Right = r.Decision == decision.Clarify
	case ExpectHandoff, ExpectAcceptOffer:
		o.Want = t.Trigger
		o.Right = r.Decision == decision.Handoff
	case ExpectAbstain:
		o.Right = r.Decision == decision.Abstain
	case ExpectDeclineOffer:
		o.Right = r.ReasonCode == decision.OfferDeclined
	}
	return o
}
