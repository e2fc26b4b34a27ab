package search

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestMatchWords(t *testing.T) {
	tests := []struct {
		phrase, query string
		want          string
	}{
		{"send back", "how do i send something back", "send back"},
		{"send back", "send the lamp back", "send back"},
		{"send back", "send it to the office and then back", ""}, // too far apart
		{"regret*", "i regretted buying it", "regretted"},
		{"changed my mind", "i have changed my mind", "changed my mind"},
		{"don't like", "i do not like it", ""},
		{"hari raya", "hari raya ada orang jawab tak", "hari raya"},
	}
	for _, tt := range tests {
		phrase, words := strings.Fields(tt.phrase), lowerWords(tt.query)
		got := ""
		for i := range words {
			if got = matchWords(phrase, words, i); got != "" {
				break
			}
		}
		if got != tt.want {
			t.Errorf("matchWords(%q in %q) = %q, want %q", tt.phrase, tt.query, got, tt.want)
		}
	}
}

// TestExpandQuery checks what stands for a query's words: synonyms, the
// synonyms of a phrase, the terms rules lead to, and implied terms.
func TestExpandQuery(t *testing.T) {
	ix := openSample(t)
	tests := []struct {
		fam, query, word string
		wantAlt          string
		wantRuled        bool
	}{
		{"en", "reimbursement please", "reimburs", "refund", false},
		{"en", "when do i get my money back", "monei", "refund", false},
		{"en", "regret buying this duvet", "regret", "return", true},
		{"en", "someone more senior should look at this", "senior", "team_lead", true},
		{"en", "levering til aarhus", "aarhu", "denmark", true},
		{"da", "levering til aarhus", "aarhus", "danmark", true},
		{"da", "kan man stacke rabatkoder", "stack", "rabatkod", true},
		{"ms", "berapa hari sampai ke johor", "johor", "malaysia", true},
		{"ms", "hari raya ada orang jawab tak", "hari", "cuti_umum", true},
		{"zh", "寄到北京要几天", "北京", "大陆", true},
		{"zh", "买了不喜欢可以退吗", "喜欢", "退货", true},
	}
	for _, tt := range tests {
		a := ix.analyzer(tt.fam)
		terms := expandQuery(a, ix.lexicon().thesauri[tt.fam], tt.fam, preNormalize(tt.fam, tt.query))
		i := slices.IndexFunc(terms, func(q queryTerm) bool { return q.term == tt.word })
		if i < 0 {
			t.Errorf("%s %q: no term %q in %+v", tt.fam, tt.query, tt.word, terms)
			continue
		}
		q := terms[i]
		if !slices.ContainsFunc(q.alts, func(a alt) bool { return a.term == tt.wantAlt }) {
			t.Errorf("%s %q: %q stands for %+v, want %q among them", tt.fam, tt.query, tt.word, q.alts, tt.wantAlt)
		}
		if q.ruled != tt.wantRuled {
			t.Errorf("%s %q: %q ruled = %v", tt.fam, tt.query, tt.word, q.ruled)
		}
	}
	// A rule whose words the analyzer drops adds an implied term.
	terms := expandQuery(ix.analyzer("en"), ix.lexicon().thesauri["en"], "en", "how much")
	if !slices.ContainsFunc(terms, func(q queryTerm) bool { return q.implied && q.term == "cost" }) {
		t.Errorf("\"how much\" = %+v, want an implied cost", terms)
	}
}

func TestCorrectSpelling(t *testing.T) {
	ix := openSample(t)
	tests := []struct{ fam, word, want string }{
		{"en", "refnd", "refund"},
		{"en", "warrenti", "warranti"},
		{"en", "pasword", "password"},
		{"en", "xyzzy", ""},
		{"en", "ab", ""},
	}
	for _, tt := range tests {
		if got := ix.lexicon().thesauri[tt.fam].correct(tt.word); got != tt.want {
			t.Errorf("correct(%s, %q) = %q, want %q", tt.fam, tt.word, got, tt.want)
		}
	}
}

func TestSplitCompound(t *testing.T) {
	ix := openSample(t)
	reader, err := ix.readerFor()
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	a := ix.analyzer("da")
	tests := []struct {
		word string
		want []string
	}{
		{"returfragt", []string{"retur", "fragt"}},
		{"returporto", nil}, // no passage holds porto
		{"telefonnummer", []string{"telefon", "num"}},
		{"leveringsadresse", []string{"levering", "adres"}},
		{"kat", nil},
		{"xqzvbnmwerty", nil},
	}
	for _, tt := range tests {
		got, err := ix.splitCompound(context.Background(), reader, a, stemOf(a, tt.word), tt.word)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("splitCompound(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestRuleTargetsAreTerms catches a rule of the engine's or the shop's
// vocabulary leading to something the analyzer does not make one term of
// (a typo, a phrase missing from the synonym groups), which would
// silently do nothing.
func TestRuleTargetsAreTerms(t *testing.T) {
	for name, read := range map[string]func() (*Vocabulary, error){"engine": builtinOnly, "engine and shop": shopVocabulary} {
		v, err := read()
		if err != nil {
			t.Fatal(err)
		}
		ix, err := OpenMemory(Options{Vocabulary: read})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if u := ix.lexicon().unused(); len(u) > 0 {
			t.Errorf("%s: rules lead to words that are not one term: %v", name, u)
		}
		for _, fam := range families {
			if len(v.rules[fam]) == 0 {
				t.Errorf("%s, %s: no rules", name, fam)
			}
		}
	}
	// A target the analyzer splits is reported.
	bad, err := ReadVocabulary(fstest.MapFS{"bad.yaml": {Data: []byte("rules:\n  en:\n    - from: [owl]\n      to: [carrier pigeon]\n")}})
	if err != nil {
		t.Fatal(err)
	}
	ix2, err := OpenMemory(Options{Vocabulary: func() (*Vocabulary, error) { return bad, nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if u := ix2.lexicon().unused()["en"]; len(u) != 1 || u[0] != "carrier pigeon" {
		t.Errorf("unused = %v, want [carrier pigeon]", u)
	}
}
