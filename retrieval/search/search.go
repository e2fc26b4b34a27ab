package search

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// Query is one search.
type Query struct {
	Text string
	// Lang is the language of the query; detected when empty.
	Lang lang.Tag
	// K is how many passages to return. Default 5.
	K int
	// Within, when set, keeps the search to these documents (ids): the
	// sections of an article already in play, for a follow-up. All their
	// passages may come back, not two a document.
	Within []string
	// Continues marks a query that continues a conversation: a
	// follow-up's words with those of the topic in play. It asks about
	// part of what the article in play says, so that no section is
	// preferred for coming early in its article.
	Continues bool
}

// Passage is a piece of a document that matched a search.
type Passage struct {
	DocID   string   `json:"doc_id"`
	ChunkID string   `json:"chunk_id"`
	Title   string   `json:"title"`
	Heading string   `json:"heading,omitempty"`
	Text    string   `json:"text"`
	Lang    lang.Tag `json:"lang"`
	Version string   `json:"version"`
	// URL is where the passage's document is published, if it is.
	URL   string  `json:"url,omitempty"`
	Score float64 `json:"score"`
}

// Result is the answer to a search.
type Result struct {
	// Lang is the query's language, as given or detected.
	Lang     lang.Tag
	Passages []Passage
	// Confidence, between 0 and 1, is how sure retrieval is that the top
	// passage is about what was asked. It combines how much of the
	// query (its words weighted by rarity, counting synonyms and what
	// paraphrases imply) the passage holds, how much of it the
	// passage's document is about (its title and lead), and how clearly
	// the passage beats passages of other documents; see confidence.go.
	Confidence float64
	// Unknown, between 0 and 1, is the share of the query's weight in
	// words that no passage holds and nothing stands for (no synonym,
	// spelling, compound or rule): what the question names that the
	// knowledge base never mentions ("gift wrap", "loyalty points").
	Unknown float64
}

// candidateCacheSize bounds the cache of candidates' stored fields.
const candidateCacheSize = 4096

// candidates is how many passages, at least, the first pass finds for
// the reranking.
const candidates = 30

// tieMargin is how many more passages than it keeps the first pass asks
// the index for, to keep those that tie at the cut by their ids.
const tieMargin = 10

var storedFields = []string{"doc_id", "lang", "title", "heading", "text", "version", "url", "terms", "title_terms", "lead_terms", "head_terms"}

// Search finds the passages that best answer q: a first, lexical pass
// over the passages' bodies in every language, then a reranking of the
// candidates by what the ranking model makes of how much of the query
// each holds and how much its document is about it, with passages in
// the query's own language (and script) first.
func (ix *Index) Search(ctx context.Context, q Query) (Result, error) {
	if q.K <= 0 {
		q.K = 5
	}
	qs, err := ix.firstPass(ctx, q)
	if err != nil || !qs.searched {
		return Result{Lang: qs.lang}, err
	}
	res := Result{Lang: qs.lang}
	passages := qs.passages
	rerank(passages, qs, builtinRanking)
	if ix.opts.Embedder != nil {
		passages = ix.fuse(ctx, q.Text, qs.lang, passages, qs.terms, qs.size)
	}
	// At most two passages from one document, so the sources vary.
	perDoc := map[string]int{}
	perDocMax := 2
	if len(q.Within) > 0 {
		perDocMax = q.K
	}
	for _, p := range passages {
		if perDoc[p.DocID] < perDocMax && len(res.Passages) < q.K {
			perDoc[p.DocID]++
			res.Passages = append(res.Passages, p.Passage)
		}
	}
	res.Confidence = confidence(passages, qs.terms[analysisKey(qs.lang)])
	res.Unknown = unknownShare(qs.terms[analysisKey(qs.lang)])
	if q.Lang.Known() && len(q.Within) == 0 {
		return ix.inOwnLanguage(ctx, q, res)
	}
	return res, nil
}

// inOwnLanguage answers a query whose language is known from the
// article's version in that language, when the best article is in
// another and the index holds its translation: a customer writing Malay
// with an English word in it ("camne nk claim") is answered from the
// Malay article, whose wording ("tuntutan") the first pass missed. The
// section is the translation's own best for the query or, when none of
// its passages holds the query's words, the one in the same place as the
// best passage of the other version, when both are cut into as many
// passages (a translation keeps its sections' order).
func (ix *Index) inOwnLanguage(ctx context.Context, q Query, res Result) (Result, error) {
	if len(res.Passages) == 0 || res.Passages[0].Lang == q.Lang {
		return res, nil
	}
	top := res.Passages[0]
	twin := twinID(top.DocID, top.Lang, q.Lang)
	if twin == top.DocID {
		return res, nil
	}
	own, err := ix.Search(ctx, Query{Text: q.Text, Lang: q.Lang, K: q.K, Within: []string{twin}})
	if err != nil {
		return res, err
	}
	if len(own.Passages) == 0 {
		p, ok, err := ix.parallelPassage(top, twin)
		if err != nil || !ok {
			return res, err
		}
		own.Passages = []Passage{p}
	}
	out := append([]Passage{}, own.Passages[:1]...)
	for _, p := range res.Passages {
		if p.DocID != top.DocID && p.DocID != twin {
			out = append(out, p)
		}
	}
	res.Passages = out[:min(len(out), q.K)]
	return res, nil
}

// parallelPassage is the passage of the translation twin in the place
// of p in its own document, when both documents have as many passages.
func (ix *Index) parallelPassage(p Passage, twin string) (Passage, bool, error) {
	ix.mu.Lock()
	from, okFrom := ix.docs[p.DocID]
	to, okTo := ix.docs[twin]
	ix.mu.Unlock()
	n, found := strings.CutPrefix(p.ChunkID, p.DocID+"#")
	c, err := strconv.Atoi(n)
	if !okFrom || !okTo || !found || err != nil || from.Chunks != to.Chunks || c < 0 || c >= to.Chunks {
		return Passage{}, false, nil
	}
	s, ok, err := ix.stored(ix.gen.Load(), kb.PassageID(twin, c))
	return s.Passage, ok, err
}

// passageIDs are the ids of the passages of the documents docs.
func (ix *Index) passageIDs(docs []string) []string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var out []string
	for _, id := range docs {
		for n := range ix.docs[id].Chunks {
			out = append(out, kb.PassageID(id, n))
		}
	}
	return out
}

// question is a query as the search reads it, and the candidates its
// first pass found.
type question struct {
	text string
	// lang is the query's language, as given or told.
	lang lang.Tag
	// terms are its terms in each analysis family.
	terms map[string][]queryTerm
	// asks is the kind of answer it asks for.
	asks intent
	// from is the part of the world the question is asked from.
	from region
	// elapsed is how long ago the question says something happened,
	// when it says so (elapsedKnown).
	elapsed      time.Duration
	elapsedKnown bool
	// size is how many passages the first pass looked for.
	size int
	// searched is false when the query holds nothing any passage holds:
	// it was not searched.
	searched bool
	// passages are the first pass's candidates, best first.
	passages []scored
	// within is set when the search is held to some documents;
	// continues when it continues a conversation (Query.Continues).
	within, continues bool
}

// firstPass analyses a query and finds its candidates: the passages
// holding most of it by BM25, with their stored fields.
func (ix *Index) firstPass(ctx context.Context, q Query) (*question, error) {
	ql, sure := q.Lang, true
	if !ql.Known() {
		d := lang.Detect(q.Text)
		ql, sure = d.Tag, d.Sure
	}
	qs := &question{text: strings.TrimSpace(q.Text), lang: ql, size: max(q.K*3, candidates), within: len(q.Within) > 0, continues: q.Continues}
	if qs.text == "" {
		return qs, nil
	}
	var err error
	if qs.terms, err = ix.analyseQuery(ctx, qs.text); err != nil {
		return qs, err
	}
	if !sure {
		qs.lang = knownLanguage(qs.terms, ql)
	}
	qs.asks = asksOf(qs.text)
	qs.from = asksFrom(qs.text, qs.lang)
	qs.elapsed, qs.elapsedKnown = elapsedOf(qs.text)
	// The generation before the search: what it reads is of this
	// generation or later.
	gen := ix.gen.Load()
	near := func(field, term string, fuzz int, boost float64) query.Query {
		return &fuzzyQuery{cache: &ix.fuzzy, gen: gen, term: term, field: field, fuzz: fuzz, boost: boost}
	}
	lq := lexicalQuery(qs.terms, analysisKey(qs.lang), ix.topics.passageCount, near)
	if lq == nil {
		return qs, nil
	}
	scoring := lq
	if len(q.Within) > 0 {
		// The documents' passages by id: a filter that adds nothing to the
		// score (a term on doc_id would need BM25 statistics it has not).
		ids := ix.passageIDs(q.Within)
		if len(ids) == 0 {
			return qs, nil
		}
		lq = bleve.NewConjunctionQuery(lq, bleve.NewDocIDQuery(ids))
	}
	qs.searched = true
	// A few more than are kept, so that passages that score alike at
	// the cut are kept by their ids, not by how the index happens to be
	// merged: a search gives the same candidates every time. (Sorting
	// every hit by id in the index costs more than the search.)
	req := bleve.NewSearchRequestOptions(lq, qs.size+tieMargin, 0, false)
	if req.PreSearchData, err = ix.preSearch(ctx, scoring); err != nil {
		return qs, err
	}
	sr, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return qs, fmt.Errorf("search: %w", err)
	}
	hits := sr.Hits
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	hits = hits[:min(len(hits), qs.size)]
	qs.passages = make([]scored, 0, len(hits))
	for _, h := range hits {
		p, ok, err := ix.stored(gen, h.ID)
		if err != nil {
			return qs, err
		}
		if ok {
			p.Score = h.Score
			qs.passages = append(qs.passages, p)
		}
	}
	return qs, nil
}

// scored is a candidate passage with what the reranking knows of it.
type scored struct {
	Passage
	// The analysed terms of the passage (with its title and heading), of
	// its document's title and lead, and of its heading.
	terms, titleTerms, leadTerms, headTerms termSet
	// headIntent is what the passage's heading promises; holds the kinds
	// of answer its text holds (answertype.go).
	headIntent, holds intent
	// headRegion is the part of the world its heading names.
	headRegion region
	// digest marks a section of questions each answered in a line
	// (digest.go); names are the proper names its heading says.
	digest bool
	names  []string
	features
	// rank is the passage's reranked score, docRank its document's.
	rank, docRank float64
}

// stored is a passage as a candidate, with its stored fields: from the
// cache of candidates or, the first time it is met after a write, read
// from the index (and cached when the index has not been written to since
// generation gen). ok is false when the index no longer holds it.
func (ix *Index) stored(gen uint64, id string) (p scored, ok bool, err error) {
	if p, _, ok = ix.cands.get(id); ok {
		return p, true, nil
	}
	doc, err := ix.idx.Document(id)
	if err != nil {
		return scored{}, false, fmt.Errorf("read passage %s: %w", id, err)
	}
	if doc == nil {
		return scored{}, false, nil
	}
	fields := make(map[string]string, len(storedFields))
	doc.VisitFields(func(f index.Field) {
		if tf, ok := f.(index.TextField); ok {
			fields[f.Name()] = tf.Text()
		}
	})
	p = scored{
		Passage: Passage{
			ChunkID: id,
			DocID:   fields["doc_id"], Lang: lang.Tag(fields["lang"]), Title: fields["title"],
			Heading: fields["heading"], Text: fields["text"], Version: fields["version"], URL: fields["url"],
		},
		terms:      newTermSet(fields["terms"]),
		titleTerms: newTermSet(fields["title_terms"]),
		leadTerms:  newTermSet(fields["lead_terms"]),
		headTerms:  newTermSet(fields["head_terms"]),
		headIntent: intentsOf(fields["heading"]),
		headRegion: regionOf(fields["heading"]),
		holds:      answerTypes(fields["text"]),
		digest:     isDigest(fields["text"]),
		names:      headingNames(fields["heading"]),
	}
	ix.cands.put(gen, id, p)
	return p, true, nil
}

// termSet is a passage's analysed terms, sorted.
type termSet []string

// newTermSet reads a stored, space-separated, sorted list of terms.
func newTermSet(s string) termSet { return strings.Fields(s) }

// has reports whether the set holds t.
func (ts termSet) has(t string) bool {
	// slices.BinarySearch compares inline; sort.SearchStrings calls a
	// closure per probe, and the reranking asks this of every query term
	// in four sets of every candidate.
	_, ok := slices.BinarySearch(ts, t)
	return ok
}
