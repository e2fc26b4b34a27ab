package triage

import (
	"sync"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/retrieval/fuzzy"
)

// minFuzzyLen is the shortest word a pattern may match with one edit:
// shorter words have too many real words one edit away ("rep", "orang").
const minFuzzyLen = 5

// realWords are words one edit away from a word for a person that mean
// something else: "my employer", "advised me".
var realWords = map[string]bool{
	"employer": true, "advised": true, "advises": true, "managed": true, "manages": true, "manger": true,
	"persona": true, "parson": true, "prison": true, "humane": true, "humor": true, "agenda": true,
	"operate": true, "medarbejde": true, "kollegium": true, "manusial": true,
}

// A fuzzy pattern word ("%human") matches the words one insertion,
// deletion, substitution or swap of two neighbouring letters away
// ("humna", "persn", "representitive"). Each such word has a Levenshtein
// automaton, built by vellum once, when the pattern is compiled, and
// packed; a message's words are run through it letter by letter.

// fuzzyWords are the automata of the fuzzy pattern words, built once per
// word for every policy of the process.
var fuzzyWords sync.Map // word -> *fuzzy.Automaton

// oneEditFrom returns the automaton of the words one edit from word.
func oneEditFrom(word string) *fuzzy.Automaton {
	if a, ok := fuzzyWords.Load(word); ok {
		return a.(*fuzzy.Automaton)
	}
	a, _ := fuzzyWords.LoadOrStore(word, fuzzy.Build(word, 1))
	return a.(*fuzzy.Automaton)
}

// nearWord reports whether a message's word w is exactly one edit from
// the pattern word whose automaton is near, and long enough to be a
// misspelling of it rather than another word: at least minFuzzyLen-1
// letters, and not a real word one edit away.
func nearWord(near *fuzzy.Automaton, word, w string) bool {
	if w == word {
		return false
	}
	// One edit changes a word's length by one letter at most: a word of
	// another length is not near, and the lookup and the automaton are
	// spared at most of a message's words, against every fuzzy pattern.
	n, m := utf8.RuneCountInString(w), utf8.RuneCountInString(word)
	if n < minFuzzyLen-1 || n < m-1 || n > m+1 {
		return false
	}
	return !realWords[w] && near.Near(w)
}

// oneEdit reports whether a and b differ by exactly one insertion,
// deletion, substitution or swap of two neighbouring letters (a
// Damerau-Levenshtein distance of 1), so that "humna", "persn" and
// "representitive" match their words. Both must be at least
// minFuzzyLen-1 letters long, and a must not be a real word one edit
// from another (realWords).
func oneEdit(a, b string) bool {
	if utf8.RuneCountInString(b) < minFuzzyLen-1 {
		return false
	}
	return nearWord(oneEditFrom(b), b, a)
}
