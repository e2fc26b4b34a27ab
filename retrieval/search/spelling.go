package search

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/blevesearch/vellum"
	"github.com/hushdesk/hushdesk/retrieval/fuzzy"
)

// Customers misspell the words that matter most ("refnd", "pasword",
// "warrenty"). A word no passage holds that lies within a few edits of
// one vocabulary word, and of no other as near, is read as that word: it
// gets the word's synonyms and weight. The words within reach are found
// by intersecting a Levenshtein automaton of the misspelt word with an
// FST of the family's vocabulary, not by measuring the distance to every
// word; a swap of two neighbouring letters counts as one edit.

// maxEdits is the most edits a near match may be away.
const maxEdits = fuzzy.MaxEdits

// nearCache keeps the automata of the words met, for every index of the
// process: building one takes a fraction of a millisecond, up to about
// one for a long word at two edits.
var nearCache fuzzy.Cache

// nearAutomaton is an automaton of the words within k edits (1 or 2) of
// word, or nil when it cannot be built.
func nearAutomaton(word string, k int) *fuzzy.Automaton { return nearCache.Get(word, k) }

// wordSet is a set of words as an FST, to intersect with automata.
type wordSet struct{ fst *vellum.FST }

// newWordSet builds the set of words (sorted or not, repeated or not).
func newWordSet(words []string) (wordSet, error) {
	ws := slices.Clone(words)
	slices.Sort(ws)
	ws = slices.Compact(ws)
	var buf bytes.Buffer
	b, err := vellum.New(&buf, nil)
	if err != nil {
		return wordSet{}, fmt.Errorf("word set: %w", err)
	}
	for _, w := range ws {
		if err := b.Insert([]byte(w), 0); err != nil {
			return wordSet{}, fmt.Errorf("word set: %w", err)
		}
	}
	if err := b.Close(); err != nil {
		return wordSet{}, fmt.Errorf("word set: %w", err)
	}
	fst, err := vellum.Load(buf.Bytes())
	if err != nil {
		return wordSet{}, fmt.Errorf("word set: %w", err)
	}
	return wordSet{fst: fst}, nil
}

// nearest returns the words of the set within k edits of word, with their
// distances, nearest first.
func (ws wordSet) nearest(word string, k int) (words []string, dists []int) {
	if ws.fst == nil {
		return nil, nil
	}
	dfa := nearAutomaton(word, k)
	if dfa == nil {
		return nil, nil
	}
	it, err := ws.fst.Search(dfa, nil, nil)
	for err == nil {
		key, _ := it.Current()
		words = append(words, string(key))
		dists = append(dists, int(it.EditDistance()))
		err = it.Next()
	}
	if !errors.Is(err, vellum.ErrIteratorDone) {
		return nil, nil
	}
	return words, dists
}

// correct returns the word nearest term among the family's vocabulary
// and the sets given (the knowledge base's title words), when one lies
// within nearEdits(term) edits of it and no other lies as near; ""
// otherwise. The word itself, in the vocabulary but in no passage,
// counts as one edit away, so that a neighbour as near makes it unsure.
func (th *thesaurus) correct(term string, more ...wordSet) string {
	n := letters(th.fam, term)
	if n < 4 {
		return ""
	}
	best, bestD, ties := "", maxEdits+1, 0
	seen := map[string]bool{}
	for _, ws := range append([]wordSet{th.words}, more...) {
		words, dists := ws.nearest(term, nearEditsOf(n))
		for i, w := range words {
			if seen[w] {
				continue
			}
			seen[w] = true
			switch d := max(dists[i], 1); {
			case d < bestD:
				best, bestD, ties = w, d, 0
			case d == bestD:
				ties++
			}
		}
	}
	if ties > 0 {
		return ""
	}
	return best
}

// creditSpelling is the share of a misspelt word that the word it is
// corrected to holds: a correction to the one vocabulary word within
// reach is likely right, though not certain.
const creditSpelling = 0.85

// spellAlts is what a misspelt term stands for: the word it is a
// misspelling of, and that word's synonyms.
func (th *thesaurus) spellAlts(word string) []alt {
	out := []alt{{term: word, credit: creditSpelling, kind: altSpelling}}
	for _, s := range th.synonyms[word] {
		out = addAlt(out, alt{term: s, credit: creditSpelling, kind: altSynonym})
	}
	return out
}

// correctionCacheSize bounds the cache of corrections.
const correctionCacheSize = 8192

// correction is th.correct of a family's term, against the vocabulary
// and the title words, from the cache of corrections when it was made
// since the index (or its vocabulary) last changed.
func (ix *Index) correction(th *thesaurus, fam, term string) string {
	key := fam + "\x00" + term
	c, gen, ok := ix.corrections.get(key)
	if ok {
		return c
	}
	c = th.correct(term, ix.topics.words(fam))
	ix.corrections.put(gen, key, c)
	return c
}
