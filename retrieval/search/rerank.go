package search

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// features are what the reranking and the confidence know of a
// candidate passage, each between 0 and 1.
type features struct {
	// cover is the share of the query the passage holds.
	cover float64
	// title and lead are the shares of the query its document's title
	// and lead paragraph hold: what the document is about, not what it
	// mentions.
	title, lead float64
	// head is the share of the query its heading holds.
	head float64
}

// Reranking weights: the passage's coverage of the query, its
// document's title and lead, and its heading. They sum to 1. The
// first-pass (BM25) score has no weight: on the labelled questions any
// weight made the ranking worse, as it favours passages that repeat a
// word over passages about the question; it only orders candidates that
// tie, the reranking's sort being stable.
const (
	rankCover = 0.30
	rankTitle = 0.40
	rankLead  = 0.05
	rankHead  = 0.25
)

// Language weights of the reranking: a passage in the other script of
// the query's language, or in another language, ranks below one in the
// query's own. The other script is found (folding makes both scripts
// alike) but must lose to the query's own clearly.
const (
	rankSameFamily  = 0.65
	rankOtherFamily = 0.5
)

// rerank scores and sorts the candidates of a question, best first: each
// document by the ranking model m over its passages' features, and each
// passage within its document by the section model (sectionrank.go).
func rerank(ps []scored, qs *question, m rankModel) {
	docs := make(map[string]docCoverage, len(ps))
	for i := range ps {
		ps[i].measureShared(qs.terms, qs.lang, docs)
	}
	// Only the order within an article: the document's rank is made of
	// the features alone.
	for i, x := range sectionVectors(ps, qs) {
		ps[i].rank = builtinSections.score(x) * languageWeight(qs.lang, ps[i].Lang)
	}
	// Ranking documents first makes translations of one article, cut
	// into passages differently, rank alike, so that the language
	// weight alone puts the query's own script first.
	vecs := docVectors(ps, qs)
	docRank := make(map[string]float64, len(vecs))
	docLang := make(map[string]lang.Tag, len(vecs))
	firstHit := make(map[string]int, len(vecs)) // where the first pass found a document first
	for i, p := range ps {
		if _, ok := firstHit[p.DocID]; ok {
			continue
		}
		firstHit[p.DocID] = i
		docRank[p.DocID] = m.score(vecs[p.DocID]) * languageWeight(qs.lang, p.Lang)
		docLang[p.DocID] = p.Lang
	}
	promoteTwins(docRank, docLang, qs.lang)
	pairTwins(docRank, docLang, firstHit, qs.lang)
	for i := range ps {
		ps[i].docRank = docRank[ps[i].DocID]
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].docRank != ps[j].docRank {
			return ps[i].docRank > ps[j].docRank
		}
		return ps[i].rank > ps[j].rank
	})
}

// promoteTwins puts the query-language version of an article (its
// "twin": the same path but for the language folder, zh-Hant/returns.md
// for zh-Hans/returns.md) just above a version in another language that
// outranks it, when both are candidates: translations are cut into
// passages and worded differently, and the query's own language must
// win.
func promoteTwins(docRank map[string]float64, docLang map[string]lang.Tag, ql lang.Tag) {
	ids := make([]string, 0, len(docRank))
	for id := range docRank {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if docLang[id] == ql {
			continue
		}
		twin := twinID(id, docLang[id], ql)
		if r, ok := docRank[twin]; ok && twin != id && r < docRank[id] && docLang[twin] == ql {
			docRank[twin] = math.Nextafter(docRank[id], math.Inf(1))
		}
	}
}

// pairTwins puts the version of an article in the other script of the
// query's language (zh-Hant for zh-Hans) right after the query-script
// version, when both are candidates: the same answer, readable to the
// customer, is the next best thing to show. The ranks are rewritten to
// the new order; documents that tie keep the first pass's order.
func pairTwins(docRank map[string]float64, docLang map[string]lang.Tag, firstHit map[string]int, ql lang.Tag) {
	ids := make([]string, 0, len(docRank))
	for id := range docRank {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if docRank[ids[i]] != docRank[ids[j]] {
			return docRank[ids[i]] > docRank[ids[j]]
		}
		return firstHit[ids[i]] < firstHit[ids[j]]
	})
	placed := map[string]bool{}
	order := make([]string, 0, len(ids))
	// An article's versions share their id but for the language
	// folder: the id with the folder left out is the article's.
	article := make(map[string]string, len(ids))
	for _, id := range ids {
		article[id] = twinID(id, docLang[id], "")
	}
	for _, id := range ids {
		if placed[id] {
			continue
		}
		placed[id] = true
		order = append(order, id)
		if docLang[id] != ql {
			continue
		}
		for _, other := range ids {
			l := docLang[other]
			if !placed[other] && l != ql && analysisKey(l) == analysisKey(ql) && article[other] == article[id] && article[id] != id {
				placed[other] = true
				order = append(order, other)
			}
		}
	}
	for i, id := range order {
		r := docRank[id]
		if i > 0 {
			r = min(r, math.Nextafter(docRank[order[i-1]], math.Inf(-1)))
		}
		docRank[id] = r
	}
}

// twinID is id with its language folder, from, replaced by to; id itself
// when it has no such folder. A folder is a whole segment of the id
// between slashes, matched regardless of case.
func twinID(id string, from, to lang.Tag) string {
	f := string(from)
	for start := 0; start <= len(id); {
		end := strings.IndexByte(id[start:], '/')
		if end < 0 {
			end = len(id)
		} else {
			end += start
		}
		if strings.EqualFold(id[start:end], f) {
			return id[:start] + string(to) + id[end:]
		}
		start = end + 1
	}
	return id
}

// max is the features' greater values, one by one.
func (f features) max(g features) features {
	return features{
		cover: max(f.cover, g.cover),
		title: max(f.title, g.title), lead: max(f.lead, g.lead), head: max(f.head, g.head),
	}
}

// measure computes a candidate's features and rank.
func (p *scored) measure(qterms map[string][]queryTerm, ql lang.Tag) {
	p.measureShared(qterms, ql, nil)
}

// docCoverage is how much of a query a document's title and lead hold,
// measured once for the several passages of the document a search
// finds.
type docCoverage struct {
	fam                   string
	titleTerms, leadTerms termSet
	title, lead           float64
}

// measureShared is measure, taking the coverage of the passage's
// document's title and lead from docs when a passage of the same
// document, with the same title and lead terms, was measured before, and
// recording it there otherwise (docs nil: no sharing). For speed: a
// document's title and lead are the same for all its passages, and the
// lead's coverage, checked term by term (near matches scanning the
// lead's every word), cost as much as the passage's own.
func (p *scored) measureShared(qterms map[string][]queryTerm, ql lang.Tag, docs map[string]docCoverage) {
	fam := analysisKey(p.Lang)
	q := qterms[fam]
	d, ok := docs[p.DocID]
	if !ok || d.fam != fam || !slices.Equal(d.titleTerms, p.titleTerms) || !slices.Equal(d.leadTerms, p.leadTerms) {
		d = docCoverage{fam: fam, titleTerms: p.titleTerms, leadTerms: p.leadTerms, title: coverage(q, p.titleTerms), lead: coverage(q, p.leadTerms)}
		if docs != nil {
			docs[p.DocID] = d
		}
	}
	p.features = features{
		cover: coverage(q, p.terms),
		title: d.title,
		lead:  d.lead,
		head:  coverage(q, p.headTerms),
	}
	f := p.features
	f.head = coverageBeyond(q, p.headTerms, p.titleTerms)
	p.rank = f.score() * languageWeight(ql, p.Lang)
}

// score combines a passage's features into its reranking score.
func (f features) score() float64 {
	return rankCover*f.cover + rankTitle*f.title + rankLead*f.lead + rankHead*f.head
}

// languageWeight ranks a passage in the query's language above one in
// the other script of its family, and both above other languages; when
// the query's language has no passages, all weigh alike.
func languageWeight(query, passage lang.Tag) float64 {
	switch {
	case query == passage:
		return 1
	case analysisKey(query) == analysisKey(passage):
		return rankSameFamily
	}
	return rankOtherFamily
}
