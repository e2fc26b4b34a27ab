package audit

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func readAnchorFile(t *testing.T, path string) (Checkpoint, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cp, n, err := ReadAnchor(f)
	if err != nil {
		t.Fatal(err)
	}
	return cp, n
}

func TestFileAnchorReceivesEveryCheckpoint(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "anchors.jsonl") // another mount, in production
	dir := t.TempDir()
	s := openWith(t, dir, Options{MasterKey: testMasterKey, CheckpointEvery: 10, CheckpointInterval: -1,
		RetentionInterval: -1, Anchor: NewFileAnchor(path)})
	for i := range 35 {
		mustAppend(t, s, decision("k_a", i), &Content{Question: "q"})
	}
	onDemand, err := s.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	last, n := readAnchorFile(t, path)
	if n != 4 || last != onDemand {
		t.Fatalf("the anchor file has %d checkpoints, the last %+v; want 4, the last %+v", n, last, onDemand)
	}
	lines := strings.Split(strings.TrimSpace(mustRead(t, path)), "\n")
	for i, want := range []uint64{10, 20, 30, onDemand.Seq} {
		cp, _, err := ReadAnchor(strings.NewReader(lines[i]))
		if err != nil || cp.Seq != want {
			t.Fatalf("line %d = %+v, %v; want the checkpoint of %d", i+1, cp, err, want)
		}
	}
	r := openWith(t, dir, Options{MasterKey: testMasterKey, ReadOnly: true})
	if res, err := r.VerifyCheckpoint(ctx, last); err != nil || !res.OK {
		t.Fatalf("VerifyCheckpoint(last anchored) = %+v, %v", res, err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// stallingAnchor blocks every call until released, then fails the first
// few calls, then records what it gets.
type stallingAnchor struct {
	release chan struct{}
	mu      sync.Mutex
	fails   int
	calls   int
	got     []uint64
}

func (a *stallingAnchor) Anchor(ctx context.Context, cp Checkpoint) error {
	select {
	case <-a.release:
	case <-ctx.Done():
		return ctx.Err()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.calls++
	if a.calls <= a.fails {
		return errors.New("anchor host unreachable")
	}
	a.got = append(a.got, cp.Seq)
	return nil
}

func (a *stallingAnchor) anchored() []uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]uint64(nil), a.got...)
}

func TestAnchorNeverHoldsUpAppends(t *testing.T) {
	a := &stallingAnchor{release: make(chan struct{}), fails: 2}
	s := openWith(t, t.TempDir(), Options{CheckpointEvery: 5, CheckpointInterval: -1, RetentionInterval: -1,
		Anchor: a, AnchorRetry: 5 * time.Millisecond})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 30 {
			mustAppend(t, s, decision("k_a", i), nil)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("appends wait for a stalled anchor")
	}
	if got := a.anchored(); len(got) != 0 {
		t.Fatalf("the stalled anchor already has %v", got)
	}
	// It comes back, fails twice, then takes everything. A checkpoint
	// event counts towards the next checkpoint.
	close(a.release)
	want := []uint64{5, 10, 15, 20, 25, 30, 35}
	deadline := time.Now().Add(10 * time.Second)
	for len(a.anchored()) < len(want) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if got := a.anchored(); !equalSeqs(got, want) {
		t.Fatalf("anchored %v, want %v, in order, each once", got, want)
	}
}

func equalSeqs(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReadAnchor(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	var cps []Checkpoint
	for i := range 3 {
		mustAppend(t, s, decision("k_a", i), nil)
		cp, err := s.Checkpoint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cps = append(cps, cp)
	}
	lines := string(mustJSON(t, cps[0])) + "\n" + string(mustJSON(t, cps[1])) + "\n" + string(mustJSON(t, cps[2])) + "\n"
	var indented bytes.Buffer
	indented.Write(mustJSON(t, cps[1]))
	tests := []struct {
		name  string
		in    string
		want  Checkpoint
		n     int
		wrong bool
	}{
		{"json lines", lines, cps[2], 3, false},
		{"one checkpoint", indented.String(), cps[1], 1, false},
		{"a torn last line", lines + `{"seq": 9, "head": "ab`, Checkpoint{}, 0, true},
		{"something else in it", lines + `{"hello": "world"}` + "\n", Checkpoint{}, 0, true},
		{"empty", "", Checkpoint{}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cp, n, err := ReadAnchor(strings.NewReader(tt.in))
			if tt.wrong {
				if !errors.Is(err, ErrInvalid) {
					t.Fatalf("ReadAnchor = %+v, %v; want ErrInvalid", cp, err)
				}
				return
			}
			if err != nil || cp != tt.want || n != tt.n {
				t.Fatalf("ReadAnchor = %+v, %d, %v", cp, n, err)
			}
		})
	}
}
