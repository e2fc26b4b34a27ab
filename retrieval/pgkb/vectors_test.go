package pgkb_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/pgdb/pgdbtest"
)

// letterEmbedder is a fake embedding model: a text's vector counts its
// letters. It counts the texts it embedded.
type letterEmbedder struct{ texts atomic.Int64 }

func (e *letterEmbedder) EmbedModel() string { return "letters:1" }

func (e *letterEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	e.texts.Add(int64(len(texts)))
	out := make([][]float32, len(texts))
	for i, t := range texts {
		v := make([]float32, 27)
		v[26] = 0.01
		for _, r := range strings.ToLower(t) {
			if r >= 'a' && r <= 'z' {
				v[r-'a']++
			}
		}
		out[i] = v
	}
	return out, nil
}

// The passages A embeds reach B with their vectors: B embeds none of
// them again.
func TestVectorsReachTheOtherReplica(t *testing.T) {
	ctx := context.Background()
	db := pgdbtest.Database(t)
	ea, eb := &letterEmbedder{}, &letterEmbedder{}
	a, _ := openReplica(t, db, replicaOpts{embedder: ea})
	b, _ := openReplica(t, db, replicaOpts{embedder: eb})
	waitReady(t, a)
	waitReady(t, b)
	rep, err := a.Ingest(ctx, []kb.Document{geyser, lantern})
	if err != nil || rep.Embedded != rep.Chunks || rep.Chunks == 0 {
		t.Fatalf("ingest on A: %+v, %v", rep, err)
	}
	// The passages and their vectors are two changes: B may hold the
	// documents before it has read the vectors.
	caughtUp(t, b, head(t, a))
	if !holds(b, geyser.ID) || !holds(b, lantern.ID) {
		t.Fatal("B has read every change but does not hold both documents")
	}
	n, err := b.SyncVectors(ctx, nil)
	if err != nil || n != 0 {
		t.Fatalf("B embedded %d passages (%v); want none: their vectors came with them", n, err)
	}
	if got := eb.texts.Load(); got != 0 {
		t.Fatalf("B's model embedded %d texts", got)
	}
	if !finds(t, b, "solar lantern", lantern.ID) {
		t.Fatal("B does not find the lantern")
	}
}
