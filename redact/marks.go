package redact

import (
	"strings"
	"unsafe"
)

// wordMarks says which detectors a word can start a candidate for. The
// marks are set as the words are read, so that the detectors that look
// for rare words (identifiers, sign-offs) skip the others at the cost of
// one bit test, and skip a text without any at once.
type wordMarks uint8

const (
	markIP        wordMarks = 1 << iota // hex digits followed by . or :
	markIBAN                            // letters and digits, two letters and two digits first
	markLetterID                        // starts with one or two capitals: A123456, AB
	markDocument                        // 6-20 letters and digits, five digits or more
	markSignOff                         // a sign-off, or the last word of a two-word one
	markPlacePrep                       // from, in, fra, i, di, dari
)

// markOf returns the marks of word w of t, whose lower-case form is in
// lower.
func markOf(t string, lower []byte, w word) wordMarks {
	var m wordMarks
	n := w.end - w.start
	switch w.kind {
	case wLetters:
		if w.upper && n <= 2 && isUpper(t[w.start]) {
			m |= markLetterID
		}
		if first := lower[w.start]; n < len(shortWordFirsts) && first-'a' < 26 && shortWordFirsts[n]&(1<<(first-'a')) != 0 {
			switch lw := unsafe.String(&lower[w.start], n); {
			case isSignOff(lw) || endsSignOffPair(lw):
				m |= markSignOff
			case isPlacePrep(lw):
				m |= markPlacePrep
			}
		}
	case wMixed:
		if isUpper(t[w.start]) {
			m |= markLetterID
		}
		if n >= 4 && isAlpha(t[w.start]) && isAlpha(t[w.start+1]) && isDigit(t[w.start+2]) && isDigit(t[w.start+3]) {
			m |= markIBAN
		}
		if n >= 6 && n <= 20 && countDigits(t[w.start:w.end]) >= 5 {
			m |= markDocument
		}
	case wDigits:
		if n >= 6 && n <= 20 && countDigits(t[w.start:w.end]) >= 5 {
			m |= markDocument
		}
	}
	if w.end < len(t) && (t[w.end] == '.' || t[w.end] == ':') && allHex(t[w.start:w.end]) {
		m |= markIP
	}
	return m
}

// shortWordFirsts holds, by length, the first letters of the sign-offs
// and of the words before a place, so that most words are passed over at
// once.
var shortWordFirsts = func() (m [10]uint32) {
	words := append(strings.Fields(signOffs), "you", "kasih", "benar", "from", "in", "fra", "i", "di", "dari")
	for _, w := range words {
		m[len(w)] |= 1 << (w[0] - 'a') // (an index out of range here: make the array longer)
	}
	return m
}()

// isPlacePrep reports whether a lower-case word is one that stands
// between a location cue and the place: "from", "in", "fra", "i", "di",
// "dari".
func isPlacePrep(w string) bool {
	switch w {
	case "from", "in", "fra", "i", "di", "dari":
		return true
	}
	return false
}
