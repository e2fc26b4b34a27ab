package fuzzy

import (
	"math/rand/v2"
	"testing"

	"github.com/hushdesk/hushdesk/retrieval/fuzzy/fuzzytest"
)

func TestNearAutomaton(t *testing.T) {
	tests := []struct {
		a, b string
		k    int
		want bool
	}{
		{"refund", "refund", 1, true},
		{"refnd", "refund", 1, true},
		{"retrun", "return", 1, true}, // a swap is one edit
		{"pasword", "password", 1, true},
		{"delivri", "deliveri", 1, true},
		{"refund", "return", 1, false},
		{"kettle", "bottle", 1, false},
		{"abc", "abcdef", 2, false},
		{"kundeservise", "kundeservice", 2, true},
		{"kæreste", "kæresten", 1, true}, // letters, not bytes
		{"ærgerlig", "aergerlig", 1, false},
	}
	for _, tt := range tests {
		if got := Build(tt.a, tt.k).Near(tt.b); got != tt.want {
			t.Errorf("near(%q, %q, %d) = %v", tt.a, tt.b, tt.k, got)
		}
	}
}

// TestNearAutomatonIsOSA holds the automata to the distance the
// hand-written matcher they replace measured: insertions, deletions,
// substitutions and swaps of neighbours, each one edit, no letter edited
// twice (optimal string alignment).
func TestNearAutomatonIsOSA(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	letters := []rune("abcdeæø")
	word := func() string {
		rs := make([]rune, 1+rng.IntN(7))
		for i := range rs {
			rs[i] = letters[rng.IntN(len(letters))]
		}
		return string(rs)
	}
	for range 60 {
		a := word()
		for k := 1; k <= MaxEdits; k++ {
			aut := Build(a, k)
			for range 300 {
				b := word()
				if got, want := aut.Near(b), fuzzytest.OSA(a, b) <= k; got != want {
					t.Fatalf("near(%q, %q, %d) = %v; their distance is %d", a, b, k, got, fuzzytest.OSA(a, b))
				}
				if ok, d := aut.MatchAndDistance(b); ok && int(d) != fuzzytest.OSA(a, b) {
					t.Fatalf("distance of %q to %q: %d, want %d", b, a, d, fuzzytest.OSA(a, b))
				}
			}
		}
	}
}

// TestAutomatonPacking checks that a packed automaton moves as vellum's
// does on every byte, from every state it reaches.
func TestAutomatonPacking(t *testing.T) {
	bs, err := builders()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"pasword", "kæreste", "退款", "naïve café", "x"} {
		for k := 1; k <= MaxEdits; k++ {
			dfa, err := bs[k].BuildDfa(w, uint8(k))
			if err != nil {
				t.Fatal(err)
			}
			a := pack(w, dfa)
			type pair struct{ v, a int }
			seen := map[pair]bool{}
			queue := []pair{{dfa.Start(), a.Start()}}
			for len(queue) > 0 {
				p := queue[0]
				queue = queue[1:]
				if seen[p] {
					continue
				}
				seen[p] = true
				if dfa.IsMatch(p.v) != a.IsMatch(p.a) || dfa.CanMatch(p.v) != a.CanMatch(p.a) ||
					dfa.IsMatch(p.v) && dfa.EditDistance(p.v) != a.EditDistance(p.a) {
					t.Fatalf("%q, %d edits: states differ", w, k)
				}
				if !dfa.CanMatch(p.v) {
					continue
				}
				for b := 0; b < 256; b++ {
					queue = append(queue, pair{dfa.Accept(p.v, byte(b)), a.Accept(p.a, byte(b))})
				}
			}
		}
	}
}
