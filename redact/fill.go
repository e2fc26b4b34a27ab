package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lowerCopy builds the lower-case copy of a text only once a change is
// needed; until then the copy is the text itself.
type lowerCopy struct {
	b    strings.Builder
	t    string
	last int // t[last:] is still to be copied
}

// upTo copies the text up to i, from where the copy will differ.
func (l *lowerCopy) upTo(i int) {
	if l.b.Cap() == 0 {
		l.b.Grow(len(l.t))
	}
	l.b.WriteString(l.t[l.last:i])
}

// blank writes n spaces in place of t[i:i+n].
func (l *lowerCopy) blank(i, n int) {
	l.upTo(i)
	for range n {
		l.b.WriteByte(' ')
	}
	l.last = i + n
}

// lowerWord writes t[i:j] in lower case.
func (l *lowerCopy) lowerWord(i, j int) {
	l.upTo(i)
	writeLower(&l.b, l.t[i:j])
	l.last = j
}

func (l *lowerCopy) String() string {
	if l.b.Cap() == 0 {
		return l.t
	}
	l.b.WriteString(l.t[l.last:])
	return l.b.String()
}

// fill reads t into the scan in one pass: words, lower case, flags. With
// abort set it stops, returning false, at the first rune NFKC may change.
func (s *scan) fill(t string, abort bool) bool {
	s.text = t
	s.words = s.words[:0]
	lower := lowerCopy{t: t}
	stable, caseless := true, true
	for i := 0; i < len(t); {
		c := t[i]
		if c == '<' {
			// A placeholder from an earlier redaction is no text: no
			// words, and blank in the lower-case copy, so that no
			// detector reads "<PHONE_1>" as the word phone.
			if n := placeholderAt(t, i); n > 0 {
				lower.blank(i, n)
				i += n
				continue
			}
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[i:])
			if !stableRune(r) {
				if abort {
					return false
				}
				stable = false
			}
		} else if asciiClass[c] == 0 {
			i++
			continue
		}
		switch {
		case c >= utf8.RuneSelf && isCJK(r):
			j, ok := cjkRun(t, i+size)
			if !ok {
				if abort {
					return false
				}
				stable = false
			}
			s.words = append(s.words, word{start: i, end: j, kind: wCJK})
			i = j
		case c < utf8.RuneSelf || unicode.IsLetter(r) || unicode.IsDigit(r):
			w, j, hasUpper, unstable := readWord(t, i)
			if unstable {
				if abort {
					return false
				}
				stable = false
			}
			s.words = append(s.words, w)
			if hasUpper {
				caseless = false
				lower.lowerWord(w.start, w.end)
			}
			i = j
		default:
			i += size
		}
	}
	s.lower = lower.String()
	s.caseless = caseless
	s.has = 0
	for _, w := range s.words {
		s.has |= 1 << w.kind
		if w.cap {
			s.has |= hasCap
		}
	}
	if cap(s.flags) < len(s.words) {
		s.flags = make([]lexFlags, len(s.words), len(s.words)+len(s.words)/2)
	} else {
		s.flags = s.flags[:len(s.words)]
		clear(s.flags)
	}
	return stable
}

// cjkRun returns the end of the run of CJK characters from i, and whether
// they are all NFKC-stable.
func cjkRun(t string, i int) (int, bool) {
	ok := true
	for i < len(t) {
		r, size := utf8.DecodeRuneInString(t[i:])
		if r >= 0x4E00 && r <= 0x9FFF { // common Han: CJK and stable
			i += size
			continue
		}
		if !isCJK(r) {
			break
		}
		ok = ok && stableRune(r)
		i += size
	}
	return i, ok
}
