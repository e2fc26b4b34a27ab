package retrieval

import (
	"math"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Search weights of the first, lexical pass.
const (
	// boostOther weighs matches in other languages' passages, so that a
	// query in a language without articles still finds the others.
	boostOther = 0.3
	// boostFuzzy weighs a near match of a word no passage holds.
	boostFuzzy = 0.5
	// boostPrefix weighs the words a lone Chinese character begins.
	boostPrefix = 0.3
)

// Pruning of the first pass in large knowledge bases, where the postings
// of common words are long and cost most of a search: in a family of
// more than pruneMinPassages passages, a term (or alternative) held by
// more than pruneShare of them is left out of the first pass when the
// query has rarer terms. The reranking still counts it.
const (
	pruneMinPassages = 5000
	pruneShare       = 0.1
)

// lexicalQuery is the first pass of a search: each family's body field
// searched for the query's terms as analysed there, each term with the
// terms that stand for it. Titles and headings are not searched here
// (the body holds them); the reranking weighs them, over the candidates
// only, which keeps this query small. Other families than the query's
// are searched for the query's own words only, unless the query's family
// has no passages, when they are all it can find. It returns nil when
// no passage holds anything of the query.
func lexicalQuery(qterms map[string][]queryTerm, queryFam string, passages func(fam string) int) query.Query {
	var clauses []query.Query
	ownEmpty := passages(queryFam) == 0
	for _, f := range families {
		limit := uint64(math.MaxUint64)
		if n := passages(f); n > pruneMinPassages {
			limit = uint64(pruneShare * float64(n))
		}
		full := f == queryFam || ownEmpty
		c := familyQuery(f, queryFam, qterms[f], full, limit)
		if c == nil && limit != math.MaxUint64 {
			// Only common words: search them all the same.
			c = familyQuery(f, queryFam, qterms[f], full, math.MaxUint64)
		}
		if c != nil {
			clauses = append(clauses, c)
		}
	}
	switch len(clauses) {
	case 0:
		return nil
	case 1:
		return clauses[0]
	}
	return bleve.NewDisjunctionQuery(clauses...)
}

// familyQuery searches one family's passages: per query term, the term
// and, when full, its alternatives (at altBoost times their credit), a
// compound's parts and, in the query's own family, near matches of
// misspelt words and the words a lone Chinese character begins. Terms no
// passage holds, and terms and alternatives held by more than limit
// passages, are left out. It returns nil when nothing is left.
func familyQuery(f, queryFam string, terms []queryTerm, full bool, limit uint64) query.Query {
	b := 1.0
	if f != queryFam {
		b = boostOther
	}
	field := "body_" + f
	termQuery := func(t string, boost float64) query.Query {
		tq := bleve.NewTermQuery(t)
		tq.SetField(field)
		tq.SetBoost(boost)
		return tq
	}
	var out []query.Query
	for _, t := range terms {
		w := b * t.weight
		var alts []query.Query
		if t.df > 0 && t.df <= limit {
			alts = append(alts, termQuery(t.term, w))
		}
		if !full {
			if len(alts) > 0 {
				out = append(out, alts[0])
			}
			continue
		}
		for _, a := range t.alts {
			if a.df > 0 && a.df <= limit {
				alts = append(alts, termQuery(a.term, w*altBoost*a.credit))
			}
		}
		for _, p := range t.parts {
			alts = append(alts, termQuery(p, w*altBoost))
		}
		if f == queryFam && t.fuzz > 0 {
			fq := bleve.NewFuzzyQuery(t.term)
			fq.SetField(field)
			fq.SetFuzziness(t.fuzz)
			fq.SetBoost(w * boostFuzzy)
			alts = append(alts, fq)
		}
		if f == queryFam && t.prefix {
			pq := bleve.NewPrefixQuery(t.term)
			pq.SetField(field)
			pq.SetBoost(w * boostPrefix)
			alts = append(alts, pq)
		}
		switch len(alts) {
		case 0:
		case 1:
			out = append(out, alts[0])
		default:
			out = append(out, bleve.NewDisjunctionQuery(alts...))
		}
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return bleve.NewDisjunctionQuery(out...)
}
