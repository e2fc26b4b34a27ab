package inference

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// extractiveMax is about the longest passage text an extractive answer
// quotes, in bytes.
const extractiveMax = 900

// extractiveAnswer answers from the knowledge base alone: it quotes the
// best passage under its heading, cited as [1]. A passage too long to
// quote whole is cut to the run of sentences that shares most words with
// the question.
func extractiveAnswer(l lang.Tag, question string, passages []search.Passage, intro string) string {
	if len(passages) == 0 {
		return ""
	}
	p := passages[0]
	body := strings.TrimSpace(p.Text)
	if len(body) > extractiveMax {
		body = bestWindow(splitSentences(body), terms(question), extractiveMax, l.Chinese())
	}
	var b strings.Builder
	b.WriteString(intro)
	b.WriteString("\n\n")
	if h := strings.TrimSpace(p.Heading); h != "" {
		b.WriteString(h)
		// A heading that is a question, or ends in a colon, takes no colon.
		if r, _ := utf8.DecodeLastRuneInString(h); !strings.ContainsRune("?？!！:：", r) {
			b.WriteString(":")
		}
		b.WriteString("\n")
	}
	b.WriteString(body)
	b.WriteString(" [1]")
	return b.String()
}

// bestWindow returns the run of consecutive sentences, at most max bytes
// long, that holds the most question terms.
func bestWindow(sentences []string, qterms map[string]bool, max int, cjk bool) string {
	sep := " "
	if cjk {
		sep = ""
	}
	score := make([]int, len(sentences))
	for i, s := range sentences {
		for t := range terms(s) {
			if qterms[t] {
				score[i]++
			}
		}
	}
	bestFrom, bestTo, best := 0, 1, -1
	for from := range sentences {
		size, sum := 0, 0
		for to := from; to < len(sentences); to++ {
			size += len(sentences[to]) + len(sep)
			if size > max && to > from {
				break
			}
			sum += score[to]
			if sum > best {
				bestFrom, bestTo, best = from, to+1, sum
			}
		}
	}
	return strings.Join(sentences[bestFrom:bestTo], sep)
}

// splitSentences cuts text into sentences and list items.
func splitSentences(text string) []string {
	var out []string
	var cur strings.Builder
	emit := func() {
		s := strings.TrimSpace(cur.String())
		s = strings.TrimLeft(s, "-*• ")
		if s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	rs := []rune(text)
	for i, r := range rs {
		if r == '\n' {
			emit()
			continue
		}
		cur.WriteRune(r)
		switch r {
		case '。', '！', '？':
			emit()
		case '.', '!', '?':
			if i+1 == len(rs) || unicode.IsSpace(rs[i+1]) {
				emit()
			}
		}
	}
	emit()
	return out
}

// terms returns the lower-cased words of a text, with Chinese text as
// character pairs, for overlap counting.
func terms(s string) map[string]bool {
	out := make(map[string]bool, len(s)/8)
	termsInto(out, s)
	return out
}

// termsInto adds the terms of s to out. It reads the text once, rune by
// rune, lower-casing as strings.ToLower does, without the copies that
// lower-casing and splitting the whole text made: the grounding check
// reads every source's text at every answer.
func termsInto(out map[string]bool, s string) {
	var word []byte  // the word being read, lower-cased
	var han []rune   // the run of Han characters being read
	var first rune   // the word's first rune
	runes := 0       // the word's length in runes
	var pair [8]byte // a Han bigram, encoded
	add := func(k []byte) {
		if !out[string(k)] {
			out[string(k)] = true
		}
	}
	flushHan := func() {
		for i := 0; i+1 < len(han); i++ {
			add(utf8.AppendRune(utf8.AppendRune(pair[:0], han[i]), han[i+1]))
		}
		if len(han) == 1 {
			add(utf8.AppendRune(pair[:0], han[0]))
		}
		han = han[:0]
	}
	endWord := func() {
		if runes == 0 {
			return
		}
		flushHan()
		if runes > 2 && !unicode.Is(unicode.Han, first) {
			add(word)
		}
		word, runes = word[:0], 0
	}
	for _, r := range s {
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			endWord()
			continue
		}
		if runes == 0 {
			first = r
		}
		runes++
		word = utf8.AppendRune(word, r)
		if unicode.Is(unicode.Han, r) {
			han = append(han, r)
		} else {
			flushHan()
		}
	}
	endWord()
}
