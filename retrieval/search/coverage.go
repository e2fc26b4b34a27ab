package search

import "strings"

// coverage is the share of the query's weight (idf times the term's
// weight) that a set of passage terms holds: directly, through a term
// that stands for it, or, for a word no passage holds, nearly (a
// misspelling, a compound's parts, the words a lone Chinese character
// begins).
func coverage(q []queryTerm, terms termSet) float64 {
	var have, want float64
	for _, t := range q {
		w := t.idf * t.weight
		want += w
		if len(terms) > 0 {
			have += w * holds(t, terms)
		}
	}
	if want == 0 {
		return 0
	}
	return have / want
}

// Credits for what is not the term itself.
const (
	// nearMatchCredit is the share of a misspelt term that a near match
	// holds: a near match may be another word.
	nearMatchCredit = 0.6
	// partsCredit is the share of a compound that passages holding all
	// its parts hold.
	partsCredit = 0.9
	// prefixCredit is the share of a lone Chinese character that a
	// word holding it holds.
	prefixCredit = 0.6
	// compoundCredit is the share of a Danish word that a compound
	// beginning or ending with it holds.
	compoundCredit = 0.7
)

// holds is how much of a query term a passage holds: all of it when the
// passage has the term, an alternative's credit when it has the
// alternative, and partial credit for a near match, a compound's parts
// or a word holding a lone Chinese character.
func holds(t queryTerm, terms termSet) float64 {
	if terms.has(t.term) {
		return 1
	}
	best := 0.0
	for _, a := range t.alts {
		if terms.has(a.term) {
			best = max(best, a.credit)
		}
	}
	if best == 1 {
		return best
	}
	if len(t.parts) > 0 {
		n := 0
		for _, p := range t.parts {
			if terms.has(p) {
				n++
			}
		}
		best = max(best, partsCredit*float64(n)/float64(len(t.parts)))
	}
	if t.prefix {
		for _, p := range terms {
			if strings.Contains(p, t.term) {
				best = max(best, prefixCredit)
				break
			}
		}
	}
	if t.compound && best < compoundCredit {
		for _, p := range terms {
			if len(p) >= len(t.term)+minCompoundPart && (strings.HasSuffix(p, t.term) || strings.HasPrefix(p, t.term)) {
				best = compoundCredit
				break
			}
		}
	}
	if t.fuzz > 0 && best < nearMatchCredit {
		k := nearEdits(t.term)
		for _, p := range terms {
			if withinEdits(t.term, p, k) {
				best = nearMatchCredit
				break
			}
		}
	}
	return best
}

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
