package audit

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

func TestRevealValue(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	conv := s.ConversationRef("c1")
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: conv, Message: "m_h1", Decision: "handoff"}, &Content{
		Question: "I'm <EMAIL_1>, card <CREDIT_CARD_1>",
		Placeholders: []Placeholder{
			{Label: "<EMAIL_1>", Type: "EMAIL", Canon: "ann@example.org", Value: "ann@example.org"},
			{Label: "<CREDIT_CARD_1>", Type: "CREDIT_CARD", Canon: "4556737586899855", Value: "4556 7375 8689 9855"},
		},
	})
	mette, other := Agent{ID: "agent:t_1", Name: "Mette"}, Agent{ID: "agent:t_2"}
	if _, err := s.ClaimHandoff(ctx, HandoffID("m_h1"), mette); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		label, reason string
		by            Agent
		want          error
	}{
		{"<EMAIL_1>", "", mette, ErrInvalid},
		{"<EMAIL_1>", "need it", mette, ErrInvalid},
		{"<EMAIL_1>", "to send the customer the return label", other, ErrHandoffTaken},
		{"<EMAIL_2>", "to send the customer the return label", mette, ErrNoValue},
	} {
		if _, err := s.RevealValue(ctx, HandoffID("m_h1"), bad.label, bad.by, bad.reason); !errors.Is(err, bad.want) {
			t.Errorf("RevealValue(%s, %q, %s) = %v, want %v", bad.label, bad.reason, bad.by.ID, err, bad.want)
		}
	}
	got, err := s.RevealValue(ctx, HandoffID("m_h1"), "<EMAIL_1>", mette, "to send the customer the return label")
	if err != nil || got.Value != "ann@example.org" || got.Type != "EMAIL" {
		t.Fatalf("reveal = %+v, %v", got, err)
	}
	card, err := s.RevealValue(ctx, HandoffID("m_h1"), "<CREDIT_CARD_1>", mette, "customer asks which card was charged")
	if err != nil || card.Value != "•••• 9855" {
		t.Fatalf("card = %+v, %v", card, err)
	}
	// Each reveal is an event a compliance officer sees: who, which
	// label, why; the value is in no envelope.
	all, err := s.Conversation(ctx, conv)
	if err != nil {
		t.Fatal(err)
	}
	var revs []Event
	for _, e := range all {
		if e.Type == TypeReveal {
			revs = append(revs, e)
		}
	}
	if len(revs) != 2 || revs[0].Actor != mette.ID || revs[0].Attrs["label"] != "<EMAIL_1>" || revs[0].Content == nil ||
		revs[0].Content.Text != "to send the customer the return label" || revs[0].Seq != got.AuditSeq {
		t.Fatalf("reveal events = %+v", revs)
	}
	for _, e := range revs {
		if bytes.Contains(mustJSON(t, e.Envelope), []byte("ann@example.org")) {
			t.Fatal("the value reached an envelope")
		}
	}
}
