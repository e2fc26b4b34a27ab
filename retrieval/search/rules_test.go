package search

import (
	"context"
	"testing"
)

// TestRulesReachTheSampleKnowledgeBase checks that each rule of the
// engine's and the shop's vocabulary leads to a term some passage of the
// shop's help centre holds: a rule
// leading only to terms no passage holds (a phrase the passages put in
// the plural, a form the analyzer joins differently) credits nothing.
func TestRulesReachTheSampleKnowledgeBase(t *testing.T) {
	ix := openSample(t)
	ctx := context.Background()
	reader, err := ix.readerFor()
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	for _, fam := range families {
		a := ix.analyzer(fam)
		for _, r := range ix.lexicon().vocab.rules[fam] {
			held := false
			for _, to := range r.to {
				toks := a.Analyze([]byte(joinPhrase(to)))
				if len(toks) != 1 {
					continue // TestRuleTargetsAreTerms reports it
				}
				df, err := ix.dfs.docFreq(ctx, reader, fam, string(toks[0].Term))
				if err != nil {
					t.Fatal(err)
				}
				held = held || df > 0
			}
			if !held {
				t.Errorf("%s: the rule from %q leads to %q, which no passage holds", fam, r.from[0], r.to)
			}
		}
	}
}
