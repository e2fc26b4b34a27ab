package redact

import (
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/redact/ner"
)

// The feature templates of the Latin-script tagger. Their numbers go into
// the feature hashes: renumbering them invalidates the trained weights.
const (
	ftBias = iota
	ftWord
	ftSuffix3
	ftSuffix2
	ftShape
	ftShapeLen
	ftFlag
	ftShapeFlags
	ftSentenceStart
	ftLineStart
	ftLineEnd
	ftPrevWord
	ftNextWord
	ftPrev2Word
	ftNext2Word
	ftPrevShape
	ftNextShape
	ftPrevFlags
	ftNextFlags
	ftGapBefore
	ftGapAfter
	ftRule
	ftCue
	ftTextCase
	ftPrevWordShape
	ftNotNamePhrase
	ftPlace
	ftDiacritic
	ftWordShape
)

// tagFlags are the lexicon flags the tagger reads as features.
const tagFlags = lxGiven | lxSurname | lxCommon | lxStop | lxNotName | lxHonorific | lxParticle | lxSuffix | lxOrg |
	lxStreet | lxStreetPre | lxUnit | lxCountry | lxMonth | lxGreeting | lxSignOff | lxZhSurname | lxZhSyllable |
	lxListGiven | lxListSurname | lxDict | lxNotNameStart

// listFlags are the flags that come from the name lists, which training
// hides from some words (as it hides lxDict from others) so that the
// tagger also learns names and words it has no list for.
const listFlags = lxGiven | lxSurname | lxListGiven | lxListSurname | lxZhSurname | lxZhSyllable | lxNotNameStart

// nameFlags are the flags that say a word may be a name.
const nameFlags = lxGiven | lxSurname | lxListGiven | lxListSurname | lxZhSurname

// Word shapes.
const (
	shLower = iota
	shCap
	shUpper
	shMixed
	shInitial
	shLetter
	shDigits
	shOther
	shNone // no word: the start or the end of the text
)

// shapeOf returns the shape of word k.
func (s *scan) shapeOf(k int) uint32 {
	if k < 0 || k >= len(s.words) {
		return shNone
	}
	w := s.words[k]
	switch w.kind {
	case wDigits:
		return shDigits
	case wLetters:
	default:
		return shOther
	}
	single := utf8.RuneCountInString(s.text[w.start:w.end]) == 1
	switch {
	case single && w.cap:
		return shInitial
	case single:
		return shLetter
	case w.upper:
		return shUpper
	case w.cap && !s.innerUpper(k):
		return shCap
	case w.cap || w.hasUpper:
		return shMixed
	}
	return shLower
}

// innerUpper reports whether word k has a capital after its first letter
// (McDonald, DeVries).
func (s *scan) innerUpper(k int) bool {
	w := s.words[k]
	for i := w.start + 1; i < w.end; i++ {
		if isUpper(s.text[i]) {
			return true
		}
	}
	return false
}

// tagWord returns word k as the tagger reads it: lower case for letters,
// a class for the other kinds.
func (s *scan) tagWord(k int) string {
	if k < 0 {
		return "<s>"
	}
	if k >= len(s.words) {
		return "</s>"
	}
	switch s.words[k].kind {
	case wLetters:
		// Names and unknown words go by their class, so that what is
		// learnt of one holds for all: the lists and the shape say the
		// rest.
		switch f := s.lex(k); {
		case f&(lxDict|lxStop|lxCommon|lxNotName|lxHonorific|lxGreeting|lxSignOff|lxParticle|lxSuffix|lxOrg|lxStreet|lxStreetPre|lxUnit|lxMonth|lxNameCueEnd|lxAddrCueEnd|lxCountry) != 0:
			return s.lw(k)
		case f&nameFlags != 0:
			return "<name>"
		}
		return "<unk>"
	case wDigits:
		return "<num>"
	case wCJK:
		return "<cjk>"
	}
	return "<mixed>"
}

// tagLex returns the lexicon flags of word k that the tagger reads, less
// the list flags that training hides from it.
func (s *scan) tagLex(k int) lexFlags {
	if k < 0 || k >= len(s.words) || s.words[k].kind != wLetters {
		return 0
	}
	f := s.lex(k) & tagFlags
	if s.tagDrop != 0 {
		switch ner.New(uint32(k)).Int(uint32(s.tagDrop)).Sum() % 10 {
		case 0:
			f &^= listFlags
		case 1:
			f &^= lxDict
		}
	}
	return f
}

// gapClass sorts the text between two words into a few kinds.
func gapClass(g string) uint32 {
	switch {
	case g == " ":
		return 1
	case g == "":
		return 2
	case strings.IndexByte(g, '\n') >= 0:
		if strings.Count(g, "\n") > 1 {
			return 3
		}
		return 4
	case g == ", " || g == ",":
		return 5
	case g == ". " || g == ".":
		return 6
	case strings.IndexByte(g, ':') >= 0:
		return 7
	case strings.IndexByte(g, '(') >= 0:
		return 8
	case strings.IndexByte(g, ')') >= 0:
		return 9
	case strings.ContainsAny(g, "!?"):
		return 10
	case strings.IndexByte(g, '/') >= 0:
		return 11
	case strings.IndexByte(g, '-') >= 0:
		return 12
	case strings.IndexByte(g, '&') >= 0:
		return 13
	case strings.ContainsAny(g, "\"'"):
		return 14
	case strings.IndexByte(g, '@') >= 0:
		return 15
	}
	return 16
}

// tagFeatures appends the feature hashes of word k to buf. rule holds
// what the rules found on the word (see ruleMarks).
func (s *scan) tagFeatures(k int, rule uint8, buf []uint32) []uint32 {
	f := s.tagLex(k)
	lw := s.tagWord(k)
	shape := s.shapeOf(k)
	add := func(h ner.Hash) { buf = append(buf, h.Sum()) }
	add(ner.New(ftBias))
	add(ner.New(ftWord).Str(lw))
	if w := s.lw(k); len(w) > 3 {
		add(ner.New(ftSuffix3).Str(lastRunes(w, 3)))
		add(ner.New(ftSuffix2).Str(lastRunes(w, 2)))
	}
	add(ner.New(ftShape).Int(shape))
	add(ner.New(ftShapeLen).Int(shape).Int(uint32(min(utf8.RuneCountInString(s.lw(k)), 10))))
	for b := lexFlags(1); b < lxLooked; b <<= 1 {
		if f&b != 0 {
			add(ner.New(ftFlag).Int(uint32(b)))
		}
	}
	add(ner.New(ftShapeFlags).Int(shape).Int(uint32(f & (nameFlags | lxDict | lxCommon | lxStop))))
	start := s.sentenceStart(k)
	if start {
		add(ner.New(ftSentenceStart).Int(shape).Int(uint32(f & (nameFlags | lxDict))))
	}
	if k == 0 || strings.IndexByte(s.gap(k), '\n') >= 0 {
		add(ner.New(ftLineStart).Int(shape))
	}
	if k+1 >= len(s.words) || strings.IndexByte(s.gap(k+1), '\n') >= 0 {
		add(ner.New(ftLineEnd).Int(shape))
	}
	prev, next := s.tagWord(k-1), s.tagWord(k+1)
	add(ner.New(ftPrevWord).Str(prev))
	add(ner.New(ftNextWord).Str(next))
	add(ner.New(ftPrev2Word).Str(s.tagWord(k - 2)))
	add(ner.New(ftNext2Word).Str(s.tagWord(k + 2)))
	add(ner.New(ftPrevShape).Int(s.shapeOf(k - 1)).Int(shape))
	add(ner.New(ftNextShape).Int(s.shapeOf(k + 1)).Int(shape))
	add(ner.New(ftPrevFlags).Int(uint32(s.tagLex(k-1) & (nameFlags | lxHonorific | lxGreeting | lxParticle | lxStop | lxDict))))
	add(ner.New(ftNextFlags).Int(uint32(s.tagLex(k+1) & (nameFlags | lxStreet | lxOrg | lxParticle | lxStop | lxDict))))
	add(ner.New(ftGapBefore).Int(gapClass(s.gap(k))))
	add(ner.New(ftGapAfter).Int(gapClass(s.gap(k + 1))))
	add(ner.New(ftRule).Int(uint32(rule)))
	if k > 0 && s.lex(k-1)&(lxHonorific|lxGreeting|lxNameCueEnd) != 0 || k > 0 && s.words[k-1].kind == wCJK {
		add(ner.New(ftCue).Int(uint32(s.cueBefore(k))))
	}
	add(ner.New(ftTextCase).Int(s.textCase()).Int(uint32(f & (nameFlags | lxDict | lxStop))))
	add(ner.New(ftPrevWordShape).Str(prev).Int(shape))
	add(ner.New(ftWordShape).Str(lw).Int(shape))
	if s.notNamePhraseAt(k) {
		add(ner.New(ftNotNamePhrase))
	}
	if f&lxCountry != 0 && s.countryLen(k) > 0 {
		add(ner.New(ftPlace))
	}
	if s.words[k].kind == wLetters && !isASCII(s.text[s.words[k].start:s.words[k].end]) {
		add(ner.New(ftDiacritic).Int(shape))
	}
	return buf
}
