package search

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// conceptEmbedder is a fake embedding model that knows which words mean
// the same thing: each concept is one dimension, so "automobile" and
// "car" are near although they share no letters.
type conceptEmbedder struct {
	model string
	calls atomic.Int64
	fail  atomic.Bool
}

var concepts = [][]string{
	{"car", "automobile", "vehicle"},
	{"bicycle", "bike", "cycle"},
	{"garden", "lawn", "yard"},
	{"insurance", "cover", "policy"},
}

func (e *conceptEmbedder) EmbedModel() string { return e.model }

func (e *conceptEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	e.calls.Add(1)
	if e.fail.Load() {
		return nil, errors.New("model unreachable")
	}
	out := make([][]float32, len(texts))
	for i, t := range texts {
		v := make([]float32, len(concepts)+1)
		v[len(concepts)] = 0.01 // no text is the zero vector
		for _, w := range strings.Fields(strings.ToLower(t)) {
			w = strings.Trim(w, ".,?!#")
			for c, words := range concepts {
				for _, cw := range words {
					if w == cw {
						v[c]++
					}
				}
			}
		}
		out[i] = v
	}
	return out, nil
}

var hybridDocs = []kb.Document{
	{ID: "kb/car.md", Lang: lang.English, Text: "# Car cover\n\nWe cover your car against theft and fire."},
	{ID: "kb/bike.md", Lang: lang.English, Text: "# Bike cover\n\nYour bicycle is covered at home and away."},
	{ID: "kb/garden.md", Lang: lang.English, Text: "# Garden cover\n\nThe lawn and yard furniture are covered."},
}

func TestHybridSearchFindsParaphrase(t *testing.T) {
	ctx := context.Background()
	emb := &conceptEmbedder{model: "concepts:1"}
	ix, err := OpenMemory(Options{Embedder: emb, EmbedBatch: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rep, err := ix.Ingest(ctx, hybridDocs)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Embedded != rep.Chunks || emb.calls.Load() != 2 {
		t.Fatalf("embedded %d of %d passages in %d calls, want all in 2", rep.Embedded, rep.Chunks, emb.calls.Load())
	}
	// No passage holds "automobile": BM25 alone cannot tell the car
	// article from the others; the vectors can.
	res, err := ix.Search(ctx, Query{Text: "is my automobile protected", Lang: lang.English})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Passages) == 0 || res.Passages[0].DocID != "kb/car.md" {
		t.Fatalf("hybrid search found %+v, want kb/car.md first", res.Passages)
	}
	// With the model gone, search goes on by words.
	emb.fail.Store(true)
	res, err = ix.Search(ctx, Query{Text: "bicycle", Lang: lang.English})
	if err != nil || len(res.Passages) == 0 || res.Passages[0].DocID != "kb/bike.md" {
		t.Fatalf("search without the embedding model = %+v, %v", res.Passages, err)
	}
}

func TestVectorsPersistAndSync(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), DirName)
	emb := &conceptEmbedder{model: "concepts:1"}
	emb.fail.Store(true)
	ix, err := Open(path, Options{Embedder: emb})
	if err != nil {
		t.Fatal(err)
	}
	// Ingested while the model is unreachable: indexed, not embedded.
	rep, err := ix.Ingest(ctx, hybridDocs)
	if err != nil || rep.Embedded != 0 || rep.Chunks == 0 {
		t.Fatalf("ingest without the model = %+v, %v", rep, err)
	}
	emb.fail.Store(false)
	n, err := ix.SyncVectors(ctx, nil)
	if err != nil || n != rep.Chunks {
		t.Fatalf("SyncVectors embedded %d, %v; want %d", n, err, rep.Chunks)
	}
	if n, _ := ix.SyncVectors(ctx, nil); n != 0 {
		t.Fatalf("second SyncVectors embedded %d again", n)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(path, Options{Embedder: emb})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.SyncVectors(ctx, nil); n != 0 {
		t.Fatalf("vectors were not kept on disk: %d embedded again", n)
	}
	// A changed document's passages get new vectors; a removed one's go.
	changed := hybridDocs[0]
	changed.Text += "\n\n## Abroad\n\nThe vehicle is covered in the EU."
	if rep, err := ix.Ingest(ctx, []kb.Document{changed}); err != nil || rep.Embedded != 2 {
		t.Fatalf("re-ingest = %+v, %v", rep, err)
	}
	if _, err := ix.Remove(ctx, "kb/garden.md"); err != nil {
		t.Fatal(err)
	}
	if got, want := len(ix.vecs.ids), 2+1; got != want {
		t.Fatalf("%d vectors held, want %d", got, want)
	}
	ix.Close()
	// Another model: every vector is made again.
	other := &conceptEmbedder{model: "concepts:2"}
	ix, err = Open(path, Options{Embedder: other})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, err := ix.SyncVectors(ctx, nil); err != nil || n != 3 {
		t.Fatalf("after a model change SyncVectors embedded %d, %v; want 3", n, err)
	}
}

func TestOpenRebuildsOlderLayout(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), DirName)
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ingest(ctx, hybridDocs); err != nil {
		t.Fatal(err)
	}
	// Mark the index as written by an older layout.
	if err := ix.idx.SetInternal(internalSchema, []byte("1")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	schema, _ := ix.idx.GetInternal(internalSchema)
	if string(schema) != schemaVersion {
		t.Fatalf("schema after reopening = %q", schema)
	}
	if len(ix.Documents()) != len(hybridDocs) {
		t.Fatalf("documents after rebuild = %d", len(ix.Documents()))
	}
	if n, _ := ix.Chunks(); n != 3 {
		t.Fatalf("passages after rebuild = %d, want 3", n)
	}
	if syns := indexSynonyms(t, ix, synonymSource("en"))["refund"]; len(syns) == 0 {
		t.Error("the rebuilt index holds no synonyms")
	}
	res, err := ix.Search(ctx, Query{Text: "bicycle", Lang: lang.English})
	if err != nil || len(res.Passages) == 0 || res.Passages[0].DocID != "kb/bike.md" {
		t.Fatalf("search after rebuild = %+v, %v", res.Passages, err)
	}
	// The rebuilt passages know their document's title and lead.
	ps, err := ix.fetch(ctx, []string{kb.PassageID("kb/bike.md", 0)})
	if err != nil || len(ps) != 1 {
		t.Fatalf("fetch after rebuild = %+v, %v", ps, err)
	}
	if !ps[0].titleTerms.has("bike") || !ps[0].leadTerms.has("bicycl") {
		t.Errorf("rebuilt passage: title terms %v, lead terms %v", ps[0].titleTerms, ps[0].leadTerms)
	}
}
