package report_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/feedback"
	"github.com/hushdesk/hushdesk/inference/internal/fixture"
	"github.com/hushdesk/hushdesk/inference/report"
	"github.com/hushdesk/hushdesk/redact"
)

func TestSupportReport(t *testing.T) {
	f := fixture.New(t, true)
	ctx := context.Background()
	r1, _ := f.A.Ask(ctx, inference.Question{Text: "How do I return an item?"}, nil)
	f.A.Ask(ctx, inference.Question{Text: "Hvordan returnerer jeg en vare?"}, nil)
	f.A.Ask(ctx, inference.Question{Text: "Do you sell garden furniture?"}, nil)
	f.A.Ask(ctx, inference.Question{Text: "I want to talk to a human"}, nil)
	r5, _ := f.A.Ask(ctx, inference.Question{Text: "How long is the warranty on a kettle?"}, nil)
	ratings(f).Record(ctx, feedback.Feedback{ConversationID: r1.ConversationID, MessageID: r1.MessageID, Rating: "up"})
	ratings(f).Record(ctx, feedback.Feedback{ConversationID: r5.ConversationID, MessageID: r5.MessageID, Rating: "down"})
	ratings(f).Record(ctx, feedback.Feedback{ConversationID: r5.ConversationID, MessageID: r5.MessageID, Why: feedback.WantPerson})
	yes := true
	ratings(f).Record(ctx, feedback.Feedback{ConversationID: r1.ConversationID, MessageID: r1.MessageID, Solved: &yes})

	rep, err := report.New(f.Store, fixture.SampleIndex(t)).Support(ctx, time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	all := rep.All
	// 5 conversations: two answered and not rated down are resolved.
	if all.Conversations != 5 || all.Questions != 5 || all.ResolutionRate != 0.4 {
		t.Fatalf("all = %+v", all)
	}
	// Of the three conversations answered, one customer said it solved
	// their problem.
	if all.Solved["yes"] != 1 || all.AutomatedResolutionRate != 1.0/3 {
		t.Fatalf("solved = %v, automated resolution %v", all.Solved, all.AutomatedResolutionRate)
	}
	if all.CSAT == nil || *all.CSAT != 0.5 || all.HandoffReasons["person_requested"] != 1 || all.HandoffReasons[string(decision.ThumbsDown)] != 1 {
		t.Fatalf("all = %+v", all)
	}
	if all.FullAnswerMS.P90 <= 0 || all.FirstTokenMS.Mean <= 0 || all.FirstTokenMS.Mean > all.FullAnswerMS.Mean {
		t.Fatalf("timings = %+v %+v", all.FirstTokenMS, all.FullAnswerMS)
	}
	if da := rep.Languages["da"]; da.Questions != 1 || da.ResolutionRate != 1 {
		t.Fatalf("da = %+v", da)
	}
	var topics []string
	for _, g := range rep.Gaps {
		topics = append(topics, g.Topic)
		for _, ex := range g.Examples {
			if strings.Contains(ex, "@") {
				t.Fatalf("example holds personal data: %q", ex)
			}
		}
	}
	joined := strings.Join(topics, " | ")
	if len(rep.Gaps) < 2 || !strings.Contains(strings.ToLower(joined), "warrant") {
		t.Fatalf("gaps = %+v", rep.Gaps)
	}
}

func ratings(f *fixture.Fixture) *feedback.Ratings {
	return feedback.New(f.Store, redact.New(redact.Options{}), f.A.HandOff)
}

// TestSmallTalkAndMessagesToAPersonAreNoAnswers: "hi" resolves nothing,
// and what a customer writes while a person has the conversation is no
// question of the assistant's.
func TestSmallTalkAndMessagesToAPersonAreNoAnswers(t *testing.T) {
	f := fixture.New(t, false)
	ctx := context.Background()
	f.A.Ask(ctx, inference.Question{Text: "hi"}, nil)
	h, _ := f.A.Ask(ctx, inference.Question{Text: "I want to talk to a human"}, nil)
	f.A.Ask(ctx, inference.Question{Text: "are you there?", ConversationID: h.ConversationID}, nil)

	rep, err := report.New(f.Store, fixture.SampleIndex(t)).Support(ctx, time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if all := rep.All; all.Conversations != 2 || all.Questions != 2 || all.ResolutionRate != 0 || all.HandoffReasons["awaiting_person"] != 0 {
		t.Fatalf("all = %+v", all)
	}
}
