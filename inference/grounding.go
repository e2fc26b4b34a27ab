package inference

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// Grounding says how well an answer is supported by the sources it was
// given. It is computed after generation and recorded with the decision.
type Grounding struct {
	// Score is the share of the answer's checkable sentences that the
	// sources support, from 0 to 1 (1 when nothing was checkable).
	Score float64
	// Citations counts the [n] citations in the answer.
	Citations int
	// BadCitations counts citations that point at no source.
	BadCitations int
	// Sentences and Supported count the checked sentences; Miscited
	// counts supported sentences whose support is in another source than
	// the one they cite.
	Sentences, Supported, Miscited int
}

// Grounded reports whether the answer may be shown: every citation points
// at a given source and enough sentences are supported.
func (g Grounding) Grounded(min float64) bool { return g.BadCitations == 0 && g.Score >= min }

var citationRE = regexp.MustCompile(`\[(\d{1,3})\]`)

// minSupport is the share of a sentence's words that must occur in its
// sources for the sentence to count as supported.
const minSupport = 0.5

// checkGrounding checks an answer against its sources. Each sentence is
// compared with the sources it cites (all sources when it cites none): it
// is supported when at least half its words occur there and every number
// in it does. A sentence supported only by another source than the one it
// cites still counts as supported, and is counted as miscited. When the answer is in another language than the sources,
// only citations and numbers can be checked.
func checkGrounding(answer string, l lang.Tag, passages []search.Passage) Grounding {
	var g Grounding
	sameLang := len(passages) > 0 && sameFamily(l, passages[0].Lang)
	srcTerms := make([]map[string]bool, len(passages))
	srcNums := make([]map[string]bool, len(passages))
	for i, p := range passages {
		// The three parts one by one, as the text they make joined by
		// spaces (a space separates words and numbers alike).
		srcTerms[i] = make(map[string]bool, len(p.Text)/8)
		srcNums[i] = map[string]bool{}
		for _, part := range [...]string{p.Title, p.Heading, p.Text} {
			termsInto(srcTerms[i], part)
			numbersInto(srcNums[i], part)
		}
	}
	all := make([]int, len(passages))
	for i := range all {
		all[i] = i
	}
	for _, sentence := range splitSentences(redact.RemovePlaceholders(answer)) {
		var cited []int
		for _, m := range citationRE.FindAllStringSubmatch(sentence, -1) {
			g.Citations++
			n, _ := strconv.Atoi(m[1])
			if n < 1 || n > len(passages) {
				g.BadCitations++
				continue
			}
			cited = append(cited, n-1)
		}
		if len(cited) == 0 {
			cited = all
		}
		body := citationRE.ReplaceAllString(sentence, " ")
		words, nums := terms(body), numbers(body)
		for w := range words {
			if functionWords[w] {
				delete(words, w)
			}
		}
		if len(nums) == 0 && (!sameLang || len(words) < 3) {
			continue // nothing to check in this sentence
		}
		g.Sentences++
		switch {
		case supported(words, nums, cited, srcTerms, srcNums, sameLang):
			g.Supported++
		case supported(words, nums, all, srcTerms, srcNums, sameLang):
			g.Supported++
			g.Miscited++
		}
	}
	g.Score = 1
	if g.Sentences > 0 {
		g.Score = float64(g.Supported) / float64(g.Sentences)
	}
	return g
}

// functionWords are frequent words that say nothing about support.
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for you your our are was were will would can could should this that
		these those with from into about within have has had not but all any its it's they them their there
		what when where which who how also just than then only very more most some such
		og det den der til med for som har ikke kan vil skal fra din dit dine vores jeres når hvis eller
		men også bliver blev være være efter inden under over
		dan yang untuk dengan ini itu anda kami akan boleh tidak ada dari pada dalam atau juga jika
		sudah telah bagi kepada oleh mana apa bila saya`) {
		m[w] = true
	}
	return m
}()

func supported(words, nums map[string]bool, cited []int, srcTerms, srcNums []map[string]bool, sameLang bool) bool {
	for n := range nums {
		found := false
		for _, i := range cited {
			if srcNums[i][n] {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if !sameLang || len(words) == 0 {
		return true
	}
	hit := 0
	for w := range words {
		for _, i := range cited {
			if srcTerms[i][w] {
				hit++
				break
			}
		}
	}
	return float64(hit)/float64(len(words)) >= minSupport
}

// numbers returns the numbers in a text (digit runs, with decimal and
// thousands separators removed), which an answer must not invent.
func numbers(s string) map[string]bool {
	out := map[string]bool{}
	numbersInto(out, s)
	return out
}

// numbersInto adds the numbers of s to out, reading s once without
// copying it to runes.
func numbersInto(out map[string]bool, s string) {
	var cur []byte // the number being read, then "#"
	flush := func() {
		if len(cur) > 0 {
			k := append(bytes.TrimLeft(cur, "0"), '#')
			if !out[string(k)] {
				out[string(k)] = true
			}
			cur = cur[:0]
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r >= '0' && r <= '9':
			cur = append(cur, byte(r))
		case r >= '０' && r <= '９':
			cur = append(cur, byte('0'+r-'０'))
		case (r == ',' || r == '.') && len(cur) > 0 && i < len(s) && s[i] >= '0' && s[i] <= '9':
			// a separator inside a number: 2,400 or 1.299
		default:
			flush()
		}
	}
	flush()
}

// sameFamily reports whether two language tags are written alike enough
// for word overlap to mean something.
func sameFamily(a, b lang.Tag) bool { return a == b || a.Chinese() && b.Chinese() }
