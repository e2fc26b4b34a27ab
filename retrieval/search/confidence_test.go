package search

import (
	"context"
	"math"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// TestConfidence checks the confidence against the default threshold,
// 0.3: questions the knowledge base answers, however they are phrased,
// pass; questions it cannot answer stay below.
func TestConfidence(t *testing.T) {
	ix := openSample(t)
	tests := []struct {
		query      string
		answerable bool
	}{
		{"how do i send something back", true},
		{"someone more senior should look at my case", true},
		{"hvor lang tid tager leveringen til odense", true},
		{"退款幾耐先到", true},
		{"nak cakap dengan orang betul bukan bot", true},
		{"what is the capital of australia", false},
		{"hvem vandt fodboldkampen i går", false},
		{"今天天气怎么样", false},
		{"你哋請唔請人", false},
		{"resepi nasi lemak", false},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Query{Text: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		if res.Confidence < 0 || res.Confidence > 1 || math.IsNaN(res.Confidence) {
			t.Fatalf("%q: confidence %v outside [0, 1]", tt.query, res.Confidence)
		}
		if got := res.Confidence >= 0.3; got != tt.answerable {
			t.Errorf("%q: confidence %.2f, answerable %v", tt.query, res.Confidence, tt.answerable)
		}
	}
}

func TestConfidenceSignals(t *testing.T) {
	q := []queryTerm{
		{term: "refund", df: 3, idf: 2, weight: 1},
		{term: "wattage", idf: 3, weight: 1},
	}
	ps := []scored{
		{Passage: Passage{DocID: "a", Lang: lang.English}, terms: termSet{"refund"}, features: features{cover: 0.4, title: 0.4}},
		{Passage: Passage{DocID: "b", Lang: lang.English}, terms: termSet{"return"}},
	}
	s := signalsOf(ps, q)
	if math.Abs(s.unknown-0.6) > 1e-9 {
		t.Errorf("unknown = %v, want 0.6 (the share of the word no passage holds)", s.unknown)
	}
	if s.margin <= 0 || s.doc <= 0 {
		t.Errorf("signals %+v: want a positive score and margin", s)
	}
	// A place says where the question is asked from: the word no passage
	// holds is as much of what is asked with it as without it.
	placed := append([]queryTerm{{term: "shah", df: 1, idf: 5, weight: 2, place: true}}, q...)
	if p := signalsOf(ps, placed); math.Abs(p.unknown-s.unknown) > 1e-9 {
		t.Errorf("unknown with a place = %v, want %v", p.unknown, s.unknown)
	}
	if c := confidence(nil, q); c != 0 {
		t.Errorf("confidence without candidates = %v", c)
	}
}

// TestUnknownShare checks that a question naming what the knowledge base
// never mentions says so in Result.Unknown, while one in its words does
// not.
func TestUnknownShare(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct {
		query   string
		atLeast float64
		below   float64
	}{
		{"do you do gift wrapping for orders", 0.3, 1.01},
		{"how do i return a lamp", 0, 0.01},
		{"hvor lang tid tager levering til aalborg", 0, 0.01},
		// Danish stop words typed with the marks dropped are stop words.
		{"hvor lang reklamationsret er der pa en elkedel", 0, 0.01},
		{"hvad koster det nar jeg returnerer", 0, 0.01},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tt.query, K: 3})
		if err != nil {
			t.Fatal(err)
		}
		if res.Unknown < tt.atLeast || res.Unknown >= tt.below {
			t.Errorf("%q: unknown share %.2f, want in [%.2f, %.2f)", tt.query, res.Unknown, tt.atLeast, tt.below)
		}
	}
}
