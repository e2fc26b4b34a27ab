package pgstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
	"github.com/hushdesk/hushdesk/audit/role"
)

// Several replicas of one store in one test, each with its own pool,
// writer and caches, as separate processes would have.

func TestReplicasAppendConcurrently(t *testing.T) {
	db := testDatabase(t)
	ctx := ctxT(t)
	const replicas, writers, each = 3, 16, 20
	rs := make([]interface {
		Append(context.Context, audit.Envelope, *audit.Content) (uint64, error)
	}, replicas)
	for i := range rs {
		rs[i] = openReplica(t, db, func(o *pgstore.Options) { o.CheckpointEvery = 100 })
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[uint64]string{}
	for r := range replicas {
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					msg := fmt.Sprintf("m_%d_%d_%d", r, w, i)
					seq, err := rs[r].Append(ctx, audit.Envelope{Type: audit.TypeDecision, Conversation: conv(w), Message: msg}, &audit.Content{Question: msg})
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					if other, dup := seen[seq]; dup {
						t.Errorf("seq %d given to %s and %s", seq, other, msg)
					}
					seen[seq] = msg
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	check := openReplica(t, db)
	res := mustVerify(t, check)
	if len(seen) != replicas*writers*each || res.Checkpoints < 9 {
		t.Fatalf("%d appends acknowledged, want %d", len(seen), replicas*writers*each)
	}
	for seq, msg := range seen {
		ev, err := check.MessageEvent(ctx, msg)
		if err != nil || ev.Seq != seq || ev.Content == nil || ev.Content.Question != msg {
			t.Fatalf("%s acknowledged as %d, stored as %+v (%v)", msg, seq, ev.Seq, err)
		}
	}
	t.Logf("%d events from %d replicas verify, %d checkpoints", res.Events, replicas, res.Checkpoints)
}

func TestReplicaErasureWhileAnotherHoldsTheKey(t *testing.T) {
	db := testDatabase(t)
	ctx := ctxT(t)
	a, b := openReplica(t, db), openReplica(t, db)
	c := conv(7)
	// B seals under the conversation's key and keeps it cached.
	mustAppend(t, b, decision(c, ""), &audit.Content{Question: "before"})
	if _, err := a.EraseConversation(ctx, c, "test"); err != nil {
		t.Fatal(err)
	}
	// B reads: refused at once, whatever its cache holds.
	evs, err := b.Subject(ctx, "s_none")
	if err != nil || len(evs) != 0 {
		t.Fatal(evs, err)
	}
	var shredded int
	b.Scan(ctx, audit.Filter{Conversation: c}, true, func(e audit.Event) error {
		if e.Type == audit.TypeDecision && e.Shredded {
			shredded++
		}
		return nil
	})
	if shredded != 1 {
		t.Fatalf("B still reads content A erased")
	}
	// B appends again with the key it cached before the erasure: the
	// commit refuses that key, and the event is sealed under a new one.
	seq := mustAppend(t, b, decision(c, ""), &audit.Content{Question: "after"})
	evs, err = a.Conversation(ctx, c)
	if err != nil || len(evs) != 1 || evs[0].Seq != seq || evs[0].Content == nil || evs[0].Content.Question != "after" {
		t.Fatalf("after the erasure: %+v %v", evs, err)
	}
	kid, _ := evs[0].SealedContent()
	var first string
	a.Scan(ctx, audit.Filter{Conversation: c, Types: []string{audit.TypeDecision}, Limit: 1}, false, func(e audit.Event) error {
		first, _ = e.SealedContent()
		return nil
	})
	if kid == first {
		t.Fatalf("B sealed new content under the shredded key %s", kid)
	}
	mustVerify(t, a)
}

func TestReplicaTokenRevokedOnARefusedOnB(t *testing.T) {
	db := testDatabase(t)
	ctx := ctxT(t)
	a, b := openReplica(t, db), openReplica(t, db)
	secret, tok, err := a.CreateToken(ctx, role.Agent, "desk", "test")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := b.LookupToken(ctx, secret); err != nil || got.ID != tok.ID {
		t.Fatalf("B does not know A's token: %v", err)
	}
	if err := a.RevokeToken(ctx, tok.ID, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.LookupToken(ctx, secret); !errors.Is(err, audit.ErrNoToken) {
		t.Fatalf("B accepts a token A revoked: %v", err)
	}
	if _, err := b.Token(ctx, tok.ID); !errors.Is(err, audit.ErrNoToken) {
		t.Fatalf("B still lists the revoked token: %v", err)
	}
}

func TestReplicasStartTogether(t *testing.T) {
	// Migrations and the store's set-up run under advisory locks: many
	// replicas opening an empty database at once make one store.
	db := testDatabase(t)
	var wg sync.WaitGroup
	fps := make([]string, 6)
	for i := range fps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fps[i] = openReplica(t, db).Fingerprint()
		}()
	}
	wg.Wait()
	for _, fp := range fps[1:] {
		if fp != fps[0] {
			t.Fatalf("replicas opened with different signing keys: %v", fps)
		}
	}
}
