package redact

import "strings"

// Person names in Latin script are found as runs of capitalised words
// (any words, in a text written all in lower case) and scored by what the
// words are (given names, family names, unknown words), by the cues around
// them ("my name is", "Mr", "Hi ...,", a signature) and by where they
// stand.

// nameRun is a candidate name: words [from, to) of the scan.
type nameRun struct{ from, to int }

// detectPersons finds person names written in Latin script.
func detectPersons(s *scan) {
	runs := s.nameRuns[:0]
	defer func() { s.nameRuns = runs[:0] }()
	for i := 0; i < len(s.words); {
		if w := s.words[i]; w.kind != wLetters || !w.cap && !s.caseless {
			i++
			continue
		}
		if n := s.countryLen(i); n > 1 || n == 1 && !s.lex(i).isName() {
			i += n // Hong Kong, New Zealand
			continue
		}
		if !s.nameShaped(i) {
			i++
			continue
		}
		j := s.nameRunEnd(i)
		s.splitRun(nameRun{i, j}, func(r nameRun) {
			if sr, ok := s.scoreRun(r); ok {
				runs = append(runs, sr)
			}
		})
		i = j
	}
	runs = s.extendEnumerations(runs)
	for _, r := range runs {
		if r.score <= 0 {
			continue
		}
		start, end := s.words[r.from].start, s.words[r.to-1].end
		if r.to < len(s.words) && s.lex(r.to)&lxSuffix != 0 && s.gap(r.to) == " " {
			end = s.words[r.to].end
			if end < len(s.text) && s.text[end] == '.' {
				end++
			}
		}
		s.add(Person, start, end, r.score, s.lowerCanon(start, end))
	}
	detectSignatures(s)
}

type scoredRun struct {
	nameRun
	score float64
}

// nameShaped reports whether word k may be part of a name.
func (s *scan) nameShaped(k int) bool {
	w := s.words[k]
	if w.kind != wLetters || (!w.cap && !s.caseless) {
		return false
	}
	if w.end-w.start == 1 { // an initial (J. Smith), never "I"
		return w.cap && k+1 < len(s.words) && s.gap(k+1) == ". "
	}
	f := s.lex(k)
	if f.isName() || f&lxZhSyllable != 0 {
		return f&(lxNotName|lxHonorific|lxGreeting) == 0 || f&lxCommon != 0
	}
	return f&(lxStop|lxNotName|lxHonorific|lxSuffix|lxOrg|lxStreet|lxStreetPre|lxUnit|lxCountry|lxMonth|lxGreeting|lxSignOff) == 0
}

// nameRunEnd returns the end of the run of name-shaped words from k,
// joined by single spaces, with particles (van, bin, a/l) inside.
func (s *scan) nameRunEnd(k int) int {
	j := k + 1
	for j < len(s.words) {
		g := s.gap(j)
		single := s.words[j-1].end-s.words[j-1].start == 1 && g == ". " // J. Smith
		if g != " " && !single {
			return j
		}
		if s.nameShaped(j) {
			j++
			continue
		}
		// Particles join two name words: Ahmad bin Ismail, Jan van der Berg.
		n := 0
		for p := s.particleLen(j + n); p > 0 && n < 4; p = s.particleLen(j + n) {
			n += p
			if j+n >= len(s.words) || s.gap(j+n) != " " {
				return j
			}
		}
		if n > 0 && s.nameShaped(j+n) {
			j += n + 1
			continue
		}
		return j
	}
	return j
}

// particleLen returns how many words the name particle at k spans: 1 for
// van or binti, 2 for a/l and a/p (written with a slash), 0 for none.
func (s *scan) particleLen(k int) int {
	if k >= len(s.words) {
		return 0
	}
	if s.lex(k)&lxParticle != 0 && !s.words[k].cap || s.lex(k)&lxParticle != 0 && s.caseless {
		return 1
	}
	if k+1 < len(s.words) && s.gap(k+1) == "/" {
		a, b := s.lw(k), s.lw(k+1)
		if (a == "a" && (b == "l" || b == "p")) || ((a == "s" || a == "d") && b == "o") {
			return 2
		}
	}
	return 0
}

// splitRun cuts long runs of capitalised words (headings, titles) at
// known names, and calls f with each piece that can be a name.
func (s *scan) splitRun(r nameRun, f func(nameRun)) {
	if r.to-r.from <= 4 {
		f(r)
		return
	}
	for i := r.from; i < r.to; {
		if !s.lex(i).isName() {
			i++
			continue
		}
		j := min(i+3, r.to)
		f(nameRun{i, j})
		i = j
	}
}

// sentenceStart reports whether word k opens a sentence or a line, where
// a capital says nothing.
func (s *scan) sentenceStart(k int) bool {
	i := s.words[k].start
	for i > 0 {
		c := s.text[i-1]
		switch c {
		case ' ', '\t', '"', '\'', '(', '[', '*', '>', '-':
			i--
			continue
		case '.', '!', '?', '\n', '\r', ':', ';':
			return true
		}
		if c >= 0x80 && i >= 3 && strings.HasSuffix(s.text[:i], "“") {
			i -= 3
			continue
		}
		return false
	}
	return true
}

// lowerCanon returns text[start:end] in lower case with runs of white
// space as single spaces: the form in which equal names are compared.
func (s *scan) lowerCanon(start, end int) string {
	v := s.lower[start:end]
	for i := 0; i < len(v); i++ {
		if c := v[i]; c == '\n' || c == '\t' || c == '\r' || c == ' ' && i+1 < len(v) && v[i+1] == ' ' {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return v
}

// detectIntroductions finds the writers who introduce themselves with the
// cue after their name: "Tom here, where is my order?", "Mette her!",
// "Ali di sini". It runs after the tagger, whose features are the rules'
// verdicts before it, and takes only names the lists know, so that a
// name that is also a word ("tom" is Danish for empty) is found while
// words no list knows as a name (Click here, Nobody here) stay.
func detectIntroductions(s *scan) {
	if s.has&hasCap == 0 && !s.caseless {
		return
	}
	for i := 0; i < len(s.words); i++ {
		if !s.nameShaped(i) || !s.sentenceStart(i) && (i == 0 || s.lex(i-1)&lxGreeting == 0) {
			continue
		}
		j := s.nameRunEnd(i)
		if j-i > 3 || !s.introducedAfter(nameRun{i, j}) {
			i = j - 1
			continue
		}
		listed := false
		for k := i; k < j; k++ {
			listed = listed || s.lex(k).isName()
		}
		if listed {
			start, end := s.words[i].start, s.words[j-1].end
			s.add(Person, start, end, introScore, s.lowerCanon(start, end))
		}
		i = j - 1
	}
}

// detectUnlistedIntroductions adds, after the tagger, the names their
// writers introduce that no list knows: "Pathirana here, from Kandy.",
// "Ngozi speaking". Capitalised, no everyday word, no place: the words
// after them say who they are.
func detectUnlistedIntroductions(s *scan) {
	if s.has&hasCap == 0 {
		return
	}
	for i := 0; i < len(s.words); i++ {
		if !s.nameShaped(i) || !s.words[i].cap || !s.sentenceStart(i) && (i == 0 || s.lex(i-1)&lxGreeting == 0) {
			continue
		}
		j := s.nameRunEnd(i)
		if j-i > 3 || s.covered(i, introScore) || !s.introducedAfter(nameRun{i, j}) {
			i = j - 1
			continue
		}
		unlisted := true
		for k := i; k < j; k++ {
			unlisted = unlisted && s.words[k].cap && s.cuedNameWord(k, cueWeak)
		}
		if unlisted {
			start, end := s.words[i].start, s.words[j-1].end
			s.add(Person, start, end, introScore, s.lowerCanon(start, end))
		}
		i = j - 1
	}
}

// introScore is the score of a listed name its writer introduces.
const introScore = 0.75
