package redact

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/redact/ner"
)

// The Chinese tagger labels characters: in a text without spaces a name
// is a family name (one character or two) and one or two given-name
// characters, told from the words around it (的, 给, 跟, 收件人, 先生,
// 小姐), from how often its characters stand in given names, and from the
// brands, places and everyday words that start with a family-name
// character (周大福, 方便), which are no names.

//go:embed tagger/zh.model
var zhModelData []byte

var zhModel = sync.OnceValue(func() *ner.Model {
	m, err := ner.Load(zhModelData)
	if err != nil {
		return nil
	}
	return m
})

// Feature templates of the Chinese tagger.
const (
	fzBias = iota + 100
	fzChar
	fzPrev
	fzNext
	fzPrev2
	fzNext2
	fzBigramBefore
	fzBigramAfter
	fzSurname
	fzCompound
	fzCompoundSecond
	fzGiven
	fzGivenPrev
	fzGivenNext
	fzNotName
	fzRule
	fzTitleAfter
	fzCueBefore
	fzEdge
	fzTrigramBefore
	fzTrigramAfter
)

// zhGivenCount holds how often each character stands in the given names
// of the lists; zhNotNames the phrases that are no names.
var zhGivenCount, zhNotNames = func() (map[rune]uint8, map[string]bool) {
	given := make(map[rune]uint8)
	for _, name := range strings.Fields(readList("given_zh_han_faker.txt") + "\n" + readList("given_zh_han.txt")) {
		for _, r := range name {
			if given[r] < 255 {
				given[r]++
			}
		}
	}
	nn := make(map[string]bool)
	for _, w := range strings.Fields(readList("not_names_zh.txt")) {
		nn[w] = true
	}
	return given, nn
}()

// zhChars is a CJK word read as characters.
type zhChars struct {
	text   string
	runes  []rune
	starts []int // byte offset of each rune, and the end
}

func (z *zhChars) fill(t string, w word) {
	z.text = t
	z.runes, z.starts = z.runes[:0], z.starts[:0]
	for i := w.start; i < w.end; {
		r, size := utf8.DecodeRuneInString(t[i:])
		z.runes = append(z.runes, r)
		z.starts = append(z.starts, i)
		i += size
	}
	z.starts = append(z.starts, w.end)
}

func (z *zhChars) at(i int) rune {
	if i < 0 || i >= len(z.runes) {
		return 0
	}
	return z.runes[i]
}

// str returns characters i to j of the word, or "" when they are not
// all in it.
func (z *zhChars) str(i, j int) string {
	if i < 0 || j > len(z.runes) || i >= j {
		return ""
	}
	return z.text[z.starts[i]:z.starts[j]]
}

func givenBucket(r rune) uint32 {
	switch n := zhGivenCount[r]; {
	case n == 0:
		return 0
	case n == 1:
		return 1
	case n <= 3:
		return 2
	}
	return 3
}

// zhNotNameMask marks the characters of z that belong to a phrase that is
// no name.
func zhNotNameMask(z *zhChars, mask []bool) []bool {
	mask = mask[:0]
	for range z.runes {
		mask = append(mask, false)
	}
	for i := range z.runes {
		for n := 4; n >= 2; n-- {
			if i+n <= len(z.runes) && zhNotNames[z.str(i, i+n)] {
				for j := i; j < i+n; j++ {
					mask[j] = true
				}
				break
			}
		}
	}
	return mask
}

// zhFeatures appends the features of character i of z. rule holds what
// the rules found on it, edge says what stands before and after the word.
func zhFeatures(z *zhChars, i int, rule uint8, notName bool, edge uint32, buf []uint32) []uint32 {
	add := func(h ner.Hash) { buf = append(buf, h.Sum()) }
	c := z.at(i)
	add(ner.New(fzBias))
	add(ner.New(fzChar).Int(uint32(c)))
	add(ner.New(fzPrev).Int(uint32(z.at(i - 1))))
	add(ner.New(fzNext).Int(uint32(z.at(i + 1))))
	add(ner.New(fzPrev2).Int(uint32(z.at(i - 2))))
	add(ner.New(fzNext2).Int(uint32(z.at(i + 2))))
	add(ner.New(fzBigramBefore).Int(uint32(z.at(i - 1))).Int(uint32(c)))
	add(ner.New(fzBigramAfter).Int(uint32(c)).Int(uint32(z.at(i + 1))))
	add(ner.New(fzTrigramBefore).Str(z.str(i-3, i)))
	add(ner.New(fzTrigramAfter).Str(z.str(i+1, i+3)))
	one := hanSurnames[z.str(i, i+1)]
	two := i+1 < len(z.runes) && hanSurnames[z.str(i, i+2)]
	second := i > 0 && hanSurnames[z.str(i-1, i+1)]
	add(ner.New(fzSurname).Int(b2u(one)).Int(givenBucket(z.at(i + 1))))
	if two {
		add(ner.New(fzCompound))
	}
	if second {
		add(ner.New(fzCompoundSecond))
	}
	add(ner.New(fzGiven).Int(givenBucket(c)))
	add(ner.New(fzGivenPrev).Int(givenBucket(z.at(i - 1))).Int(givenBucket(c)))
	add(ner.New(fzGivenNext).Int(givenBucket(c)).Int(givenBucket(z.at(i + 1))))
	if notName {
		add(ner.New(fzNotName))
	}
	add(ner.New(fzRule).Int(uint32(rule)))
	if t := z.str(i+1, i+3); t != "" && zhTitleAt(t, 0) {
		add(ner.New(fzTitleAfter).Int(1))
	}
	for _, n := range []int{2, 3} {
		if cue := z.str(i-n, i); cue != "" && zhCueIndex[z.at(i-n)] != nil {
			for _, c := range zhCueIndex[z.at(i-n)] {
				if c == cue {
					add(ner.New(fzCueBefore).Int(uint32(n)))
				}
			}
		}
	}
	pos := uint32(0)
	if i == 0 {
		pos = 1 + edge&7
	} else if i == len(z.runes)-1 {
		pos = 10 + edge>>3
	}
	add(ner.New(fzEdge).Int(pos))
	return buf
}

// zhGivenChars reports whether the characters of the name at [i, j)
// after its family name all stand in given names of the lists.
func zhGivenChars(z *zhChars, i, j int) bool {
	k := i + 1
	if hanSurnames[z.str(i, i+2)] {
		k = i + 2
	}
	for ; k < j; k++ {
		if zhGivenCount[z.at(k)] == 0 {
			return false
		}
	}
	return true
}

// zhCanStart reports whether a name may begin at character i: a family
// name, or the 阿 of a nickname (阿明).
func zhCanStart(z *zhChars, i int) bool {
	c := z.at(i)
	return c == '阿' || hanSurnames[z.str(i, i+1)] || i+1 < len(z.runes) && hanSurnames[z.str(i, i+2)]
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// zhEdge says what stands before and after CJK word k: the start or end of
// the text, Latin letters, digits, a line break, punctuation.
func (s *scan) zhEdge(k int) uint32 {
	kind := func(g string, other int) uint32 {
		switch {
		case other < 0 || other >= len(s.words):
			return 1
		case strings.IndexByte(g, '\n') >= 0:
			return 2
		case g == "" && s.words[other].kind == wDigits:
			return 3
		case g == "":
			return 4
		case g == " ":
			return 5
		}
		return 6
	}
	return kind(s.gap(k), k-1) | kind(s.gap(k+1), k+1)<<3
}

// tagZh labels the Chinese names of s and adds them to the rules' findings.
func tagZh(s *scan) {
	m := zhModel()
	if m == nil || !s.hasCJK() {
		return
	}
	s.markZhRules()
	z := &s.zh
	for k, w := range s.words {
		if w.kind != wCJK {
			continue
		}
		z.fill(s.text, w)
		canStart := false
		for i := range z.runes {
			if zhCanStart(z, i) {
				canStart = true
				break
			}
		}
		if !canStart {
			continue // no name can begin in the word
		}
		s.zhMask = zhNotNameMask(z, s.zhMask)
		mask := s.zhMask
		edge := s.zhEdge(k)
		em := s.emissions[:0]
		for i := range z.runes {
			s.feats = zhFeatures(z, i, s.zhRuleMark(z.starts[i]), mask[i], edge, s.feats[:0])
			b, in := m.Score(s.feats)
			if !zhCanStart(z, i) {
				b = ner.Forbidden
			}
			em = append(em, ner.Emission{Begin: b, Inside: in})
		}
		s.emissions = em
		if cap(s.labels) < len(em) {
			s.labels = make([]ner.Label, len(em))
		}
		labels := s.labels[:len(em)]
		s.back = m.Decode(em, labels, s.back)
		for i := 0; i < len(labels); {
			if labels[i] != ner.Begin {
				i++
				continue
			}
			j, margin := i+1, int64(em[i].Begin)
			for j < len(labels) && labels[j] == ner.Inside {
				margin += int64(em[j].Inside)
				j++
			}
			// A compound family name leaves room for two given
			// characters (欧阳晓峰): a third that may end the name is taken.
			if j-i == 3 && hanSurnames[z.str(i, i+2)] && j < len(z.runes) && zhGivenCount[z.at(j)] > 0 &&
				zhNameEndAt(s.text, z.starts[j+1]) {
				j++
			}
			start, end := z.starts[i], z.starts[j]
			score := tagScore(margin)
			if s.byteMark[start]&(rmPersonMid|rmPersonHigh) == 0 && (score < tagAlone || !zhGivenChars(z, i, j) ||
				j-i == 2 && !(zhNameEndAt(s.text, end) && zhNameEndBefore(s.text, start)) ||
				!zhNameEndAt(s.text, end) && !zhNameEndBefore(s.text, start)) {
				// The tagger alone, and unsure, or not a given name's
				// characters, or characters that may be a word (齐全,
				// 訂單成立後): neither the word before nor the word after
				// sets them apart.
				score = min(score, 0.45)
			}
			if j-i >= 2 { // a family name alone is the rules' to find, with its title
				s.add(Person, start, end, score, s.text[start:end])
			}
			i = j
		}
	}
}

// markZhRules fills s.byteMark with what the rules found at each byte of
// the text (see ruleMarks), for zhRuleMark.
func (s *scan) markZhRules() {
	b := s.byteMark[:0]
	for range len(s.text) {
		b = append(b, 0)
	}
	for _, f := range s.found {
		var m uint8
		switch {
		case f.Type == Address:
			m = rmAddress
		case f.Type == Person && f.Score >= 0.8:
			m = rmPersonHigh
		case f.Type == Person:
			m = rmPersonMid
		default:
			m = rmStructured
		}
		for i := max(f.Start, 0); i < f.End && i < len(b); i++ {
			b[i] |= m
		}
	}
	s.byteMark = b
}

// zhRuleMark returns what the rules found at offset i (see markZhRules).
func (s *scan) zhRuleMark(i int) uint8 { return s.byteMark[i] }
