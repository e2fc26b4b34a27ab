package retrieval

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Query is one search.
type Query struct {
	Text string
	// Lang is the language of the query; detected when empty.
	Lang string
	// K is how many passages to return. Default 5.
	K int
}

// Passage is a piece of a document that matched a search.
type Passage struct {
	DocID   string  `json:"doc_id"`
	ChunkID string  `json:"chunk_id"`
	Title   string  `json:"title"`
	Heading string  `json:"heading,omitempty"`
	Text    string  `json:"text"`
	Lang    string  `json:"lang"`
	Version string  `json:"version"`
	Score   float64 `json:"score"`
}

// Result is the answer to a search.
type Result struct {
	// Lang is the query's language, as given or detected.
	Lang     string
	Passages []Passage
	// Confidence, between 0 and 1, is how sure retrieval is that the top
	// passage is about what was asked: the share of the query's terms
	// that the passage holds.
	Confidence float64
}

// Field weights. The body field holds the title and heading too, so every
// term is scored once against one collection; matches in the short title
// and heading fields add to that.
const (
	boostTitle   = 0.6
	boostHeading = 0.4
	boostBody    = 1.0
	// boostOther weighs matches in other languages' passages, so that a
	// query in a language without articles still finds the others.
	boostOther = 0.3
	// boostSameScript favours passages in the query's exact language
	// (traditional over simplified Chinese, say) within its family.
	boostSameScript = 1.2
)

// Search finds the passages that best answer q.
func (ix *Index) Search(ctx context.Context, q Query) (Result, error) {
	if q.K <= 0 {
		q.K = 5
	}
	lang := NormalizeLanguage(q.Lang)
	if lang == "" {
		lang = DetectLanguage(q.Text)
	}
	res := Result{Lang: lang}
	text := strings.TrimSpace(q.Text)
	if text == "" {
		return res, nil
	}
	fam := analysisKey(lang)
	if fam == "zh" {
		if stripped := strings.TrimSpace(stripChineseStopPhrases(text)); stripped != "" {
			text = stripped
		}
	}
	var clauses []query.Query
	for _, f := range families {
		b := 1.0
		if f != fam {
			b = boostOther
		}
		for field, w := range map[string]float64{"title": boostTitle, "heading": boostHeading, "body": boostBody} {
			m := bleve.NewMatchQuery(text)
			m.SetField(field + "_" + f)
			m.SetBoost(w * b)
			clauses = append(clauses, m)
		}
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(clauses...), q.K*3, 0, false)
	req.Fields = []string{"doc_id", "lang", "title", "heading", "text", "version"}
	sr, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	perDoc := map[string]int{}
	for _, h := range sr.Hits {
		p := Passage{ChunkID: h.ID, Score: h.Score}
		p.DocID, _ = h.Fields["doc_id"].(string)
		p.Lang, _ = h.Fields["lang"].(string)
		p.Title, _ = h.Fields["title"].(string)
		p.Heading, _ = h.Fields["heading"].(string)
		p.Text, _ = h.Fields["text"].(string)
		p.Version, _ = h.Fields["version"].(string)
		if p.Lang == lang {
			p.Score *= boostSameScript
		}
		res.Passages = append(res.Passages, p)
	}
	// Rerank: half the BM25 score (relative to the best), half the share
	// of the query's terms the passage holds, so that a short passage
	// matching one frequent word does not beat one that answers the
	// whole question.
	top := 0.0
	for _, p := range res.Passages {
		top = max(top, p.Score)
	}
	cov := make(map[string]float64, len(res.Passages))
	for _, p := range res.Passages {
		cov[p.ChunkID] = ix.coverage(text, p)
	}
	rank := func(p Passage) float64 { return 0.5*p.Score/top + 0.5*cov[p.ChunkID] }
	sort.SliceStable(res.Passages, func(i, j int) bool { return rank(res.Passages[i]) > rank(res.Passages[j]) })
	// At most two passages from one document, so the sources vary.
	kept := res.Passages[:0]
	for _, p := range res.Passages {
		if perDoc[p.DocID] < 2 && len(kept) < q.K {
			perDoc[p.DocID]++
			kept = append(kept, p)
		}
	}
	res.Passages = kept
	if len(kept) > 0 {
		res.Confidence = cov[kept[0].ChunkID]
	}
	return res, nil
}

// coverage is the share of the query's distinct terms, analysed in the
// passage's language, that occur in the passage's title, heading or text.
func (ix *Index) coverage(text string, p Passage) float64 {
	a := ix.analyzer(analysisKey(p.Lang))
	if a == nil {
		return 0
	}
	want := map[string]bool{}
	for _, t := range a.Analyze([]byte(text)) {
		want[string(t.Term)] = true
	}
	if len(want) == 0 {
		return 0
	}
	have := map[string]bool{}
	for _, t := range a.Analyze([]byte(p.Title + "\n" + p.Heading + "\n" + p.Text)) {
		if want[string(t.Term)] {
			have[string(t.Term)] = true
		}
	}
	return float64(len(have)) / float64(len(want))
}
