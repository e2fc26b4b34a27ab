package audit

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestLegalHoldBlocksErasure(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
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
			// The detail is for compliance officers; the message, which may
			// reach the customer, says nothing of it.
			if he.Hold.Target != tt.target || hv.Hold.Basis != "litigation case 2025-114" || he.Hold.Actor != "t_legal" {
				t.Fatalf("hold error = %+v", he)
			}
			if msg := err.Error(); strings.Contains(msg, "2025-114") || strings.Contains(msg, tt.target) {
				t.Fatalf("the hold error's message %q tells of the hold", msg)
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
	if hits := filesContaining(t, dir, []byte("2025-114")); len(hits) > 0 {
		t.Fatalf("the hold's basis is in clear in %v", hits)
	}
}

func TestHoldsListTheirBasis(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	ctx := context.Background()
	alice, c1 := s.SubjectPseudonym("alice"), s.ConversationRef("cap-1")
	if _, err := s.PlaceHold(ctx, alice, "Roe v. Shop, claim 17", "t_legal"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PlaceHold(ctx, c1, "regulator's inquiry 3", "t_legal"); err != nil {
		t.Fatal(err)
	}
	holds, err := s.Holds(ctx)
	if err != nil || len(holds) != 2 || holds[0].Basis != "Roe v. Shop, claim 17" || holds[1].Basis != "regulator's inquiry 3" ||
		holds[0].Actor != "t_legal" || holds[0].Placed.IsZero() || holds[1].Seq != 2 {
		t.Fatalf("Holds = %+v, %v", holds, err)
	}
	s.Close()
	for _, basis := range []string{"Roe v. Shop", "inquiry 3"} {
		if hits := filesContaining(t, dir, []byte(basis)); len(hits) > 0 {
			t.Fatalf("the basis %q is in clear in %v", basis, hits)
		}
	}
}

// TestUpgradeTakesTheBasisOutOfTheHoldsBucket opens a store of the version
// that kept a hold's basis in clear in the holds bucket: the hold still
// stands and lists its basis, and no file holds the basis in clear.
func TestUpgradeTakesTheBasisOutOfTheHoldsBucket(t *testing.T) {
	dir := t.TempDir()
	unkeyedStore(t, dir)
	if hits := filesContaining(t, dir, []byte("Jane Roe")); len(hits) != 1 {
		t.Fatalf("the old store has the basis in clear in %v; the test proves nothing", hits)
	}
	s := openWith(t, dir, Options{MasterKey: testMasterKey, RetentionInterval: -1})
	ctx := context.Background()
	holds, err := s.Holds(ctx)
	if err != nil || len(holds) != 1 || holds[0].Basis != "court order 7 (Jane Roe v. Shop)" || holds[0].Seq != 25 {
		t.Fatalf("Holds after the upgrade = %+v, %v", holds, err)
	}
	alice := s.SubjectPseudonym("alice@example.org")
	var he *HoldError
	if _, err := s.EraseSubject(ctx, alice, "o"); !errors.As(err, &he) || he.Hold.Basis != holds[0].Basis {
		t.Fatalf("erasure under the old hold = %v", err)
	}
	s.Close()
	if hits := filesContaining(t, dir, []byte("Jane Roe")); len(hits) > 0 {
		t.Fatalf("the basis is still in clear in %v", hits)
	}
}
