package redact

import (
	_ "embed"
	"math"
	"sync"

	"github.com/hushdesk/hushdesk/redact/ner"
)

// The statistical name tagger runs after the rules. It reads every word
// the rules did not claim for a structured value, with the words around
// it, what the lists say of it and what the rules made of it, and labels
// the names; its names replace the rules' guesses for Latin-script text
// (the rules' verdicts are among its features, so it keeps what they get
// right and drops what it has learnt they get wrong: a shop such as John
// Lewis, a capitalised word at the start of a sentence). Chinese has a
// model of its own, over characters (see tagger_zh.go).
//
// The weights are trained by TestTaggerWeights from the messages of
// internal/nergen; regenerate them with
//
//go:generate go test -run ^TestTaggerWeights$ -update-tagger

//go:embed tagger/latin.model
var latinModelData []byte

var latinModel = sync.OnceValue(func() *ner.Model {
	m, err := ner.Load(latinModelData)
	if err != nil {
		return nil // an empty or stale file: the rules alone (a test fails on it)
	}
	return m
})

// ruleMarks bits: what the rules found on a word.
const (
	rmStructured uint8 = 1 << iota // a value that is not prose: e-mail, phone, identifier
	rmAddress
	rmLocation
	rmPersonLow  // a rule name scoring below 0.5
	rmPersonMid  // 0.5 to 0.8
	rmPersonHigh // 0.8 and more
	// rmNotName marks, after the features are read, a word of a brand,
	// shop or place of the list: never a name, whatever else says so.
	rmNotName
	// rmNever marks, after the features are read, a word that cannot be a
	// name here (see neverName).
	rmNever
)

// markRules fills s.ruleMark with what the rules found on each word.
func (s *scan) markRules() {
	marks := s.ruleMark[:0]
	for range s.words {
		marks = append(marks, 0)
	}
	s.ruleMark = marks
	for _, f := range s.found {
		var m uint8
		switch {
		case f.Type == Address:
			m = rmAddress
		case f.Type == Location:
			m = rmLocation
		case f.Type == Person && f.Score >= 0.8:
			m = rmPersonHigh
		case f.Type == Person && f.Score >= 0.5:
			m = rmPersonMid
		case f.Type == Person:
			m = rmPersonLow
		default:
			m = rmStructured
		}
		for k := s.wordAt(f.Start); k < len(s.words) && s.words[k].start < f.End; k++ {
			if s.words[k].end > f.Start {
				marks[k] |= m
			}
		}
	}
}

// wordAt returns the index of the first word ending after offset i.
func (s *scan) wordAt(i int) int {
	lo, hi := 0, len(s.words)
	for lo < hi {
		m := (lo + hi) / 2
		if s.words[m].end <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// tagCandidate reports whether word k may be (part of) a name for the
// Latin-script tagger.
func (s *scan) tagCandidate(k int) bool {
	w := s.words[k]
	if w.kind != wLetters || s.ruleMark[k]&rmStructured != 0 {
		return false
	}
	f := s.lex(k)
	if s.caseless && !s.placeholders || s.lowish {
		// Without capitals to go by, only the words the name lists
		// know, and the particles inside names; not the codes and
		// acronyms in capitals a text in lower case holds ("sendt med
		// DAO").
		if s.lowish && s.acronym(k) {
			return false
		}
		if f&(nameFlags|lxZhSyllable) != 0 && f&lxStop == 0 || f&lxParticle != 0 || w.cap && !s.sentenceStart(k) {
			return true
		}
	} else if w.cap || w.upper || f&lxParticle != 0 && s.nextToCapital(k) {
		return true
	}
	// a/l, a/p, s/o, d/o of Malaysian Indian names.
	return k+1 < len(s.words) && s.gap(k+1) == "/" && s.particleLen(k) == 2 ||
		k > 0 && s.gap(k) == "/" && s.particleLen(k-1) == 2
}

// nextToCapital reports whether a word next to word k, on the same line,
// is capitalised: a particle (van, bin, du) only stands inside a name.
func (s *scan) nextToCapital(k int) bool {
	return k > 0 && s.words[k-1].cap && s.gap(k) == " " || k+1 < len(s.words) && s.words[k+1].cap && s.gap(k+1) == " "
}

// tagLatin labels the names of the Latin-script words of s, replacing the
// rules' name candidates there.
func tagLatin(s *scan) {
	m := latinModel()
	if m == nil || len(s.words) == 0 || s.has&(1<<wLetters) == 0 {
		return
	}
	s.markRules()
	s.setCase()
	em := s.emissions[:0]
	any := false
	for k := range s.words {
		if !s.tagCandidate(k) {
			em = append(em, ner.Emission{Begin: ner.Forbidden, Inside: ner.Forbidden})
			continue
		}
		any = true
		s.feats = s.tagFeatures(k, s.ruleMark[k], s.feats[:0])
		b, i := m.Score(s.feats)
		if s.neverName(k) {
			s.ruleMark[k] |= rmNever
			b, i = ner.Forbidden, ner.Forbidden
		}
		if s.lex(k)&lxNotNameStart != 0 || k > 0 && s.ruleMark[k-1]&rmNotName != 0 {
			if s.notNamePhraseAt(k) {
				s.ruleMark[k] |= rmNotName
				b, i = ner.Forbidden, ner.Forbidden
			}
		}
		em = append(em, ner.Emission{Begin: b, Inside: i})
	}
	s.emissions = em
	if !any {
		return
	}
	if cap(s.labels) < len(em) {
		s.labels = make([]ner.Label, len(em))
	}
	labels := s.labels[:len(em)]
	s.back = m.Decode(em, labels, s.back)
	// The tagger decides the Latin-script names, but for those the rules
	// are sure of (a title, a cue, a given and a family name of the
	// lists), unless the tagger is sure they are none.
	kept := s.found[:0]
	for _, f := range s.found {
		if f.Type == Person && !s.cjkAt(f.Start) && (f.Score < ruleKeep || s.tagVeto(f, em, labels)) {
			continue
		}
		kept = append(kept, f)
	}
	s.found = kept
	for k := 0; k < len(labels); {
		if labels[k] != ner.Begin {
			k++
			continue
		}
		j, margin := k+1, int64(em[k].Begin)
		for j < len(labels) && labels[j] == ner.Inside {
			margin += int64(em[j].Inside)
			j++
		}
		start, end := s.words[k].start, s.words[j-1].end
		score := tagScore(margin)
		if alone := s.aloneScore(k, j); score < alone && !s.ruleNamed(k, j) {
			score = min(score, 0.45) // the tagger alone, and not sure enough
		}
		if j == k+1 && s.lex(k)&lxDict != 0 && s.sentenceStart(k) && !s.ruleNamed(k, j) {
			score = min(score, 0.45) // Will, Mark, Baca: an everyday word opening a sentence
		}
		if j == k+1 && s.lex(k)&lxDict != 0 && s.caseless && s.ruleMark[k]&rmPersonHigh == 0 {
			// In a text without capitals every word is a candidate, and
			// the rules' own guess there is weak: an everyday word
			// ("nak tanya pasal pesanan": tanya is to ask) is a name
			// only when a cue made the rules sure of it.
			score = min(score, 0.45)
		}
		if !s.listed(k, j) && !s.ruleNamed(k, j) && (score < unlistedAlone || s.everyday(k, j)) && !s.introduced(k, j) {
			// Words no name list knows, with no cue: words of the
			// language the lists lack, a heading, a product or a shop
			// (Larkspur Home) more often than a name.
			score = min(score, 0.45)
		}
		s.add(Person, start, end, score, s.lowerCanon(start, end))
		k = j
	}
	s.dropInstitutionNames()
	s.dropTradeNames()
}

// tagAlone is the score a name the tagger found needs when the rules saw
// no name there.
var tagAlone = 0.75

// tagAloneEveryday is tagAlone for a name with an everyday word written
// in lower case ("talk to a human"): capitals say nothing of it.
var tagAloneEveryday = 0.8

// aloneScore is the score the tagger's name of words [from, to) needs
// when the rules saw no name there.
func (s *scan) aloneScore(from, to int) float64 {
	for k := from; k < to; k++ {
		if !s.words[k].cap && !s.words[k].upper && s.lex(k)&lxDict != 0 {
			return tagAloneEveryday
		}
	}
	return tagAlone
}

// unlistedAlone is the score from which a name of words no list knows,
// which the rules did not see either, stands on the tagger's word alone:
// the words around it must make it a name beyond doubt (Abdulrahman
// Al-Qahtani will collect the parcel), as they rarely do for a product
// or a heading. An everyday word among them makes it a shop or a product
// whatever the score (Larkspur Home, Quillmate Pro).
var unlistedAlone = 0.9

// everyday reports whether any of words [from, to) is an everyday word.
func (s *scan) everyday(from, to int) bool {
	for k := from; k < to; k++ {
		if s.lex(k)&lxDict != 0 {
			return true
		}
	}
	return false
}

// selfCueIndex holds the words with which writers introduce themselves
// ("this is Siobhan, I rang earlier", "jeg er Ditte", "saya Aminah"):
// after them a word the tagger takes for a name needs no list.
var selfCueIndex = newWordSuffixCues("i am", "i'm", "im", "this is", "it's", "its", "jeg er", "det er", "saya", "ini")

// introduced reports whether word k, a name by itself (j is k+1), follows
// a writer's introduction of themselves, and no capitalised word follows
// it: words no list knows, several in a row, are a company's name as
// often as a person's ("this is Larkspur Home").
func (s *scan) introduced(k, j int) bool {
	if k == 0 || j != k+1 || s.gap(k) != " " || j < len(s.words) && s.gap(j) == " " && (s.words[j].cap || s.words[j].upper) {
		return false
	}
	from := max(0, s.words[k].start-32)
	for from > 0 && s.lower[from]&0xC0 == 0x80 {
		from--
	}
	return selfCueIndex.endsCtx(trimCueContext(s.lower[from:s.words[k].start]), s.lw(k-1))
}

// listed reports whether a name list knows any of words [from, to).
func (s *scan) listed(from, to int) bool {
	for k := from; k < to; k++ {
		if s.lex(k)&(nameFlags|lxZhSyllable) != 0 {
			return true
		}
	}
	return false
}

// ruleNamed reports whether the rules took any of words [from, to) for
// (part of) a name, scoring it 0.5 or more.
func (s *scan) ruleNamed(from, to int) bool {
	for k := from; k < to; k++ {
		if s.ruleMark[k]&(rmPersonMid|rmPersonHigh) != 0 {
			return true
		}
	}
	return false
}

// ruleKeep is the score from which a name the rules found stands
// without the tagger; tagVetoMargin the margin by which the tagger must
// prefer "no name" on every word of it to drop it all the same.
var (
	ruleKeep      = 0.8
	tagVetoMargin = int32(8000)
)

// tagVeto reports whether the tagger labelled none of the words of f a
// name, and is sure of it for every one of them.
func (s *scan) tagVeto(f Finding, em []ner.Emission, labels []ner.Label) bool {
	never := true
	for k := s.wordAt(f.Start); k < len(s.words) && s.words[k].start < f.End; k++ {
		if s.ruleMark[k]&rmNotName != 0 {
			return true
		}
		never = never && s.ruleMark[k]&rmNever != 0
	}
	if never {
		return true // a place, a heading, a function word
	}
	for k := s.wordAt(f.Start); k < len(s.words) && s.words[k].start < f.End; k++ {
		if labels[k] != ner.Outside || max(em[k].Begin, em[k].Inside) > -tagVetoMargin {
			return false
		}
	}
	return true
}

// neverName reports whether word k cannot be (part of) a name whatever
// the tagger makes of it: a country or city of the lists, a function word
// at the start of a sentence, a word of a Markdown heading.
func (s *scan) neverName(k int) bool {
	f := s.lex(k)
	if f&lxCountry != 0 && s.ruleMark[k]&rmPersonHigh == 0 && s.countryLen(k) > 0 {
		return true
	}
	if (f&(lxGiven|lxSurname) == 0 || f&lxDict != 0) && k+1 < len(s.words) && s.gap(k+1) == " " && s.lex(k+1)&lxCountry != 0 && s.countryLen(k+1) > 0 {
		return true // the first word of a place: Lembah Klang, Greater London
	}
	if f&(lxStop|lxParticle) != 0 && (!s.words[k].cap || s.sentenceStart(k)) &&
		!(k+1 < len(s.words) && s.words[k+1].cap && s.gap(k+1) == " " && s.lex(k+1)&lxStop == 0) {
		return true // Du kan, Mener du, Will you: a function word, unless a name follows (Will Smith)
	}
	if f&lxMonth != 0 && s.monthHere(k) {
		return true // till August, end of April, 3 May: a month
	}
	return s.inHeading(k)
}

// monthHere reports whether word k, a month's name, stands where a month
// does: after a word that asks for a time (till, end of, sejak, indtil)
// or next to a number, and no name follows it (April Jones).
func (s *scan) monthHere(k int) bool {
	if k+1 < len(s.words) && s.gap(k+1) == " " && s.words[k+1].cap && s.lex(k+1)&(lxStop|lxMonth) == 0 {
		return false
	}
	if k > 0 && s.words[k-1].kind == wDigits && s.gap(k) == " " || k+1 < len(s.words) && s.words[k+1].kind == wDigits && s.gap(k+1) == " " {
		return true
	}
	return k > 0 && s.gap(k) == " " && monthCues[s.lw(k-1)]
}

// monthCues are words after which a month's name is the month: a
// preposition or a word of time, in the customers' languages.
var monthCues = map[string]bool{
	"in": true, "of": true, "till": true, "til": true, "until": true, "since": true, "before": true,
	"after": true, "during": true, "early": true, "mid": true, "late": true, "next": true, "last": true,
	"this": true, "i": true, "indtil": true, "siden": true, "fra": true, "før": true, "efter": true,
	"midt": true, "sidst": true, "næste": true, "sidste": true, "bulan": true, "hingga": true, "sampai": true,
	"sejak": true, "pada": true, "awal": true, "akhir": true, "pertengahan": true, "dalam": true, "selepas": true,
	"sebelum": true,
}

// inHeading reports whether word k is on a line that starts with #, a
// Markdown heading.
func (s *scan) inHeading(k int) bool {
	i := s.words[k].start
	for i > 0 && s.text[i-1] != '\n' {
		i--
	}
	for i < len(s.text) && (s.text[i] == ' ' || s.text[i] == '\t') {
		i++
	}
	return i < len(s.text) && s.text[i] == '#'
}

// tagScore turns the tagger's margin for a name into a score between 0.5
// and 0.95.
func tagScore(margin int64) float64 {
	if margin <= 0 {
		return 0.5
	}
	return 0.5 + 0.45*(1-math.Exp(-float64(margin)/tagScale))
}

// tagScale is the margin at which a name scores 0.78.
const tagScale = 20000

// cjkAt reports whether the text at offset i is CJK.
func (s *scan) cjkAt(i int) bool {
	k := s.wordAt(i)
	return k < len(s.words) && s.words[k].kind == wCJK && s.words[k].start <= i
}

// setCase sets how the text uses capitals: not at all (caseless, set by
// the scan), only at the start of sentences (lowish), everywhere
// (shouting).
func (s *scan) setCase() {
	s.shouting = !s.caseless && s.allUpper()
	s.lowish = false
	if s.caseless || s.shouting || s.placeholders {
		return // a placeholder may stand for a capitalised word
	}
	for k, w := range s.words {
		// Codes and acronyms in capitals ("ref HIP/2024/0331", "my FD",
		// "OTP") say nothing of how the writer writes names.
		if w.kind == wLetters && w.hasUpper && !s.acronym(k) && !s.sentenceStart(k) {
			return
		}
	}
	s.lowish = true
}

// maxAcronym is the longest word in capitals read as an acronym or a
// code when telling how a text uses capitals.
const maxAcronym = 4

// acronym reports whether word k is in capitals and short enough to be
// an acronym or a code ("FD", "OTP", "DAO").
func (s *scan) acronym(k int) bool {
	w := s.words[k]
	return w.upper && w.end-w.start <= maxAcronym
}

// allUpper reports whether every cased word of the text is in capitals.
func (s *scan) allUpper() bool {
	n := 0
	for _, w := range s.words {
		if w.kind == wLetters && w.end-w.start > 1 {
			if !w.upper {
				return false
			}
			n++
		}
	}
	return n >= 2
}
