package search

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// Embedder turns texts into vectors with an embedding model. Hushdesk's
// implementation calls Ollama's /api/embed.
type Embedder interface {
	// Embed returns one vector per text, in order.
	Embed(ctx context.Context, texts []string) ([][]float32, error)
	// EmbedModel names the model (and version, when known); vectors
	// made by another model are made again.
	EmbedModel() string
}

// rrfK is the rank constant of reciprocal rank fusion.
const rrfK = 60

// embedPassages embeds the passages with the given ids, in batches, and
// stores their vectors. It returns how many it stored.
func (ix *Index) embedPassages(ctx context.Context, ids []string, progress func(IngestProgress)) (int, error) {
	model := ix.opts.Embedder.EmbedModel()
	if ix.vecs.currentModel() != model {
		if err := ix.vecs.reset(model); err != nil {
			return 0, err
		}
	}
	done := 0
	for start := 0; start < len(ids); start += ix.opts.EmbedBatch {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		part := ids[start:min(start+ix.opts.EmbedBatch, len(ids))]
		ps, err := ix.fetch(ctx, part)
		if err != nil {
			return done, err
		}
		texts := make([]string, len(ps))
		pids := make([]string, len(ps))
		vers := make([]string, len(ps))
		for i, p := range ps {
			texts[i] = embedText(p.Passage)
			pids[i], vers[i] = p.ChunkID, p.Version
		}
		vecs, err := ix.opts.Embedder.Embed(ctx, texts)
		if err != nil {
			return done, fmt.Errorf("embed passages: %w", err)
		}
		if len(vecs) != len(texts) {
			return done, fmt.Errorf("embed passages: %d vectors for %d texts", len(vecs), len(texts))
		}
		if err := ix.vecs.put(pids, vers, vecs); err != nil {
			return done, err
		}
		done += len(ps)
		if progress != nil {
			progress(IngestProgress{Phase: "embed", Done: done, Total: len(ids)})
		}
	}
	return done, nil
}

// embedText is what is embedded of a passage: its title, heading and text.
func embedText(p Passage) string { return p.Title + "\n" + p.Heading + "\n" + p.Text }

// SyncVectors embeds every passage that has no vector from the current
// embedding model (after the model changed, or passages ingested while it
// was unreachable). It returns how many passages it embedded. Ingests wait
// while it runs; searches do not.
func (ix *Index) SyncVectors(ctx context.Context, progress func(IngestProgress)) (int, error) {
	if ix.opts.Embedder == nil {
		return 0, nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.vecs.currentModel() != ix.opts.Embedder.EmbedModel() {
		if err := ix.vecs.reset(ix.opts.Embedder.EmbedModel()); err != nil {
			return 0, err
		}
	}
	var missing []string
	ids := make([]string, 0, len(ix.docs))
	for id := range ix.docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		d := ix.docs[id]
		for c := range d.Chunks {
			if !ix.vecs.has(kb.PassageID(id, c), d.Version) {
				missing = append(missing, kb.PassageID(id, c))
			}
		}
	}
	if len(missing) == 0 {
		return 0, nil
	}
	ix.log.Info("embedding passages", "passages", len(missing), "model", ix.opts.Embedder.EmbedModel())
	return ix.embedPassages(ctx, missing, progress)
}

func (vs *vectorStore) currentModel() string {
	vs.mu.RLock()
	defer vs.mu.RUnlock()
	return vs.model
}

// fetch reads stored passages by id; ids the index does not hold are
// left out.
func (ix *Index) fetch(ctx context.Context, ids []string) ([]scored, error) {
	gen := ix.gen.Load()
	out := make([]scored, 0, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, ok, err := ix.stored(gen, id)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// fuse merges the lexical ranking with the passages nearest to the
// query's embedding by reciprocal rank fusion. When the query cannot be
// embedded, the lexical ranking stands.
func (ix *Index) fuse(ctx context.Context, text string, ql lang.Tag, lexical []scored, qterms map[string][]queryTerm, n int) []scored {
	ectx, cancel := context.WithTimeout(ctx, ix.opts.QueryEmbedTimeout)
	vecs, err := ix.opts.Embedder.Embed(ectx, []string{text})
	cancel()
	if err != nil || len(vecs) != 1 {
		if ix.warned.allow() {
			ix.log.Warn("could not embed the query; searching by words only", "err", err)
		}
		return lexical
	}
	near := ix.vecs.nearest(vecs[0], n)
	if len(near) == 0 {
		return lexical
	}
	fused := map[string]float64{}
	byID := map[string]scored{}
	for i, p := range lexical {
		fused[p.ChunkID] += 1 / float64(rrfK+i+1)
		byID[p.ChunkID] = p
	}
	var fetchIDs []string
	for i, nb := range near {
		fused[nb.id] += 1 / float64(rrfK+i+1)
		if _, ok := byID[nb.id]; !ok {
			fetchIDs = append(fetchIDs, nb.id)
		}
	}
	if len(fetchIDs) > 0 {
		more, err := ix.fetch(ctx, fetchIDs)
		if err != nil {
			return lexical
		}
		for _, p := range more {
			p.measure(qterms, ql)
			byID[p.ChunkID] = p
		}
	}
	out := make([]scored, 0, len(byID))
	for id, p := range byID {
		p.Score = fused[id]
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ChunkID < out[j].ChunkID
	})
	return out
}

// warnLimiter lets one warning through a minute, so that an unreachable
// embedding model does not flood the log with one line per question.
type warnLimiter struct {
	mu   sync.Mutex
	last time.Time
}

func (w *warnLimiter) allow() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if time.Since(w.last) < time.Minute {
		return false
	}
	w.last = time.Now()
	return true
}
