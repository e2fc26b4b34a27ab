package search

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// TestGenCacheBounds: the cache holds at most size entries and about
// cacheKeyBytes of keys (one key more at most), drops what an older
// generation read, and keeps nothing read while a write landed.
func TestGenCacheBounds(t *testing.T) {
	var gen atomic.Uint64
	c := genCache[int]{gen: &gen, size: 100}
	long := strings.Repeat("x", 1<<20)
	for i := range 40 {
		key := long + string(rune('a'+i%26)) + strings.Repeat("y", i)
		_, g, _ := c.get(key)
		c.put(g, key, i)
		if c.bytes > cacheKeyBytes+len(key) {
			t.Fatalf("after %d long keys the cache holds %d bytes of keys", i+1, c.bytes)
		}
	}
	for i := range 1000 {
		key := strings.Repeat("k", i%7) + string(rune(i))
		_, g, _ := c.get(key)
		c.put(g, key, i)
		if len(c.byK) > c.size {
			t.Fatalf("%d entries, size %d", len(c.byK), c.size)
		}
	}

	_, g, _ := c.get("a")
	c.put(g, "a", 1)
	if v, _, ok := c.get("a"); !ok || v != 1 {
		t.Fatalf("get(a) = %d, %v", v, ok)
	}
	gen.Add(1) // a write to the index
	if _, _, ok := c.get("a"); ok {
		t.Fatal("an entry of an older generation was served")
	}
	_, g, _ = c.get("b")
	gen.Add(1) // a write lands while b is read
	c.put(g, "b", 2)
	if _, _, ok := c.get("b"); ok {
		t.Fatal("a value read while a write landed was kept")
	}
}

// TestStaleReaderIsNotCached: a search whose reader was opened before a
// write lands reads the statistics of before the write; they are not
// kept for the searches after it, which read the write's.
func TestStaleReaderIsNotCached(t *testing.T) {
	ctx := context.Background()
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	stale, err := ix.readerFor()
	if err != nil {
		t.Fatal(err)
	}
	defer stale.Close()
	doc := kb.Document{ID: "kb/geyser.md", Lang: lang.English,
		Text: "# Geyser kettles\n\nThe Geyser kettle boils a litre in ninety seconds."}
	if _, err := ix.Ingest(ctx, []kb.Document{doc}); err != nil {
		t.Fatal(err)
	}
	if df, err := ix.dfs.docFreq(ctx, stale, "en", "kettl"); err != nil || df != 0 {
		t.Fatalf("the reader opened before the write reads df %d, %v; want 0", df, err)
	}
	fresh, err := ix.readerFor()
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if df, err := ix.dfs.docFreq(ctx, fresh, "en", "kettl"); err != nil || df == 0 {
		t.Fatalf("after the write, df %d, %v: what a stale reader read was kept", df, err)
	}
}
