package redact

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lastCueNaive is the plain reading of cueSet.last: from the end, the
// first place that starts a word and a cue.
func lastCueNaive(s string, words []string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if isAlnum(s[i]) && i > 0 && (isAlnum(s[i-1]) || s[i-1] >= 0x80 && latinLetterBefore(s, i)) {
			continue
		}
		for _, w := range words {
			if strings.HasPrefix(s[i:], w) {
				return i
			}
		}
	}
	return -1
}

// TestCueScanning checks the indexed cue sets against the plain reading
// on texts made of cues, parts of cues, letters of several scripts,
// digits and punctuation.
func TestCueScanning(t *testing.T) {
	sets := [][]string{phoneCueWords, notPersonalCueWords, idCueWords, numberWords, licenceCues, passportCues}
	groups := newCueGroups(sets...)
	single := make([]*cueSet, len(sets))
	for i, set := range sets {
		single[i] = newCueSet(set...)
	}
	pieces := []string{" ", "  ", ", ", ":", "#", "x", "ab", "Ø", "ø", "é", "号", "电", "1", "42", "-", "'", "ø1", "aø"}
	for _, set := range sets {
		for _, w := range set {
			pieces = append(pieces, w, w[:len(w)/2+1], "x"+w)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		var last [6]int
		groups.lastEach(s, last[:])
		for i, set := range sets {
			want := lastCueNaive(s, set)
			if got := single[i].last(s); got != want {
				t.Fatalf("cueSet.last(%q) = %d, want %d (set %d)", s, got, want, i)
			}
			if last[i] != want {
				t.Fatalf("lastEach(%q)[%d] = %d, want %d", s, i, last[i], want)
			}
		}
	}
}
