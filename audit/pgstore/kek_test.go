package pgstore_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
)

// TestKEKRotationEndsLingeringCopies plays the residual window out: a
// key row copied before an erasure (as a backup, the WAL or the heap
// keeps it) opens content until the KEK version that wrapped it is
// destroyed, and never after.
func TestKEKRotationEndsLingeringCopies(t *testing.T) {
	db := testDatabase(t)
	ctx := ctxT(t)
	kekFile := filepath.Join(t.TempDir(), "kek.keys")
	var mu sync.Mutex
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	opts := func(o *pgstore.Options) { o.KEKFile, o.Now = kekFile, clock }
	s := openReplica(t, db, opts)
	if _, err := s.RotateKEK(ctx); err != nil { // version 0 -> 1
		t.Fatal(err)
	}
	s.Close()
	s = openReplica(t, db, opts)
	mustAppend(t, s, decision(conv(1), ""), &audit.Content{Question: "to be erased"})
	mustAppend(t, s, decision(conv(2), ""), &audit.Content{Question: "kept"})

	admin, err := pgx.Connect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	var kid, owner string
	var version int
	var wrapped []byte
	var assigned time.Time
	err = admin.QueryRow(ctx, `SELECT kid, owner, kek_version, wrapped, assigned FROM audit_content_keys WHERE owner = $1`,
		"c/"+conv(1)).Scan(&kid, &owner, &version, &wrapped, &assigned)
	if err != nil || version != 1 {
		t.Fatalf("key of the conversation: version %d, %v", version, err)
	}
	if _, err := s.EraseConversation(ctx, conv(1), "test"); err != nil {
		t.Fatal(err)
	}
	restore := func() {
		t.Helper()
		if _, err := admin.Exec(ctx, `INSERT INTO audit_content_keys (kid, owner, assigned, kek_version, wrapped) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (kid) DO NOTHING`, kid, owner, assigned, version, wrapped); err != nil {
			t.Fatal(err)
		}
	}
	// The lingering copy still opens under version 1: the window.
	restore()
	if evs, err := s.Conversation(ctx, conv(2)); err != nil || evs[0].Content == nil {
		t.Fatalf("kept conversation: %v", err)
	}
	if readable(t, s, conv(1)) != nil {
		t.Fatal("a restored key row of version 1 should still open before rotation: the test shows nothing")
	}
	admin.Exec(ctx, `DELETE FROM audit_content_keys WHERE kid = $1`, kid)

	rep, err := s.RotateKEK(ctx) // version 1 -> 2, every remaining key re-wrapped
	if err != nil || rep.Version != 2 || rep.Rewrapped != 1 || len(rep.Retiring) != 1 || rep.Retiring[0] != 1 {
		t.Fatalf("rotate: %+v %v", rep, err)
	}
	if rep, err := s.DestroyRetiredKEKs(ctx); err != nil || len(rep.Destroyed) != 0 {
		t.Fatalf("destroyed within the grace period: %+v %v", rep, err)
	}
	advance(8 * 24 * time.Hour)
	if rep, err := s.DestroyRetiredKEKs(ctx); err != nil || len(rep.Destroyed) != 1 || rep.Destroyed[0] != 1 {
		t.Fatalf("destroy: %+v %v", rep, err)
	}
	b, _ := os.ReadFile(kekFile)
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "1 ") {
			t.Fatal("version 1 is still in the KEK file")
		}
	}
	// A fresh replica, given the file as it is now, reads what was kept
	// and nothing of the restored copy.
	fresh := openReplica(t, db, opts)
	if evs, err := fresh.Conversation(ctx, conv(2)); err != nil || len(evs) != 1 || evs[0].Content == nil {
		t.Fatalf("kept conversation after the rotation: %+v %v", evs, err)
	}
	restore()
	if err := readable(t, fresh, conv(1)); !errors.Is(err, pgstore.ErrKEK) {
		t.Fatalf("a lingering copy of a shredded key opened after its KEK was destroyed: %v", err)
	}
	mustVerify(t, fresh)
}

// readable scans a conversation's decisions with content (the index
// forgot the erased conversation) and returns the error reading them.
func readable(t *testing.T, s *pgstore.Store, c string) error {
	t.Helper()
	var got *audit.Content
	err := s.Scan(context.Background(), audit.Filter{Conversation: c, Types: []string{audit.TypeDecision}}, true, func(e audit.Event) error {
		got = e.Content
		return nil
	})
	if err == nil && got == nil {
		return errors.New("not readable")
	}
	return err
}
