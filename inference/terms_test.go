package inference

import (
	"maps"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// termsSplit is terms as it was first written: the text lower-cased,
// split into words, each read for Han pairs.
func termsSplit(s string) map[string]bool {
	out := map[string]bool{}
	var han []rune
	flushHan := func() {
		for i := 0; i+1 < len(han); i++ {
			out[string(han[i:i+2])] = true
		}
		if len(han) == 1 {
			out[string(han)] = true
		}
		han = han[:0]
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		for _, r := range w {
			if unicode.Is(unicode.Han, r) {
				han = append(han, r)
			} else {
				flushHan()
			}
		}
		flushHan()
		if len([]rune(w)) > 2 && !unicode.Is(unicode.Han, []rune(w)[0]) {
			out[w] = true
		}
	}
	return out
}

// numbersRunes is numbers as it was first written, over the text's runes.
func numbersRunes(s string) map[string]bool {
	out := map[string]bool{}
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out[strings.TrimLeft(cur.String(), "0")+"#"] = true
			cur.Reset()
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r >= '0' && r <= '9':
			cur.WriteRune(r)
		case r >= '０' && r <= '９':
			cur.WriteRune('0' + r - '０')
		case (r == ',' || r == '.') && cur.Len() > 0 && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9':
		default:
			flush()
		}
	}
	flush()
	return out
}

// TestTermsAndNumbersAsSplit checks the one-pass terms and numbers
// against the first, plainer versions, over mixed texts.
func TestTermsAndNumbersAsSplit(t *testing.T) {
	pieces := []string{"Return", "ÆBLE", "øre", "退货", "退款多久到账", "請問", "a", "12", "2,400", "1.299", "０７", "00", "0",
		" ", ", ", ".", "!", "\xff", "\uFFFD", "İstanbul", "ΣΊΣΥΦΟΣ", "don't", "e-mail", "x9y", "Ⅻ", "ǅ", "ß", "\t", "。", "kr."}
	rnd := rand.New(rand.NewPCG(1, 2))
	texts := []string{"", "How do I return an item? 30 days, 1.299 kr.", "退款多久到账？7-10个工作日", "Hvor lang tid tager levering"}
	for range 3000 {
		var b strings.Builder
		for range rnd.IntN(12) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := terms(s), termsSplit(s); !maps.Equal(got, want) {
			t.Errorf("terms(%q) = %v, want %v", s, got, want)
		}
		if got, want := numbers(s), numbersRunes(s); !maps.Equal(got, want) {
			t.Errorf("numbers(%q) = %v, want %v", s, got, want)
		}
	}
}
