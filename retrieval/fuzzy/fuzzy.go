// Package fuzzy finds words a few edits from a word with Levenshtein
// automata built by vellum (github.com/blevesearch/vellum/levenshtein),
// packed small enough to keep: the search's spelling correction and the
// hand-off triage's misspelt pattern words both use them. A swap of two
// neighbouring letters counts as one edit.
package fuzzy

import (
	"fmt"
	"strconv"
	"sync"

	"github.com/blevesearch/vellum/levenshtein"
)

// MaxEdits is the most edits an automaton may allow.
const MaxEdits = 2

// Automaton is a Levenshtein automaton made by vellum, packed: vellum's
// keeps a table of 256 transitions for each state it might have needed
// (hundreds of kilobytes for a long word at two edits), where a word's
// automaton has tens of states and its bytes fall into a few classes
// (each byte of the word's letters, and the others by their UTF-8 role),
// so that one packed takes a few kilobytes and can be kept. State 0 is
// the dead state. It implements vellum's FuzzyAutomaton, so that an FST
// can be searched with it.
type Automaton struct {
	class  [256]uint8
	nclass int
	next   []uint16 // state*nclass + class -> state
	dist   []uint8  // per state: the edit distance of a match, or noMatch
}

// noMatch marks a state that is not a match.
const noMatch = 255

// builders makes the automata: one builder per distance, each counting a
// swap of neighbours as one edit. Building them takes a few milliseconds,
// once; they are safe for concurrent use.
var builders = sync.OnceValues(func() ([MaxEdits + 1]*levenshtein.LevenshteinAutomatonBuilder, error) {
	var out [MaxEdits + 1]*levenshtein.LevenshteinAutomatonBuilder
	for d := 1; d <= MaxEdits; d++ {
		b, err := levenshtein.NewLevenshteinAutomatonBuilder(uint8(d), true)
		if err != nil {
			return out, fmt.Errorf("levenshtein automaton builder: %w", err)
		}
		out[d] = b
	}
	return out, nil
})

// Build builds the automaton of the words within k edits (1 or 2) of
// word, or returns nil when it cannot be built (k out of range, or a word
// too long for the automaton's states): then nothing is near.
func Build(word string, k int) *Automaton {
	if k < 1 || k > MaxEdits {
		return nil
	}
	b, err := builders()
	if err != nil {
		return nil
	}
	dfa, err := b[k].BuildDfa(word, uint8(k))
	if err != nil {
		return nil
	}
	return pack(word, dfa)
}

// pack packs vellum's automaton of word by walking it from its start.
// Its bytes fall into classes that lead every state alike: each byte of
// the word's letters is a class of its own, and the other bytes are
// classes by their role in UTF-8 (a letter of one byte or a continuation
// byte, or the first byte of a letter of two, three or four), which is
// how vellum builds its automata. TestAutomatonPacking checks it.
func pack(word string, dfa *levenshtein.DFA) *Automaton {
	a := &Automaton{}
	var reps []byte // a byte of each class
	own := [256]bool{}
	for i := 0; i < len(word); i++ {
		own[word[i]] = true
	}
	for b := 0; b < 256; b++ {
		if own[b] {
			a.class[b] = uint8(len(reps))
			reps = append(reps, byte(b))
		}
	}
	for _, r := range [][2]int{{0, 192}, {192, 224}, {224, 240}, {240, 256}} {
		c := -1
		for b := r[0]; b < r[1]; b++ {
			if own[b] {
				continue
			}
			if c < 0 {
				c = len(reps)
				reps = append(reps, byte(b))
			}
			a.class[b] = uint8(c)
		}
	}
	a.nclass = len(reps)
	// The states, numbered from 1 in the order they are reached; the
	// dead states (that can match nothing) are 0.
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
	a.next = make([]uint16, a.nclass) // the dead state's row
	a.dist = []uint8{noMatch}
	for i := 0; i < len(order); i++ {
		s := order[i]
		d := uint8(noMatch)
		if dfa.IsMatch(s) {
			d = dfa.EditDistance(s)
		}
		a.dist = append(a.dist, d)
		for _, b := range reps {
			a.next = append(a.next, visit(dfa.Accept(s, b)))
		}
	}
	return a
}

// Start returns the start state.
func (a *Automaton) Start() int { return 1 }

// IsMatch reports whether a state is a match.
func (a *Automaton) IsMatch(s int) bool { return a.dist[s] != noMatch }

// CanMatch reports whether a match can be reached from a state.
func (a *Automaton) CanMatch(s int) bool { return s != 0 }

// WillAlwaysMatch is false: more letters always lead away from a word.
func (a *Automaton) WillAlwaysMatch(int) bool { return false }

// Accept returns the state after a byte.
func (a *Automaton) Accept(s int, b byte) int { return int(a.next[s*a.nclass+int(a.class[b])]) }

// EditDistance is the edit distance of a matching state.
func (a *Automaton) EditDistance(s int) uint8 { return a.dist[s] }

// MatchAndDistance reports whether the automaton accepts input, and at
// what edit distance.
func (a *Automaton) MatchAndDistance(input string) (bool, uint8) {
	st := a.Start()
	for i := 0; i < len(input) && st != 0; i++ {
		st = a.Accept(st, input[i])
	}
	return a.IsMatch(st), a.dist[st]
}

// Near reports whether the automaton accepts s: whether s lies within
// its word's reach. A nil automaton accepts nothing.
func (a *Automaton) Near(s string) bool {
	if a == nil {
		return false
	}
	st := a.Start()
	for i := 0; i < len(s) && st != 0; i++ {
		st = a.Accept(st, s[i])
	}
	return a.IsMatch(st)
}

// cacheSize bounds the kept automata, about 3 kB each.
const cacheSize = 4096

// Cache keeps the automata of the words met, which depend on nothing but
// the word. It starts afresh when full. The zero Cache is ready to use;
// it is safe for concurrent use.
type Cache struct {
	mu  sync.Mutex
	byK map[string]*Automaton
}

// Get returns the automaton of the words within k edits of word,
// building it the first time.
func (c *Cache) Get(word string, k int) *Automaton {
	key := strconv.Itoa(k) + word
	c.mu.Lock()
	a, ok := c.byK[key]
	c.mu.Unlock()
	if ok {
		return a
	}
	a = Build(word, k)
	c.mu.Lock()
	if c.byK == nil || len(c.byK) >= cacheSize {
		c.byK = map[string]*Automaton{}
	}
	c.byK[key] = a
	c.mu.Unlock()
	return a
}
