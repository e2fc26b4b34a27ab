package inference

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
)

func TestFeedback(t *testing.T) {
	f := newFixture(t, false)
	ctx := context.Background()
	r, err := f.a.Ask(ctx, Question{Text: "How do I reset my password?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := f.a.RecordFeedback(ctx, Feedback{ConversationID: r.ConversationID, MessageID: r.MessageID, Rating: "up",
		Comment: "Great, thanks! Reach me at kim@example.net"})
	if err != nil || rec.Handoff != nil {
		t.Fatalf("up = %+v, %v", rec, err)
	}
	rec, err = f.a.RecordFeedback(ctx, Feedback{ConversationID: r.ConversationID, MessageID: r.MessageID, Rating: "down"})
	if err != nil || rec.Handoff == nil || rec.Handoff.ReasonCode != ReasonThumbsDown {
		t.Fatalf("down = %+v, %v", rec, err)
	}
	evs := f.events(t)
	if len(evs) != 4 || evs[1].Type != audit.TypeFeedback || evs[1].Attrs["rating"] != "up" || evs[3].Decision != DecisionHandoff {
		t.Fatalf("events = %+v", evs)
	}
	if c := evs[1].Content; c == nil || strings.Contains(c.Text, "kim@example.net") || !strings.Contains(c.Text, "<EMAIL_1>") {
		t.Fatalf("comment stored as %+v", c)
	}
	for _, bad := range []struct {
		fb   Feedback
		want error
	}{
		{Feedback{ConversationID: r.ConversationID, MessageID: "m_nope", Rating: "up"}, ErrUnknownMessage},
		{Feedback{ConversationID: r.ConversationID, MessageID: r.MessageID, Rating: "meh"}, ErrBadFeedback},
		{Feedback{ConversationID: "c_x", MessageID: r.MessageID, Rating: "up"}, ErrBadConversation},
		{Feedback{ConversationID: NewConversationID(), MessageID: r.MessageID, Rating: "up"}, ErrUnknownMessage},
		{Feedback{MessageID: "m_nope", Rating: "up"}, ErrUnknownMessage},
		{Feedback{Rating: "up"}, ErrBadFeedback},
	} {
		if _, err := f.a.RecordFeedback(ctx, bad.fb); !errors.Is(err, bad.want) {
			t.Errorf("RecordFeedback(%+v) = %v, want %v", bad.fb, err, bad.want)
		}
	}
}

func TestFeedbackByMessageIDAlone(t *testing.T) {
	f := newFixture(t, false)
	ctx := context.Background()
	r, _ := f.a.Ask(ctx, Question{Text: "How do I reset my password?"}, nil)
	rec, err := f.a.RecordFeedback(ctx, Feedback{MessageID: r.MessageID, Rating: "down", Comment: "not what I asked"})
	if err != nil || rec.Handoff == nil {
		t.Fatalf("feedback = %+v, %v", rec, err)
	}
	evs := f.events(t)
	if len(evs) != 3 || evs[1].Conversation != evs[0].Conversation || evs[2].Conversation != evs[0].Conversation {
		t.Fatalf("events = %+v", evs)
	}
}

func TestTwoAbstentionsHandOff(t *testing.T) {
	f := newFixture(t, false)
	ctx := context.Background()
	r1, _ := f.a.Ask(ctx, Question{Text: "What is the boiling point of tungsten on Venus?"}, nil)
	r2, _ := f.a.Ask(ctx, Question{Text: "Which planets have rings made of ice?", ConversationID: r1.ConversationID}, nil)
	if r1.Decision != DecisionAbstain || r2.Decision != DecisionHandoff || r2.ReasonCode != ReasonRepeatedMiss {
		t.Fatalf("decisions = %s, %s (%s)", r1.Decision, r2.Decision, r2.ReasonCode)
	}
	// In a fresh conversation one abstention is just an abstention.
	r3, _ := f.a.Ask(ctx, Question{Text: "Which planets have rings made of ice?"}, nil)
	if r3.Decision != DecisionAbstain {
		t.Fatalf("fresh conversation = %s", r3.Decision)
	}
}
