package redact

import (
	"strings"
	"unicode/utf8"
)

// Chinese writers name people in Latin letters as often as in characters,
// right after the word that says who they are: "我老婆Winnie會幫我收貨",
// "同你哋個同事Karen傾過", "请转告Jason". A capitalised Latin word that
// follows such a word in Chinese text, and that no list takes for a brand,
// a place or an everyday word, is a name.

// zhLatinNameCues say who the Latin-script name after them is: people
// close to the writer, the staff, and the verbs of doing something with
// someone (zhVerbCues).
var zhLatinNameCues = append([]string{"老婆", "老公", "太太", "丈夫", "妻子", "同事", "朋友", "女朋友", "男朋友", "女友", "男友",
	"女儿", "女兒", "儿子", "兒子", "妈妈", "媽媽", "我妈", "我媽", "爸爸", "我爸", "姐姐", "妹妹", "哥哥", "弟弟", "家姐",
	"细佬", "細佬", "客服", "职员", "職員", "经理", "經理", "主管", "收件人", "联系人", "聯絡人", "叫做", "名叫", "叫"},
	zhVerbCues...)

// zhLatinCueScore is the confidence of a Latin-script name after a cue.
const zhLatinCueScore = 0.8

// detectZhLatinNames adds the Latin-script names right after a cue in
// Chinese text, with a capitalised family name after them.
func detectZhLatinNames(s *scan) {
	if !s.hasCJK() {
		return
	}
	for k := 1; k < len(s.words); k++ {
		w, prev := s.words[k], s.words[k-1]
		if w.kind != wLetters || !w.cap || s.acronym(k) || prev.kind != wCJK || prev.end != w.start ||
			s.covered(k, zhLatinCueScore) {
			continue
		}
		start := w.start
		if !s.zhLatinCueBefore(w.start) || !s.cuedNameWord(k, cueStrong) ||
			s.lex(k)&(lxDict|lxCommon) != 0 && s.lex(k)&(lxGiven|lxListGiven) == 0 {
			// A family name in characters and a given name in letters,
			// as Hong Kong writes them: "陈Kelly", "我係陳Kelly".
			if start = s.zhSurnameBeforeLatin(k); start == w.start {
				continue
			}
		}
		end := k
		if k+1 < len(s.words) && s.gap(k+1) == " " && s.words[k+1].kind == wLetters && s.words[k+1].cap && s.tailWord(k+1, k) {
			end = k + 1
		}
		s.add(Person, start, s.words[end].end, zhLatinCueScore, s.lowerCanon(start, s.words[end].end))
	}
}

// zhSurnameBeforeLatin returns where a one-character family name starts
// that stands right before Latin word k, a given name of the lists, and
// itself opens its word or follows a particle or a cue; or word k's
// start.
func (s *scan) zhSurnameBeforeLatin(k int) int {
	w, t := s.words[k], s.text
	if s.lex(k)&(lxGiven|lxListGiven) == 0 || s.lex(k)&lxDict != 0 {
		return w.start
	}
	r, size := utf8.DecodeLastRuneInString(t[:w.start])
	p := w.start - size
	if !isCJK(r) || zhSurnameAt(t, p) != size || zhCommonWordAt(t, p) || zhNotNameAt(t, p) {
		return w.start
	}
	if p > s.words[k-1].start {
		before, _ := utf8.DecodeLastRuneInString(t[:p])
		if !zhStop[before] && !s.zhLatinCueBefore(p) {
			return w.start
		}
	}
	return p
}

// zhLatinCueBefore reports whether the Chinese text ending at byte i ends
// with a cue.
func (s *scan) zhLatinCueBefore(i int) bool {
	before := s.text[:i]
	for _, c := range zhLatinNameCues {
		if strings.HasSuffix(before, c) {
			return true
		}
	}
	return false
}
