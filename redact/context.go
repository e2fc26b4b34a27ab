package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// contextBefore returns the lower-case text just before offset i. (The
// lower-case copy has placeholders blanked out, so that a redacted
// <PHONE_1> is not read as the word phone.)
func (s *scan) contextBefore(i int) string {
	from := max(0, i-40)
	for from > 0 && from < i && s.lower[from]&0xC0 == 0x80 {
		from--
	}
	return s.lower[from:i]
}

// contextCues are the cue sets read before numbers and identifiers, all
// in one pass (see cuesBefore), in the order of the constants below.
var contextCues = newCueGroups(phoneCueWords, notPersonalCueWords, idCueWords, numberWords, licenceCues, passportCues)

// The sets of contextCues: words that name a phone, an order or product
// (not personal), an identifier, a number of any kind, a driving licence
// and a passport.
const (
	phoneCue = iota
	notPersonalCue
	idCue
	numberCue
	licenceCue
	passportCue
	contextCueSets
)

// cuesBefore returns, for each set of contextCues, the offset of its last
// cue in the lower-case text before offset i (wordsBefore), counted from
// the start of that text, or -1. The last answer is kept: a number and
// the identifier check of the same word ask about the same place.
func (s *scan) cuesBefore(i int) [contextCueSets]int {
	if s.cuesAt != i+1 {
		contextCues.lastEach(s.wordsBefore(i), s.cues[:])
		s.cuesAt = i + 1
	}
	return s.cues
}

// stripPlaceholders removes <TYPE_n> placeholders from s.
func stripPlaceholders(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 || !isPlaceholder(s[i:i+j+1]) {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// PlaceholderAt returns the type of the placeholder (<TYPE_n>) that s
// begins with, and its length; 0 when s begins with none.
func PlaceholderAt(s string) (Type, int) {
	if len(s) < 5 || s[0] != '<' {
		return "", 0
	}
	j := strings.IndexByte(s, '>')
	if j < 0 || !isPlaceholder(s[:j+1]) {
		return "", 0
	}
	return Type(s[1:strings.LastIndexByte(s[:j], '_')]), j + 1
}

// isPlaceholder reports whether s has the form <TYPE_n>.
func isPlaceholder(s string) bool {
	if len(s) < 5 || s[0] != '<' || s[len(s)-1] != '>' {
		return false
	}
	u := strings.LastIndexByte(s, '_')
	if u < 2 || u == len(s)-2 {
		return false
	}
	for i := 1; i < u; i++ {
		if !isUpper(s[i]) && s[i] != '_' {
			return false
		}
	}
	for i := u + 1; i < len(s)-1; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// hasAny reports whether any of words occurs in s at the start of a word.
func hasAny(s string, words ...string) bool { return lastCue(s, words...) >= 0 }

// lastCue returns the offset of the last occurrence in s of any of words
// that starts a word (a cue written in Latin letters must not be the tail
// of another word: "call" is not in "Callum"), or -1.
func lastCue(s string, words ...string) int {
	best := -1
	for _, w := range words {
		for end := len(s); ; {
			i := strings.LastIndex(s[:end], w)
			if i < 0 {
				break
			}
			if i == 0 || !isAlnum(w[0]) || !isAlnum(s[i-1]) && s[i-1] < 0x80 || s[i-1] >= 0x80 && !latinLetterBefore(s, i) {
				best = max(best, i)
				break
			}
			end = i
		}
	}
	return best
}

// latinLetterBefore reports whether the rune ending at i is a letter of a
// script written with spaces (so that "søn" is one word, not "s" + "øn").
func latinLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) && !isCJK(r)
}

// notPersonalCues say that the number after them is an order, invoice,
// tracking or product number.
var notPersonalCues = newCueSet(notPersonalCueWords...)

var notPersonalCueWords = []string{"order", "ordre", "bestilling", "invoice", "faktura", "sku", "tracking",
	"track", "sporing", "pesanan", "invois", "订单", "訂單", "单号", "單號", "发票", "發票",
	"#", "no.", "nr.", "ref", "serial", "serienummer", "model", "version", "版本", "ticket", "case", "kunde",
	"customer", "kundenummer", "varenr", "item", "ordrenummer", "penjejakan", "resit", "receipt", "kvittering",
	"contract", "kontrakt", "booking", "reservation"}

func notPersonalContext(ctx string) bool { return notPersonalCues.has(ctx) }

// labelledNotPersonal reports whether the words before a number end with
// a label of an order, tracking or other not-personal number ("Tracking
// 630018829311", "order no. 4412..."), a "no." or "number" and
// punctuation allowed after it.
func labelledNotPersonal(ctx string) bool {
	b := strings.TrimRight(ctx, " :#.-")
	for _, w := range []string{"number", "nummer", "nombor", "no", "nr"} {
		if strings.HasSuffix(b, w) && (len(b) == len(w) || !isWordByte(b[len(b)-len(w)-1])) {
			b = strings.TrimRight(b[:len(b)-len(w)], " :#.-")
			break
		}
	}
	for _, w := range notPersonalCueWords {
		if w == "#" || w == "no." || w == "nr." {
			continue
		}
		if strings.HasSuffix(b, w) && (len(b) == len(w) || !isWordByte(b[len(b)-len(w)-1]) || w[0] >= 0x80) {
			return true
		}
	}
	return false
}

// notPersonalAfter reports whether a not-personal cue stands in ctx after
// offset other (the nearest cue decides: "手機 5912 9776，訂單 20249690").
func notPersonalAfter(ctx string, other int) bool { return notPersonalCues.last(ctx) > other }
