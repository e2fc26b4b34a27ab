package audit

import (
	"context"
	"fmt"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestErasureWhenTheKeyFileCannotBeRewritten fails the rewrite of the key
// file, as a full disk would, during erasures: the content is unreadable
// at once, the receipt says the shredding is pending, asking again gives
// the same receipt, and once the disk has room the keys leave the disk
// without anyone asking.
func TestErasureWhenTheKeyFileCannotBeRewritten(t *testing.T) {
	dir := t.TempDir()
	s := openWith(t, dir, Options{RetentionInterval: -1})
	ctx := context.Background()
	alice, bob := s.SubjectPseudonym("alice"), s.SubjectPseudonym("bob")
	c1, c2 := s.ConversationRef("one"), s.ConversationRef("two")
	mustAppend(t, s, Envelope{Type: TypeDecision, Subject: alice, Conversation: c1}, &Content{Question: "alice's"})
	mustAppend(t, s, Envelope{Type: TypeDecision, Subject: bob, Conversation: c2}, &Content{Question: "bob's"})
	keys := keyMaterial(t, s, alice)
	for kid, m := range keyMaterial(t, s, bob) {
		keys[kid] = m
	}

	var full atomic.Bool
	full.Store(true)
	var failures atomic.Int32
	s.keyFile.mu.Lock()
	s.keyFile.fault = func() error {
		if full.Load() {
			failures.Add(1)
			return fmt.Errorf("write key file: %w", syscall.ENOSPC)
		}
		return nil
	}
	s.keyFile.mu.Unlock()
	s.shred.retry = 5 * time.Millisecond

	first, err := s.EraseSubject(ctx, alice, "t_officer")
	if err != nil || !first.Pending || first.EventsAffected != 1 {
		t.Fatalf("EraseSubject on a full disk = %+v, %v; want a pending receipt", first, err)
	}
	conv, err := s.EraseConversation(ctx, c2, "customer")
	if err != nil || !conv.Pending {
		t.Fatalf("EraseConversation on a full disk = %+v, %v", conv, err)
	}
	if hits := filesContaining(t, dir, keys[firstKid(keys)][0]); len(hits) == 0 {
		t.Fatal("the keys already left the disk; the fault did not bite")
	}
	shredded := 0
	s.Scan(ctx, Filter{Types: []string{TypeDecision}}, true, func(e Event) error {
		if e.Content != nil {
			t.Errorf("event %d is still readable: %+v", e.Seq, e.Content)
		}
		if e.Shredded {
			shredded++
		}
		return nil
	})
	if shredded != 2 {
		t.Fatalf("%d of 2 erased events read as shredded", shredded)
	}

	// The customer and the officer ask again: the same receipts, nothing
	// new recorded.
	for _, again := range []struct {
		erase func() (Receipt, error)
		want  Receipt
	}{
		{func() (Receipt, error) { return s.EraseSubject(ctx, alice, "t_officer") }, first},
		{func() (Receipt, error) { return s.EraseConversation(ctx, c2, "customer") }, conv},
		{func() (Receipt, error) { return s.ErasureReceipt(ctx, c2) }, conv},
	} {
		r, err := again.erase()
		if err != nil || r != again.want {
			t.Fatalf("asked again: %+v, %v; want %+v", r, err, again.want)
		}
	}
	if n := len(eventsOfType(t, s, TypeErasure)); n != 2 {
		t.Fatalf("%d erasure events, want 2", n)
	}

	// The store keeps trying while the disk is full, then succeeds.
	for deadline := time.Now().Add(10 * time.Second); failures.Load() < 4; {
		if time.Now().After(deadline) {
			t.Fatalf("the rewrite was tried %d times in 10s", failures.Load())
		}
		time.Sleep(time.Millisecond)
	}
	full.Store(false)
	deadline := time.Now().Add(10 * time.Second)
	for {
		r, err := s.ErasureReceipt(ctx, alice)
		if err == nil && !r.Pending {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the shredding is still pending after 10s: %+v, %v", r, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	assertGone(t, dir, nil, keys)
	if r, err := s.EraseConversation(ctx, c2, "customer"); err != nil || r.Pending || r.AuditSeq != conv.AuditSeq {
		t.Fatalf("after the shredding: %+v, %v", r, err)
	}
}

func firstKid(m map[string][][]byte) string {
	for kid := range m {
		return kid
	}
	return ""
}
