package search

import (
	"strings"
	"unicode"
)

// A help centre's article often ends with a digest of its questions,
// each answered in a line ("- Can I return opened headphones? No, for
// hygiene reasons ..."), that repeats what its sections say at length.
// A digest holds many of the words of many questions, so it would
// outrank, within its article, the section devoted to the one asked: it
// ranks a little below that section, and answers when nothing else in
// the article does.

// isDigest reports whether a section's text is a digest: two or more
// list items, each a question and, after it, its answer.
func isDigest(text string) bool {
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		item, ok := strings.CutPrefix(line, "- ")
		if !ok {
			item, ok = strings.CutPrefix(line, "* ")
		}
		if !ok {
			continue
		}
		if i := strings.IndexAny(item, "?？"); i > 0 && strings.TrimLeft(item[i:], "?？ ") != "" {
			n++
		}
	}
	return n >= 2
}

// A section whose heading names something by its own name ("Larkspur
// Care extended warranty", "Showroom in Copenhagen") is about that thing:
// among its article's sections, it ranks a little lower for a question
// that does not say the name ("my kettle died after four months, is
// that covered?" asks about the warranty, not the add-on named after
// it). Within an article a conversation is about, the name may have
// been said before: there it counts for nothing.

// namesUnasked reports whether a heading names something by a proper
// name that the question does not say.
func namesUnasked(heading, question string) bool {
	return unaskedName(headingNames(heading), strings.ToLower(question))
}

// unaskedName reports whether one of a heading's names (headingNames) is
// not in the question, in lower case.
func unaskedName(names []string, question string) bool {
	for _, n := range names {
		if !strings.Contains(question, n) {
			return true
		}
	}
	return false
}

// headingNames are the proper names of a heading, in lower case: its
// capitalised words after the first, or the Latin words of a Chinese
// heading, of three letters or more and not acronyms (PDF, VAT).
func headingNames(heading string) []string {
	var out []string
	words := strings.FieldsFunc(heading, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	han := strings.IndexFunc(heading, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
	for i, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || len(r) < 3 || !han && i == 0 || unicode.Is(unicode.Han, r[0]) || strings.ToUpper(w) == w {
			continue
		}
		out = append(out, strings.ToLower(w))
	}
	return out
}
