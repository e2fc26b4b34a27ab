package search

import (
	"context"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/fuzzy/fuzzytest"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// TestCorrectAgreesWithDistances checks the correction through the FST
// against the distances, word by word.
func TestCorrectAgreesWithDistances(t *testing.T) {
	vocab := []string{"refund", "return", "password", "parcel", "deliveri", "warranti", "invoic"}
	ws, err := newWordSet(vocab)
	if err != nil {
		t.Fatal(err)
	}
	th := &thesaurus{vocab: vocab, words: ws}
	for _, term := range []string{"refnd", "retrun", "pasword", "parcl", "delvieri", "waranty", "invoci", "refurn", "zzzz", "ret"} {
		k := nearEdits(term)
		want, bestD, ties := "", k+1, 0
		if len([]rune(term)) >= 4 {
			for _, v := range vocab {
				switch d := max(fuzzytest.OSA(term, v), 1); {
				case d > k:
				case d < bestD:
					want, bestD, ties = v, d, 0
				case d == bestD:
					ties++
				}
			}
			if ties > 0 {
				want = ""
			}
		}
		if got := th.correct(term); got != want {
			t.Errorf("correct(%q) = %q, want %q", term, got, want)
		}
	}
}

// TestCorrectToTitleWords checks that a misspelling of a word of the
// knowledge base's titles is read as it, with no vocabulary naming it.
func TestCorrectToTitleWords(t *testing.T) {
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := []kb.Document{
		{ID: "kb/claims.md", Lang: lang.English, Text: "# How to make a claim\n\nReport the loss online."},
		{ID: "kb/clams.md", Lang: lang.English, Text: "# Seafood\n\nOysters and mussels, fresh daily."},
	}
	if _, err := ix.Ingest(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if got := ix.lexicon().thesauri["en"].correct("clam", ix.topics.words("en")); got != "claim" {
		t.Errorf("correct(clam) = %q, want claim", got)
	}
	res, err := ix.Search(context.Background(), Query{Text: "how do i put in a clam", Lang: lang.English})
	if err != nil || len(res.Passages) == 0 || res.Passages[0].DocID != "kb/claims.md" {
		t.Fatalf("found %+v, %v", res.Passages, err)
	}
}
