package triage

import (
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/vellum/levenshtein"
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

// oneEditBuilder builds automata of the words one edit away, a swap of
// neighbours counting as one. It is built once and safe for concurrent
// use.
var oneEditBuilder = sync.OnceValues(func() (*levenshtein.LevenshteinAutomatonBuilder, error) {
	return levenshtein.NewLevenshteinAutomatonBuilder(1, true)
})

// oneEditAway is a packed automaton of the words at most one edit from
// a pattern word.
type oneEditAway struct {
	class  [256]uint8
	nclass int
	next   []uint16 // state*nclass + class -> state; 0 is the dead state
	match  []bool   // per state
}

// newOneEditAway builds the automaton of word, or returns nil when it
// cannot be built (the word then matches only itself).
func newOneEditAway(word string) *oneEditAway {
	b, err := oneEditBuilder()
	if err != nil {
		return nil
	}
	dfa, err := b.BuildDfa(word, 1)
	if err != nil {
		return nil
	}
	// The bytes of the word's letters are classes of their own; the
	// others are classes by their role in UTF-8, which is all vellum's
	// automata tell them apart by.
	a := &oneEditAway{}
	var reps []byte
	own := [256]bool{}
	for i := 0; i < len(word); i++ {
		own[word[i]] = true
	}
	for c := 0; c < 256; c++ {
		if own[c] {
			a.class[c] = uint8(len(reps))
			reps = append(reps, byte(c))
		}
	}
	for _, r := range [][2]int{{0, 192}, {192, 224}, {224, 240}, {240, 256}} {
		cl := -1
		for c := r[0]; c < r[1]; c++ {
			if own[c] {
				continue
			}
			if cl < 0 {
				cl = len(reps)
				reps = append(reps, byte(c))
			}
			a.class[c] = uint8(cl)
		}
	}
	a.nclass = len(reps)
	ids := map[int]uint16{}
	var order []int
	visit := func(s int) uint16 {
		if !dfa.CanMatch(s) {
			return 0
		}
		if id, ok := ids[s]; ok {
			return id
		}
		order = append(order, s)
		ids[s] = uint16(len(order))
		return ids[s]
	}
	visit(dfa.Start())
	a.next = make([]uint16, a.nclass)
	a.match = []bool{false}
	for i := 0; i < len(order); i++ {
		a.match = append(a.match, dfa.IsMatch(order[i]))
		for _, c := range reps {
			a.next = append(a.next, visit(dfa.Accept(order[i], c)))
		}
	}
	return a
}

// accepts reports whether w is at most one edit from the automaton's
// word.
func (a *oneEditAway) accepts(w string) bool {
	if a == nil {
		return false
	}
	s := 1
	for i := 0; i < len(w) && s != 0; i++ {
		s = int(a.next[s*a.nclass+int(a.class[w[i]])])
	}
	return a.match[s]
}

// fuzzyWords are the automata of the fuzzy pattern words, built once per
// word for every policy of the process.
var fuzzyWords sync.Map // word -> *oneEditAway

// oneEditFrom returns the automaton of the words one edit from word.
func oneEditFrom(word string) *oneEditAway {
	if a, ok := fuzzyWords.Load(word); ok {
		return a.(*oneEditAway)
	}
	a, _ := fuzzyWords.LoadOrStore(word, newOneEditAway(word))
	return a.(*oneEditAway)
}

// nearWord reports whether a message's word w is exactly one edit from
// the pattern word whose automaton is near, and long enough to be a
// misspelling of it rather than another word: at least minFuzzyLen-1
// letters, and not a real word one edit away.
func nearWord(near *oneEditAway, word, w string) bool {
	return w != word && utf8.RuneCountInString(w) >= minFuzzyLen-1 && !realWords[w] && near.accepts(w)
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
