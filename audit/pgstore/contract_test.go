package pgstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
	"github.com/hushdesk/hushdesk/audit/role"
)

// The contract: what the embedded store and the PostgreSQL store both
// promise, checked against each by the same tests.

// logUnderTest is what both stores offer and the contract checks.
type logUnderTest interface {
	Append(ctx context.Context, env audit.Envelope, content *audit.Content) (uint64, error)
	Verify(ctx context.Context) (audit.VerifyResult, error)
	VerifyCheckpoint(ctx context.Context, cp audit.Checkpoint) (audit.VerifyResult, error)
	Checkpoint(ctx context.Context) (audit.Checkpoint, error)
	LatestCheckpoint(ctx context.Context) (audit.Checkpoint, error)
	Conversation(ctx context.Context, ref string) ([]audit.Event, error)
	Subject(ctx context.Context, pseudonym string) ([]audit.Event, error)
	MessageEvent(ctx context.Context, message string) (audit.Event, error)
	Scan(ctx context.Context, f audit.Filter, content bool, fn func(audit.Event) error) error
	EraseSubject(ctx context.Context, pseudonym, actor string) (audit.Receipt, error)
	EraseConversation(ctx context.Context, ref, actor string) (audit.Receipt, error)
	ErasureReceipt(ctx context.Context, target string) (audit.Receipt, error)
	RunRetention(ctx context.Context) (audit.RetentionReport, error)
	CreateToken(ctx context.Context, r role.Role, label, actor string, opts ...audit.TokenOption) (string, audit.Token, error)
	LookupToken(ctx context.Context, secret string) (audit.Token, error)
	RevokeToken(ctx context.Context, id, actor string) error
	SubjectPseudonym(id string) string
	Fingerprint() string
	Close() error
}

var (
	_ logUnderTest = (*audit.Store)(nil)
	_ logUnderTest = (*pgstore.Store)(nil)
)

// contract runs fn against every backend.
func contract(t *testing.T, fn func(t *testing.T, b backend)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { fn(t, b) })
	}
}

func mustAppend(t testing.TB, s logUnderTest, env audit.Envelope, c *audit.Content) uint64 {
	t.Helper()
	seq, err := s.Append(context.Background(), env, c)
	if err != nil {
		t.Fatalf("append: %v", err)
	}
	return seq
}

func mustVerify(t testing.TB, s logUnderTest) audit.VerifyResult {
	t.Helper()
	res, err := s.Verify(context.Background())
	if err != nil || !res.OK {
		t.Fatalf("verify: %+v %v", res, err)
	}
	return res
}

func decision(c string, subj string) audit.Envelope {
	return audit.Envelope{Type: audit.TypeDecision, Conversation: c, Subject: subj, Decision: "answer"}
}

func TestContractAppendAndVerify(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		s, _ := b.open(t, settings{checkpointEvery: 10})
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 25 {
					mustAppend(t, s, decision(conv(w), ""), &audit.Content{Question: fmt.Sprintf("q%d", i), Answer: "a"})
				}
			}()
		}
		wg.Wait()
		res := mustVerify(t, s)
		// 200 events and a checkpoint after every 10 events before it.
		if res.Events < 200 || res.Checkpoints == 0 {
			t.Fatalf("verify: %+v", res)
		}
		evs, err := s.Conversation(context.Background(), conv(3))
		if err != nil || len(evs) != 25 || evs[24].Content == nil || evs[24].Content.Question != "q24" {
			t.Fatalf("conversation: %d events, %v", len(evs), err)
		}
	})
}

func TestContractTamper(t *testing.T) {
	edits := []struct {
		name string
		edit func(rec []byte) []byte
		bad  uint64
	}{
		{"envelope changed", func(rec []byte) []byte {
			r, _ := audit.UnmarshalRecord(rec)
			r.Envelope = []byte(string(r.Envelope[:len(r.Envelope)-1]) + ` `)
			return r.Marshal()
		}, 3},
		{"ciphertext changed", func(rec []byte) []byte {
			out := append([]byte(nil), rec...)
			out[len(out)-1] ^= 1
			return out
		}, 3},
		{"event removed", func([]byte) []byte { return nil }, 3},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			contract(t, func(t *testing.T, b backend) {
				s, tm := b.open(t, settings{})
				for i := range 5 {
					mustAppend(t, s, decision(conv(i), ""), &audit.Content{Answer: "a"})
				}
				tm.set(t, 3, e.edit(tm.get(t, 3)))
				res, err := tm.reopen(t).Verify(context.Background())
				if err != nil || res.OK || res.FirstBad != e.bad {
					t.Fatalf("verify after %s: %+v %v", e.name, res, err)
				}
			})
		})
	}
}

func TestContractCheckpointCatchesACut(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		s, tm := b.open(t, settings{})
		for i := range 5 {
			mustAppend(t, s, decision(conv(i), ""), nil)
		}
		cp, err := s.Checkpoint(context.Background())
		if err != nil || cp.Seq != 5 {
			t.Fatalf("checkpoint: %+v %v", cp, err)
		}
		if latest, err := s.LatestCheckpoint(context.Background()); err != nil || latest.Signature != cp.Signature {
			t.Fatalf("latest checkpoint: %+v %v", latest, err)
		}
		// Cut the checkpoint event off the end: the log alone still
		// verifies, the checkpoint kept elsewhere does not.
		tm.set(t, 6, nil)
		s = tm.reopen(t)
		res, err := s.VerifyCheckpoint(context.Background(), cp)
		if err != nil || res.OK {
			t.Fatalf("a cut log verified against the outside checkpoint: %+v %v", res, err)
		}
	})
}

func TestContractEraseConversation(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		s, _ := b.open(t, settings{})
		ctx := context.Background()
		mustAppend(t, s, decision(conv(1), ""), &audit.Content{Question: "mine"})
		mustAppend(t, s, decision(conv(2), ""), &audit.Content{Question: "other"})
		rec, err := s.EraseConversation(ctx, conv(1), "test")
		if err != nil || rec.EventsAffected != 1 {
			t.Fatalf("erase: %+v %v", rec, err)
		}
		again, err := s.EraseConversation(ctx, conv(1), "test")
		if err != nil || again.AuditSeq != rec.AuditSeq {
			t.Fatalf("erasing again is not the same receipt: %+v %+v %v", again, rec, err)
		}
		if r, err := s.ErasureReceipt(ctx, conv(1)); err != nil || r.AuditSeq != rec.AuditSeq {
			t.Fatalf("receipt: %+v %v", r, err)
		}
		if evs, _ := s.Conversation(ctx, conv(1)); len(evs) != 0 {
			t.Fatalf("erased conversation still indexed: %d events", len(evs))
		}
		var shredded, readable int
		s.Scan(ctx, audit.Filter{Types: []string{audit.TypeDecision}}, true, func(e audit.Event) error {
			if e.Shredded {
				shredded++
			} else if e.Content != nil {
				readable++
			}
			return nil
		})
		if shredded != 1 || readable != 1 {
			t.Fatalf("shredded %d, readable %d; want 1 and 1", shredded, readable)
		}
		mustVerify(t, s)
		// New content of the same conversation is sealed under a new key.
		mustAppend(t, s, decision(conv(1), ""), &audit.Content{Question: "later"})
		if evs, _ := s.Conversation(ctx, conv(1)); len(evs) != 1 || evs[0].Content == nil {
			t.Fatalf("content after the erasure is not readable: %+v", evs)
		}
	})
}

func TestContractEraseSubject(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		s, _ := b.open(t, settings{})
		ctx := context.Background()
		p := s.SubjectPseudonym("customer-42")
		mustAppend(t, s, decision(conv(1), p), &audit.Content{Question: "a"})
		mustAppend(t, s, decision(conv(1), ""), &audit.Content{Question: "anonymous turn of the same conversation"})
		mustAppend(t, s, decision(conv(2), p), &audit.Content{Question: "b"})
		mustAppend(t, s, decision(conv(3), ""), &audit.Content{Question: "someone else"})
		rec, err := s.EraseSubject(ctx, p, "test")
		if err != nil || rec.EventsAffected != 3 {
			t.Fatalf("erase: %+v %v", rec, err)
		}
		if evs, _ := s.Subject(ctx, p); len(evs) != 0 {
			t.Fatalf("erased subject still indexed: %d", len(evs))
		}
		if evs, _ := s.Conversation(ctx, conv(3)); len(evs) != 1 || evs[0].Content == nil {
			t.Fatalf("another conversation was touched: %+v", evs)
		}
		mustVerify(t, s)
		if _, err := s.EraseSubject(ctx, "not-a-pseudonym", "test"); !errors.Is(err, audit.ErrInvalid) {
			t.Fatalf("erase of a non-pseudonym: %v", err)
		}
	})
}

func TestContractRetention(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		var mu sync.Mutex
		now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
		clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		s, _ := b.open(t, settings{now: clock, contentRetention: 30 * 24 * time.Hour})
		ctx := context.Background()
		mustAppend(t, s, decision(conv(1), ""), &audit.Content{Question: "old"})
		mu.Lock()
		now = now.Add(40 * 24 * time.Hour)
		mu.Unlock()
		mustAppend(t, s, decision(conv(2), ""), &audit.Content{Question: "new"})
		rep, err := s.RunRetention(ctx)
		if err != nil || rep.Shredded != 1 {
			t.Fatalf("retention: %+v %v", rep, err)
		}
		old, _ := s.Conversation(ctx, conv(1))
		recent, _ := s.Conversation(ctx, conv(2))
		if len(old) != 1 || !old[0].Shredded || len(recent) != 1 || recent[0].Content == nil {
			t.Fatalf("old %+v, recent %+v", old, recent)
		}
		if rep, err := s.RunRetention(ctx); err != nil || rep.Shredded != 0 {
			t.Fatalf("second run: %+v %v", rep, err)
		}
		mustVerify(t, s)
	})
}

func TestContractTokens(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		s, _ := b.open(t, settings{})
		ctx := context.Background()
		secret, tok, err := s.CreateToken(ctx, role.Agent, "desk", "test", audit.DisplayName("Mette"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.LookupToken(ctx, secret)
		if err != nil || got.ID != tok.ID || got.Role != role.Agent || got.Name != "Mette" {
			t.Fatalf("lookup: %+v %v", got, err)
		}
		if _, err := s.LookupToken(ctx, secret+"x"); !errors.Is(err, audit.ErrNoToken) {
			t.Fatalf("a wrong secret: %v", err)
		}
		if err := s.RevokeToken(ctx, tok.ID, "test"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.LookupToken(ctx, secret); !errors.Is(err, audit.ErrNoToken) {
			t.Fatalf("a revoked token: %v", err)
		}
		if err := s.RevokeToken(ctx, tok.ID, "test"); !errors.Is(err, audit.ErrNoToken) {
			t.Fatalf("revoking twice: %v", err)
		}
		if _, _, err := s.CreateToken(ctx, role.Role("boss"), "x", "test"); !errors.Is(err, audit.ErrInvalid) {
			t.Fatalf("an unknown role: %v", err)
		}
		mustVerify(t, s)
	})
}

func TestContractSameMessageInOneBatch(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		s, _ := b.open(t, settings{})
		var wg sync.WaitGroup
		var mu sync.Mutex
		var highest uint64
		for range 32 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				env := decision(conv(1), "")
				env.Message = "m_same"
				seq := mustAppend(t, s, env, nil)
				mu.Lock()
				highest = max(highest, seq)
				mu.Unlock()
			}()
		}
		wg.Wait()
		ev, err := s.MessageEvent(context.Background(), "m_same")
		if err != nil || ev.Seq != highest {
			t.Fatalf("the message names event %d (%v), the last acknowledged is %d", ev.Seq, err, highest)
		}
		mustVerify(t, s)
	})
}
