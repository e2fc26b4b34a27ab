package audit

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCheckpointsEveryNEvents(t *testing.T) {
	s := openWith(t, t.TempDir(), Options{CheckpointEvery: 10, CheckpointInterval: -1})
	ctx := context.Background()
	if _, err := s.LatestCheckpoint(ctx); !errors.Is(err, ErrNoCheckpoint) {
		t.Fatalf("LatestCheckpoint on an empty store = %v, want ErrNoCheckpoint", err)
	}
	for i := range 35 {
		mustAppend(t, s, decision("k_a", i), &Content{Answer: "a"})
	}
	// Events 1-10, checkpoint event 11, 12-20, 21, 22-30, 31, 32-38.
	cps := eventsOfType(t, s, TypeCheckpoint)
	if len(cps) != 3 || cps[0].Seq != 11 || cps[0].Attrs["seq"] != "10" {
		t.Fatalf("checkpoint events = %+v", cps)
	}
	latest, err := s.LatestCheckpoint(ctx)
	if err != nil || latest.Seq != 30 {
		t.Fatalf("LatestCheckpoint = %+v, %v", latest, err)
	}
	res, err := s.Verify(ctx)
	if err != nil || !res.OK || res.Events != 38 || res.Checkpoints != 3 {
		t.Fatalf("Verify = %+v, %v", res, err)
	}
	res, err = s.VerifyCheckpoint(ctx, latest)
	if err != nil || !res.OK || res.Checkpoint == nil {
		t.Fatalf("VerifyCheckpoint = %+v, %v", res, err)
	}
}

func TestCheckpointOnTimer(t *testing.T) {
	s := openWith(t, t.TempDir(), Options{CheckpointEvery: -1, CheckpointInterval: 20 * time.Millisecond})
	var last uint64
	for i := range 3 {
		last = mustAppend(t, s, decision("k_a", i), nil)
	}
	deadline := time.Now().Add(5 * time.Second)
	var cp Checkpoint
	for {
		var err error
		cp, err = s.LatestCheckpoint(context.Background())
		if err == nil && cp.Seq >= last {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no checkpoint covers event %d after 5s: %+v, %v", last, cp, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	// With nothing new, the timer signs nothing more.
	n := len(eventsOfType(t, s, TypeCheckpoint))
	time.Sleep(100 * time.Millisecond)
	if again := len(eventsOfType(t, s, TypeCheckpoint)); again != n {
		t.Fatalf("%d checkpoints became %d with no new events", n, again)
	}
	if head, _ := s.Head(); cp.Seq != head-1 {
		t.Fatalf("the last checkpoint covers %d, the log ends at its own event %d", cp.Seq, head)
	}
}

func TestVerifyCheckpointRejectsBadCheckpoints(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t, "")
	for i := range 5 {
		mustAppend(t, s, decision("k_a", i), nil)
	}
	good, err := s.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	other := openTestStore(t, "")
	for i := range 5 {
		mustAppend(t, other, decision("k_b", i), nil)
	}
	foreign, err := other.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	flip := func(h string) string {
		if h[0] == '0' {
			return "1" + h[1:]
		}
		return "0" + h[1:]
	}
	tests := []struct {
		name    string
		edit    func(cp Checkpoint) Checkpoint
		invalid bool // malformed, an error rather than a verdict
		problem string
	}{
		{"head changed", func(cp Checkpoint) Checkpoint { cp.Head = flip(cp.Head); return cp }, false, "signature"},
		{"seq changed", func(cp Checkpoint) Checkpoint { cp.Seq--; return cp }, false, "signature"},
		{"time changed", func(cp Checkpoint) Checkpoint { cp.Time = cp.Time.Add(time.Second); return cp }, false, "signature"},
		{"another store's checkpoint", func(Checkpoint) Checkpoint { return foreign }, false, "signed by key"},
		{"key not hex", func(cp Checkpoint) Checkpoint { cp.PublicKey = "zz"; return cp }, true, ""},
		{"signature cut short", func(cp Checkpoint) Checkpoint { cp.Signature = cp.Signature[:10]; return cp }, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.VerifyCheckpoint(ctx, tt.edit(good))
			if tt.invalid {
				if !errors.Is(err, ErrInvalid) {
					t.Fatalf("VerifyCheckpoint = %+v, %v; want ErrInvalid", res, err)
				}
				return
			}
			if err != nil || res.OK || !strings.Contains(res.Problem, tt.problem) {
				t.Fatalf("VerifyCheckpoint = %+v, %v; want a failure naming %q", res, err, tt.problem)
			}
		})
	}
	if res, err := s.VerifyCheckpoint(ctx, good); err != nil || !res.OK {
		t.Fatalf("the genuine checkpoint = %+v, %v", res, err)
	}
}
