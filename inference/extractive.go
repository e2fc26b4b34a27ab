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
	out := map[string]bool{}
	var han []rune
	flushHan := func() {
		for i := 0; i+1 < len(han); i++ {
			out[string(han[i:i+2])] = true
		}
		if len(han) == 1 {
			out[string(han)] = true
		}
		han = han[:0]
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		for _, r := range w {
			if unicode.Is(unicode.Han, r) {
				han = append(han, r)
			} else {
				flushHan()
			}
		}
		flushHan()
		if len([]rune(w)) > 2 && !unicode.Is(unicode.Han, []rune(w)[0]) {
			out[w] = true
		}
	}
	return out
}
