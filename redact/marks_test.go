package redact

import "testing"

// TestWordMarks checks the marks against the conditions the detectors
// used to test word by word, on the support corpus.
func TestWordMarks(t *testing.T) {
	msgs, _ := loadCorpus(t)
	msgs = append(msgs, "IP 10.0.0.1: fe80::1, NI AB 12 34 56 C, DK50 0040 0440 1162 43 Mvh\nIb", "ø12345678 Ａ12345６")
	for _, m := range msgs {
		s, _ := scanText(m)
		all := wordMarks(0)
		t0 := s.text
		for k, w := range s.words {
			n := w.end - w.start
			want := wordMarks(0)
			if w.kind != wCJK && w.end < len(t0) && (t0[w.end] == '.' || t0[w.end] == ':') && allHex(t0[w.start:w.end]) {
				want |= markIP
			}
			if w.kind == wMixed && n >= 4 && isAlpha(t0[w.start]) && isAlpha(t0[w.start+1]) && isDigit(t0[w.start+2]) && isDigit(t0[w.start+3]) {
				want |= markIBAN
			}
			if !(w.kind == wCJK || w.kind == wDigits || !isUpper(t0[w.start]) || w.kind == wLetters && (!w.upper || n > 2)) {
				want |= markLetterID
			}
			if (w.kind == wMixed || w.kind == wDigits) && n >= 6 && n <= 20 && countDigits(s.tw(k)) >= 5 {
				want |= markDocument
			}
			if w.kind == wLetters && (isSignOff(s.lw(k)) || endsSignOffPair(s.lw(k))) {
				want |= markSignOff
			}
			if isPlacePrep(s.lw(k)) {
				want |= markPlacePrep
			}
			if w.marks != want {
				t.Fatalf("%q: word %q marked %b, want %b", m, s.tw(k), w.marks, want)
			}
			all |= want
		}
		if s.marks != all {
			t.Fatalf("%q: text marked %b, want %b", m, s.marks, all)
		}
		s.release()
	}
}
