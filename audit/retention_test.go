package audit

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit/role"
)

func TestRetentionShredsOldContentButNotHeld(t *testing.T) {
	dir := t.TempDir()
	clk := newClock()
	s := openWith(t, dir, Options{Now: clk.Now, RetentionInterval: -1})
	ctx := context.Background()
	held, free := s.SubjectPseudonym("held"), s.SubjectPseudonym("free")
	anon := s.ConversationRef("anon")
	old := []uint64{
		mustAppend(t, s, Envelope{Type: TypeDecision, Subject: held, Conversation: "k_1"}, &Content{Question: "OLD-held"}),
		mustAppend(t, s, Envelope{Type: TypeDecision, Subject: free, Conversation: "k_2"}, &Content{Question: "OLD-free"}),
		mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: anon}, &Content{Question: "OLD-anon"}),
	}
	if _, err := s.PlaceHold(ctx, held, "regulator inquiry 7", "t_legal"); err != nil {
		t.Fatal(err)
	}
	before := keyMaterial(t, s, free)

	clk.Add(89 * 24 * time.Hour)
	rep, err := s.RunRetention(ctx)
	if err != nil || rep.Shredded != 0 || rep.Held != 0 {
		t.Fatalf("retention before 90 days = %+v, %v", rep, err)
	}
	clk.Add(2 * 24 * time.Hour) // 91 days
	// The same anonymous conversation goes on: a fresh key, since the old
	// one is past its rotation period.
	recent := mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: anon}, &Content{Question: "NEW-anon"})
	rep, err = s.RunRetention(ctx)
	// Due: free's key and anon's old key. Held's keys are kept: the one
	// of its conversation and the one that sealed the hold's basis, which
	// stays readable while the hold stands.
	if err != nil || rep.Shredded != 2 || rep.Held != 2 || rep.AuditSeq == 0 || !rep.Cutoff.Equal(clk.Now().Add(-90*24*time.Hour)) {
		t.Fatalf("RunRetention = %+v, %v", rep, err)
	}
	want := map[uint64]bool{old[0]: true, old[1]: false, old[2]: false, recent: true} // readable?
	err = s.Scan(ctx, Filter{Types: []string{TypeDecision}}, true, func(e Event) error {
		if readable := e.Content != nil; readable != want[e.Seq] || readable == e.Shredded {
			t.Errorf("event %d: content %+v shredded %v, want readable %v", e.Seq, e.Content, e.Shredded, want[e.Seq])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	runs := eventsOfType(t, s, TypeRetention)
	if len(runs) != 2 || runs[1].Attrs["shredded"] != "2" || runs[1].Attrs["held"] != "2" {
		t.Fatalf("retention events = %+v", runs)
	}
	if res, _ := s.Verify(ctx); !res.OK {
		t.Fatalf("Verify after retention = %+v", res)
	}
	assertGone(t, dir, []string{"OLD-free", "OLD-anon"}, before)
	if holds, err := s.Holds(ctx); err != nil || len(holds) != 1 || holds[0].Basis != "regulator inquiry 7" {
		t.Fatalf("the standing hold after retention = %+v, %v", holds, err)
	}
}

func TestRetentionJobRunsInBackground(t *testing.T) {
	s := openWith(t, t.TempDir(), Options{RetentionInterval: 10 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	deadline := time.Now().Add(5 * time.Second)
	for len(eventsOfType(t, s, TypeRetention)) < 2 {
		if time.Now().After(deadline) {
			t.Fatal("the retention job did not run twice in 5s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestReadOnlyStoreRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	mustAppend(t, s, decision("k_a", 1), &Content{Question: "q"})
	s.Close()
	ro := openWith(t, dir, Options{ReadOnly: true})
	ctx := context.Background()
	calls := map[string]error{}
	_, calls["RunRetention"] = ro.RunRetention(ctx)
	_, calls["Checkpoint"] = ro.Checkpoint(ctx)
	_, calls["EraseSubject"] = ro.EraseSubject(ctx, "s_x", "a")
	_, calls["PlaceHold"] = ro.PlaceHold(ctx, "s_x", "b", "a")
	_, calls["OpenRequest"] = ro.OpenRequest(ctx, RequestAccess, "s_x", "", "a")
	_, _, calls["CreateToken"] = ro.CreateToken(ctx, role.Admin, "l", "a")
	_, calls["Append"] = ro.Append(ctx, decision("k_a", 2), nil)
	for name, err := range calls {
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s on a read-only store = %v, want ErrReadOnly", name, err)
		}
	}
	if res, err := ro.Verify(ctx); err != nil || !res.OK {
		t.Fatalf("Verify read-only = %+v, %v", res, err)
	}
}
