package search

import (
	"context"

	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// Passages returns a document's passages in order, as indexed (personal
// data already removed), for an admin's preview of an article; none when
// the index does not hold the document.
func (ix *Index) Passages(ctx context.Context, docID string) ([]Passage, error) {
	ix.mu.Lock()
	d, ok := ix.docs[docID]
	ix.mu.Unlock()
	if !ok {
		return nil, nil
	}
	gen := ix.gen.Load()
	out := make([]Passage, 0, d.Chunks)
	for n := 0; n < d.Chunks; n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, ok, err := ix.stored(gen, kb.PassageID(docID, n))
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p.Passage)
		}
	}
	return out, nil
}
