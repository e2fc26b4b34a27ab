package search

import (
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// chunkFields is one passage as indexed: stored fields for the answer,
// and the body (title, heading and text, its phrases joined) analysed in
// the passage's language family, so that every term is scored against
// one collection.
// The analysed terms of the body, of the document's title, of its lead
// and of the passage's heading are stored for the reranking.
func chunkFields(lx *lexicon, p kb.Passage) map[string]any {
	fam := analysisKey(p.Lang)
	a := lx.analyzer(fam)
	body := p.Title + "\n" + p.Heading + "\n" + p.Text
	return map[string]any{
		"terms":       passageTerms(a, body),
		"title_terms": passageTerms(a, p.Title),
		"lead_terms":  passageTerms(a, p.Lead),
		"head_terms":  passageTerms(a, p.Heading),
		"doc_id":      p.DocID,
		"lang":        p.Lang,
		"title":       p.Title,
		"heading":     p.Heading,
		"text":        p.Text,
		"version":     p.Version,
		"url":         p.URL,
		"body_" + fam: lx.join(fam, body),
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
