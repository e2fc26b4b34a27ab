package retrieval

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// passageText is what a passage is made of.
type passageText struct {
	docID, version string
	lang           lang.Tag
	url            string // where the document is published, if it is
	// title and lead are its document's title and lead paragraph, what
	// the document is about.
	title, lead string
	heading     string
	text        string
}

// chunkFields is one passage as indexed: stored fields for the answer,
// and the body (title, heading and text) analysed in the passage's
// language family, so that every term is scored against one collection.
// The analysed terms of the body, of the document's title, of its lead
// and of the passage's heading are stored for the reranking.
func chunkFields(analyzer func(fam string) analysis.Analyzer, p passageText) map[string]any {
	fam := analysisKey(p.lang)
	a := analyzer(fam)
	body := p.title + "\n" + p.heading + "\n" + p.text
	return map[string]any{
		"terms":       passageTerms(a, body),
		"title_terms": passageTerms(a, p.title),
		"lead_terms":  passageTerms(a, p.lead),
		"head_terms":  passageTerms(a, p.heading),
		"doc_id":      p.docID,
		"lang":        p.lang,
		"title":       p.title,
		"heading":     p.heading,
		"text":        p.text,
		"version":     p.version,
		"url":         p.url,
		"body_" + fam: body,
	}
}

// passageTerms is the set of a text's analysed terms, stored with a
// passage (space-separated) so that a search can tell which query terms
// the passage holds without analysing it again.
func passageTerms(a analysis.Analyzer, text string) string {
	if a == nil || text == "" {
		return ""
	}
	seen := map[string]bool{}
	var out []string
	for _, t := range a.Analyze([]byte(text)) {
		s := string(t.Term)
		if !seen[s] && !strings.ContainsRune(s, ' ') {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// leadBytes bounds a document's lead: its first paragraphs, before any
// heading, that say what it is about.
const leadBytes = 600

// leadOf returns a document's lead: the paragraphs of its first section,
// when that has no heading, up to about leadBytes.
func leadOf(sections []section) string {
	if len(sections) == 0 || sections[0].heading != "" {
		return ""
	}
	return leadOfText(sections[0].text)
}

// leadOfText returns the first paragraphs of a text, up to about
// leadBytes (at least the first paragraph, cut at a rune boundary).
func leadOfText(text string) string {
	var b strings.Builder
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		if b.Len() > 0 && b.Len()+len(para) > leadBytes {
			break
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(para)
	}
	s := b.String()
	if len(s) > 2*leadBytes {
		cut := 2 * leadBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}
