package search

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// Character filter types registered with Bleve. An index mapping names
// them, so they must stay registered under these names.
const (
	foldFilterName = "hushdesk_fold_t2s"
	// phraseFilterName is the phrase filter of older layouts.
	phraseFilterName = "hushdesk_phrases"
)

func init() {
	if err := registry.RegisterCharFilter(foldFilterName, func(map[string]any, *registry.Cache) (analysis.CharFilter, error) {
		return foldFilter{}, nil
	}); err != nil {
		panic(err)
	}
	// Indexes of layout 6 and before name the phrase filter in their
	// analyzers; it stays registered, doing nothing, so that they open
	// to be rebuilt (the phrases are joined before analysis now, from
	// the vocabulary in use: lexicon.go).
	if err := registry.RegisterCharFilter(phraseFilterName, func(map[string]any, *registry.Cache) (analysis.CharFilter, error) {
		return phraseFilter{}, nil
	}); err != nil {
		panic(err)
	}
}

// foldChinese converts traditional Chinese characters to simplified ones,
// leaving every other character as it is.
func foldChinese(s string) string { return lang.Simplify(s) }

// foldFilter is the Bleve character filter for foldChinese.
type foldFilter struct{}

func (foldFilter) Filter(in []byte) []byte { return []byte(foldChinese(string(in))) }

// phraseFilter appends, after each phrase of several words of the
// vocabulary's synonym groups ("money back", "log in"), the phrase joined
// into one term ("money_back"), so that the synonym groups, whose entries
// are single terms, can name it. The words themselves stay; a query
// counts the joined term as standing for each of them (expand.go).
type phraseFilter struct{ phrases *phraseSet }

func (f phraseFilter) Filter(in []byte) []byte {
	if f.phrases == nil {
		return in
	}
	var out []byte
	last := 0
	words := wordSpans(in)
	for i := 0; i < len(words); i++ {
		end, joined := f.phrases.match(in, words[i:])
		if end == 0 {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(in)+32)
		}
		out = append(out, in[last:end]...)
		out = append(out, ' ')
		out = append(out, joined...)
		out = append(out, ' ')
		last = end
		for i+1 < len(words) && words[i+1][0] < end {
			i++
		}
	}
	if out == nil {
		return in
	}
	return append(out, in[last:]...)
}

// phraseSet holds a family's phrases of several words, by first word.
type phraseSet struct {
	byFirst map[string][][]string // lower-cased words, longest first
	// plural is the ending a phrase's last word may take in the plural
	// ("public holidays" is the phrase "public holiday"), "" for none.
	plural string
}

// match reports whether a phrase starts at the first of words (spans of
// in), returning where it ends and its joined form, or 0.
func (ps *phraseSet) match(in []byte, words [][2]int) (int, string) {
	cands := ps.byFirst[lowerWord(in, words[0])]
	for _, phrase := range cands {
		if len(phrase) > len(words) {
			continue
		}
		ok := true
		for j := 1; j < len(phrase) && ok; j++ {
			w := lowerWord(in, words[j])
			ok = onlySeparators(in[words[j-1][1]:words[j][0]]) &&
				(w == phrase[j] || j == len(phrase)-1 && ps.plural != "" && w == phrase[j]+ps.plural)
		}
		if ok {
			return words[len(phrase)-1][1], strings.Join(phrase, "_")
		}
	}
	return 0, ""
}

// has reports whether the set holds a phrase (its words, lower case).
func (ps *phraseSet) has(words []string) bool {
	if ps == nil || len(words) == 0 {
		return false
	}
	for _, p := range ps.byFirst[words[0]] {
		if slices.Equal(p, words) {
			return true
		}
	}
	return false
}

// lowerWord is the word in[span] in lower case.
func lowerWord(in []byte, span [2]int) string { return strings.ToLower(string(in[span[0]:span[1]])) }

// onlySeparators reports whether b holds only spaces and hyphens, which
// may stand between the words of a phrase.
func onlySeparators(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '-' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return len(b) > 0
}

// wordSpans returns the byte spans of the words of in: runs of letters,
// digits and apostrophes.
func wordSpans(in []byte) [][2]int {
	var spans [][2]int
	start := -1
	for i := 0; i < len(in); {
		r, size := utf8.DecodeRune(in[i:])
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			spans = append(spans, [2]int{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(in)})
	}
	return spans
}

// joinPhrase lower-cases a phrase and joins its words with underscores,
// which Unicode word segmentation keeps inside one word.
func joinPhrase(p string) string {
	return strings.Join(phraseWords(strings.ToLower(p)), "_")
}

// phraseWords splits a synonym entry into its words, at spaces and
// hyphens ("e-mail" is two words that the analyzers would split too).
func phraseWords(p string) []string {
	return strings.FieldsFunc(p, func(r rune) bool { return r == '-' || unicode.IsSpace(r) })
}

// newPhraseSet collects the phrases of several words in a family's
// synonym groups, or returns nil when they have none.
func newPhraseSet(fam string, groups [][]string) *phraseSet {
	ps := &phraseSet{byFirst: map[string][][]string{}}
	if fam == "en" {
		ps.plural = "s"
	}
	n := 0
	for _, g := range groups {
		for _, term := range g {
			words := phraseWords(strings.ToLower(term))
			if len(words) < 2 {
				continue
			}
			ps.byFirst[words[0]] = append(ps.byFirst[words[0]], words)
			n++
		}
	}
	if n == 0 {
		return nil
	}
	for _, c := range ps.byFirst {
		sort.SliceStable(c, func(i, j int) bool { return len(c[i]) > len(c[j]) })
	}
	return ps
}
