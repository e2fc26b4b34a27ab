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
// points back or goes on, or is too short to name a topic alone.
func dependsOnEarlier(text string, l lang.Tag) bool {
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
