package search

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
// more than pruneMinPassages passages, a term (or alternative, or
// synonym) held by more than pruneShare of them is left out of the first
// pass when the query has rarer terms. The reranking still counts it.
const (
	pruneMinPassages = 5000
	pruneShare       = 0.1
)

// pruneLimit is how many of a family's n passages may hold a term that
// the first pass searches.
func pruneLimit(n int) uint64 {
	if n > pruneMinPassages {
		return uint64(pruneShare * float64(n))
	}
	return math.MaxUint64
}

// lexicalQuery is the first pass of a search: each family's body field
// searched for the query's terms as analysed there, each term with the
// terms that stand for it. The synonyms of the query's words, of the
// phrases they form and of the words misspellings are read as are added
// by Bleve's synonym search (preSearch); what rules lead to, compounds'
// parts, near matches and prefixes are clauses of their own. Titles and
// headings are not searched here (the body holds them); the reranking
// weighs them, over the candidates only, which keeps this query small.
// Other families than the query's are searched for the query's own words
// only, without their synonyms, unless the query's family has no
// passages, when they are all it can find. It returns nil when no
// passage holds anything of the query.
func lexicalQuery(qterms map[string][]queryTerm, queryFam string, passages func(fam string) int, near nearQuery) query.Query {
	var clauses []query.Query
	ownEmpty := passages(queryFam) == 0
	for _, f := range families {
		limit := pruneLimit(passages(f))
		full := f == queryFam || ownEmpty
		c := familyQuery(f, queryFam, qterms[f], full, limit, near)
		if c == nil && limit != math.MaxUint64 {
			// Only common words: search them all the same.
			c = familyQuery(f, queryFam, qterms[f], full, math.MaxUint64, near)
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
// and, when full, what stands for it (termClauses). When not full, the
// term alone is searched, without its synonyms. Terms that more than
// limit passages hold are left out. It returns nil when nothing is left.
func familyQuery(f, queryFam string, terms []queryTerm, full bool, limit uint64, near nearQuery) query.Query {
	b := 1.0
	if f != queryFam {
		b = boostOther
	}
	field := "body_" + f
	var out []query.Query
	for _, t := range terms {
		w := b * t.weight
		var alts []query.Query
		if full {
			alts = termClauses(field, t, w, f == queryFam, limit, near)
		} else if t.df > 0 && t.df <= limit {
			alts = []query.Query{unexpanded{newTermQuery(field, t.term, w)}}
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

// termClauses are the clauses that search a field for a query term of
// weight w: the term itself, with its synonyms (which Bleve's synonym
// search adds); the phrase it is part of and the word it is a
// misspelling of, at their credit and with their synonyms, as the term
// itself; the terms rules lead to, at altBoost times their credit; a
// compound's parts; and, in the query's own family (own), near matches
// of a misspelt word and the words a lone Chinese character begins.
// What rules lead to and what is near is searched without synonyms. A
// term is searched when some passage holds it or, for one searched with
// its synonyms, when it has synonyms, unless more than limit passages
// hold it.
func termClauses(field string, t queryTerm, w float64, own bool, limit uint64, near nearQuery) []query.Query {
	held := func(df uint64) bool { return df > 0 && df <= limit }
	searched := func(df uint64, expands bool) bool { return held(df) || (df == 0 && expands) }
	var out []query.Query
	switch {
	case t.implied && held(t.df):
		out = append(out, unexpanded{newTermQuery(field, t.term, w)})
	case !t.implied && searched(t.df, t.expands):
		out = append(out, newTermQuery(field, t.term, w))
	}
	for _, a := range t.alts {
		switch {
		case a.kind == altRule && held(a.df):
			out = append(out, unexpanded{newTermQuery(field, a.term, w*altBoost*a.credit)})
		case (a.kind == altPhrase || a.kind == altSpelling) && searched(a.df, a.expands):
			out = append(out, newTermQuery(field, a.term, w*a.credit))
		}
	}
	for _, p := range t.parts {
		out = append(out, unexpanded{newTermQuery(field, p, w*altBoost)})
	}
	if own && t.fuzz > 0 {
		out = append(out, unexpanded{near.query(field, t.term, t.fuzz, w*boostFuzzy)})
	}
	if own && t.prefix {
		pq := bleve.NewPrefixQuery(t.term)
		pq.SetField(field)
		pq.SetBoost(w * boostPrefix)
		out = append(out, unexpanded{pq})
	}
	return out
}

// nearQuery makes the clauses that search a field for the terms within
// some edits of a word; nil makes Bleve's fuzzy queries.
type nearQuery func(field, term string, fuzz int, boost float64) query.Query

// query searches field for the terms within fuzz edits of term.
func (n nearQuery) query(field, term string, fuzz int, boost float64) query.Query {
	if n != nil {
		return n(field, term, fuzz, boost)
	}
	fq := bleve.NewFuzzyQuery(term)
	fq.SetField(field)
	fq.SetFuzziness(fuzz)
	fq.SetBoost(boost)
	return fq
}

// newTermQuery searches a field for a term; in a field with a synonym
// source, Bleve's synonym search adds the term's synonyms at half its
// boost.
func newTermQuery(field, term string, boost float64) *query.TermQuery {
	tq := bleve.NewTermQuery(term)
	tq.SetField(field)
	tq.SetBoost(boost)
	return tq
}

// unexpanded is a query that Bleve's synonym search leaves alone: it
// looks up the terms of its own query types only, and this is not one of
// them, so the query searches its terms as they are, even in a field
// with a synonym source (unless another clause searches the same term
// in the same field with its synonyms).
type unexpanded struct{ query.Query }
