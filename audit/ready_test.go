package audit

import (
	"context"
	"errors"
	"math"
	"testing"
)

// TestReady: the store is ready only while it takes writes.
func TestReady(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Ready(ctx); err != nil {
		t.Fatalf("open store: %v", err)
	}
	s.Close()
	if err := s.Ready(ctx); !errors.Is(err, ErrClosed) {
		t.Fatalf("closed store: %v", err)
	}
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Ready(ctx); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only store: %v", err)
	}
	full, err := Open(t.TempDir(), Options{MinFreeBytes: math.MaxUint64})
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	if err := full.Ready(ctx); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("full disk: %v", err)
	}
}
