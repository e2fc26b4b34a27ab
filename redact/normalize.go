package redact

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalized is an NFKC form of a text together with the map from its byte
// offsets back to the original's.
type normalized struct {
	text string
	// orig[i] is the offset in the original text of the rune that produced
	// byte i of text; orig[len(text)] is the original's length. Nil when
	// text is the original unchanged.
	orig []int
}

// normalize folds text to NFKC one rune at a time, so that every byte of the
// result can be traced to the rune it came from. Full-width digits and
// letters, the ideographic space and other compatibility forms become their
// plain equivalents; ASCII and already-normal text is returned as is.
func normalize(s string) normalized {
	if allStable(s) {
		return normalized{text: s}
	}
	b, orig := normalizeInto(nil, make([]int, 0, len(s)+1), s)
	return normalized{text: string(b), orig: orig}
}

// normalizeInto appends the NFKC form of s (see normalize) to dst, and
// the map from its bytes to the offsets of s to orig.
func normalizeInto(dst []byte, orig []int, s string) ([]byte, []int) {
	copied := 0 // s[copied:i] is to be written as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			orig = append(orig, i)
			i++
			continue
		}
		if hanAt(s, i) { // stable
			orig = append(orig, i, i, i)
			i += 3
			continue
		}
		r, size := decodeRune(s, i)
		var out string
		var fullWidth byte // the ASCII form of a full-width rune
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			fullWidth = byte(r - 0xFEE0)
		case r == 0x3000: // ideographic space
			fullWidth = ' '
		case stableRune(r):
			for range size {
				orig = append(orig, i)
			}
			i += size
			continue
		default:
			v := s[i : i+size]
			if norm.NFKC.IsNormalString(v) {
				for range size {
					orig = append(orig, i)
				}
				i += size
				continue
			}
			out = norm.NFKC.String(v)
		}
		dst = append(dst, s[copied:i]...)
		if fullWidth != 0 {
			dst = append(dst, fullWidth)
			orig = append(orig, i)
		} else {
			dst = append(dst, out...)
			for range len(out) {
				orig = append(orig, i)
			}
		}
		i += size
		copied = i
	}
	dst = append(dst, s[copied:]...)
	return dst, append(orig, len(s))
}

// allStable reports whether every rune of s is one NFKC leaves alone, so
// that most texts skip the normaliser's own (slower) check.
func allStable(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if hanAt(s, i) {
			i += 3
			continue
		}
		r, size := decodeRune(s, i)
		if !stableRune(r) {
			return false
		}
		i += size
	}
	return true
}

// stableRune reports whether NFKC maps r to itself and never composes it
// with what precedes it: the letters of the Latin, Greek and Cyrillic
// alphabets customers write in, Han characters, kana, hangul syllables,
// and the common CJK and typographic punctuation. Other runes go through
// the normaliser.
func stableRune(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0x131, r >= 0x134 && r <= 0x13E, r >= 0x141 && r <= 0x148, r >= 0x14A && r <= 0x17E:
		return true // Latin-1 letters and Latin Extended-A, less ĳ, ŀ, ŉ, ſ
	case r >= 0x391 && r <= 0x3A9, r >= 0x3B1 && r <= 0x3C9, r >= 0x400 && r <= 0x4FF:
		return true // Greek and Cyrillic letters
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3, r >= 0x3041 && r <= 0x3096, r >= 0x30A1 && r <= 0x30FA:
		return true // Han, hangul, hiragana, katakana
	case r >= 0x3001 && r <= 0x3002, r >= 0x3008 && r <= 0x3011, r == 0x2013, r == 0x2014, r >= 0x2018 && r <= 0x2019,
		r >= 0x201C && r <= 0x201D, r == 0x20AC, r == 0xA5, r == 0xA3, r == 0xA7, r == 0xB0, r == 0xB7:
		return true // 、。〈〉《》「」『』【】 – — ‘ ’ “ ” € ¥ £ § ° ·
	}
	return false
}

// origStart maps a start offset in the normalised text to the original.
func (n normalized) origStart(i int) int {
	if n.orig == nil {
		return i
	}
	return n.orig[i]
}

// origEnd maps an end offset in the normalised text to the original: the
// end of the original rune that produced byte i-1.
func (n normalized) origEnd(i int) int {
	if n.orig == nil {
		return i
	}
	if i == 0 {
		return n.orig[0]
	}
	prev := n.orig[i-1]
	for j := i; j < len(n.orig); j++ {
		if n.orig[j] > prev {
			return n.orig[j]
		}
	}
	return n.orig[len(n.orig)-1]
}
