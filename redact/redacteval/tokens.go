package redacteval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word, a number or a single CJK character, as byte offsets.
type token struct{ start, end int }

// tokenize cuts text into runs of letters, marks and digits. Han, kana and
// other scripts written without spaces count one character per token, so
// that a Chinese name weighs by its length like an English one does.
// Punctuation and spaces are not tokens.
func tokenize(text string) []token {
	var out []token
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		single := word && r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
			unicode.Is(unicode.Katakana, r))
		if start >= 0 && (!word || single) {
			out = append(out, token{start, i})
			start = -1
		}
		switch {
		case single:
			out = append(out, token{i, i + utf8.RuneLen(r)})
		case word && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, token{start, len(text)})
	}
	return out
}

// isSkipWord reports whether a token carries no personal data by itself:
// English function words and the keywords that surround addresses, titles
// and dates. Like presidio-evaluator, the scorer does not count such a
// token when gold and prediction disagree on it.
func isSkipWord(tok string) bool {
	return skipWords[strings.ToLower(tok)]
}

var skipWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(skipWordList) {
		m[w] = true
	}
	return m
}()

// skipWordList is compiled for this package: common English function words,
// and the address, title and time words that presidio-evaluator also
// skips.
const skipWordList = `
a about above after again against all almost also am an and any are as at
be because been before being below between both but by can could did do
does doing down during each either else ever every few for from further had
has have having he her here hers herself him himself his how i if in into
is it its itself just me more most my myself neither no nor not now of off
on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they
this those through to too under until up upon very was we were what when
where which while who whom whose why will with within would yet you your
yours yourself yourselves s t d ll m re ve
street st road rd rue via de da del la le di du des van von der den
address country state city zip po p o apt unit corner box suite
mr mrs ms miss dr sir madam
day days week weeks weekend month months year years y old age ago
morning noon afternoon evening night this first last
inc ltd llc
`
