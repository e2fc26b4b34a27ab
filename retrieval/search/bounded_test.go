package search

import (
	"context"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// TestQuestionCostIsBounded: a question that is one very long word, or a
// great many words no passage holds, costs a search what an ordinary
// question does, give or take: no automaton is built for a word longer
// than any customer misspells, and only so many words are corrected or
// matched fuzzily. (One 4,000-letter word used to allocate over half a
// gigabyte.)
func TestQuestionCostIsBounded(t *testing.T) {
	ix := openSample(t)
	rng := rand.New(rand.NewPCG(3, 4))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('a' + rng.IntN(26)))
		}
		return b.String()
	}
	var many []string
	for range 133 {
		many = append(many, word(maxFuzzyRunes))
	}
	tests := []struct {
		name, text, lang string
	}{
		{"one long word", word(3990), "en"},
		{"one long Danish word", word(3990), "da"},
		{"many unknown words", strings.Join(many, " "), "en"},
		{"many unknown Danish words", strings.Join(many, " "), "da"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			if _, err := ix.Search(context.Background(), Query{Text: tc.text, Lang: lang.Tag(tc.lang), K: 5}); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			if mb := float64(after.TotalAlloc-before.TotalAlloc) / 1e6; mb > 64 {
				t.Errorf("one search allocated %.0f MB", mb)
			}
		})
	}
}
