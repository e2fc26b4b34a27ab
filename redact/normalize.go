package redact

import (
	"strings"
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
	if isASCII(s) || norm.NFKC.IsNormalString(s) {
		return normalized{text: s}
	}
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, len(s)+1)
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var out string
		switch {
		case r < utf8.RuneSelf:
			out = s[i : i+1]
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			n := utf8.EncodeRune(buf[:], r-0xFEE0)
			out = string(buf[:n])
		case r == 0x3000: // ideographic space
			out = " "
		default:
			out = s[i : i+size]
			if !norm.NFKC.IsNormalString(out) {
				out = norm.NFKC.String(out)
			}
		}
		b.WriteString(out)
		for range len(out) {
			orig = append(orig, i)
		}
		i += size
	}
	orig = append(orig, len(s))
	return normalized{text: b.String(), orig: orig}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
