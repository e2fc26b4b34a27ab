package search

import (
	"context"
	"fmt"
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

// Reindex reads the vocabulary again (Options.Vocabulary), analyses
// every passage of the knowledge base again, as it is stored, with the
// current analyzers and the vocabulary's phrases; writes the synonym
// definitions again from it; and embeds the passages that lack a vector
// from the current embedding model. A vocabulary that cannot be read
// fails the reindex and leaves the one in use. It repairs an index whose
// analysis went stale and is what an admin runs after changing how the
// knowledge base is read (its vocabulary files, say). Searches go on while it
// runs (each passage is replaced whole); ingests wait.
func (ix *Index) Reindex(ctx context.Context) (ReindexReport, error) {
	if ix.shared != nil {
		return ix.reindexShared(ctx)
	}
	var rep ReindexReport
	vocab, err := ix.opts.Vocabulary()
	if err != nil {
		return rep, fmt.Errorf("reindex: %w", err)
	}
	lx, err := newLexicon(vocab, ix.rawAnalyzer)
	if err != nil {
		return rep, fmt.Errorf("reindex: %w", err)
	}
	ix.warnUnused(lx)
	ix.mu.Lock()
	ix.lex.Store(lx)
	ix.recountTopics()
	rep.Passages, err = ix.useVocabulary(true)
	rep.Synonyms = int(ix.synonymDocs.Load())
	ix.mu.Unlock()
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
