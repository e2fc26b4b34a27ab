package search

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestFuzzyQueryIsBleves checks that the fuzzy clause finds what Bleve's
// fuzzy query finds, at the same scores, the first time and from the
// cache.
func TestFuzzyQueryIsBleves(t *testing.T) {
	ix := openSample(t)
	ctx := context.Background()
	found := 0
	for _, c := range []struct {
		term string
		fuzz int
	}{{"refnd", 1}, {"shiping", 2}, {"pasword", 2}, {"retrun", 2}, {"levering", 2}, {"zzzzzz", 2}} {
		bq := nearQuery(nil).query("body_en", c.term, c.fuzz, 0.7)
		want, err := ix.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(unexpanded{bq}, 50, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		found += len(want.Hits)
		for round := range 2 {
			q := &fuzzyQuery{cache: &ix.fuzzy, gen: ix.gen.Load(), term: c.term, field: "body_en", fuzz: c.fuzz, boost: 0.7}
			got, err := ix.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(unexpanded{q}, 50, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Hits) != len(want.Hits) {
				t.Fatalf("%s, round %d: %d hits, Bleve's %d", c.term, round, len(got.Hits), len(want.Hits))
			}
			for i := range got.Hits {
				if got.Hits[i].ID != want.Hits[i].ID || got.Hits[i].Score != want.Hits[i].Score {
					t.Errorf("%s, round %d, hit %d: %s %v, Bleve's %s %v", c.term, round, i, got.Hits[i].ID, got.Hits[i].Score, want.Hits[i].ID, want.Hits[i].Score)
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no fuzzy query found anything")
	}
}
