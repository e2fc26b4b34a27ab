package redact

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// fill reads t into the scan in one pass: words, lower case, marks, flags.
// With abort set it stops, returning false, at the first rune NFKC may
// change.
//
// The lower-case copy is made in a buffer of the scan that starts as a
// copy of t: the words with a capital are lowered in place and the
// placeholders blanked. When nothing changed, the copy is t itself.
func (s *scan) fill(t string, abort bool) bool {
	s.text = t
	s.placeholders = false
	words := s.words[:0]
	lb := append(s.lowerBuf[:0], t...)
	changed, stable, caseless := false, true, true
	var has wordKinds
	var marks wordMarks
	for i := 0; i < len(t); {
		c := t[i]
		var (
			w                  word
			j                  int
			hasUpper, unstable bool
		)
		if seen := asciiBits[c]; seen != 0 {
			// The common word: ASCII letters and digits, ended by
			// space or punctuation. Others go to readWord.
			for j = i + 1; j < len(t); j++ {
				b := asciiBits[t[j]]
				if b == 0 {
					break
				}
				seen |= b
			}
			if j < len(t) && (t[j] >= utf8.RuneSelf || t[j] == '\'' || t[j] == '-') {
				w, j, hasUpper, unstable = readWord(t, i)
			} else {
				w = word{start: i, end: j, kind: kindOfBits[seen]}
				if hasUpper = seen&bitUpper != 0; hasUpper {
					w.cap, w.upper = asciiCase(t[i:j], seen)
				}
			}
		} else if c < utf8.RuneSelf {
			// A placeholder from an earlier redaction is no text: no
			// words, and blank in the lower-case copy, so that no
			// detector reads "<PHONE_1>" as the word phone.
			if c == '<' {
				if n := placeholderAt(t, i); n > 0 {
					s.placeholders = true
					for x := i; x < i+n; x++ {
						lb[x] = ' '
					}
					changed = true
					i += n
					continue
				}
			}
			i++
			continue
		} else {
			r, size := decodeRune(t, i)
			if !stableRune(r) {
				if abort {
					return false
				}
				stable = false
			}
			if isCJK(r) {
				j, ok := cjkRun(t, i+size)
				if !ok {
					if abort {
						return false
					}
					stable = false
				}
				words = append(words, word{start: i, end: j, kind: wCJK})
				has |= 1 << wCJK
				i = j
				continue
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += size
				continue
			}
			w, j, hasUpper, unstable = readWord(t, i)
		}
		if unstable {
			if abort {
				return false
			}
			stable = false
		}
		if hasUpper {
			caseless = false
			lowerInto(lb[w.start:w.end], t[w.start:w.end])
			changed = true
			w.hasUpper = true
		}
		// Most words can have no mark (see markOf): they are passed
		// over here.
		n := w.end - w.start
		if w.kind != wLetters || w.upper || j < len(t) && (t[j] == '.' || t[j] == ':') ||
			n < len(shortWordFirsts) && lb[w.start]-'a' < 26 && shortWordFirsts[n]&(1<<(lb[w.start]-'a')) != 0 {
			w.marks = markOf(t, lb, w)
			marks |= w.marks
		}
		has |= kindBit[w.kind]
		if w.cap {
			has |= hasCap
		}
		words = append(words, w)
		i = j
	}
	s.words = words
	s.lowerBuf = lb[:0]
	s.lower = t
	if changed {
		// lower shares lowerBuf: see the field.
		s.lower = unsafe.String(unsafe.SliceData(lb), len(lb))
	}
	s.caseless = caseless
	s.has = has
	s.marks = marks
	s.cuesAt = 0
	if cap(s.flags) < len(words) {
		s.flags = make([]lexFlags, len(words), len(words)+len(words)/2)
	} else {
		s.flags = s.flags[:len(words)]
		clear(s.flags)
	}
	return stable
}

// asciiCase returns whether an ASCII word with a capital (seen holds the
// asciiBits of its bytes) is capitalised, and whether it is all capitals.
func asciiCase(w string, seen uint8) (capital, upper bool) {
	capital = isUpper(w[0])
	if !capital && isDigit(w[0]) {
		// 12B: the first letter decides.
		for x := 1; x < len(w); x++ {
			if !isDigit(w[x]) {
				capital = isUpper(w[x])
				break
			}
		}
	}
	if seen&bitLower == 0 {
		// Capitals only: upper case as a word when there are two.
		n := 0
		for x := 0; x < len(w) && n < 2; x++ {
			if isUpper(w[x]) {
				n++
			}
		}
		upper = n >= 2
	}
	return capital, upper
}

// kindOfBits is the kind of an ASCII word by the asciiBits it holds, and
// kindBit the set of one kind.
var (
	kindOfBits = func() (k [8]wordKind) {
		for seen := range k {
			switch {
			case seen&bitDigit == 0:
				k[seen] = wLetters
			case seen&(bitUpper|bitLower) == 0:
				k[seen] = wDigits
			default:
				k[seen] = wMixed
			}
		}
		return k
	}()
	kindBit = [4]wordKinds{1 << wLetters, 1 << wDigits, 1 << wMixed, 1 << wCJK}
)

// lowerInto writes w in lower case over dst, which holds w: rune for rune,
// where the lower case has the same length.
func lowerInto(dst []byte, w string) {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if isUpper(c) {
				dst[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			utf8.EncodeRune(dst[i:], l)
		}
		i += size
	}
}

// The bits of asciiBits.
const (
	bitDigit = 1 << iota
	bitUpper
	bitLower
)

// asciiBits marks the ASCII digits and letters, for the word reader's
// fast path.
var asciiBits = func() (b [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		b[c] = bitDigit
	}
	for c := 'A'; c <= 'Z'; c++ {
		b[c] = bitUpper
		b[c+'a'-'A'] = bitLower
	}
	return b
}()

// cjkRun returns the end of the run of CJK characters from i, and whether
// they are all NFKC-stable.
func cjkRun(t string, i int) (int, bool) {
	ok := true
	for i < len(t) {
		if hanAt(t, i) { // common Han: CJK and stable
			i += 3
			continue
		}
		r, size := decodeRune(t, i)
		if !isCJK(r) {
			break
		}
		ok = ok && stableRune(r)
		i += size
	}
	return i, ok
}
