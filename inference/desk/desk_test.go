package desk_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/desk"
	"github.com/hushdesk/hushdesk/inference/internal/fixture"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"

	"github.com/hushdesk/hushdesk/audit"
)

func TestHandoffRoundTrip(t *testing.T) {
	f := fixture.New(t, true)
	ctx := context.Background()
	r1, err := f.A.Ask(ctx, inference.Question{Text: "I want to talk to a human please"}, nil)
	if err != nil || r1.Decision != decision.Handoff {
		t.Fatalf("hand-off = %+v, %v", r1, err)
	}
	// While a person has it, the assistant stays out of the conversation.
	r2, _ := f.A.Ask(ctx, inference.Question{Text: "How do I return an item?", ConversationID: r1.ConversationID}, nil)
	if r2.Decision != decision.Handoff || r2.ReasonCode != decision.AwaitingPerson || f.Ollama.Chats() != 0 {
		t.Fatalf("while handed off = %+v (chats %d)", r2, f.Ollama.Chats())
	}
	h, err := f.Store.Handoff(ctx, audit.HandoffID(r1.MessageID))
	if err != nil || h.Messages != 2 {
		t.Fatalf("queue = %+v, %v", h, err)
	}
	mette := audit.Agent{ID: "agent:t1", Name: "Mette"}
	rep, err := desk.New(redact.New(redact.Options{}), f.Store).ReplyAsAgent(ctx, audit.HandoffID(r1.MessageID), mette, "Hi, Mette here! I can help. I'll email you at nina@example.com today. Regards, Mette Hansen")
	if err != nil || rep.Handoff.Status != audit.HandoffClaimed {
		t.Fatalf("reply = %+v, %v", rep, err)
	}
	if !strings.Contains(rep.Text, "nina@example.com") || strings.Contains(rep.Stored, "nina@example.com") {
		t.Fatalf("live %q / stored %q", rep.Text, rep.Stored)
	}
	// The agent's own name stays in what is stored; another name does not.
	if !strings.Contains(rep.Stored, "Mette here") || strings.Contains(rep.Stored, "Hansen") {
		t.Fatalf("stored %q", rep.Stored)
	}
	if _, err := desk.New(redact.New(redact.Options{}), f.Store).ReplyAsAgent(ctx, audit.HandoffID(r1.MessageID), mette, "   "); !errors.Is(err, desk.ErrEmptyReply) {
		t.Fatalf("empty reply = %v", err)
	}
	if _, err := f.Store.ResolveHandoff(ctx, audit.HandoffID(r1.MessageID), audit.Agent{ID: "agent:t1"}); err != nil {
		t.Fatal(err)
	}
	r3, _ := f.A.Ask(ctx, inference.Question{Text: "How do I return an item?", ConversationID: r1.ConversationID}, nil)
	if r3.Decision != decision.Answer {
		t.Fatalf("after resolution = %+v", r3)
	}
}

func TestRequestPerson(t *testing.T) {
	f := fixture.New(t, false)
	r, err := f.A.HandOff(context.Background(), inference.HandoffRequest{Lang: lang.Danish, Reason: decision.PersonRequested})
	if err != nil || r.Decision != decision.Handoff || r.ReasonCode != decision.PersonRequested || r.Answer != catalog.Text(lang.Danish, catalog.Handoff(decision.PersonRequested)) {
		t.Fatalf("RequestPerson = %+v, %v", r, err)
	}
	if h, ok, _ := f.Store.ActiveHandoff(context.Background(), f.Store.ConversationRef(r.ConversationID)); !ok || h.Team == "" {
		t.Fatalf("queue = %+v %v", h, ok)
	}
	if _, err := f.A.HandOff(context.Background(), inference.HandoffRequest{ConversationID: "c_bad", Reason: decision.PersonRequested}); !errors.Is(err, inference.ErrBadConversation) {
		t.Fatalf("bad id = %v", err)
	}
}
