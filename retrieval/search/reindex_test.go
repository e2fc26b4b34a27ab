package search

import (
	"context"
	"sync"
	"testing"

	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// TestReindexRepairsStaleAnalysis damages the analysis of a passage (its
// indexed body and stored terms, as an older analyzer might have left
// them) and checks that Reindex makes them again from what is stored,
// while searches go on.
func TestReindexRepairsStaleAnalysis(t *testing.T) {
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	docs := []kb.Document{
		{ID: "kb/pigeons.md", Text: "# Pigeon post\n\nCarrier pigeons fly parcels for free within Denmark."},
		{ID: "kb/owls.md", Text: "# Owl post\n\nOwls deliver letters at night."},
	}
	if _, err := ix.Ingest(ctx, docs); err != nil {
		t.Fatal(err)
	}
	find := func() []Passage {
		t.Helper()
		res, err := ix.Search(ctx, Query{Text: "carrier pigeons", Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		return res.Passages
	}
	if ps := find(); len(ps) == 0 || ps[0].DocID != "kb/pigeons.md" {
		t.Fatalf("before: %+v", ps)
	}
	// The passage as a stale analysis left it: the stored fields as they
	// were, but nothing of the body indexed and no terms for the reranking.
	id := kb.PassageID("kb/pigeons.md", 0)
	p, ok, err := ix.stored(ix.gen.Load(), id)
	if err != nil || !ok {
		t.Fatalf("stored %s: %v %v", id, ok, err)
	}
	stale := map[string]any{"doc_id": p.DocID, "lang": p.Lang, "title": p.Title, "heading": p.Heading, "text": p.Text, "version": p.Version}
	if err := ix.idx.Index(id, stale); err != nil {
		t.Fatal(err)
	}
	ix.gen.Add(1)
	for _, p := range find() {
		if p.DocID == "kb/pigeons.md" {
			t.Fatalf("the damaged passage is still found: %+v", p)
		}
	}

	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() { // searches go on while the index is rebuilt
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
				if _, err := ix.Search(ctx, Query{Text: "owls at night", Lang: "en"}); err != nil {
					t.Error(err)
					return
				}
			}
		}
	}()
	rep, err := ix.Reindex(ctx)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Passages != 2 || rep.Synonyms == 0 {
		t.Fatalf("report %+v", rep)
	}
	if ps := find(); len(ps) == 0 || ps[0].DocID != "kb/pigeons.md" {
		t.Fatalf("after the reindex: %+v", ps)
	}
	if n, _ := ix.Chunks(); n != 2 {
		t.Fatalf("passages after the reindex: %d", n)
	}
}
