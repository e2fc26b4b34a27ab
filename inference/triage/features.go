package triage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The learned model reads a message as a bag of hashed features:
//
//   - character n-grams of 2 to 5 letters inside each word, with the word's
//     edges marked, so that "humna" shares most of its n-grams with "human"
//     and "kollegaer" with "kollega";
//   - single characters, pairs and triples of Chinese, which has no spaces;
//   - words, and pairs of neighbouring words.
//
// The text is NFKC-normalised (full-width forms become plain ones) and
// lowercased, and a redaction placeholder such as <PHONE_2> becomes the
// word "<phone>", so that the model learns from the kind of data that was
// there and not from its number.
const (
	hashBits = 18
	hashDim  = 1 << hashBits
	maxGram  = 5 // the longest character n-gram, edges included
)

// Feature kinds, mixed into the hash so that the word "ai" and the
// n-gram "ai" are different features.
const (
	kindChar byte = 'c'
	kindHan  byte = 'h'
	kindWord byte = 'w'
	kindPair byte = 'p'
)

// feature is one hashed feature and the text it came from.
type feature struct {
	h          uint32 // in [0, hashDim)
	start, end int    // byte span in the normalised text, for evidence
}

// mword is one word of the normalised text: a run of letters and digits,
// a run of Chinese characters, or a placeholder.
type mword struct {
	start, end int
	han        bool
}

// modelText normalises text for the model and splits it into words.
func modelText(text string) (string, []mword) {
	if !norm.NFKC.IsNormalString(text) {
		text = norm.NFKC.String(text)
	}
	var b strings.Builder
	b.Grow(len(text))
	words := make([]mword, 0, 24)
	start, han := -1, false
	flush := func() {
		if start >= 0 {
			words = append(words, mword{start: start, end: b.Len(), han: han})
			start = -1
		}
	}
	for i := 0; i < len(text); {
		if n := placeholderLen(text[i:]); n > 0 {
			flush()
			kind := strings.TrimRight(text[i+1:i+n-1], "0123456789")
			kind = strings.TrimSuffix(kind, "_")
			b.WriteByte(' ')
			s := b.Len()
			b.WriteString("<" + strings.ToLower(kind) + ">")
			words = append(words, mword{start: s, end: b.Len()})
			b.WriteByte(' ')
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		r = unicode.ToLower(fold(r))
		switch {
		case r == '\'' && start >= 0 && !han:
			continue // "don't" -> "dont"
		case unspaced(r):
			if start >= 0 && !han {
				flush()
			}
			if start < 0 {
				start, han = b.Len(), true
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start >= 0 && han {
				flush()
			}
			if start < 0 {
				start, han = b.Len(), false
			}
		default:
			flush()
			if r == utf8.RuneError || unicode.IsSpace(r) {
				r = ' '
			}
		}
		b.WriteRune(r)
	}
	flush()
	return b.String(), words
}

// fnv-1a, 32 bits.
const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

func hashByte(h uint32, c byte) uint32 { return (h ^ uint32(c)) * fnvPrime }

func hashString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = hashByte(h, s[i])
	}
	return h
}

// extract appends the features of text to out and returns the
// normalised text their spans point into.
func extract(text string, out []feature) (string, []feature) {
	s, words := modelText(text)
	var offs [65]int // rune offsets of one word, and its end
	prev := -1       // index of the previous spaced word
	for wi, w := range words {
		word := s[w.start:w.end]
		if w.han {
			out = hanGrams(s, w, out)
			prev = -1
			continue
		}
		out = append(out, feature{h: hashString(hashByte(fnvOffset, kindWord), word) % hashDim, start: w.start, end: w.end})
		if prev >= 0 {
			p := words[prev]
			h := hashString(hashByte(fnvOffset, kindPair), s[p.start:p.end])
			h = hashString(hashByte(h, ' '), word)
			out = append(out, feature{h: h % hashDim, start: p.start, end: w.end})
		}
		prev = wi
		if word[0] == '<' {
			continue // a placeholder counts as one word
		}
		n := 0
		for i := range word {
			if n == len(offs)-1 {
				break
			}
			offs[n] = w.start + i
			n++
		}
		offs[n] = w.end
		// Positions -1 and n stand for the word's edges.
		for i := -1; i < n; i++ {
			for size := 2; size <= maxGram; size++ {
				j := i + size // one past the last position
				if j > n+1 {
					break
				}
				h := hashByte(fnvOffset, kindChar)
				for k := i; k < j; k++ {
					if k < 0 || k >= n {
						h = hashByte(h, ' ')
					} else {
						h = hashString(h, s[offs[k]:offs[k+1]])
					}
				}
				out = append(out, feature{h: h % hashDim, start: w.start, end: w.end})
			}
		}
	}
	return s, out
}

// hanGrams appends the single characters, pairs and triples of a run of
// Chinese characters.
func hanGrams(s string, w mword, out []feature) []feature {
	var offs [4]int // byte offsets of the last up to 3 characters, and the next
	n := 0
	for i := w.start; i < w.end; {
		_, size := utf8.DecodeRuneInString(s[i:])
		if n == 3 {
			copy(offs[:], offs[1:])
			n = 2
		}
		offs[n] = i
		n++
		i += size
		offs[n] = i
		for k := 0; k < n; k++ {
			h := hashString(hashByte(fnvOffset, kindHan), s[offs[k]:i])
			out = append(out, feature{h: h % hashDim, start: offs[k], end: i})
		}
	}
	return out
}
