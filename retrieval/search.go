package retrieval

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
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
	// passage is about what was asked: the share of the query's weight
	// (its terms, weighted by rarity) that the passage holds, directly,
	// through a synonym or, for a misspelt word, nearly.
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
	// boostFuzzy weighs a near match of a word no passage holds.
	boostFuzzy = 0.5
	// rankSameFamily and rankOtherFamily weigh the reranked score of
	// passages in the other script of the query's language, and in other
	// languages.
	rankSameFamily  = 0.85
	rankOtherFamily = 0.7
	// rerankLexical is the BM25 score's share in the reranking; the
	// rest is the passage's coverage of the query.
	rerankLexical = 0.5
	// minFieldIDF: only words at least this rare (held by fewer than
	// about one passage in eight) are searched in titles and headings.
	minFieldIDF = 2.0
	// candidates is how many passages, at least, are reranked.
	candidates = 30
)

var storedFields = []string{"doc_id", "lang", "title", "heading", "text", "version", "terms"}

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
	qterms, err := ix.analyseQuery(ctx, text)
	if err != nil {
		return res, err
	}
	var clauses []query.Query
	for _, f := range families {
		if len(qterms[f]) > 0 {
			clauses = append(clauses, familyClauses(f, fam, qterms[f])...)
		}
	}
	size := max(q.K*3, candidates)
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(clauses...), size, 0, false)
	req.Fields = storedFields
	sr, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	passages := make([]scored, 0, len(sr.Hits))
	top := 0.0
	for _, h := range sr.Hits {
		p := hitPassage(h)
		if p.Lang == lang {
			p.Score *= boostSameScript
		}
		top = max(top, p.Score)
		passages = append(passages, scored{Passage: p, terms: termSet(h)})
	}
	// Rerank: half the BM25 score (relative to the best), half the
	// weighted share of the query that the passage holds, so that a
	// short passage matching one frequent word does not beat one that
	// answers the whole question.
	for i := range passages {
		p := &passages[i]
		p.coverage = coverage(qterms[analysisKey(p.Lang)], analysisKey(p.Lang), p.terms)
		p.rank = (rerankLexical*p.Score/top + (1-rerankLexical)*p.coverage) * languageWeight(lang, p.Lang)
	}
	sort.SliceStable(passages, func(i, j int) bool { return passages[i].rank > passages[j].rank })
	if ix.opts.Embedder != nil {
		passages = ix.fuse(ctx, q.Text, passages, qterms, size)
	}
	// At most two passages from one document, so the sources vary.
	perDoc := map[string]int{}
	for _, p := range passages {
		if perDoc[p.DocID] < 2 && len(res.Passages) < q.K {
			perDoc[p.DocID]++
			res.Passages = append(res.Passages, p.Passage)
			if len(res.Passages) == 1 {
				res.Confidence = p.coverage
			}
		}
	}
	return res, nil
}

// languageWeight ranks a passage in the query's language above one in
// the other script of its family, and both above other languages; when
// the query's language has no passages, all weigh alike.
func languageWeight(query, passage string) float64 {
	switch {
	case query == passage:
		return 1
	case analysisKey(query) == analysisKey(passage):
		return rankSameFamily
	}
	return rankOtherFamily
}

// scored is a candidate passage with what the reranking knows of it.
type scored struct {
	Passage
	terms    map[string]bool
	coverage float64
	rank     float64
}

// familyClauses searches the query in one family's fields: the words as
// analysed there (with the family's synonyms) and, in the query's own
// family, near matches of the words no passage holds. Other families'
// passages weigh less, and count by their body only. Frequent words are
// searched in the body only: their title and heading matches tell
// passages apart little and cost as much to find.
func familyClauses(f, queryFam string, terms []queryTerm) []query.Query {
	b := 1.0
	if f != queryFam {
		b = boostOther
	}
	var out []query.Query
	for _, fw := range []struct {
		field string
		w     float64
	}{{"title", boostTitle}, {"heading", boostHeading}, {"body", boostBody}} {
		if f != queryFam && fw.field != "body" {
			continue
		}
		field := fw.field + "_" + f
		var ts []query.Query
		for _, t := range terms {
			if fw.field != "body" && t.idf < minFieldIDF {
				continue
			}
			tq := bleve.NewTermQuery(t.term)
			tq.SetField(field)
			tq.SetBoost(fw.w * b) // a disjunction's own boost is not applied
			ts = append(ts, tq)
		}
		if len(ts) > 0 {
			out = append(out, bleve.NewDisjunctionQuery(ts...))
		}
	}
	for _, t := range terms {
		if t.fuzz == 0 || f != queryFam {
			continue
		}
		fq := bleve.NewFuzzyQuery(t.term)
		fq.SetField("body_" + f)
		fq.SetFuzziness(t.fuzz)
		fq.SetBoost(boostFuzzy * b)
		out = append(out, fq)
	}
	return out
}

func hitPassage(h *search.DocumentMatch) Passage {
	str := func(k string) string { s, _ := h.Fields[k].(string); return s }
	return Passage{
		ChunkID: h.ID, Score: h.Score,
		DocID: str("doc_id"), Lang: str("lang"), Title: str("title"),
		Heading: str("heading"), Text: str("text"), Version: str("version"),
	}
}

func termSet(h *search.DocumentMatch) map[string]bool {
	s, _ := h.Fields["terms"].(string)
	set := map[string]bool{}
	for _, t := range strings.Fields(s) {
		set[t] = true
	}
	return set
}
