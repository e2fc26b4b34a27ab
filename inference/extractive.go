package inference

import (
	"sort"
	"strings"
	"unicode"

	"github.com/hushdesk/hushdesk/retrieval"
)

// extractiveAnswer answers from the knowledge base alone: the sentences of
// the best passage that share most with the question, in their original
// order, cited as [1].
func extractiveAnswer(lang, question string, passages []retrieval.Passage, intro string) string {
	if len(passages) == 0 {
		return ""
	}
	p := passages[0]
	sentences := splitSentences(p.Text)
	qterms := terms(question)
	type scored struct {
		i     int
		score float64
	}
	var ss []scored
	for i, s := range sentences {
		st := terms(s)
		overlap := 0
		for t := range st {
			if qterms[t] {
				overlap++
			}
		}
		ss = append(ss, scored{i, float64(overlap) - float64(i)*0.01})
	}
	sort.SliceStable(ss, func(a, b int) bool { return ss[a].score > ss[b].score })
	keep := min(3, len(ss))
	idx := make([]int, 0, keep)
	for _, s := range ss[:keep] {
		idx = append(idx, s.i)
	}
	sort.Ints(idx)
	var b strings.Builder
	b.WriteString(intro)
	for _, i := range idx {
		sep := " "
		if isCJK(lang) {
			sep = ""
		}
		if b.Len() == len(intro) {
			sep = "\n\n"
		}
		b.WriteString(sep)
		b.WriteString(sentences[i])
	}
	b.WriteString(" [1]")
	return b.String()
}

func isCJK(lang string) bool { return strings.HasPrefix(lang, "zh") }

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
