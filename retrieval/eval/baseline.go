package eval

import (
	"context"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// Baseline parameters: the BM25 settings usual in BEIR baselines.
const (
	BaselineK1 = 0.9
	BaselineB  = 0.4
)

// bm25Params guards Bleve's BM25 parameters, which are package globals:
// the baseline changes them for the length of its searches only.
var bm25Params sync.Mutex

// Baseline is plain BM25 over whole documents: one field holding title and
// text, Bleve's standard analyzer (Unicode words, lower case, English stop
// words, no stemming), k1 0.9 and b 0.4.
type Baseline struct {
	idx bleve.Index
}

// NewBaseline indexes the corpus in memory.
func NewBaseline(ctx context.Context, corpus []CorpusDoc) (*Baseline, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = index.BM25Scoring
	doc := bleve.NewDocumentStaticMapping()
	f := bleve.NewTextFieldMapping()
	f.Analyzer = standard.Name
	f.Store = false
	f.IncludeTermVectors = false
	doc.AddFieldMappingsAt("text", f)
	im.DefaultMapping = doc
	im.DefaultAnalyzer = standard.Name
	idx, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("baseline index: %w", err)
	}
	b := idx.NewBatch()
	for _, d := range corpus {
		if err := ctx.Err(); err != nil {
			idx.Close()
			return nil, err
		}
		if err := b.Index(d.ID, map[string]any{"text": d.Title + "\n" + d.Text}); err != nil {
			idx.Close()
			return nil, fmt.Errorf("baseline index %s: %w", d.ID, err)
		}
		if b.Size() >= 1000 {
			if err := idx.Batch(b); err != nil {
				idx.Close()
				return nil, fmt.Errorf("baseline batch: %w", err)
			}
			b = idx.NewBatch() // not Reset: scorch may still read the old one
		}
	}
	if err := idx.Batch(b); err != nil {
		idx.Close()
		return nil, fmt.Errorf("baseline batch: %w", err)
	}
	return &Baseline{idx: idx}, nil
}

// Close releases the index.
func (b *Baseline) Close() error { return b.idx.Close() }

// Search answers every query with its k best documents. It sets Bleve's
// BM25 parameters for its own searches and restores them before it
// returns: no other Bleve search may run at the same time.
func (b *Baseline) Search(ctx context.Context, queries []EvalQuery, k int) (Run, error) {
	bm25Params.Lock()
	defer bm25Params.Unlock()
	k1, bb := search.BM25_k1, search.BM25_b
	search.BM25_k1, search.BM25_b = BaselineK1, BaselineB
	defer func() { search.BM25_k1, search.BM25_b = k1, bb }()
	run := Run{}
	for _, q := range queries {
		m := bleve.NewMatchQuery(q.Text)
		m.SetField("text")
		req := bleve.NewSearchRequestOptions(m, k, 0, false)
		sr, err := b.idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("baseline search %s: %w", q.ID, err)
		}
		hits := make([]Hit, 0, len(sr.Hits))
		for _, h := range sr.Hits {
			hits = append(hits, Hit{DocID: h.ID, Score: h.Score})
		}
		run[q.ID] = hits
	}
	return run, nil
}
