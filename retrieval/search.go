package retrieval

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
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
	// passage is about what was asked. It combines how much of the
	// query (its words weighted by rarity, counting synonyms and what
	// paraphrases imply) the passage holds, how much of it the
	// passage's document is about (its title and lead), and how clearly
	// the passage beats passages of other documents; see confidence.go.
	Confidence float64
}

// candidates is how many passages, at least, the first pass finds for
// the reranking.
const candidates = 30

var storedFields = []string{"doc_id", "lang", "title", "heading", "text", "version", "terms", "title_terms", "lead_terms", "head_terms"}

// Search finds the passages that best answer q: a first, lexical pass
// over the passages' bodies in every language, then a reranking of the
// candidates by how much of the query each holds and how much its
// document is about it, with passages in the query's own language (and
// script) first.
func (ix *Index) Search(ctx context.Context, q Query) (Result, error) {
	if q.K <= 0 {
		q.K = 5
	}
	lang, sure := NormalizeLanguage(q.Lang), true
	if lang == "" {
		lang, sure = detectLanguage(q.Text)
	}
	res := Result{Lang: lang}
	text := strings.TrimSpace(q.Text)
	if text == "" {
		return res, nil
	}
	qterms, err := ix.analyseQuery(ctx, text)
	if err != nil {
		return res, err
	}
	if !sure {
		lang = knownLanguage(qterms, lang)
		res.Lang = lang
	}
	fam := analysisKey(lang)
	lq := lexicalQuery(qterms, fam, ix.topics.passageCount)
	if lq == nil {
		return res, nil
	}
	size := max(q.K*3, candidates)
	req := bleve.NewSearchRequestOptions(lq, size, 0, false)
	req.Fields = storedFields
	if req.PreSearchData, err = ix.preSearch(ctx, lq); err != nil {
		return res, err
	}
	sr, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	passages := make([]scored, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		passages = append(passages, hitScored(h))
	}
	rerank(passages, qterms, lang)
	if ix.opts.Embedder != nil {
		passages = ix.fuse(ctx, q.Text, lang, passages, qterms, size)
	}
	// At most two passages from one document, so the sources vary.
	perDoc := map[string]int{}
	for _, p := range passages {
		if perDoc[p.DocID] < 2 && len(res.Passages) < q.K {
			perDoc[p.DocID]++
			res.Passages = append(res.Passages, p.Passage)
		}
	}
	res.Confidence = confidence(passages, qterms[fam])
	return res, nil
}

// scored is a candidate passage with what the reranking knows of it.
type scored struct {
	Passage
	// The analysed terms of the passage (with its title and heading), of
	// its document's title and lead, and of its heading.
	terms, titleTerms, leadTerms, headTerms termSet
	features
	// rank is the passage's reranked score, docRank its document's.
	rank, docRank float64
}

func hitPassage(h *search.DocumentMatch) Passage {
	str := func(k string) string { s, _ := h.Fields[k].(string); return s }
	return Passage{
		ChunkID: h.ID, Score: h.Score,
		DocID: str("doc_id"), Lang: str("lang"), Title: str("title"),
		Heading: str("heading"), Text: str("text"), Version: str("version"),
	}
}

// hitScored is a search hit as a candidate passage.
func hitScored(h *search.DocumentMatch) scored {
	str := func(k string) string { s, _ := h.Fields[k].(string); return s }
	return scored{
		Passage:    hitPassage(h),
		terms:      newTermSet(str("terms")),
		titleTerms: newTermSet(str("title_terms")),
		leadTerms:  newTermSet(str("lead_terms")),
		headTerms:  newTermSet(str("head_terms")),
	}
}

// termSet is a passage's analysed terms, sorted.
type termSet []string

// newTermSet reads a stored, space-separated, sorted list of terms.
func newTermSet(s string) termSet { return strings.Fields(s) }

// has reports whether the set holds t.
func (ts termSet) has(t string) bool {
	i := sort.SearchStrings(ts, t)
	return i < len(ts) && ts[i] == t
}
