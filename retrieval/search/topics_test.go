package search

import (
	"context"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// TestIndexKeepsStatsUpToDate checks that the title words, the passage
// counts and the cached term frequencies follow ingests and removals.
func TestIndexKeepsStatsUpToDate(t *testing.T) {
	ctx := context.Background()
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	doc := kb.Document{ID: "kb/a.md", Lang: lang.English, Text: "# Pigeon post\n\nWe send letters by pigeon.\n\n## Costs\n\nFree."}
	if _, err := ix.Ingest(ctx, []kb.Document{doc}); err != nil {
		t.Fatal(err)
	}
	if !ix.topics.has("en", "pigeon") || ix.topics.passageCount("en") != 2 {
		t.Fatalf("after ingest: pigeon topic %v, %d passages", ix.topics.has("en", "pigeon"), ix.topics.passageCount("en"))
	}
	// A search caches the frequency of "owl" (none); the next ingest
	// must not leave it stale.
	if res, _ := ix.Search(ctx, Query{Text: "owl"}); len(res.Passages) != 0 {
		t.Fatalf("owl found before any owl: %+v", res.Passages)
	}
	doc.Text = "# Owl post\n\nWe send letters by owl."
	if _, err := ix.Ingest(ctx, []kb.Document{doc}); err != nil {
		t.Fatal(err)
	}
	if ix.topics.has("en", "pigeon") || !ix.topics.has("en", "owl") || ix.topics.passageCount("en") != 1 {
		t.Fatalf("after update: pigeon %v owl %v, %d passages", ix.topics.has("en", "pigeon"), ix.topics.has("en", "owl"), ix.topics.passageCount("en"))
	}
	if res, _ := ix.Search(ctx, Query{Text: "owl"}); len(res.Passages) == 0 {
		t.Fatal("the updated document is not found: a stale frequency was used")
	}
	if _, err := ix.Remove(ctx, doc.ID); err != nil {
		t.Fatal(err)
	}
	if ix.topics.has("en", "owl") || ix.topics.passageCount("en") != 0 {
		t.Fatal("title words outlived their document")
	}
}
