package retrieval

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

// passageTerms is the set of a passage's analysed terms, stored with it
// (space-separated) so that a search can tell which query terms a passage
// holds without analysing it again.
func passageTerms(a analysis.Analyzer, text string) string {
	if a == nil {
		return ""
	}
	seen := map[string]bool{}
	var out []string
	for _, t := range a.Analyze([]byte(text)) {
		s := string(t.Term)
		if !seen[s] && !strings.ContainsRune(s, ' ') {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// queryTerm is one analysed term of a query, in one analysis family.
type queryTerm struct {
	term string
	// df is how many passages of the family hold the term.
	df uint64
	// idf weighs the term in the coverage of a passage.
	idf float64
	// synonyms are the terms that stand for it (analysed).
	synonyms []string
	// fuzz is the edit distance within which a passage's term counts as
	// this one: non-zero for terms no passage holds (probably misspelt).
	fuzz int
}

// analyseQuery returns the distinct terms of text in each family, with
// their document frequencies in the family's body field.
func (ix *Index) analyseQuery(ctx context.Context, text string) (map[string][]queryTerm, error) {
	reader, err := ix.readerFor()
	if err != nil {
		return nil, err
	}
	defer reader.Close()
	n, err := reader.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count passages: %w", err)
	}
	out := make(map[string][]queryTerm, len(families))
	for _, fam := range families {
		if out[fam], err = ix.familyTerms(ctx, reader, n, fam, text); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// familyTerms analyses text in one family.
func (ix *Index) familyTerms(ctx context.Context, reader index.IndexReader, n uint64, fam, text string) ([]queryTerm, error) {
	a := ix.analyzer(fam)
	if a == nil {
		return nil, fmt.Errorf("no analyzer for %s", fam)
	}
	syn := ix.synonymTerms()[fam]
	seen := map[string]bool{}
	var out []queryTerm
	for _, tok := range a.Analyze([]byte(text)) {
		t := string(tok.Term)
		if seen[t] {
			continue
		}
		seen[t] = true
		tfr, err := reader.TermFieldReader(ctx, tok.Term, "body_"+fam, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("term frequency: %w", err)
		}
		df := tfr.Count()
		tfr.Close()
		q := queryTerm{term: t, df: df, synonyms: syn[t]}
		q.idf = math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
		if df == 0 && latinFamily(fam) {
			q.fuzz = fuzziness(t)
		}
		out = append(out, q)
	}
	return out, nil
}

// fuzziness is the edit distance allowed for a misspelt term: none for
// short ones, where one edit makes another word, 1 up to 5 letters, 2
// beyond (a swap of two letters is two edits to Bleve).
func fuzziness(term string) int {
	n := len([]rune(term))
	switch {
	case n < 4:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

// coverage is the share of the query's weight (idf) that a passage's
// terms hold, directly, through a synonym, or, for a misspelt term,
// within its edit distance. A Chinese bigram that no passage holds
// weighs half: it may straddle two words and mean nothing.
func coverage(q []queryTerm, fam string, terms map[string]bool) float64 {
	var have, want float64
	for _, t := range q {
		w := t.idf
		if t.df == 0 && hasHan(t.term) {
			w *= hanUnknownWeight
		}
		want += w
		have += w * holds(t, terms)
	}
	if want == 0 {
		return 0
	}
	return have / want
}

// hanUnknownWeight weighs a Chinese bigram that no passage holds: many
// straddle two words and mean nothing, but some are words the knowledge
// base does not know, a sign that it cannot answer.
const hanUnknownWeight = 0.5

// holds is how much of a query term a passage holds: all of it when the
// passage has the term or a synonym, nearMatchCredit when it has a word
// at most nearEdits(term) edits away (the term is probably misspelt),
// else nothing.
func holds(t queryTerm, terms map[string]bool) float64 {
	if terms[t.term] {
		return 1
	}
	for _, s := range t.synonyms {
		if terms[s] {
			return 1
		}
	}
	if t.fuzz > 0 {
		k := nearEdits(t.term)
		for p := range terms {
			if withinEdits(t.term, p, k) {
				return nearMatchCredit
			}
		}
	}
	return 0
}

// nearMatchCredit is the share of a misspelt term that a near match
// holds: a near match may be another word.
const nearMatchCredit = 0.6

// nearEdits is how far apart a misspelt term and a passage's word may be
// to count as the same for the confidence: stricter than the search,
// which casts a wider net (counting a swap of letters as one edit, not
// two).
func nearEdits(term string) int {
	if len([]rune(term)) >= 8 {
		return 2
	}
	return 1
}

// withinEdits reports whether a and b are at most k edits (insertions,
// deletions, substitutions, swaps of neighbours) apart.
func withinEdits(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > k || -d > k {
		return false
	}
	// Three rows of the optimal-string-alignment distance table.
	pp := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > k {
			return false
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[len(rb)] <= k
}

// hasHan reports whether s holds a Han character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// synonymTerms maps, per family, each analysed synonym term to the other
// terms of its groups, as the index's synonym source does.
func (ix *Index) synonymTerms() map[string]map[string][]string {
	ix.synOnce.Do(func() {
		ix.syn = map[string]map[string][]string{}
		for _, fam := range families {
			a := ix.analyzer(fam)
			m := map[string][]string{}
			if a == nil {
				ix.syn[fam] = m
				continue
			}
			for _, g := range synonymGroups[fam] {
				var terms []string
				for _, entry := range g {
					toks := a.Analyze([]byte(joinPhrase(entry)))
					if len(toks) == 1 {
						terms = append(terms, string(toks[0].Term))
					}
				}
				for _, t := range terms {
					for _, o := range terms {
						if o != t {
							m[t] = append(m[t], o)
						}
					}
				}
			}
			ix.syn[fam] = m
		}
	})
	return ix.syn
}

// synCache holds synonymTerms' result.
type synCache struct {
	synOnce sync.Once
	syn     map[string]map[string][]string
}
