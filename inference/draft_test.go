package inference_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/internal/fixture"
	"github.com/hushdesk/hushdesk/inference/ollamatest"
)

func TestSuggestReplyAndSummary(t *testing.T) {
	for _, withModel := range []bool{false, true} {
		f := fixture.New(t, withModel)
		ctx := context.Background()
		r1, err := f.A.Ask(ctx, inference.Question{Text: "My kettle stopped working after two months. Is it under warranty?"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		r2, err := f.A.HandOff(ctx, inference.HandoffRequest{ConversationID: r1.ConversationID, Reason: decision.PersonRequested})
		if err != nil {
			t.Fatal(err)
		}
		// The button's hand-off goes where the conversation was: warranty
		// questions are the technical team's.
		h, err := f.Store.Handoff(ctx, audit.HandoffID(r2.MessageID))
		if err != nil || h.Team != "technical" {
			t.Errorf("hand-off from the button = %+v, %v", h, err)
		}
		if _, err := f.A.Ask(ctx, inference.Question{ConversationID: r1.ConversationID, Text: "The kettle is broken and I want it repaired, my email is ib@example.dk"}, nil); err != nil {
			t.Fatal(err)
		}
		ref := h.Conversation
		d, err := f.A.SuggestReply(ctx, ref)
		if err != nil {
			t.Fatalf("model %v: %v", withModel, err)
		}
		if d.Text == "" || len(d.Sources) == 0 || strings.Contains(d.Text, "ib@example.dk") {
			t.Errorf("model %v: draft = %+v", withModel, d)
		}
		if !strings.Contains(strings.ToLower(d.Sources[0].DocID), "warranty") {
			t.Errorf("model %v: the draft's first source is %s", withModel, d.Sources[0].DocID)
		}
		s, err := f.A.Summarize(ctx, ref, func(id string) string { return "title of " + id })
		if err != nil || s.Messages != 2 || len(s.Points) == 0 || !strings.Contains(s.Points[0], "kettle") || len(s.Topics) == 0 {
			t.Errorf("summary = %+v, %v", s, err)
		}
		for _, p := range s.Points {
			if strings.Contains(p, "ib@example.dk") {
				t.Errorf("the summary holds the address: %q", p)
			}
		}
	}
	f := fixture.New(t, false)
	if _, err := f.A.SuggestReply(context.Background(), "k_nothing"); !errors.Is(err, inference.ErrNoDraft) {
		t.Errorf("a draft for an empty conversation = %v", err)
	}
}

func TestAfterHours(t *testing.T) {
	f := fixture.New(t, false)
	monday9 := time.Date(2026, 12, 14, 9, 0, 0, 0, time.UTC)
	a, err := inference.New(f.Parts, inference.Options{
		Now: func() time.Time { return time.Date(2026, 12, 12, 20, 0, 0, 0, time.UTC) }, // a Saturday evening
		ReplyFrom: func(team string, at time.Time) (time.Time, bool) {
			return monday9, true
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.Ask(context.Background(), inference.Question{Text: "I want to talk to a human"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Decision != decision.Handoff || !strings.Contains(r.Answer, "14 December 2026 at 09:00") {
		t.Errorf("after hours: %s %q", r.Decision, r.Answer)
	}
	r, err = a.HandOff(context.Background(), inference.HandoffRequest{Lang: "da", Reason: decision.PersonRequested})
	if err != nil || !strings.Contains(r.Answer, "14. december 2026 kl. 09:00") {
		t.Errorf("after hours in Danish: %q, %v", r.Answer, err)
	}
}

// TestDraftGrounding: a draft the model writes is checked as answers are.
// A grounded one is kept as written; one its sources do not support (an
// invented number, a citation of no source) is replaced by a quote of
// the knowledge base, cited [1].
func TestDraftGrounding(t *testing.T) {
	const invented = "Every kettle has a warranty of 25 years and a free replacement within 3 days"
	for _, tc := range []struct {
		name     string
		reply    func(system, user string) string
		replaced bool
	}{
		{"grounded", ollamatest.QuoteFirstSource, false},
		{"an invented number", func(_, _ string) string { return invented + " [1]." }, true},
		{"a citation of no source", func(s, u string) string { return ollamatest.QuoteFirstSource(s, u) + " See also [9]." }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := fixture.New(t, true)
			ctx := context.Background()
			r, err := f.A.Ask(ctx, inference.Question{Text: "My kettle stopped working after two months. Is it under warranty?"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			r, err = f.A.HandOff(ctx, inference.HandoffRequest{ConversationID: r.ConversationID, Reason: decision.PersonRequested})
			if err != nil {
				t.Fatal(err)
			}
			h, err := f.Store.Handoff(ctx, audit.HandoffID(r.MessageID))
			if err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex // the fake answers on its own goroutine
			var wrote string
			f.Ollama.SetReply(func(system, user string) string {
				mu.Lock()
				defer mu.Unlock()
				wrote = tc.reply(system, user)
				return wrote
			})
			d, err := f.A.SuggestReply(ctx, h.Conversation)
			if err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			defer mu.Unlock()
			if wrote == "" || len(d.Sources) == 0 {
				t.Fatalf("the model wrote %q; draft = %+v", wrote, d)
			}
			if d.Replaced != tc.replaced {
				t.Fatalf("replaced = %v, want %v (grounding %.2f): %q", d.Replaced, tc.replaced, d.Grounding, d.Text)
			}
			if !tc.replaced {
				if d.Text != wrote || d.Generator.Mode != inference.ModeOllama || d.Generator.Model != "test-model:1b" || d.Grounding < 0.6 {
					t.Errorf("a grounded draft was not kept: %+v", d)
				}
				return
			}
			intro := catalog.Text(d.Language, catalog.ExtractiveIntro)
			if d.Text == wrote || strings.Contains(d.Text, "25 years") || strings.Contains(d.Text, "[9]") ||
				!strings.HasPrefix(d.Text, intro) || !strings.HasSuffix(d.Text, " [1]") {
				t.Errorf("the replaced draft is not a quote: %q", d.Text)
			}
			if d.Generator.Mode != inference.ModeExtractive || d.Generator.Model != "" {
				t.Errorf("the replaced draft is credited to %+v", d.Generator)
			}
			if !d.Sources[0].Cited || d.Sources[0].Snippet == "" {
				t.Errorf("the quoted source is not cited: %+v", d.Sources[0])
			}
			for _, s := range d.Sources[1:] {
				if s.Cited {
					t.Errorf("a source the quote does not cite is marked cited: %+v", s)
				}
			}
			if d.Grounding >= 0.6 && !strings.Contains(wrote, "[9]") {
				t.Errorf("grounding of an unsupported draft = %.2f", d.Grounding)
			}
		})
	}
}
