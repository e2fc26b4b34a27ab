package search

import (
	"strconv"
	"sync"

	"github.com/blevesearch/vellum/levenshtein"
)

// automaton is a Levenshtein automaton made by vellum, packed: vellum's
// keeps a table of 256 transitions for each state it might have needed
// (hundreds of kilobytes for a long word at two edits), where a word's
// automaton has tens of states and its bytes fall into a few classes
// (each byte of the word's letters, and the others by their UTF-8 role),
// so that one packed takes a few kilobytes and can be kept. State 0 is
// the dead state. It implements vellum's FuzzyAutomaton, so that an FST
// can be searched with it.
type automaton struct {
	class  [256]uint8
	nclass int
	next   []uint16 // state*nclass + class -> state
	dist   []uint8  // per state: the edit distance of a match, or noMatch
}

// noMatch marks a state that is not a match.
const noMatch = 255

// compact packs vellum's automaton of word by walking it from its start.
// Its bytes fall into classes that lead every state alike: each byte of
// the word's letters is a class of its own, and the other bytes are
// classes by their role in UTF-8 (a letter of one byte or a continuation
// byte, or the first byte of a letter of two, three or four), which is
// how vellum builds its automata. TestAutomatonPacking checks it.
func compact(word string, dfa *levenshtein.DFA) *automaton {
	a := &automaton{}
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
func (a *automaton) Start() int { return 1 }

// IsMatch reports whether a state is a match.
func (a *automaton) IsMatch(s int) bool { return a.dist[s] != noMatch }

// CanMatch reports whether a match can be reached from a state.
func (a *automaton) CanMatch(s int) bool { return s != 0 }

// WillAlwaysMatch is false: more letters always lead away from a word.
func (a *automaton) WillAlwaysMatch(int) bool { return false }

// Accept returns the state after a byte.
func (a *automaton) Accept(s int, b byte) int { return int(a.next[s*a.nclass+int(a.class[b])]) }

// EditDistance is the edit distance of a matching state.
func (a *automaton) EditDistance(s int) uint8 { return a.dist[s] }

// MatchAndDistance reports whether the automaton accepts input, and at
// what edit distance.
func (a *automaton) MatchAndDistance(input string) (bool, uint8) {
	st := a.Start()
	for i := 0; i < len(input) && st != 0; i++ {
		st = a.Accept(st, input[i])
	}
	return a.IsMatch(st), a.dist[st]
}

// automatonCacheSize bounds the kept automata, about 3 kB each.
const automatonCacheSize = 4096

// automata keeps the automata of the words met, which do not depend on
// the index. It starts afresh when full.
type automata struct {
	mu  sync.Mutex
	byK map[string]*automaton
}

// nearCache is the automata of every index of the process.
var nearCache automata

// get returns the automaton of the words within k edits of word,
// building it the first time.
func (c *automata) get(word string, k int) *automaton {
	key := strconv.Itoa(k) + word
	c.mu.Lock()
	a, ok := c.byK[key]
	c.mu.Unlock()
	if ok {
		return a
	}
	a = buildAutomaton(word, k)
	c.mu.Lock()
	if c.byK == nil || len(c.byK) >= automatonCacheSize {
		c.byK = map[string]*automaton{}
	}
	c.byK[key] = a
	c.mu.Unlock()
	return a
}
