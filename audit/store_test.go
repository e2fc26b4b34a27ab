package audit

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// openTestStore opens a store in a fresh directory and closes it when the
// test ends.
func openTestStore(t testing.TB, dir string) *Store {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func decision(conv string, i int) Envelope {
	return Envelope{Type: TypeDecision, Conversation: conv, Decision: "answer", Model: "m:1",
		Message: fmt.Sprintf("m_%d", i), Sources: []Source{{DocID: "en/returns.md", Version: "v1", Score: 1.5}}}
}

func TestAppendVerifyReopen(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	ctx := context.Background()
	for i := 1; i <= 5; i++ {
		seq, err := s.Append(ctx, decision("k_a", i), &Content{Question: "q secret-marker", Answer: "a"})
		if err != nil || seq != uint64(i) {
			t.Fatalf("Append %d = %d, %v", i, seq, err)
		}
	}
	res, err := s.Verify(ctx)
	if err != nil || !res.OK || res.Events != 5 {
		t.Fatalf("Verify = %+v, %v", res, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("secret-marker")) {
		t.Fatal("content is stored in clear")
	}
	s2 := openTestStore(t, dir)
	seq, err := s2.Append(ctx, decision("k_a", 6), nil)
	if err != nil || seq != 6 {
		t.Fatalf("Append after reopen = %d, %v", seq, err)
	}
	evs, err := s2.Conversation(ctx, "k_a")
	if err != nil || len(evs) != 6 {
		t.Fatalf("Conversation = %d events, %v", len(evs), err)
	}
	if evs[0].Content == nil || evs[0].Content.Question != "q secret-marker" {
		t.Fatalf("content not decrypted: %+v", evs[0])
	}
	if res, _ := s2.Verify(ctx); !res.OK || res.Events != 6 {
		t.Fatalf("Verify after reopen = %+v", res)
	}
}

func TestConcurrentAppendsAreContiguous(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	var wg sync.WaitGroup
	seen := make(chan uint64, 64*20)
	for w := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				seq, err := s.Append(ctx, decision(fmt.Sprintf("k_%d", w), i), &Content{Question: "x"})
				if err != nil {
					t.Error(err)
					return
				}
				seen <- seq
			}
		}()
	}
	wg.Wait()
	close(seen)
	got := map[uint64]bool{}
	for seq := range seen {
		if got[seq] {
			t.Fatalf("sequence %d given twice", seq)
		}
		got[seq] = true
	}
	// The writer signs a checkpoint after 1000 events; its event takes a
	// sequence number of its own. Every other number was given out.
	checkpoints := 0
	err := s.Scan(ctx, Filter{}, false, func(e Event) error {
		switch {
		case e.Type == TypeCheckpoint:
			checkpoints++
		case !got[e.Seq]:
			t.Errorf("event %d was not returned by Append", e.Seq)
		}
		delete(got, e.Seq)
		return nil
	})
	if err != nil || len(got) != 0 || checkpoints != 1 {
		t.Fatalf("Scan: %v; returned but not stored: %v; checkpoints %d", err, got, checkpoints)
	}
	if res, _ := s.Verify(ctx); !res.OK || res.Events != 64*20+1 || res.Checkpoints != 1 {
		t.Fatalf("Verify = %+v", res)
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	dir := t.TempDir()
	openTestStore(t, dir)
	_, err := Open(dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open = %v, want ErrLocked", err)
	}
}

func TestWrongMasterKey(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	s.Close()
	_, err := Open(dir, Options{MasterKey: strings.Repeat("ab", 32)})
	if !errors.Is(err, ErrBadMasterKey) {
		t.Fatalf("Open with another key = %v, want ErrBadMasterKey", err)
	}
}

func TestExport(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	for i := 1; i <= 3; i++ {
		if _, err := s.Append(ctx, decision("k_a", i), &Content{Question: "where is my parcel"}); err != nil {
			t.Fatal(err)
		}
	}
	s.Append(ctx, Envelope{Type: TypeFeedback, Conversation: "k_a"}, nil)

	var buf bytes.Buffer
	sum, err := s.Export(ctx, &buf, ExportRequest{Filter: Filter{Types: []string{TypeDecision}}, Actor: "test"})
	if err != nil || sum.Events != 3 {
		t.Fatalf("Export = %+v, %v", sum, err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	for i, l := range lines {
		var e map[string]any
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatal(err)
		}
		if e["seq"] != float64(i+1) || e["content"] != nil {
			t.Fatalf("line %d = %s", i, l)
		}
	}
	buf.Reset()
	if _, err := s.Export(ctx, &buf, ExportRequest{Format: FormatCSV, Content: true}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// header + 3 decisions + feedback + the first export's own event and
	// the checkpoint signed after it
	if len(rows) != 7 || rows[0][0] != "seq" || rows[1][0] != "1" || rows[1][len(rows[1])-5] != "where is my parcel" {
		t.Fatalf("csv = %q", rows)
	}
	if rows[5][2] != TypeExport || rows[6][2] != TypeCheckpoint {
		t.Fatalf("the first export was not recorded and signed: %q", rows[5:])
	}
	if _, err := s.Export(ctx, &buf, ExportRequest{Format: "xml"}); !errors.Is(err, ErrFormat) {
		t.Fatalf("bad format = %v", err)
	}
}

func TestMessageEvent(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	s.Append(ctx, decision("k_a", 1), &Content{Question: "q1"})
	seq, _ := s.Append(ctx, decision("k_a", 2), &Content{Question: "q2"})
	ev, err := s.MessageEvent(ctx, "m_2")
	if err != nil || ev.Seq != seq || ev.Content == nil || ev.Content.Question != "q2" {
		t.Fatalf("MessageEvent = %+v, %v", ev, err)
	}
	if _, err := s.MessageEvent(ctx, "m_nope"); !errors.Is(err, ErrNoMessage) {
		t.Fatalf("unknown = %v", err)
	}
}
