package inference_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/internal/fixture"
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
