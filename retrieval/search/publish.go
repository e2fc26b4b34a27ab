package search

import (
	"context"
	"fmt"

	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// The writes of an index with a Library: each is read up to the end of
// the feed first (so that "unchanged" and "removed" are judged against
// the knowledge base as it is), written to the library, and read back
// from the feed before it returns.

// publish is IngestWith for an index with a Library.
func (ix *Index) publish(ctx context.Context, docs []kb.Document, policy string, progress func(IngestProgress)) (IngestReport, []string, error) {
	rep := IngestReport{}
	if err := ix.catchUp(ctx); err != nil {
		return rep, nil, err
	}
	ix.mu.Lock()
	versions := make(map[string]string, len(docs))
	for _, doc := range docs {
		if d, ok := ix.docs[doc.ID]; ok {
			versions[doc.ID] = d.Version
		}
	}
	ix.mu.Unlock()
	held := func(id string) (string, bool) {
		v, ok := versions[id]
		return v, ok
	}
	var put []kb.Prepared
	err := ix.toWrite(ctx, &rep, docs, held, func(doc kb.Document) {
		p := kb.Prepare(doc, ix.opts.Scrub)
		rep.found(p.Info)
		put = append(put, p)
	})
	if err != nil {
		return rep, nil, err
	}
	if policy == kb.PersonalDataRefuse && len(rep.PersonalData) > 0 {
		return rep, nil, &kb.PersonalDataError{Found: rep.PersonalData}
	}
	if len(put) == 0 {
		return rep, nil, nil
	}
	var fresh []string
	for n, p := range put {
		if _, ok := versions[p.Info.ID]; ok {
			rep.Updated++
		} else {
			rep.Added++
		}
		rep.Chunks += len(p.Passages)
		for c := range p.Passages {
			fresh = append(fresh, kb.PassageID(p.Info.ID, c))
		}
		progress(IngestProgress{Phase: "index", Done: n + 1, Total: len(put)})
	}
	if _, err := ix.shared.lib.Commit(ctx, Change{Put: put}); err != nil {
		return rep, nil, fmt.Errorf("write to the shared knowledge base: %w", err)
	}
	return rep, fresh, ix.catchUp(ctx)
}

// removeShared is Remove for an index with a Library.
func (ix *Index) removeShared(ctx context.Context, ids []string) (int, error) {
	if err := ix.catchUp(ctx); err != nil {
		return 0, err
	}
	var gone []string
	ix.mu.Lock()
	for _, id := range ids {
		if _, ok := ix.docs[id]; ok {
			gone = append(gone, id)
		}
	}
	ix.mu.Unlock()
	if len(gone) == 0 {
		return 0, nil
	}
	if _, err := ix.shared.lib.Commit(ctx, Change{Remove: gone}); err != nil {
		return 0, fmt.Errorf("remove from the shared knowledge base: %w", err)
	}
	return len(gone), ix.catchUp(ctx)
}

// reindexShared is Reindex for an index with a Library: it publishes
// this replica's vocabulary files, and every replica analyses its
// passages again with them.
func (ix *Index) reindexShared(ctx context.Context) (ReindexReport, error) {
	vocab, err := ix.opts.Vocabulary()
	if err != nil {
		return ReindexReport{}, fmt.Errorf("reindex: %w", err)
	}
	if _, err := newLexicon(vocab, ix.rawAnalyzer); err != nil {
		return ReindexReport{}, fmt.Errorf("reindex: %w", err)
	}
	if _, err := ix.shared.lib.Commit(ctx, Change{Vocabulary: vocab.Published(), Reindex: true}); err != nil {
		return ReindexReport{}, fmt.Errorf("reindex: %w", err)
	}
	if err := ix.catchUp(ctx); err != nil {
		return ReindexReport{}, fmt.Errorf("reindex: %w", err)
	}
	ix.shared.mu.Lock()
	rep := ix.shared.reindex
	ix.shared.mu.Unlock()
	if rep.Embedded, err = ix.SyncVectors(ctx, nil); err != nil {
		return rep, fmt.Errorf("reindex: %w", err)
	}
	ix.log.Info("knowledge base re-indexed on every replica", "passages", rep.Passages, "synonyms", rep.Synonyms, "embedded", rep.Embedded)
	return rep, nil
}

// publishVectors stores the vectors of passages in the library, for the
// passages still as they were read, and reads them back.
func (ix *Index) publishVectors(ctx context.Context, model string, ps []scored, vecs [][]float32) (int, error) {
	var out []PassageVector
	ix.mu.Lock()
	for i, p := range ps {
		d, ok := ix.docs[p.DocID]
		if !ok || d.Version != p.Version || !holdsPassage(d, p.ChunkID) {
			continue
		}
		out = append(out, PassageVector{ID: p.ChunkID, Version: p.Version, Model: model, Vector: vecs[i]})
	}
	ix.mu.Unlock()
	if len(out) == 0 {
		return 0, nil
	}
	if _, err := ix.shared.lib.Commit(ctx, Change{Vectors: out}); err != nil {
		return 0, fmt.Errorf("store passage vectors in the shared knowledge base: %w", err)
	}
	return len(out), ix.catchUp(ctx)
}
