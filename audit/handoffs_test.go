package audit

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func handoffDecision(conv, msg, team string) Envelope {
	subject := "s_cust"
	if conv == "k_b" {
		subject = "s_other"
	}
	return Envelope{Type: TypeDecision, Conversation: conv, Subject: subject, Message: msg, Decision: "handoff",
		ReasonCode: "person_requested", Language: "en", Attrs: map[string]string{"team": team}}
}

func TestHandoffQueue(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	mustAppend := func(env Envelope, c *Content) uint64 {
		t.Helper()
		seq, err := s.Append(ctx, env, c)
		if err != nil {
			t.Fatal(err)
		}
		return seq
	}
	mustAppend(decision("k_a", 1), &Content{Question: "where is my parcel"})
	mustAppend(handoffDecision("k_a", "m_h1", "delivery"), &Content{Question: "I want a human"})
	// The customer writes again while waiting: same hand-off, one more message.
	mustAppend(Envelope{Type: TypeDecision, Conversation: "k_a", Message: "m_2", Decision: "handoff", ReasonCode: "awaiting_person"}, &Content{Question: "hello?"})
	mustAppend(handoffDecision("k_b", "m_h2", "billing"), nil)

	open, err := s.Handoffs(ctx, "active", "")
	if err != nil || len(open) != 2 {
		t.Fatalf("active = %+v, %v", open, err)
	}
	h, _ := s.Handoff(ctx, HandoffID("m_h1"))
	if h.Status != HandoffOpen || h.Messages != 2 || h.Team != "delivery" || h.Conversation != "k_a" {
		t.Fatalf("hand-off = %+v", h)
	}
	if got, _ := s.Handoffs(ctx, "", "billing"); len(got) != 1 || got[0].ID != HandoffID("m_h2") {
		t.Fatalf("billing = %+v", got)
	}

	if h, err = s.ClaimHandoff(ctx, HandoffID("m_h1"), Agent{ID: "agent:t1"}); err != nil || h.Status != HandoffClaimed || h.ClaimedBy != "agent:t1" {
		t.Fatalf("claim = %+v, %v", h, err)
	}
	if _, err := s.ClaimHandoff(ctx, HandoffID("m_h1"), Agent{ID: "agent:t2"}); !errors.Is(err, ErrHandoffTaken) {
		t.Fatalf("second claim = %v", err)
	}
	if _, _, err := s.ReplyHandoff(ctx, HandoffID("m_h1"), Agent{ID: "agent:t2"}, "m_r0", Content{Text: "me too"}); !errors.Is(err, ErrHandoffTaken) {
		t.Fatalf("reply by another agent = %v", err)
	}
	seq, h, err := s.ReplyHandoff(ctx, HandoffID("m_h1"), Agent{ID: "agent:t1"}, "m_r1", Content{Text: "Your parcel left today, <EMAIL_1>."})
	if err != nil || h.Replies != 1 {
		t.Fatalf("reply = %+v, %v", h, err)
	}
	evs, _ := s.Conversation(ctx, "k_a")
	last := evs[len(evs)-1]
	if last.Seq != seq || last.Type != TypeAgentReply || last.Content == nil || last.Content.Text != "Your parcel left today, <EMAIL_1>." || last.Attrs["handoff"] != HandoffID("m_h1") {
		t.Fatalf("agent reply event = %+v", last)
	}
	// Replying to an open hand-off claims it.
	if _, h, err = s.ReplyHandoff(ctx, HandoffID("m_h2"), Agent{ID: "agent:t2"}, "m_r2", Content{Text: "Hi"}); err != nil || h.ClaimedBy != "agent:t2" {
		t.Fatalf("reply to open = %+v, %v", h, err)
	}
	if h, err = s.ResolveHandoff(ctx, HandoffID("m_h1"), Agent{ID: "agent:t1"}); err != nil || h.Status != HandoffResolved || h.Resolved == nil {
		t.Fatalf("resolve = %+v, %v", h, err)
	}
	// After resolution a new hand-off in the same conversation is new.
	mustAppend(handoffDecision("k_a", "m_h3", "delivery"), nil)
	if got, _ := s.Handoffs(ctx, "active", ""); len(got) != 2 {
		t.Fatalf("active after resolve = %+v", got)
	}
	if _, err := s.Handoff(ctx, "m_nope"); !errors.Is(err, ErrNoHandoff) {
		t.Fatalf("unknown = %v", err)
	}
	if res, _ := s.Verify(ctx); !res.OK {
		t.Fatalf("verify = %+v", res)
	}

	// Erasing the subject removes its hand-offs from the queue.
	if _, err := s.EraseSubject(ctx, "s_cust", "compliance:t3"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Handoffs(ctx, "", ""); len(got) != 1 || got[0].ID != HandoffID("m_h2") {
		t.Fatalf("after erasure = %+v", got)
	}
}

func TestActiveHandoff(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	if _, ok, err := s.ActiveHandoff(ctx, "k_a"); ok || err != nil {
		t.Fatalf("before = %v %v", ok, err)
	}
	s.Append(ctx, handoffDecision("k_a", "m_h1", "delivery"), nil)
	if h, ok, _ := s.ActiveHandoff(ctx, "k_a"); !ok || h.ID != HandoffID("m_h1") {
		t.Fatalf("after = %+v %v", h, ok)
	}
	s.ResolveHandoff(ctx, HandoffID("m_h1"), Agent{ID: "agent:x"})
	if _, ok, _ := s.ActiveHandoff(ctx, "k_a"); ok {
		t.Fatal("resolved hand-off still active")
	}
}

func TestReleaseAndAssign(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	conv := s.ConversationRef("c1")
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: conv, Message: "m_h1", Decision: "handoff"}, nil)
	ann, bo, admin := Agent{ID: "agent:t_ann", Name: "Ann"}, Agent{ID: "agent:t_bo", Name: "Bo"}, Agent{ID: "admin:t_root"}
	if _, err := s.ClaimHandoff(ctx, HandoffID("m_h1"), ann); err != nil {
		t.Fatal(err)
	}
	// Another agent can neither release nor take it; an admin can.
	if _, err := s.ReleaseHandoff(ctx, HandoffID("m_h1"), bo, false); !errors.Is(err, ErrHandoffTaken) {
		t.Fatalf("release by another agent = %v", err)
	}
	if _, err := s.AssignHandoff(ctx, HandoffID("m_h1"), bo, bo, false); !errors.Is(err, ErrHandoffTaken) {
		t.Fatalf("take over by another agent = %v", err)
	}
	h, err := s.AssignHandoff(ctx, HandoffID("m_h1"), bo, admin, true)
	if err != nil || h.ClaimedBy != bo.ID || h.AgentName != "Bo" {
		t.Fatalf("reassign = %+v, %v", h, err)
	}
	// Bo's token is revoked: his claims go back to the queue.
	rel, err := s.ReleaseClaims(ctx, bo.ID, admin)
	if err != nil || len(rel) != 1 || rel[0].Status != HandoffOpen || rel[0].ClaimedBy != "" {
		t.Fatalf("released = %+v, %v", rel, err)
	}
	if h, err = s.ClaimHandoff(ctx, HandoffID("m_h1"), ann); err != nil || h.ClaimedBy != ann.ID {
		t.Fatalf("claim after release = %+v, %v", h, err)
	}
	if _, err := s.AssignHandoff(ctx, HandoffID("m_h1"), Agent{}, ann, false); !errors.Is(err, ErrInvalid) {
		t.Fatalf("assign to nobody = %v", err)
	}
	// Each change is an event, and the queue rebuilt from the log agrees.
	if n, m := len(eventsOfType(t, s, TypeHandoff)), len(eventsOfType(t, s, TypeAssignment)); n != 3 || m != 1 {
		t.Fatalf("%d hand-off events, %d assignments", n, m)
	}
}

// TestHandoffIDIsNotTheMessage: the hand-off's id, which agents and
// webhook receivers see, is derived from the decision's message id but
// is not it, does not contain it, and is the same every time; the message
// id itself opens no hand-off, and the queue's record carries it nowhere.
func TestHandoffIDIsNotTheMessage(t *testing.T) {
	seen := map[string]string{}
	for _, m := range []string{"m_h1", "m_h2", "m_AAAAAAAAAAAAAAAA", "m_9fK2-xQ_r7LmZp0a", ""} {
		id := HandoffID(m)
		if id == m || m != "" && strings.Contains(id, m) || !strings.HasPrefix(id, "h_") {
			t.Errorf("HandoffID(%q) = %q", m, id)
		}
		if again := HandoffID(m); again != id {
			t.Errorf("HandoffID(%q) = %q, then %q", m, id, again)
		}
		if other, ok := seen[id]; ok {
			t.Errorf("HandoffID(%q) = HandoffID(%q) = %q", m, other, id)
		}
		seen[id] = m
	}

	s := openTestStore(t, "")
	ctx := context.Background()
	if _, err := s.Append(ctx, handoffDecision("k_a", "m_secret1", "delivery"), &Content{Question: "I want a human"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Handoff(ctx, "m_secret1"); !errors.Is(err, ErrNoHandoff) {
		t.Fatalf("the message id opened the hand-off: %v", err)
	}
	h, err := s.Handoff(ctx, HandoffID("m_secret1"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(h)
	if h.ID != HandoffID("m_secret1") || strings.Contains(string(b), "m_secret1") {
		t.Fatalf("hand-off = %s", b)
	}
}
