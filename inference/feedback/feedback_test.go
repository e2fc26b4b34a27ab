package feedback_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/feedback"
	"github.com/hushdesk/hushdesk/inference/internal/fixture"
	"github.com/hushdesk/hushdesk/redact"

	"github.com/hushdesk/hushdesk/audit"
)

func TestFeedback(t *testing.T) {
	f := fixture.New(t, false)
	ctx := context.Background()
	r, err := f.A.Ask(ctx, inference.Question{Text: "How do I reset my password?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := ratings(f).Record(ctx, feedback.Feedback{ConversationID: r.ConversationID, MessageID: r.MessageID, Rating: "up",
		Comment: "Great, thanks! Reach me at kim@example.net"})
	if err != nil || rec.Handoff != nil {
		t.Fatalf("up = %+v, %v", rec, err)
	}
	// A thumbs-down asks what went wrong, in the answer's language, and
	// hands off only when the customer says they want a person.
	rec, err = ratings(f).Record(ctx, feedback.Feedback{ConversationID: r.ConversationID, MessageID: r.MessageID, Rating: "down"})
	if err != nil || rec.Handoff != nil || rec.Ask == nil || len(rec.Ask.Options) != 3 || rec.Ask.Question != "What went wrong?" {
		t.Fatalf("down = %+v, %v", rec, err)
	}
	rec, err = ratings(f).Record(ctx, feedback.Feedback{ConversationID: r.ConversationID, MessageID: r.MessageID, Why: feedback.WrongAnswer})
	if err != nil || rec.Handoff != nil || rec.Message == "" {
		t.Fatalf("wrong answer = %+v, %v", rec, err)
	}
	rec, err = ratings(f).Record(ctx, feedback.Feedback{ConversationID: r.ConversationID, MessageID: r.MessageID, Why: feedback.WantPerson})
	if err != nil || rec.Handoff == nil || rec.Handoff.ReasonCode != decision.ThumbsDown {
		t.Fatalf("want a person = %+v, %v", rec, err)
	}
	evs := f.Events(t)
	if len(evs) != 6 || evs[1].Type != audit.TypeFeedback || evs[1].Attrs["rating"] != "up" || evs[3].Attrs["why"] != feedback.WrongAnswer ||
		evs[5].Decision != string(decision.Handoff) {
		t.Fatalf("events = %+v", evs)
	}
	if c := evs[1].Content; c == nil || strings.Contains(c.Text, "kim@example.net") || !strings.Contains(c.Text, "<EMAIL_1>") {
		t.Fatalf("comment stored as %+v", c)
	}
	for _, bad := range []struct {
		fb   feedback.Feedback
		want error
	}{
		{feedback.Feedback{ConversationID: r.ConversationID, MessageID: "m_nope", Rating: "up"}, feedback.ErrUnknownMessage},
		{feedback.Feedback{ConversationID: r.ConversationID, MessageID: r.MessageID, Rating: "meh"}, feedback.ErrBadFeedback},
		{feedback.Feedback{ConversationID: "c_x", MessageID: r.MessageID, Rating: "up"}, inference.ErrBadConversation},
		{feedback.Feedback{ConversationID: inference.NewConversationID(), MessageID: r.MessageID, Rating: "up"}, feedback.ErrUnknownMessage},
		{feedback.Feedback{MessageID: "m_nope", Rating: "up"}, feedback.ErrUnknownMessage},
		{feedback.Feedback{Rating: "up"}, feedback.ErrBadFeedback},
		{feedback.Feedback{MessageID: r.MessageID}, feedback.ErrBadFeedback},
		{feedback.Feedback{MessageID: r.MessageID, Why: "meh"}, feedback.ErrBadFeedback},
		{feedback.Feedback{MessageID: r.MessageID, Rating: "up", Why: feedback.WrongAnswer}, feedback.ErrBadFeedback},
	} {
		if _, err := ratings(f).Record(ctx, bad.fb); !errors.Is(err, bad.want) {
			t.Errorf("RecordFeedback(%+v) = %v, want %v", bad.fb, err, bad.want)
		}
	}
}

func TestFeedbackByMessageIDAlone(t *testing.T) {
	f := fixture.New(t, false)
	ctx := context.Background()
	r, _ := f.A.Ask(ctx, inference.Question{Text: "How do I reset my password?"}, nil)
	rec, err := ratings(f).Record(ctx, feedback.Feedback{MessageID: r.MessageID, Rating: "down", Why: feedback.WantPerson, Comment: "not what I asked"})
	if err != nil || rec.Handoff == nil {
		t.Fatalf("feedback = %+v, %v", rec, err)
	}
	evs := f.Events(t)
	if len(evs) != 3 || evs[1].Conversation != evs[0].Conversation || evs[2].Conversation != evs[0].Conversation {
		t.Fatalf("events = %+v", evs)
	}
}

func TestTwoAbstentionsHandOff(t *testing.T) {
	f := fixture.New(t, false)
	ctx := context.Background()
	r1, _ := f.A.Ask(ctx, inference.Question{Text: "What is the boiling point of tungsten on Venus?"}, nil)
	r2, _ := f.A.Ask(ctx, inference.Question{Text: "Which planets have rings made of ice?", ConversationID: r1.ConversationID}, nil)
	if r1.Decision != decision.Abstain || r2.Decision != decision.Handoff || r2.ReasonCode != decision.RepeatedAbstention {
		t.Fatalf("decisions = %s, %s (%s)", r1.Decision, r2.Decision, r2.ReasonCode)
	}
	// In a fresh conversation one abstention is just an abstention.
	r3, _ := f.A.Ask(ctx, inference.Question{Text: "Which planets have rings made of ice?"}, nil)
	if r3.Decision != decision.Abstain {
		t.Fatalf("fresh conversation = %s", r3.Decision)
	}
}

func ratings(f *fixture.Fixture) *feedback.Ratings {
	return feedback.New(f.Store, redact.New(redact.Options{}), f.A.HandOff)
}

// TestOnlyAnswersAreRated: a hand-off's message id (which an agent or a
// webhook receiver sees) cannot be used to post a customer's rating.
func TestOnlyAnswersAreRated(t *testing.T) {
	f := fixture.New(t, false)
	ctx := context.Background()
	h, err := f.A.Ask(ctx, inference.Question{Text: "I want to talk to a human please"}, nil)
	if err != nil || h.Decision != decision.Handoff {
		t.Fatalf("hand-off = %+v, %v", h, err)
	}
	for _, fb := range []feedback.Feedback{
		{MessageID: h.MessageID, Rating: "down"},
		{ConversationID: h.ConversationID, MessageID: h.MessageID, Rating: "up"},
	} {
		if _, err := ratings(f).Record(ctx, fb); !errors.Is(err, feedback.ErrUnknownMessage) {
			t.Errorf("rating a hand-off: %v", err)
		}
	}
}

func TestSolved(t *testing.T) {
	f := fixture.New(t, false)
	ctx := context.Background()
	r, _ := f.A.Ask(ctx, inference.Question{Text: "Hvordan nulstiller jeg min adgangskode?"}, nil)
	yes, no := true, false
	for _, solved := range []*bool{&yes, &no} {
		rec, err := ratings(f).Record(ctx, feedback.Feedback{ConversationID: r.ConversationID, MessageID: r.MessageID, Solved: solved})
		if err != nil || rec.Message == "" || rec.Handoff != nil || rec.Ask != nil {
			t.Fatalf("solved %v = %+v, %v", *solved, rec, err)
		}
		if *solved && rec.Message != "Godt, det er jeg glad for!" {
			t.Errorf("the reply is not in the answer's language: %q", rec.Message)
		}
	}
	evs := f.Events(t)
	if evs[1].Attrs["solved"] != "true" || evs[2].Attrs["solved"] != "false" || evs[1].Attrs["rating"] != "" {
		t.Fatalf("events = %+v / %+v", evs[1].Attrs, evs[2].Attrs)
	}
}
