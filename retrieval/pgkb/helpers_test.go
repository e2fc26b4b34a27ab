package pgkb_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/pgkb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// deadline is how long a change made on one replica may take to be
// searchable on another.
const deadline = 5 * time.Second

// replica is one replica's index and its library, seen through a gate.
type replica struct {
	*search.Index
	lib  *pgkb.Library
	gate *gate
	// release lets a replica opened with held reads read.
	release func()
}

// gate wraps a library: it can hold reads back, and counts the
// documents reads gave.
type gate struct {
	*pgkb.Library
	mu     sync.Mutex
	closed chan struct{} // reads wait while it is open
	given  atomic.Int64
	// read is the sequence number the last complete read reached.
	read atomic.Uint64
}

func (g *gate) Read(ctx context.Context, from search.Cursor, fn func(search.Update) error) (search.Cursor, error) {
	g.mu.Lock()
	wait := g.closed
	g.mu.Unlock()
	if wait != nil {
		select {
		case <-wait:
		case <-ctx.Done():
			return from, ctx.Err()
		}
	}
	cur, err := g.Library.Read(ctx, from, func(u search.Update) error {
		if u.DocID != "" {
			g.given.Add(1)
		}
		return fn(u)
	})
	if err == nil {
		g.read.Store(cur.Seq)
	}
	return cur, err
}

// hold makes reads wait until the returned function is called.
func (g *gate) hold() func() {
	ch := make(chan struct{})
	g.mu.Lock()
	g.closed = ch
	g.mu.Unlock()
	return func() {
		g.mu.Lock()
		g.closed = nil
		g.mu.Unlock()
		close(ch)
	}
}

type replicaOpts struct {
	dir        string
	held       bool // reads held back from the start
	vocabulary func() (*search.Vocabulary, error)
	embedder   search.Embedder
}

// openReplica opens a replica of the knowledge base in the database at
// url, with its index in a directory of its own (o.dir when set, to
// reopen one). It does not wait for it to catch up.
func openReplica(t testing.TB, url string, o replicaOpts) (*replica, func()) {
	t.Helper()
	ctx := context.Background()
	lib, err := pgkb.Open(ctx, url, pgkb.Options{Logger: quiet()})
	if err != nil {
		t.Fatalf("open library: %v", err)
	}
	g := &gate{Library: lib}
	release := func() {}
	if o.held {
		var once sync.Once
		open := g.hold()
		release = func() { once.Do(open) }
	}
	if o.dir == "" {
		o.dir = t.TempDir()
	}
	ix, err := search.Open(filepath.Join(o.dir, search.DirName), search.Options{
		Library: g, LibraryPoll: time.Hour, Vocabulary: o.vocabulary, Embedder: o.embedder, Logger: quiet(),
	})
	if err != nil {
		t.Fatalf("open replica: %v", err)
	}
	r := &replica{Index: ix, lib: lib, gate: g, release: release}
	var once sync.Once
	closeIt := func() {
		release()
		once.Do(func() { ix.Close() })
	}
	t.Cleanup(closeIt)
	return r, closeIt
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// waitReady waits until the replica says it is ready.
func waitReady(t testing.TB, r *replica) {
	t.Helper()
	eventually(t, 30*time.Second, "the replica to be ready", func() bool { return r.Ready(context.Background()) == nil })
}

// eventually waits up to d for cond.
func eventually(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	end := time.Now().Add(d)
	for !cond() {
		if time.Now().After(end) {
			t.Fatalf("waited %v for %s", d, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// head returns the sequence number of the library's last change.
func head(t testing.TB, r *replica) uint64 {
	t.Helper()
	cur, err := r.lib.Read(context.Background(), search.Cursor{}, func(search.Update) error { return nil })
	if err != nil {
		t.Fatalf("read the library's head: %v", err)
	}
	return cur.Seq
}

// caughtUp waits until the replica's follower has read the library up
// to seq, and until what it read is applied: a write (here one that
// removes nothing) first reads the feed under the follower's lock.
func caughtUp(t testing.TB, r *replica, seq uint64) {
	t.Helper()
	eventually(t, deadline, "the replica to read every change", func() bool { return r.gate.read.Load() >= seq })
	if _, err := r.Remove(context.Background()); err != nil {
		t.Fatalf("read the feed: %v", err)
	}
}

// finds reports whether a search for q has doc among its passages.
func finds(t testing.TB, r *replica, q, doc string) bool {
	t.Helper()
	res, err := r.Search(context.Background(), search.Query{Text: q})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return slices.ContainsFunc(res.Passages, func(p search.Passage) bool { return p.DocID == doc })
}

// holds reports whether the replica's index lists doc.
func holds(r *replica, doc string) bool {
	return slices.ContainsFunc(r.Documents(), func(d kb.DocInfo) bool { return d.ID == doc })
}

func shop(t testing.TB) []kb.Document {
	t.Helper()
	h, err := kb.Sample("shop")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := h.Documents()
	if err != nil {
		t.Fatal(err)
	}
	return docs
}
