package search

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// intent is the kind of answer a question asks for, or a section's
// heading promises: how to do something, when (or how long), what it
// costs, or how far something the customer started has come (its
// status). Within an article, the section whose heading promises what the
// question asks for ranks first: "How do I return a pair of shoes?" is
// answered by "How to start a return", not by "Does a return cost
// anything?", though both hold "return".
type intent uint8

const (
	intentHow intent = 1 << iota
	intentWhen
	intentCost
	intentStatus
)

// intentCues are the words that name each intent, in the four
// languages (Chinese in both scripts). Latin-script cues match whole
// words; Chinese cues match anywhere.
var intentCues = []struct {
	intent intent
	cues   []string
}{
	{intentHow, []string{
		"how do i", "how can i", "how to", "how should i", "how would i", "what do i do", "what should i do", "steps",
		"how do you", "how does one", "what's the way to", "whats the way to", "the way to", "what's the process",
		"whats the process", "what is the process", "the process for", "the procedure", "walk me through",
		"hvordan", "sådan", "hvad gør jeg", "hvad skal jeg gøre", "fremgangsmåde", "hvad er proceduren",
		"bagaimana", "camne", "camna", "camana", "cemana", "macam mana", "mcm mana", "mcmana", "cmne", "cmana", "cara", "langkah",
		"如何", "怎么", "怎麼", "怎样", "怎樣", "流程", "步骤", "步驟", "咋",
	}},
	{intentWhen, []string{
		"when", "how long", "what time", "how many days", "how soon", "how fast", "how quickly",
		"hvornår", "hvor lang tid", "hvor lang", "hvor længe", "hvor hurtigt", "hvor mange dage", "leveringstid",
		"bila", "bilakah", "berapa lama", "brp lama", "brape lama", "berapa hari", "brp hari", "pukul berapa", "tempoh", "masa",
		"什么时候", "什麼時候", "何时", "何時", "多久", "多长时间", "多長時間", "几天", "幾天", "几点", "幾點", "时效", "時效", "时限", "時限", "期限", "时间", "時間",
	}},
	{intentCost, []string{
		"cost", "costs", "price", "prices", "fee", "fees", "free", "how much", "pay for", "have to pay", "need to pay",
		"koster", "pris", "priser", "gebyr", "gratis", "hvor meget", "betale for",
		"kos", "harga", "caj", "yuran", "percuma", "kena bayar", "perlu bayar",
		"价格", "價格", "价钱", "價錢", "收费", "收費", "免费", "免費", "多少钱", "多少錢", "要钱", "要錢",
		"运费", "運費", "邮费", "郵費", "费用", "費用",
	}},
	{intentStatus, []string{
		"status", "statuses", "where is my", "where's my", "wheres my", "where can i see", "how far", "progress",
		"what's happening", "whats happening", "happening with", "any update", "an update",
		"hvor er min", "hvor langt", "hvad sker der", "hvor står",
		"sampai mana", "perkembangan",
		"进度", "進度", "状态", "狀態", "进展", "進展", "到哪", "去到邊",
	}},
}

// Danes without æ, ø and å on the keyboard write them as ae, oe and aa
// or drop the marks ("hvornaar", "hvornar", "hvor laenge"): each cue
// holding one is also read in those spellings.
func init() {
	for i := range intentCues {
		var more []string
		for _, c := range intentCues[i].cues {
			more = append(more, lang.WithoutMarks(c)...)
		}
		intentCues[i].cues = append(intentCues[i].cues, more...)
	}
}

// spacedWords is a lower-cased text's words one space apart, with a space
// at both ends, for whole-word cues (" how long ").
func spacedWords(lower string) string {
	return " " + strings.Join(strings.FieldsFunc(lower, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}), " ") + " "
}

// intentsOf returns the intents the cues in text name.
func intentsOf(text string) intent {
	lower := strings.ToLower(text)
	words := spacedWords(lower)
	var out intent
	for _, ic := range intentCues {
		for _, c := range ic.cues {
			if c[0] >= 0x80 && isHan(c) {
				if strings.Contains(lower, c) {
					out |= ic.intent
					break
				}
			} else if strings.Contains(words, " "+c+" ") {
				out |= ic.intent
				break
			}
		}
	}
	return out
}

// isHan reports whether s begins with a Chinese character.
func isHan(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Han, r)
	}
	return false
}

// questionWordWeight scales a query term that only says what kind of
// answer is asked for ("long" and "tid" in "how long", "hvor lang tid"):
// it says little of the topic, which the other words carry.
const questionWordWeight = 0.4

// questionWordStems are the analysed forms of the words of the how-to and
// when cues in text. Cost and status cues are left out: "cost", "fee",
// "free", "status" and "track" are also what the question is about.
func questionWordStems(a analysis.Analyzer, text string) map[string]bool {
	return dampedStems(cueStemsOf(a), text)
}

// cueStem is a cue of the how-to and when intents, padded with spaces to
// be found as whole words, and its analysed forms.
type cueStem struct {
	padded string
	stems  []string
}

// cueStemsOf analyses the cues questionWordStems looks for, once per
// analyzer (the lexicon keeps them): the cues are the same at every
// question.
func cueStemsOf(a analysis.Analyzer) []cueStem {
	var out []cueStem
	for _, ic := range intentCues {
		if ic.intent == intentCost || ic.intent == intentStatus {
			continue
		}
		for _, c := range ic.cues {
			// Chinese cues are left out too: their bigrams (时间, 多久)
			// are also the words of the topic.
			if c[0] >= 0x80 && isHan(c) {
				continue
			}
			cs := cueStem{padded: " " + c + " "}
			for _, t := range a.Analyze([]byte(c)) {
				cs.stems = append(cs.stems, string(t.Term))
			}
			out = append(out, cs)
		}
	}
	return out
}

// dampedStems is questionWordStems with the cues analysed.
func dampedStems(cues []cueStem, text string) map[string]bool {
	lower := strings.ToLower(text)
	words := spacedWords(lower)
	var out map[string]bool
	for _, c := range cues {
		if !strings.Contains(words, c.padded) {
			continue
		}
		for _, t := range c.stems {
			if out == nil {
				out = map[string]bool{}
			}
			out[t] = true
		}
	}
	return out
}

// AsksHow reports whether a question asks how something is done or how
// long it takes ("how do I delete my account?", "hvor lang tid går der",
// "怎么注销账户"): a question about a process, which an article can
// answer, rather than a request to start it ("delete my account").
func AsksHow(text string) bool {
	if asksOf(text)&(intentHow|intentWhen) != 0 {
		return true
	}
	lower := strings.ToLower(text)
	words := spacedWords(lower)
	for _, c := range whereCues {
		if isHan(c) && strings.Contains(lower, c) || strings.Contains(words, " "+c+" ") {
			return true
		}
	}
	return false
}

// whereCues ask where something is done ("where do I send my
// complaint?", "kat mana nak hantar"): like how, about a process. They
// are not an intent of the ranking, as a heading rarely promises a place.
var whereCues = []string{
	"where do i", "where can i", "where should i", "where to", "who do i",
	"hvor kan jeg", "hvor skal jeg", "hvor finder jeg", "hvor sender jeg", "hvem skal jeg",
	"kat mana", "di mana", "ke mana", "mana nak", "mana nk", "dekat mana",
	"在哪", "去哪", "哪里", "哪裡", "喺邊", "邊度", "边度", "找谁", "找誰",
}

// asksOf is the kind of answer a query asks for, read also from its
// Cantonese words in standard written Chinese ("幾耐" asks how long as
// "多久" does, "點樣" how as "怎樣").
func asksOf(text string) intent {
	out := intentsOf(text)
	if hasHan(text) {
		out |= intentsOf(cantonese.Replace(text))
	} else if m := normalizeMalay(text); m != text {
		// Malaysian chat shorthand asks as the words it stands for:
		// "kedai buka pkl brp" asks what time, as "pukul berapa" does.
		out |= intentsOf(m)
	}
	if notYet(text) {
		out |= intentWhen
	}
	return out
}

// notYetCues say that something has not come yet ("my refund still
// hasn't arrived", "pengene er stadig ikke kommet", "bayaran balik belum
// terima"): a question asks when it will. A heading that says so ("Still
// no refund?") promises what to do, not when: headings are not read for
// them.
var notYetCues = []string{
	"still hasn't", "still hasnt", "still not", "still no", "still waiting", "still haven't", "still havent",
	"hasn't come", "hasnt come", "not yet", "yet to", "not received", "havent received", "haven't received",
	"stadig ikke", "endnu ikke", "ikke kommet", "ikke modtaget", "masih belum", "belum masuk", "belum sampai",
	"belum terima", "belum dapat",
}

// notYet reports whether a question says something has not come yet.
// Chinese is left out: its help centres give what has not arrived a
// section of its own (退款没到账怎么办), which its words find.
func notYet(text string) bool {
	words := spacedWords(strings.ToLower(text))
	for _, c := range notYetCues {
		if strings.Contains(words, " "+c+" ") {
			return true
		}
	}
	return false
}

// AsksWhether reports whether a message asks a question about how things
// stand or work ("does a team lead look at it again if I'm not happy?",
// "kalau x puas hati, boleh pergi tribunal ke", "投诉以后会有人回复吗")
// rather than asking the business to do something ("can you escalate my
// complaint?", "kan I ringe mig op?", "帮我投诉一下好吗"): a question in
// form (a question mark, a question word or auxiliary first, a question
// particle last) that is not a request addressed to the reader.
func AsksWhether(text string) bool {
	lower := strings.ToLower(strings.TrimSpace(text))
	words := spacedWords(lower)
	for _, r := range addressedRequests {
		if isHan(r) && strings.Contains(lower, r) || strings.Contains(words, " "+r+" ") {
			return false
		}
	}
	if strings.ContainsAny(lower, "?？") {
		return true
	}
	fields := strings.Fields(strings.TrimSpace(words))
	if len(fields) == 0 {
		return false
	}
	if questionOpeners[fields[0]] || questionParticles[fields[len(fields)-1]] {
		return true
	}
	trimmed := strings.TrimRightFunc(lower, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	for _, p := range hanQuestionEnds {
		if strings.HasSuffix(trimmed, p) {
			return true
		}
	}
	for _, p := range hanEitherOr {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

// questionOpeners are the words a question begins with: question words
// and the auxiliaries of a yes-or-no question.
var questionOpeners = map[string]bool{
	"does": true, "do": true, "did": true, "is": true, "are": true, "was": true, "will": true, "would": true,
	"can": true, "could": true, "should": true, "may": true, "what": true, "whats": true, "what's": true,
	"which": true, "who": true, "why": true, "how": true, "when": true, "where": true,
	"kan": true, "er": true, "skal": true, "vil": true, "må": true, "har": true, "hvad": true, "hvilken": true,
	"hvilke": true, "hvem": true, "hvorfor": true, "hvordan": true, "hvornår": true, "hvor": true,
	"adakah": true, "apakah": true, "apa": true, "kenapa": true, "mengapa": true, "bila": true, "siapa": true,
	"bolehkah": true, "bagaimana": true,
}

// questionParticles end a Malay question ("boleh pergi tribunal ke").
var questionParticles = map[string]bool{"ke": true, "kah": true, "tak": true, "x": true, "ka": true}

// hanQuestionEnds end a Chinese question; hanEitherOr ask one (A-not-A:
// 会不会, 可唔可以).
var (
	hanQuestionEnds = []string{"吗", "嗎", "呢", "么", "麼", "未", "冇", "没有", "沒有"}
	hanEitherOr     = []string{"会不会", "會不會", "能不能", "可不可以", "可唔可以", "得唔得", "有没有", "有沒有", "有冇", "是不是", "係唔係", "会唔会", "會唔會"}
)

// addressedRequests ask the reader to do something: a request in the
// form of a question is still a request.
var addressedRequests = []string{
	"can you", "could you", "will you", "would you", "can u", "could u", "pls", "please", "plz",
	"kan i", "kan du", "vil i", "vil du", "gider i", "gider du", "venligst",
	"boleh awak", "boleh korang", "boleh tolong", "tolong", "sila", "mohon",
	"帮我", "幫我", "替我", "请你", "請你", "麻烦你", "麻煩你", "唔該", "帮忙", "幫忙",
}
