package search

import "strings"

// A help centre's article often ends with a digest of its questions,
// each answered in a line ("- Can I return opened headphones? No, for
// hygiene reasons ..."), that repeats what its sections say at length.
// A digest holds many of the words of many questions, so it would
// outrank, within its article, the section devoted to the one asked: it
// ranks a little below that section, and answers when nothing else in
// the article does.

// rankDigest is what a digest loses among its article's passages.
const rankDigest = 0.05

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
