package search

import (
	"strings"
	"unicode/utf8"
)

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

// coverageBeyond is the share of the query that terms hold, counting a
// term base holds too at only the share titleEcho of it.
func coverageBeyond(q []queryTerm, terms, base termSet) float64 {
	var have, want float64
	for _, t := range q {
		w := t.idf * t.weight
		want += w
		if len(terms) > 0 {
			if h := holds(t, terms); h > 0 {
				have += w * (h - (1-titleEcho)*min(h, holds(t, base)))
			}
		}
	}
	if want == 0 {
		return 0
	}
	return have / want
}

// titleEcho is what a heading's word that its article's title also says
// counts for among the article's sections.
const titleEcho = 0.5

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
	if t.near != nil && best < nearMatchCredit {
		// At most nearEdits letters apart, a letter taking up to four
		// bytes: a cheap test before the automaton's.
		slack := 4 * nearEdits(t.term)
		for _, p := range terms {
			if d := len(p) - len(t.term); d <= slack && -d <= slack && t.near.Near(p) {
				best = nearMatchCredit
				break
			}
		}
	}
	return best
}

// nearEdits is how far apart a misspelt term and a passage's word may be
// to count as the same for the confidence and for the spelling
// correction: stricter than the search, which casts a wider net (a swap
// of letters counts as one edit here, as two to Bleve's fuzzy query).
func nearEdits(term string) int { return nearEditsOf(utf8.RuneCountInString(term)) }

// nearEditsOf is nearEdits of a term of n letters.
func nearEditsOf(n int) int {
	if n >= 8 {
		return 2
	}
	return 1
}
