package inference

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/policy"
)

func TestHandoffRoundTrip(t *testing.T) {
	f := newFixture(t, true)
	ctx := context.Background()
	r1, err := f.a.Ask(ctx, Question{Text: "I want to talk to a human please"}, nil)
	if err != nil || r1.Decision != DecisionHandoff {
		t.Fatalf("hand-off = %+v, %v", r1, err)
	}
	// While a person has it, the assistant stays out of the conversation.
	r2, _ := f.a.Ask(ctx, Question{Text: "How do I return an item?", ConversationID: r1.ConversationID}, nil)
	if r2.Decision != DecisionHandoff || r2.ReasonCode != ReasonAwaitingPerson || f.ollama.Chats() != 0 {
		t.Fatalf("while handed off = %+v (chats %d)", r2, f.ollama.Chats())
	}
	h, err := f.store.Handoff(ctx, r1.MessageID)
	if err != nil || h.Messages != 2 {
		t.Fatalf("queue = %+v, %v", h, err)
	}
	rep, err := f.a.ReplyAsAgent(ctx, r1.MessageID, "agent:t1", "Hi! I can help. I'll email you at nina@example.com today.")
	if err != nil || rep.Handoff.Status != audit.HandoffClaimed {
		t.Fatalf("reply = %+v, %v", rep, err)
	}
	if !strings.Contains(rep.Text, "nina@example.com") || strings.Contains(rep.Stored, "nina@example.com") {
		t.Fatalf("live %q / stored %q", rep.Text, rep.Stored)
	}
	if _, err := f.a.ReplyAsAgent(ctx, r1.MessageID, "agent:t1", "   "); !errors.Is(err, ErrEmptyReply) {
		t.Fatalf("empty reply = %v", err)
	}
	if _, err := f.store.ResolveHandoff(ctx, r1.MessageID, "agent:t1"); err != nil {
		t.Fatal(err)
	}
	r3, _ := f.a.Ask(ctx, Question{Text: "How do I return an item?", ConversationID: r1.ConversationID}, nil)
	if r3.Decision != DecisionAnswer {
		t.Fatalf("after resolution = %+v", r3)
	}
}

func TestRequestPerson(t *testing.T) {
	f := newFixture(t, false)
	r, err := f.a.RequestPerson(context.Background(), "", "", "da")
	if err != nil || r.Decision != DecisionHandoff || r.ReasonCode != string(policy.PersonRequested) || r.Answer != policy.CustomerMessage(policy.PersonRequested, "da") {
		t.Fatalf("RequestPerson = %+v, %v", r, err)
	}
	if h, ok, _ := f.store.ActiveHandoff(context.Background(), f.store.ConversationRef(r.ConversationID)); !ok || h.Team == "" {
		t.Fatalf("queue = %+v %v", h, ok)
	}
	if _, err := f.a.RequestPerson(context.Background(), "c_bad", "", "en"); !errors.Is(err, ErrBadConversation) {
		t.Fatalf("bad id = %v", err)
	}
}
