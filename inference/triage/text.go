package triage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a spaced script, or one character of Chinese (or
// another unspaced script), in the normalised text.
type token struct {
	text       string // a substring of the normalised text
	start, end int    // byte offsets in the normalised text
	clause     int    // clauses are split by sentence punctuation
	joinPrev   bool   // joined to the previous token by a hyphen
	han        bool   // a character of an unspaced script
}

// features are the intensity cues of a message, read before lowercasing.
type features struct {
	upper, lower int // Latin letters by case
	capsWords    int // words of four or more letters, all capitals
	bangRun      int // the longest run of '!'
}

// analysis is a message ready for matching.
type analysis struct {
	norm   string
	tokens []token
	feat   features
}

// unspaced reports whether r belongs to a script written without spaces
// between words, which is matched one character at a time.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// fold maps full-width forms and typographic variants to plain ones.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	case r == '’' || r == 'ʼ' || r == '‘' || r == '`' || r == '´':
		return '\''
	case r == '‐' || r == '‑' || r == '‒' || r == '–':
		return '-'
	case r == '。' || r == '｡':
		return '.'
	case r == '、' || r == '，':
		return ','
	}
	return r
}

// isClauseBreak reports whether r ends a clause.
func isClauseBreak(r rune) bool {
	switch r {
	case '.', '!', '?', ';', ',', ':', '\n', '…', '；', '：', '(', ')', '"', '“', '”', '「', '」', '『', '』', '《', '》', '【', '】', '¿', '¡':
		return true
	}
	return false
}

// analyse lowercases and folds text, drops apostrophes inside words
// ("don't" -> "dont"), turns redaction placeholders such as <EMAIL_1> into
// the token "<ph>", and splits the result into tokens.
func analyse(text string) analysis {
	var b strings.Builder
	b.Grow(len(text) + 8)
	var a analysis
	var prev rune
	wordLen, wordCaps := 0, true
	endWord := func() {
		if wordLen >= 4 && wordCaps {
			a.feat.capsWords++
		}
		wordLen, wordCaps = 0, true
	}
	bang := 0
	for i := 0; i < len(text); {
		if n := placeholderLen(text[i:]); n > 0 {
			endWord()
			b.WriteString(" <ph> ")
			i += n
			prev = ' '
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		r = fold(r)
		if r == '!' {
			bang++
			a.feat.bangRun = max(a.feat.bangRun, bang)
		} else if r != '?' {
			bang = 0
		}
		if unicode.IsLetter(r) && !unspaced(r) {
			wordLen++
			if unicode.IsUpper(r) {
				a.feat.upper++
			} else {
				a.feat.lower++
				wordCaps = false
			}
		} else {
			endWord()
		}
		if r == '\'' && unicode.IsLetter(prev) {
			next, _ := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(fold(next)) {
				continue // "don't" -> "dont"
			}
		}
		if r == utf8.RuneError {
			r = ' '
		}
		b.WriteRune(unicode.ToLower(r))
		prev = r
	}
	endWord()
	a.norm = b.String()
	a.tokens = tokenize(a.norm, make([]token, 0, 32))
	return a
}

// placeholderLen returns the length of a redaction placeholder such as
// <EMAIL_1> or <CREDIT_CARD_2> at the start of s, or 0.
func placeholderLen(s string) int {
	if len(s) < 5 || s[0] != '<' {
		return 0
	}
	i := 1
	for i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || s[i] == '_') {
		i++
	}
	if i == 1 || s[i-1] != '_' {
		return 0
	}
	d := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == d || i >= len(s) || s[i] != '>' {
		return 0
	}
	return i + 1
}

// tokenize splits normalised text into tokens, appending to out.
func tokenize(s string, out []token) []token {
	clause := 0
	start := -1 // start of the current spaced word
	joined := false
	flush := func(end int) {
		if start >= 0 {
			out = append(out, token{text: s[start:end], start: start, end: end, clause: clause, joinPrev: joined})
			start, joined = -1, false
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '<' && strings.HasPrefix(s[i:], "<ph>"):
			flush(i)
			out = append(out, token{text: s[i : i+4], start: i, end: i + 4, clause: clause})
			i += 4
			continue
		case unspaced(r):
			flush(i)
			out = append(out, token{text: s[i : i+size], start: i, end: i + size, clause: clause, han: true})
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
		case r == '-' && start >= 0:
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			flush(i)
			joined = unicode.IsLetter(next) || unicode.IsDigit(next)
		case (r == '.' || r == ',') && start >= 0 && isDigitAround(s, i, size):
			// 1,000 and 2.5 stay one token
		default:
			flush(i)
			joined = false
			if isClauseBreak(r) {
				clause++
			}
		}
		i += size
	}
	flush(len(s))
	return out
}

// isDigitAround reports whether the byte before i and the rune after the
// separator at i are both digits.
func isDigitAround(s string, i, size int) bool {
	next, _ := utf8.DecodeRuneInString(s[i+size:])
	return i > 0 && s[i-1] >= '0' && s[i-1] <= '9' && unicode.IsDigit(next)
}
