package audit

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestLegalHoldBlocksErasure(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	alice := s.SubjectPseudonym("alice")
	c1 := s.ConversationRef("cap-1")
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c1, Subject: alice}, &Content{Question: "q"})

	tests := []struct {
		name, target string
		erase        func() (Receipt, error)
	}{
		{"hold on the subject", alice, func() (Receipt, error) { return s.EraseSubject(ctx, alice, "o") }},
		{"hold on one of its conversations", c1, func() (Receipt, error) { return s.EraseSubject(ctx, alice, "o") }},
		{"hold on the conversation", c1, func() (Receipt, error) { return s.EraseConversation(ctx, c1, "o") }},
		{"hold on the conversation's subject", alice, func() (Receipt, error) { return s.EraseConversation(ctx, c1, "o") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.PlaceHold(ctx, tt.target, "litigation case 2025-114", "t_legal"); err != nil {
				t.Fatal(err)
			}
			_, err := tt.erase()
			var he *HoldError
			var hv HoldError
			if !errors.Is(err, ErrLegalHold) || !errors.As(err, &he) || !errors.As(err, &hv) {
				t.Fatalf("erase under hold = %v", err)
			}
			if he.Hold.Target != tt.target || hv.Hold.Basis != "litigation case 2025-114" || !strings.Contains(err.Error(), "2025-114") {
				t.Fatalf("hold error = %+v / %v", he, err)
			}
			if evs, _ := s.Subject(ctx, alice); len(evs) != 1 || evs[0].Content == nil {
				t.Fatal("a held subject lost content")
			}
			if err := s.ReleaseHold(ctx, tt.target, "t_legal"); err != nil {
				t.Fatal(err)
			}
		})
	}
	if n := len(eventsOfType(t, s, TypeErasure)); n != 0 {
		t.Fatalf("%d erasure events recorded for refused erasures", n)
	}
	if err := s.ReleaseHold(ctx, alice, "t_legal"); !errors.Is(err, ErrNoHold) {
		t.Fatalf("releasing no hold = %v", err)
	}
	if _, err := s.EraseSubject(ctx, alice, "o"); err != nil {
		t.Fatalf("erasure after release = %v", err)
	}
	placed, released := eventsOfType(t, s, TypeHoldPlaced), eventsOfType(t, s, TypeHoldReleased)
	if len(placed) != 4 || len(released) != 4 {
		t.Fatalf("%d holds placed, %d released on record", len(placed), len(released))
	}
	if strings.Contains(string(mustJSON(t, placed[0].Envelope)), "2025-114") {
		t.Fatal("the hold's basis is in the clear envelope")
	}
}
