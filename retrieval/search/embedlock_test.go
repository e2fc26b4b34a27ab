package search

import (
	"context"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// gatedEmbedder is the concept embedder, held at each call until the test
// lets it go.
type gatedEmbedder struct {
	conceptEmbedder
	entered chan struct{}
	release chan struct{}
}

func (e *gatedEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	e.entered <- struct{}{}
	<-e.release
	return e.conceptEmbedder.Embed(ctx, texts)
}

// TestEmbeddingHoldsNoLock checks that while the embedding model works on
// an ingest's passages, other writers go on, and that a passage replaced
// meanwhile is not given the vector of its old text.
func TestEmbeddingHoldsNoLock(t *testing.T) {
	emb := &gatedEmbedder{conceptEmbedder: conceptEmbedder{model: "concepts:1"}, entered: make(chan struct{}), release: make(chan struct{})}
	ix, err := OpenMemory(Options{Embedder: emb})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	car := kb.Document{ID: "kb/car.md", Lang: lang.English, Text: "# Car cover\n\nWe cover your car."}
	done := make(chan IngestReport)
	go func() {
		rep, err := ix.Ingest(ctx, []kb.Document{car})
		if err != nil {
			t.Error(err)
		}
		done <- rep
	}()
	<-emb.entered // the model has the car's passage

	// Another writer is not held up by the model.
	wrote := make(chan error)
	go func() {
		bike := kb.Document{ID: "kb/bike.md", Lang: lang.English, Text: "# Bike cover\n\nYour bicycle is covered."}
		_, err := ix.IngestWith(ctx, []kb.Document{bike}, IngestOptions{})
		wrote <- err
	}()
	select {
	case <-emb.entered: // the bike's embedding began: its passages were written
	case <-time.After(5 * time.Second):
		close(emb.release)
		t.Fatal("an ingest waited for the embedding of another")
	}
	// ... and the car's document is replaced while its old text is
	// being embedded.
	removed := make(chan error)
	go func() {
		_, err := ix.Remove(ctx, car.ID)
		removed <- err
	}()
	select {
	case err := <-removed:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a removal waited for the embedding model")
	}
	close(emb.release)
	if err := <-wrote; err != nil {
		t.Fatal(err)
	}
	if rep := <-done; rep.Embedded != 0 {
		t.Errorf("the removed document's passage was given a vector: %+v", rep)
	}
	if ix.vecs.has(kb.PassageID(car.ID, 0), kb.Version(car)) {
		t.Error("the vector of a removed passage was stored")
	}
	if bike := ix.Documents()[0]; !ix.vecs.has(kb.PassageID(bike.ID, 0), bike.Version) {
		t.Error("the bike's passage has no vector")
	}
}
