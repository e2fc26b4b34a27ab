package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a run of letters (with inner apostrophes and hyphens), a run of
// digits, or a run of CJK characters.
type word struct {
	start, end int
	kind       wordKind
	// cap is set when the first letter is upper case, upper when every
	// letter is (and there are at least two).
	cap, upper bool
	// hasUpper is set when the word has an upper-case letter.
	hasUpper bool
	marks    wordMarks
}

type wordKind uint8

// wordKinds is a set of word kinds, plus hasCap for capitalised words.
type wordKinds uint8

const hasCap wordKinds = 1 << 7

func (k wordKinds) any(kinds ...wordKind) bool {
	for _, w := range kinds {
		if k&(1<<w) != 0 {
			return true
		}
	}
	return false
}

const (
	wLetters wordKind = iota // letters only
	wDigits                  // digits only
	wMixed                   // letters and digits (12B, LH123456789DK)
	wCJK                     // Han, kana or hangul
)

func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3040 && r <= 0x30FF, r >= 0xAC00 && r <= 0xD7AF:
		return true // the common Han block, kana, hangul syllables
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// readWord reads one letter-or-digit word starting at i. It also reports
// whether the word has an upper-case letter, and whether it has a rune
// NFKC may change.
func readWord(t string, i int) (w word, end int, hasUpper, unstable bool) {
	w.start = i
	letters, digits, uppers := 0, 0, 0
	j := i
	// Plain ASCII letters and digits first, the common case.
	var count [4]int
	for j < len(t) {
		k := asciiClass[t[j]]
		if k == 0 {
			break
		}
		count[k]++
		j++
	}
	if j > i {
		digits, uppers = count[clDigit], count[clUpper]
		letters = uppers + count[clLower]
		w.cap = asciiClass[t[i]] == clUpper
		if !w.cap && letters > 0 && asciiClass[t[i]] == clDigit {
			// 12B: the first letter decides.
			for x := i; x < j; x++ {
				if asciiClass[t[x]] != clDigit {
					w.cap = asciiClass[t[x]] == clUpper
					break
				}
			}
		}
	}
	for j < len(t) {
		c := t[j]
		if c < utf8.RuneSelf {
			switch {
			case isDigit(c):
				digits++
			case isAlpha(c):
				letters++
				if isUpper(c) {
					uppers++
					if letters == 1 {
						w.cap = true
					}
				}
			case (c == '\'' || c == '-') && j+1 < len(t) && letters > 0 && digits == 0 && isWordLetterAt(t, j+1) &&
				!possessive(t, j+1):
				// O'Brien, Anne-Marie, but not the 's of Anna's
			default:
				goto done
			}
			j++
			continue
		}
		r, size := decodeRune(t, j)
		if !stableRune(r) && !isCJK(r) {
			unstable = true
		}
		switch {
		case r == '’' && letters > 0 && isWordLetterAt(t, j+size) && !possessive(t, j+size):
		case isCJK(r):
			goto done
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				uppers++
				if letters == 1 {
					w.cap = true
				}
			}
		case unicode.IsMark(r):
		case unicode.IsDigit(r):
			digits++
		default:
			goto done
		}
		j += size
	}
done:
	w.end = j
	switch {
	case digits == 0:
		w.kind = wLetters
	case letters == 0:
		w.kind = wDigits
	default:
		w.kind = wMixed
	}
	w.upper = letters >= 2 && uppers == letters
	return w, j, uppers > 0, unstable
}

const (
	clDigit = 1 + iota
	clUpper
	clLower
)

// asciiClass classifies ASCII bytes for the word reader.
var asciiClass = func() (c [256]uint8) {
	for b := '0'; b <= '9'; b++ {
		c[b] = clDigit
	}
	for b := 'A'; b <= 'Z'; b++ {
		c[b] = clUpper
		c[b+'a'-'A'] = clLower
	}
	return c
}()

// possessive reports whether an apostrophe ending just before i is that
// of a possessive or a contraction: Anna's, Anna’s, we'll, isn't.
func possessive(t string, i int) bool {
	end := i
	for end < len(t) && end-i < 3 && isAlpha(t[end]) {
		end++
	}
	if end < len(t) && isWordLetterAt(t, end) {
		return false
	}
	switch strings.ToLower(t[i:end]) {
	case "s", "ll", "re", "ve", "d", "t", "m":
		return true
	}
	return false
}

func isWordLetterAt(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsLetter(r) && !isCJK(r)
}

// gap returns the text between word k-1 and word k (or before word 0).
func (s *scan) gap(k int) string {
	if k <= 0 {
		if len(s.words) == 0 {
			return s.text
		}
		return s.text[:s.words[0].start]
	}
	if k >= len(s.words) {
		return s.text[s.words[len(s.words)-1].end:]
	}
	return s.text[s.words[k-1].end:s.words[k].start]
}

// lw returns word k in lower case.
func (s *scan) lw(k int) string { return s.lower[s.words[k].start:s.words[k].end] }

// tw returns word k as written.
func (s *scan) tw(k int) string { return s.text[s.words[k].start:s.words[k].end] }
