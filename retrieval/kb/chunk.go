package kb

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Chunking limits. A section longer than maxChunkBytes is cut at paragraph
// (then sentence) boundaries, and each piece after the first repeats the
// end of the one before, up to overlapBytes, so an answer that straddles a
// cut is still found whole.
const (
	maxChunkBytes = 1500
	overlapBytes  = 200
)

// section is a heading and the text under it.
type section struct {
	heading string // heading path below the title, "Refunds > By card"
	text    string
}

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = strings.NewReplacer("**", "", "__", "", "`", "")
)

// cleanMarkdown removes inline Markdown that would only get in the way of
// search and snippets.
func cleanMarkdown(s string) string {
	return mdEmphasis.Replace(mdLink.ReplaceAllString(s, "$1"))
}

// splitMarkdown returns the document title (the first level-1 heading, or
// "") and its sections.
func splitMarkdown(text string) (string, []section) {
	var (
		title    string
		path     []string // heading texts by level (index 0 = level 2)
		sections []section
		body     strings.Builder
		inFence  bool
	)
	flush := func() {
		t := strings.TrimSpace(body.String())
		body.Reset()
		if t == "" {
			return
		}
		sections = append(sections, section{heading: strings.Join(nonEmpty(path), " > "), text: t})
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
		}
		level := headingLevel(trimmed)
		if inFence || level == 0 {
			body.WriteString(cleanMarkdown(line))
			body.WriteByte('\n')
			continue
		}
		flush()
		h := cleanMarkdown(strings.TrimSpace(strings.TrimRight(trimmed[level:], "# ")))
		if level == 1 && title == "" {
			title = h
			path = nil
			continue
		}
		depth := max(level-2, 0)
		for len(path) <= depth {
			path = append(path, "")
		}
		path = path[:depth+1]
		path[depth] = h
	}
	flush()
	return title, sections
}

func headingLevel(line string) int {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(line) || line[n] != ' ' {
		return 0
	}
	return n
}

func nonEmpty(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// splitText cuts plain text into sections of paragraphs.
func splitText(text string) []section {
	t := strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if t == "" {
		return nil
	}
	return []section{{text: t}}
}

// pieces cuts a section's text to the chunk size, at paragraph, then line,
// then sentence, then rune boundaries, with overlap between pieces.
func pieces(text string) []string {
	if len(text) <= maxChunkBytes {
		return []string{text}
	}
	var units []string
	for _, para := range strings.Split(text, "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			units = append(units, splitLong(para)...)
		}
	}
	var out []string
	var cur strings.Builder
	for _, u := range units {
		if cur.Len() > 0 && cur.Len()+2+len(u) > maxChunkBytes {
			prev := cur.String()
			out = append(out, prev)
			cur.Reset()
			cur.WriteString(tail(prev, overlapBytes))
		}
		if cur.Len() > 0 {
			cur.WriteString("\n\n")
		}
		cur.WriteString(u)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// splitLong breaks a paragraph longer than the chunk size at sentence ends.
func splitLong(p string) []string {
	if len(p) <= maxChunkBytes {
		return []string{p}
	}
	var out []string
	for len(p) > maxChunkBytes {
		cut := strings.LastIndexAny(p[:maxChunkBytes], ".!?。！？\n")
		if cut < maxChunkBytes/3 {
			cut = maxChunkBytes - 1
		}
		for cut+1 < len(p) && !utf8.RuneStart(p[cut+1]) {
			cut++
		}
		out = append(out, strings.TrimSpace(p[:cut+1]))
		p = strings.TrimSpace(p[cut+1:])
	}
	if p != "" {
		out = append(out, p)
	}
	return out
}

// tail returns about the last n bytes of s, starting at a word or rune
// boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	if j := strings.IndexAny(s[i:], " \n"); j >= 0 && j < n/2 {
		i += j + 1
	}
	return s[i:]
}
