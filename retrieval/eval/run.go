package eval

import (
	"context"
	"fmt"
	"strings"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// Load ingests a BEIR corpus into ix, one document per corpus line. A
// document with a title but no text is indexed by its title; one with
// neither is skipped.
func Load(ctx context.Context, ix *search.Index, corpus []CorpusDoc, progress func(search.IngestProgress)) (search.IngestReport, error) {
	docs := make([]kb.Document, 0, len(corpus))
	for _, d := range corpus {
		text := d.Text
		if strings.TrimSpace(text) == "" {
			text = d.Title
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		docs = append(docs, kb.Document{ID: d.ID, Title: d.Title, Text: text})
	}
	rep, err := ix.IngestWith(ctx, docs, search.IngestOptions{Progress: progress})
	if err != nil {
		return rep, fmt.Errorf("load corpus: %w", err)
	}
	return rep, nil
}

// Answer runs every query through ix.Search, as the assistant does (the
// language detected from the text, and given to the search when the
// detection is sure of it), and returns the run, each query's k best
// documents in the order of their best passages, and each query's
// confidence.
func Answer(ctx context.Context, ix *search.Index, queries []EvalQuery, k int) (Run, map[string]float64, error) {
	run := Run{}
	conf := map[string]float64{}
	for _, q := range queries {
		query := search.Query{Text: q.Text, K: 2 * k}
		if l, sure := lang.Choose("", q.Text); sure {
			query.Lang = l
		}
		res, err := ix.Search(ctx, query)
		if err != nil {
			return nil, nil, fmt.Errorf("query %s: %w", q.ID, err)
		}
		conf[q.ID] = res.Confidence
		seen := map[string]bool{}
		var hits []Hit
		for _, p := range res.Passages {
			if seen[p.DocID] || len(hits) >= k {
				continue
			}
			seen[p.DocID] = true
			hits = append(hits, Hit{DocID: p.DocID, Score: p.Score})
		}
		run[q.ID] = hits
	}
	return run, conf, nil
}
