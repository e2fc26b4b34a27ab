package audit

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestEraseWhileAppending erases a subject while writers keep appending
// for it: whatever they append once EraseSubject has returned must be
// sealed under a key that still exists. The writers are all running
// before the erasure starts, keep appending while it runs, and each
// appends 20 events more once it has returned, so every run checks
// something.
func TestEraseWhileAppending(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	ctx := context.Background()
	alice := s.SubjectPseudonym("alice")
	const writers, afterwards = 8, 20
	var (
		wg      sync.WaitGroup
		running sync.WaitGroup // each writer has appended a few events
		after   atomic.Bool
		mu      sync.Mutex
		later   []uint64 // appended after the erasure returned
	)
	running.Add(writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conv := fmt.Sprintf("k_%d", w)
			for i, n := 0, 0; n < afterwards; i++ {
				if i == 3 {
					running.Done()
				}
				started := after.Load()
				seq, err := s.Append(ctx, Envelope{Type: TypeDecision, Subject: alice, Conversation: conv}, &Content{Question: "q"})
				if err != nil {
					t.Error(err)
					if i < 3 {
						running.Done()
					}
					return
				}
				if started {
					n++
					mu.Lock()
					later = append(later, seq)
					mu.Unlock()
				}
			}
		}()
	}
	running.Wait()
	r, err := s.EraseSubject(ctx, alice, "o")
	if err != nil {
		t.Fatal(err)
	}
	after.Store(true)
	wg.Wait()
	if len(later) != writers*afterwards || r.EventsAffected < writers*3 {
		t.Fatalf("%d events appended after the erasure, %d erased", len(later), r.EventsAffected)
	}
	s.Close() // read back from disk, not from the key cache
	s = openTestStore(t, dir)
	readable := map[uint64]bool{}
	s.Scan(ctx, Filter{Subject: alice, Types: []string{TypeDecision}}, true, func(e Event) error {
		readable[e.Seq] = e.Content != nil
		return nil
	})
	for _, seq := range later {
		if !readable[seq] {
			t.Errorf("event %d, appended after the erasure returned, is unreadable", seq)
		}
	}
	if res, _ := s.Verify(ctx); !res.OK {
		t.Fatalf("Verify = %+v", res)
	}
}

// TestOpenFinishesAnInterruptedShredding puts a shredded key back in the
// key file, as if the process had died between the erasure event and the
// rewrite of the key file: Open must remove it.
func TestOpenFinishesAnInterruptedShredding(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	ctx := context.Background()
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: "k_x"}, &Content{Question: "q"})
	kid, _, err := s.latestAssignment("c/k_x")
	if err != nil || kid == "" {
		t.Fatalf("key of the conversation: %q, %v", kid, err)
	}
	wrapped, err := s.keyFile.get(kid)
	if err != nil || wrapped == nil {
		t.Fatal(err)
	}
	if _, err := s.EraseConversation(ctx, "k_x", "customer"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	kf, err := bolt.Open(filepath.Join(dir, KeysFileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = kf.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketDataKeys).Put([]byte(kid), wrapped) })
	kf.Close()
	if err != nil {
		t.Fatal(err)
	}
	if hits := filesContaining(t, dir, wrapped); len(hits) != 1 {
		t.Fatalf("the restored key is in %v", hits)
	}

	s = openTestStore(t, dir)
	if evs, _ := s.Conversation(ctx, "k_x"); len(evs) != 0 {
		t.Fatalf("erased conversation lists %d events", len(evs))
	}
	s.Close()
	if hits := filesContaining(t, dir, wrapped); len(hits) != 0 {
		t.Fatalf("after Open the shredded key is still in %v", hits)
	}
}
