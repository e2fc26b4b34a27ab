package search

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// Danes on a keyboard without æ, ø and å write ae, oe and aa ("faa",
// "paa", "hvornaar", "vaeret", "soeg"), as Danish did before 1948 and
// place names still do (Aarhus, Aalborg), or drop the marks ("pa",
// "nar"). The Danish analyzer writes the three letters the first way in
// both passages and questions, so either spelling finds the other; its
// stop list holds all three spellings (but "være" without its mark is
// "vare", a word of its own).

// Names the Danish layout registers its parts under.
const (
	danishASCIIName     = "hushdesk_da_ascii"
	danishStopASCIIName = "hushdesk_da_stop_ascii"
)

func init() {
	if err := registry.RegisterTokenFilter(danishASCIIName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return danishASCIIFilter{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenMap(danishStopASCIIName, func(map[string]any, *registry.Cache) (analysis.TokenMap, error) {
		m := analysis.NewTokenMap()
		if err := m.LoadBytes(da.DanishStopWords); err != nil {
			return nil, err
		}
		for w := range m {
			m.AddToken(lang.Digraphs(w))
			// With the marks dropped too ("pa", "nar", "ogsa"), unless
			// the word has an æ: "vare" is "være" without it, and the
			// shop's word for an item.
			if vs := lang.WithoutMarks(w); len(vs) == 2 && !strings.ContainsAny(w, "æÆ") {
				m.AddToken(vs[1])
			}
		}
		return m, nil
	}); err != nil {
		panic(err)
	}
}

// danishASCIIFilter is the Bleve token filter for lang.Digraphs.
type danishASCIIFilter struct{}

func (danishASCIIFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if bytes.ContainsAny(t.Term, "æøåÆØÅ") {
			t.Term = []byte(lang.Digraphs(string(t.Term)))
		}
	}
	return in
}

// withDanishASCII returns words and, for each holding æ, ø or å, its
// spelling without them.
func withDanishASCII(words []any) []any {
	out := append([]any{}, words...)
	for _, w := range words {
		if s := lang.Digraphs(w.(string)); s != w {
			out = append(out, s)
		}
	}
	return out
}

// letters is how many letters a term of family fam has as written: in
// Danish, ae, oe and aa stand for one letter (the analyzer writes æ, ø
// and å so), and a word's length decides how far a misspelling of it may
// be corrected: "laek" is "læk", three letters, too short to correct.
func letters(fam, term string) int {
	n := utf8.RuneCountInString(term)
	if fam != "da" {
		return n
	}
	for _, d := range []string{"ae", "oe", "aa"} {
		n -= strings.Count(term, d)
	}
	return n
}
