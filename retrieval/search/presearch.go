package search

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// preSearch gathers, before the first pass runs, what Bleve would gather
// itself, adjusted to the knowledge base: the synonyms of the query's
// terms (synonymsFor) and the statistics BM25 scores the passages with
// (passageStats). Bleve's search takes them as they are.
func (ix *Index) preSearch(ctx context.Context, q query.Query) (map[string]any, error) {
	reader, err := ix.readerFor()
	if err != nil {
		return nil, err
	}
	defer reader.Close()
	syns, err := ix.synonymsFor(ctx, reader, q)
	if err != nil {
		return nil, err
	}
	out := map[string]any{search.SynonymPreSearchDataKey: syns}
	stats, err := ix.passageStats(reader)
	if err != nil {
		return nil, err
	}
	if stats != nil {
		out[search.BM25PreSearchDataKey] = stats
	}
	return out, nil
}

// synonymsFor looks up the synonyms of the terms q searches in the
// index's synonym definitions, as Bleve's synonym search does, and
// leaves out the synonyms that no passage of the field's family holds,
// and those that more passages hold than the first pass searches
// (pruneLimit): the first find nothing, the others cost most of a search
// in a large knowledge base and say little. The result is never nil, so
// that Bleve does not look the synonyms up again.
func (ix *Index) synonymsFor(ctx context.Context, reader snapshot, q query.Query) (search.FieldTermSynonymMap, error) {
	out := search.FieldTermSynonymMap{}
	thes, ok := reader.IndexReader.(index.ThesaurusReader)
	m, isSyn := ix.idx.Mapping().(mapping.SynonymMapping)
	if !ok || !isSyn {
		return out, nil
	}
	found, err := query.ExtractSynonyms(ctx, m, thes, q, nil)
	if err != nil {
		return nil, fmt.Errorf("look up synonyms: %w", err)
	}
	for field, terms := range found {
		fam := strings.TrimPrefix(field, "body_")
		limit := pruneLimit(ix.topics.passageCount(fam))
		for term, syns := range terms {
			var kept []string
			for _, s := range syns {
				df, err := ix.dfs.docFreq(ctx, reader, fam, s)
				if err != nil {
					return nil, err
				}
				if df > 0 && df <= limit {
					kept = append(kept, s)
				}
			}
			if len(kept) > 0 {
				if out[field] == nil {
					out[field] = map[string][]string{}
				}
				out[field][term] = kept
			}
		}
	}
	return out, nil
}

// passageStats are the statistics BM25 scores the passages with: the
// index's document count includes the synonym definitions, which would
// make every term seem rarer, and the passages shorter, than they are.
// It returns nil when the index cannot tell its fields' sizes.
func (ix *Index) passageStats(reader snapshot) (*search.BM25Stats, error) {
	br, ok := reader.IndexReader.(index.BM25Reader)
	if !ok {
		return nil, nil
	}
	n, err := reader.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count passages: %w", err)
	}
	st := &search.BM25Stats{DocCount: float64(ix.passagesOf(n)), FieldCardinality: make(map[string]int, len(families))}
	for _, fam := range families {
		if st.FieldCardinality["body_"+fam], err = br.FieldCardinality("body_" + fam); err != nil {
			return nil, fmt.Errorf("field statistics: %w", err)
		}
	}
	return st, nil
}
