package inference

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// A follow-up leans on the turns before it: it points back ("that",
// "det", "那个"), goes on ("and for electronics?", "og hvis", "kalau"),
// or is too short to name a topic of its own. These are the words that
// point back or go on, by language; they are language, not any company's
// vocabulary.
var backReferences = map[lang.Tag][]string{
	lang.English: {"it", "its", "that", "this", "those", "these", "them", "they", "there", "then", "and", "also", "too",
		"what about", "how about", "what if", "same", "one", "ones", "instead", "either", "else", "other", "again"},
	lang.Danish: {"det", "den", "dem", "der", "dér", "så", "og", "hvad med", "hvad hvis", "også", "samme", "hvis", "heller",
		"andre", "igen", "dens", "dets"},
	lang.Malay: {"itu", "tu", "ni", "ini", "dia", "kalau", "klu", "kalo", "kalu", "pula", "juga", "lagi", "pastu", "lepas tu",
		"camtu", "macam tu", "begitu", "yg tu", "yang itu", "jugak", "sama"},
	lang.ChineseSimplified:  {"那", "这个", "那个", "它", "它们", "呢", "如果", "要是", "还有", "也", "那么", "同样", "其他", "另外", "这些", "那些"},
	lang.ChineseTraditional: {"那", "這個", "那個", "它", "它們", "呢", "如果", "要是", "還有", "也", "那麼", "同樣", "其他", "另外", "咁", "嗰個", "嗰啲", "呢個", "佢"},
}

// dependsOnEarlier reports whether a message reads as a follow-up: it
// points back or goes on, is too short to name a topic alone, or names no
// topic of its own ("how long have I got").
func dependsOnEarlier(text string, l lang.Tag) bool {
	return pointsBack(text, l) || !namesTopic(text, l)
}

// switchMarkers say that a message turns to something new ("btw",
// "forresten", "satu lagi", "对了"), by language: what follows asks on its
// own, whatever it points back with ("btw kalau nk padam akaun camne").
// Language, not any company's vocabulary.
var switchMarkers = map[lang.Tag][]string{
	lang.English: {"btw", "by the way", "another question", "different question", "one more thing", "one more question",
		"unrelated", "on another note", "separate question", "other question"},
	lang.Danish: {"btw", "forresten", "i øvrigt", "et andet spørgsmål", "en anden ting", "noget andet", "et spørgsmål mere"},
	lang.Malay:  {"btw", "satu lagi", "lagi satu", "soalan lain", "soalan lagi", "nak tanya lain", "by the way", "oh ya", "oh ye"},
	lang.ChineseSimplified: {"顺便问", "顺便问一下", "对了", "另外想问", "还有一个问题", "换个问题", "另一个问题", "再问一下",
		"还想问", "另外问"},
	lang.ChineseTraditional: {"順便問", "順便問一下", "對了", "另外想問", "還有一個問題", "換個問題", "另一個問題", "再問一下",
		"還想問", "另外問", "順帶一問", "仲有一樣"},
}

// switchesTopic reports whether a message opens or ends with a marker
// that turns to something new, and names something of its own.
func switchesTopic(text string, l lang.Tag) bool {
	markers := append(switchMarkers[l], switchMarkers[lang.English]...)
	if l.Chinese() {
		for _, m := range markers {
			if strings.HasPrefix(strings.TrimSpace(text), m) {
				return namesTopic(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), m)), l)
			}
		}
		return false
	}
	words := " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}), " ") + " "
	for _, m := range markers {
		for _, v := range append([]string{m}, lang.WithoutMarks(m)...) {
			if strings.HasPrefix(words, " "+v+" ") || strings.HasSuffix(words, " "+v+" ") {
				return namesTopic(strings.Replace(words, " "+v+" ", " ", 1), l)
			}
		}
	}
	return false
}

// unnamedThings are the words that point to a thing by a demonstrative
// alone ("that one", "那個", "hari tu"), by language.
var unnamedThings = map[lang.Tag][]string{
	lang.English:            {"that thing", "this thing", "the thing", "that one", "this one", "last time", "that code", "that issue", "that problem"},
	lang.Danish:             {"den ting", "det der", "den der", "sidste gang", "den kode", "det problem"},
	lang.Malay:              {"benda tu", "benda ni", "yg tu", "yang tu", "hari tu", "hr tu", "masalah tu", "kod tu", "hal tu"},
	lang.ChineseSimplified:  {"那个", "这个", "上次", "之前说的", "那件事", "那样东西", "那个东西"},
	lang.ChineseTraditional: {"那個", "這個", "嗰個", "呢個", "嗰樣", "上次", "之前說的", "嗰件事", "嗰樣嘢", "那件事"},
}

// refersToUnnamed reports whether a short message, in a conversation
// that names nothing yet, points to a thing by a demonstrative alone.
func refersToUnnamed(text string, l lang.Tag, th thread) bool {
	if _, ok := th.topic(); ok {
		return false
	}
	lower := " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	if l.Chinese() {
		if utf8.RuneCountInString(text) > 16 {
			return false
		}
		for _, w := range unnamedThings[l] {
			if strings.Contains(text, w) {
				return true
			}
		}
		return false
	}
	if len(strings.Fields(lower)) > 10 {
		return false
	}
	for _, w := range unnamedThings[l] {
		if strings.Contains(lower, " "+w+" ") {
			return true
		}
	}
	return false
}

// pointsBack reports whether a message points back or goes on ("that",
// "og hvis", "那", "kalau"), or is too short to name a topic alone.
func pointsBack(text string, l lang.Tag) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	han := 0
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if l.Chinese() {
		if han <= 4 {
			return true
		}
		for _, cue := range backReferences[l] {
			if strings.Contains(text, cue) {
				return true
			}
		}
		return false
	}
	if len(words) <= 3 {
		return true
	}
	for i, w := range words {
		// A contraction points back as its pronoun does: "it's already
		// shipped though", "that'll do?", "they're broken".
		if before, _, ok := strings.Cut(w, "'"); ok && before != "" {
			words[i] = before
		}
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, cue := range backReferences[l] {
		if strings.Contains(joined, " "+cue+" ") {
			return true
		}
	}
	return false
}

// standaloneQuery writes a follow-up as a question that stands alone: the
// message, then what the turn it follows was about (that turn's own
// standalone question, or its question).
func standaloneQuery(question string, about turn) string {
	prev := about.standalone
	if prev == "" {
		prev = about.question
	}
	return strings.TrimSpace(question) + " " + strings.TrimSpace(prev)
}

// inPlay moves the passages of the article the conversation is about to
// the front when one of them scores nearly as well as the best: a
// follow-up is answered from the article already in play when it can be,
// while a new topic, whose article scores far better, is not held back.
func inPlay(res search.Result, docs map[string]bool) search.Result {
	if len(res.Passages) == 0 || docs[res.Passages[0].DocID] {
		return res
	}
	top := res.Passages[0].Score
	var mine, rest []search.Passage
	for _, p := range res.Passages {
		if docs[p.DocID] && p.Score >= inPlayShare*top {
			mine = append(mine, p)
		} else {
			rest = append(rest, p)
		}
	}
	if len(mine) == 0 {
		return res
	}
	res.Passages = append(mine, rest...)
	return res
}

// inPlayShare is how close to the best an in-play article's passage must
// score to be put first.
const inPlayShare = 0.8

// shortText reports whether a message has a handful of characters: too
// few to search alone.
func shortText(s string) bool { return utf8.RuneCountInString(strings.TrimSpace(s)) < 4 }

// questionWords ask what kind of answer is wanted (how long, how much,
// when, where), by language: in a follow-up they name no topic of their
// own. Language, not any company's vocabulary.
var questionWords = map[lang.Tag]string{
	lang.English: `how what when where which who whom whose why long much many soon fast quickly quick faster cheaper
		else more less again too also then case if about instead only still yet ever already time times day days week weeks
		cost costs price prices fee fees charge take takes took taking`,
	lang.Danish: `hvordan hvad hvornår hvornaar hvor hvilken hvilke hvem hvorfor lang længe laenge tid meget mange hurtigt
		hurtigere billigere ellers mere mindre igen også ogsaa så saa hvis dag dage uge uger koster koste pris prisen gebyr
		tager tage tog taget`,
	lang.Malay: `bagaimana camne camna macam mana apa bila bilakah di mana siapa kenapa mengapa berapa brp lama cepat
		lagi laju murah jika kalau klu hari minggu masa harga kos caj yuran ambil ambik`,
}

// questionHan are the Chinese words of asking, left out when telling
// whether a follow-up names a topic.
var questionHan = []string{"多少钱", "多少錢", "幾多錢", "几多钱", "价钱", "價錢", "价格", "價格", "收费", "收費", "多久", "多长", "多長", "几时", "幾時", "几耐", "幾耐", "什么时候", "什麼時候", "多少", "几", "幾",
	"什么", "什麼", "啥", "咩", "乜", "哪里", "哪裡", "边度", "邊度", "哪", "怎么", "怎麼", "点样", "點樣", "点", "點",
	"可以", "能", "会", "會", "要", "吗", "嗎", "呢", "啊", "吧", "咁", "那", "这", "這", "还", "還", "也", "都", "再",
	"快", "更", "时间", "時間", "天", "日"}

// questionGenericHan are questionHan and then genericHan, in one list.
var questionGenericHan = append(append([]string{}, questionHan...), genericHan...)

// Danish typed without æ, ø and å asks, points back and says nothing in
// those spellings too ("hvornar", "ogsaa").
func init() {
	questionWords[lang.Danish] = withDanishSpellings(questionWords[lang.Danish])
	var more []string
	for _, w := range backReferences[lang.Danish] {
		more = append(more, lang.WithoutMarks(w)...)
	}
	backReferences[lang.Danish] = append(backReferences[lang.Danish], more...)
}

// withDanishSpellings adds to a list of words, one space apart, their
// spellings without æ, ø and å.
func withDanishSpellings(list string) string {
	var more []string
	for _, w := range strings.Fields(list) {
		more = append(more, lang.WithoutMarks(w)...)
	}
	return list + " " + strings.Join(more, " ")
}

// asking are the words of asking of each language with English's, as a
// set, made once: namesTopic reads them at every follow-up.
var asking = func() map[lang.Tag]map[string]bool {
	out := map[lang.Tag]map[string]bool{}
	for l := range questionWords {
		set := map[string]bool{}
		for _, tl := range []lang.Tag{l, lang.English} {
			for _, w := range strings.Fields(questionWords[tl]) {
				set[w] = true
				for _, v := range lang.WithoutMarks(w) {
					set[v] = true // built before init adds them to questionWords
				}
			}
		}
		out[l] = set
	}
	return out
}()

// namesTopic reports whether a follow-up names something of its own,
// beyond the words of asking and of every support question: "will I get
// the postage back too" does (postage), "how long have I got" does not.
func namesTopic(text string, l lang.Tag) bool {
	if l.Chinese() {
		rest := text
		for _, w := range questionGenericHan {
			rest = strings.ReplaceAll(rest, w, "")
		}
		n := 0
		for _, r := range rest {
			if unicode.Is(unicode.Han, r) {
				n++
			}
		}
		// A word in Latin letters names a topic as it would in English
		// ("Larkspur Care是什么", "收唔到email喎").
		latin := strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Han, r) {
				return ' '
			}
			return r
		}, rest)
		return n >= 2 || strings.TrimSpace(latin) != "" && namesTopic(latin, lang.English)
	}
	known := genericWords(l)
	asks := asking[l]
	if asks == nil {
		asks = asking[lang.English]
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		w = strings.ReplaceAll(w, "'", "")
		if !known[w] && !asks[w] && len([]rune(w)) > 2 {
			return true
		}
	}
	return false
}

// withoutAsking is a message without the words of asking and of every
// support question: what it names of its own ("tell" in "how long do i
// have to tell u", "联系" in "多久之内要联系你们").
func withoutAsking(text string, l lang.Tag) string {
	if l.Chinese() {
		rest := text
		for _, w := range append(append([]string{}, questionHan...), genericHan...) {
			rest = strings.ReplaceAll(rest, w, " ")
		}
		return strings.Join(strings.Fields(rest), " ")
	}
	known := genericWords(l)
	asks := map[string]bool{}
	for _, tl := range []lang.Tag{l, lang.English} {
		for _, w := range strings.Fields(questionWords[tl]) {
			asks[w] = true
		}
	}
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		if !known[w] && !known[strings.ReplaceAll(w, "'", "")] && !asks[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
