package audit

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// projectionDump is every key and value of the projection buckets.
func projectionDump(t *testing.T, s *Store) string {
	t.Helper()
	var b bytes.Buffer
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, name := range projections {
			fmt.Fprintf(&b, "[%s]\n", name)
			bk := tx.Bucket(name)
			if bk == nil {
				continue
			}
			if err := bk.ForEach(func(k, v []byte) error {
				fmt.Fprintf(&b, "%q = %q\n", k, v)
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestRebuildProjections checks that the projections made from the log
// alone are those kept as events were appended: indexes, the agent queue
// through claims, replies and resolutions, and what erasures took out.
func TestRebuildProjections(t *testing.T) {
	clk := newClock()
	s := openWith(t, t.TempDir(), Options{Now: clk.Now})
	ctx := context.Background()
	step := func() { clk.Add(1500) }
	withSubject := func(env Envelope, subj string) Envelope { env.Subject = subj; return env }

	mustAppend(t, s, withSubject(decision("k_a", 1), "s_ann"), &Content{Question: "where is my parcel"})
	step()
	mustAppend(t, s, handoffDecision("k_a", "m_h1", "delivery"), &Content{Question: "a person please"})
	step()
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: "k_a", Message: "m_2", Decision: "handoff", ReasonCode: "awaiting_person"}, nil)
	mustAppend(t, s, handoffDecision("k_b", "m_h2", "billing"), nil)
	mustAppend(t, s, handoffDecision("k_c", "m_h3", "account"), nil)
	mustAppend(t, s, withSubject(decision("k_d", 4), "s_bob"), nil)
	mustAppend(t, s, withSubject(decision("k_e", 5), "s_bob"), nil)
	step()
	if _, err := s.ClaimHandoff(ctx, HandoffID("m_h1"), Agent{ID: "agent:a"}); err != nil {
		t.Fatal(err)
	}
	step()
	if _, _, err := s.ReplyHandoff(ctx, HandoffID("m_h1"), Agent{ID: "agent:a"}, "m_r1", Content{Text: "On its way."}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ReplyHandoff(ctx, HandoffID("m_h2"), Agent{ID: "agent:b"}, "m_r2", Content{Text: "Let me look."}); err != nil {
		t.Fatal(err)
	}
	step()
	if _, err := s.ResolveHandoff(ctx, HandoffID("m_h1"), Agent{ID: "agent:a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EraseSubject(ctx, "s_bob", "compliance:c"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EraseConversation(ctx, "k_c", "compliance:c"); err != nil {
		t.Fatal(err)
	}
	mustAppend(t, s, withSubject(decision("k_f", 6), "s_bob"), nil) // after the erasure: kept

	want := projectionDump(t, s)
	// Lose the projections, then make them from the log.
	if err := s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range projections {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		_, err := tx.CreateBucket(bucketHandoffs)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Rebuild(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := projectionDump(t, s); got != want {
		t.Fatalf("rebuilt projections differ:\n%s\nwant:\n%s", got, want)
	}
	if rep.Handoffs != 2 || rep.Events < 14 {
		t.Fatalf("report %+v", rep)
	}
	// The store goes on as before on the rebuilt projections.
	if _, err := s.ClaimHandoff(ctx, HandoffID("m_h2"), Agent{ID: "agent:b"}); err != nil {
		t.Fatal(err)
	}
	if open, err := s.Handoffs(ctx, "active", ""); err != nil || len(open) != 1 || open[0].ID != HandoffID("m_h2") {
		t.Fatalf("active after the rebuild = %+v, %v", open, err)
	}
	if evs, err := s.Subject(ctx, "s_bob"); err != nil || len(evs) != 1 {
		t.Fatalf("s_bob after the rebuild: %d events, %v", len(evs), err)
	}
}
