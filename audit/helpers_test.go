package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// testMasterKey lets two stores share a master key.
var testMasterKey = strings.Repeat("5a", 32)

// openWith opens a store with opts and closes it when the test ends.
func openWith(t testing.TB, dir string, opts Options) *Store {
	t.Helper()
	s, err := Open(dir, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// clock is a settable clock for retention and deadline tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// filesContaining returns the files under dir whose bytes contain needle.
// A file that goes while it is looked for (a temporary file of a rewrite
// the store retries in the background) is passed over.
func filesContaining(t *testing.T, dir string, needle []byte) []string {
	t.Helper()
	var hits []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if bytes.Contains(b, needle) {
			hits = append(hits, filepath.Base(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hits
}

// eventsOfType returns the events of one type.
func eventsOfType(t *testing.T, s *Store, typ string) []Event {
	t.Helper()
	var out []Event
	err := s.Scan(context.Background(), Filter{Types: []string{typ}}, false, func(e Event) error {
		out = append(out, e)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// mustAppend appends an event and fails the test on error.
func mustAppend(t testing.TB, s *Store, env Envelope, c *Content) uint64 {
	t.Helper()
	seq, err := s.Append(context.Background(), env, c)
	if err != nil {
		t.Fatalf("Append: %v", err)
	}
	return seq
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
