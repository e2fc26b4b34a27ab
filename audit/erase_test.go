package audit

import (
	"context"
	"errors"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// keyMaterial returns, for every key of the subject's content, the
// wrapped key as stored and the raw key it unwraps to.
func keyMaterial(t *testing.T, s *Store, subject string) map[string][][]byte {
	t.Helper()
	out := map[string][][]byte{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketKeyOwners).ForEach(func(k, _ []byte) error {
			owner, kid := splitAssignment(k)
			if subj, _ := ownerParts(owner); subj != subject {
				return nil
			}
			wrapped, err := s.keyFile.get(kid)
			if err != nil || wrapped == nil {
				t.Fatalf("key %s of %s: %v", kid, owner, err)
			}
			raw, err := s.keys.unwrapSecret(kid, wrapped[8:])
			if err != nil {
				t.Fatal(err)
			}
			out[kid] = [][]byte{wrapped, raw}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestEraseSubjectLeavesNothingBehind(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	ctx := context.Background()
	alice, bob := s.SubjectPseudonym("alice@example.org"), s.SubjectPseudonym("bob@example.org")
	c1, c2, c3 := s.ConversationRef("cap-1"), s.ConversationRef("cap-2"), s.ConversationRef("cap-3")
	erased := []string{"ALPHA-where-is-my-parcel", "BRAVO-refund-please", "CHARLIE-before-login"}
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c1}, &Content{Question: erased[2]}) // anonymous, then alice
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c1, Subject: alice}, &Content{Question: erased[0]})
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c2, Subject: alice}, &Content{Question: erased[1]})
	kept := mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c3, Subject: bob}, &Content{Question: "DELTA-kept"})

	keys := keyMaterial(t, s, alice)
	if len(keys) != 2 {
		t.Fatalf("alice has %d keys, want one per conversation", len(keys))
	}
	// The search can find key material: before the erasure it is there.
	for kid, m := range keys {
		if hits := filesContaining(t, dir, m[0]); len(hits) == 0 {
			t.Fatalf("wrapped key %s not found on disk before erasure; the search proves nothing", kid)
		}
	}

	r, err := s.EraseSubject(ctx, alice, "t_officer")
	if err != nil {
		t.Fatal(err)
	}
	if r.Subject != alice || r.EventsAffected != 3 || r.AuditSeq != kept+1 || r.ErasedAt.IsZero() {
		t.Fatalf("receipt = %+v", r)
	}
	if evs, _ := s.Subject(ctx, alice); len(evs) != 0 {
		t.Fatalf("subject index still lists %d events", len(evs))
	}
	for _, c := range []string{c1, c2} {
		if evs, _ := s.Conversation(ctx, c); len(evs) != 0 {
			t.Fatalf("conversation index still lists %d events", len(evs))
		}
	}
	err = s.Scan(ctx, Filter{Types: []string{TypeDecision}}, true, func(e Event) error {
		if gone := e.Subject != bob; gone != e.Shredded || gone == (e.Content != nil) {
			t.Errorf("event %d: shredded %v, content %+v", e.Seq, e.Shredded, e.Content)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if res, _ := s.Verify(ctx); !res.OK {
		t.Fatalf("Verify after erasure = %+v", res)
	}
	ev := eventsOfType(t, s, TypeErasure)
	if len(ev) != 1 || ev[0].Subject != alice || ev[0].Attrs["events_affected"] != "3" || ev[0].Actor != "t_officer" {
		t.Fatalf("erasure event = %+v", ev)
	}

	// Right away (later writes could cover up a copy left in a freed
	// page), and again once the store is closed.
	assertGone(t, dir, erased, keys)

	// Content for alice after the erasure is sealed under a fresh key.
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c1, Subject: alice}, &Content{Question: "after"})
	if evs, _ := s.Subject(ctx, alice); len(evs) != 1 || evs[0].Content == nil || evs[0].Content.Question != "after" {
		t.Fatalf("content after erasure = %+v", evs)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertGone(t, dir, erased, keys)
}

// assertGone searches every file in dir for the texts and for the key
// material (wrapped as stored, the sealed part alone, and raw).
func assertGone(t *testing.T, dir string, texts []string, keys map[string][][]byte) {
	t.Helper()
	for _, text := range texts {
		if hits := filesContaining(t, dir, []byte(text)); len(hits) > 0 {
			t.Errorf("erased text %q found in %v", text, hits)
		}
	}
	for kid, m := range keys {
		for what, b := range map[string][]byte{"wrapped": m[0], "sealed": m[0][20:], "raw": m[1]} {
			if hits := filesContaining(t, dir, b); len(hits) > 0 {
				t.Errorf("%s key %s found in %v after erasure", what, kid, hits)
			}
		}
	}
}

func TestEraseConversationOfASubject(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	alice := s.SubjectPseudonym("alice")
	c1, c2 := s.ConversationRef("cap-1"), s.ConversationRef("cap-2")
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c1, Subject: alice}, &Content{Question: "one"})
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c2, Subject: alice}, &Content{Question: "two"})
	mustAppend(t, s, Envelope{Type: TypeFeedback, Conversation: c1}, &Content{Text: "thanks"})

	r, err := s.EraseConversation(ctx, c1, "customer")
	if err != nil || r.Subject != c1 || r.EventsAffected != 2 {
		t.Fatalf("EraseConversation = %+v, %v", r, err)
	}
	evs, err := s.Subject(ctx, alice)
	if err != nil || len(evs) != 1 || evs[0].Conversation != c2 || evs[0].Content == nil || evs[0].Content.Question != "two" {
		t.Fatalf("alice's other conversation = %+v, %v", evs, err)
	}
	shredded := 0
	s.Scan(ctx, Filter{Conversation: c1, Types: []string{TypeDecision, TypeFeedback}}, true, func(e Event) error {
		if e.Shredded && e.Content == nil {
			shredded++
		}
		return nil
	})
	if shredded != 2 {
		t.Fatalf("%d of the conversation's 2 events shredded", shredded)
	}
}

func TestEraseRejectsNonPseudonyms(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	for _, id := range []string{"", "alice@example.org", "s_", "s_a/b", "k_x"} {
		if _, err := s.EraseSubject(ctx, id, "x"); !errors.Is(err, ErrInvalid) {
			t.Errorf("EraseSubject(%q) = %v, want ErrInvalid", id, err)
		}
	}
	if _, err := s.EraseConversation(ctx, "c_capability", "x"); !errors.Is(err, ErrInvalid) {
		t.Errorf("EraseConversation(capability) = %v, want ErrInvalid", err)
	}
}
