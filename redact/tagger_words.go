package redact

import (
	"strings"
	"unicode/utf8"
)

// textCase says how the whole text is written: 0 as usual, 1 without
// capitals, 2 in capitals, 3 with capitals only where sentences start.
func (s *scan) textCase() uint32 {
	switch {
	case s.caseless:
		return 1
	case s.shouting:
		return 2
	case s.lowish:
		return 3
	}
	return 0
}

func lastRunes(w string, n int) string {
	i := len(w)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}

func isASCII(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// notNamePhraseAt reports whether word k is part of a brand, shop or place
// phrase of the list (John Lewis, Taman Tun Dr Ismail), looking back at
// most four words for its start.
func (s *scan) notNamePhraseAt(k int) bool {
	for from := k; from >= 0 && k-from < 5; from-- {
		if s.tagLex(from)&lxNotNameStart == 0 {
			continue
		}
		for to := k; to < len(s.words) && to-from < 5; to++ {
			if notNamePhrases[s.lower[s.words[from].start:s.words[to].end]] {
				return true // written with single spaces, the common case
			}
			if p := s.lower[s.words[from].start:s.words[to].end]; strings.Contains(p, "  ") || strings.ContainsAny(p, "\n\t") {
				if notNamePhrases[strings.Join(strings.Fields(p), " ")] {
					return true
				}
			}
		}
	}
	return false
}
