package search

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
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
// stores their vectors. It returns how many it stored. The model is
// asked without holding the writers' lock, which is taken only to store
// a batch's vectors: a passage whose document was replaced or removed
// while its batch was embedded is left to whoever replaced it. Callers
// do not hold mu.
func (ix *Index) embedPassages(ctx context.Context, ids []string, progress func(IngestProgress)) (int, error) {
	model := ix.opts.Embedder.EmbedModel()
	ix.mu.Lock()
	if ix.vecs.currentModel() != model {
		if err := ix.vecs.reset(model); err != nil {
			ix.mu.Unlock()
			return 0, err
		}
	}
	ix.mu.Unlock()
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
		for i, p := range ps {
			texts[i] = embedText(p.Passage)
		}
		vecs, err := ix.opts.Embedder.Embed(ctx, texts)
		if err != nil {
			return done, fmt.Errorf("embed passages: %w", err)
		}
		if len(vecs) != len(texts) {
			return done, fmt.Errorf("embed passages: %d vectors for %d texts", len(vecs), len(texts))
		}
		store := ix.storeVectors
		if ix.shared != nil {
			store = func(model string, ps []scored, vecs [][]float32) (int, error) {
				return ix.publishVectors(ctx, model, ps, vecs)
			}
		}
		n, err := store(model, ps, vecs)
		done += n
		if err != nil {
			return done, err
		}
		if progress != nil {
			progress(IngestProgress{Phase: "embed", Done: start + len(part), Total: len(ids)})
		}
	}
	return done, nil
}

// storeVectors stores the vectors of passages, made by model, under the
// writers' lock, for the passages that are still as they were read: of a
// document of the same version, which still has them. It returns how
// many it stored.
func (ix *Index) storeVectors(model string, ps []scored, vecs [][]float32) (int, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.vecs.currentModel() != model {
		return 0, nil // another model took over meanwhile
	}
	pids := make([]string, 0, len(ps))
	vers := make([]string, 0, len(ps))
	keep := make([][]float32, 0, len(ps))
	for i, p := range ps {
		d, ok := ix.docs[p.DocID]
		if !ok || d.Version != p.Version || !holdsPassage(d, p.ChunkID) {
			continue
		}
		pids, vers, keep = append(pids, p.ChunkID), append(vers, p.Version), append(keep, vecs[i])
	}
	if err := ix.vecs.put(pids, vers, keep); err != nil {
		return 0, err
	}
	return len(pids), nil
}

// holdsPassage reports whether a document has the passage of an id.
func holdsPassage(d kb.DocInfo, id string) bool {
	n, ok := strings.CutPrefix(id, d.ID+"#")
	c, err := strconv.Atoi(n)
	return ok && err == nil && c >= 0 && c < d.Chunks && kb.PassageID(d.ID, c) == id
}

// embedText is what is embedded of a passage: its title, heading and text.
func embedText(p Passage) string { return p.Title + "\n" + p.Heading + "\n" + p.Text }

// SyncVectors embeds every passage that has no vector from the current
// embedding model (after the model changed, or passages ingested while it
// was unreachable). It returns how many passages it embedded. Searches
// and ingests go on while the model works.
func (ix *Index) SyncVectors(ctx context.Context, progress func(IngestProgress)) (int, error) {
	if ix.opts.Embedder == nil {
		return 0, nil
	}
	missing, err := ix.missingVectors()
	if err != nil || len(missing) == 0 {
		return 0, err
	}
	ix.log.Info("embedding passages", "passages", len(missing), "model", ix.opts.Embedder.EmbedModel())
	return ix.embedPassages(ctx, missing, progress)
}

// missingVectors lists the passages without a vector from the current
// embedding model, after forgetting the vectors of another model.
func (ix *Index) missingVectors() ([]string, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.vecs.currentModel() != ix.opts.Embedder.EmbedModel() {
		if err := ix.vecs.reset(ix.opts.Embedder.EmbedModel()); err != nil {
			return nil, err
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
	return missing, nil
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
