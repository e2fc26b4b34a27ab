package search

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
)

// ReindexReport says what Reindex did.
type ReindexReport struct {
	// Passages is how many passages were analysed again.
	Passages int `json:"passages"`
	// Synonyms is how many synonym definitions the index holds now.
	Synonyms int `json:"synonyms"`
	// Embedded is how many passages were embedded (when an embedding
	// model is configured and some lacked a vector from it).
	Embedded int `json:"embedded"`
}

// Reindex analyses every passage of the knowledge base again, as it is
// stored, with the current analyzers, phrases and rules; writes the
// synonym definitions again from the current lists; and embeds the
// passages that lack a vector from the current embedding model. It
// repairs an index whose analysis went stale and is what an admin runs
// after changing how the knowledge base is read. Searches go on while it
// runs (each passage is replaced whole); ingests wait.
func (ix *Index) Reindex(ctx context.Context) (ReindexReport, error) {
	var rep ReindexReport
	im, ok := ix.idx.Mapping().(*mapping.IndexMappingImpl)
	if !ok {
		return rep, fmt.Errorf("reindex: unexpected index mapping %T", ix.idx.Mapping())
	}
	ix.mu.Lock()
	n, err := reanalyse(ix.idx, ix.idx, im)
	ix.gen.Add(1)
	if err == nil {
		rep.Synonyms, err = resyncSynonyms(ix)
	}
	ix.mu.Unlock()
	rep.Passages = n
	if err != nil {
		return rep, fmt.Errorf("reindex: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	if rep.Embedded, err = ix.SyncVectors(ctx, nil); err != nil {
		return rep, fmt.Errorf("reindex: %w", err)
	}
	ix.log.Info("knowledge base re-indexed", "passages", rep.Passages, "synonyms", rep.Synonyms, "embedded", rep.Embedded)
	return rep, nil
}

// resyncSynonyms writes the synonym definitions again, whatever version
// the index holds. Callers hold mu.
func resyncSynonyms(ix *Index) (int, error) {
	raw, err := ix.idx.GetInternal(internalSynonyms)
	if err != nil {
		return 0, fmt.Errorf("read synonym version: %w", err)
	}
	if raw != nil {
		var held synonymState
		if err := json.Unmarshal(raw, &held); err != nil {
			return 0, fmt.Errorf("decode synonym version: %w", err)
		}
		held.Version = "" // no version matches: the definitions are replaced
		if raw, err = json.Marshal(held); err != nil {
			return 0, fmt.Errorf("encode synonym version: %w", err)
		}
		if err := ix.idx.SetInternal(internalSynonyms, raw); err != nil {
			return 0, fmt.Errorf("save synonym version: %w", err)
		}
	}
	n, err := syncSynonyms(ix.idx)
	if err != nil {
		return 0, err
	}
	ix.synonymDocs.Store(uint64(n))
	ix.gen.Add(1)
	return n, nil
}
