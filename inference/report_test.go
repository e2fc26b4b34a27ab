package inference

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestSupportReport(t *testing.T) {
	f := newFixture(t, true)
	ctx := context.Background()
	r1, _ := f.a.Ask(ctx, Question{Text: "How do I return an item?"}, nil)
	f.a.Ask(ctx, Question{Text: "Hvordan returnerer jeg en vare?"}, nil)
	f.a.Ask(ctx, Question{Text: "Do you sell garden furniture?"}, nil)
	f.a.Ask(ctx, Question{Text: "I want to talk to a human"}, nil)
	r5, _ := f.a.Ask(ctx, Question{Text: "How long is the warranty on a kettle?"}, nil)
	f.a.RecordFeedback(ctx, Feedback{ConversationID: r1.ConversationID, MessageID: r1.MessageID, Rating: "up"})
	f.a.RecordFeedback(ctx, Feedback{ConversationID: r5.ConversationID, MessageID: r5.MessageID, Rating: "down"})

	rep, err := f.a.SupportReport(ctx, time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	all := rep.All
	// 5 conversations: two answered and not rated down are resolved.
	if all.Conversations != 5 || all.Questions != 5 || all.ResolutionRate != 0.4 {
		t.Fatalf("all = %+v", all)
	}
	if all.CSAT == nil || *all.CSAT != 0.5 || all.HandoffReasons["person_requested"] != 1 || all.HandoffReasons[ReasonThumbsDown] != 1 {
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
