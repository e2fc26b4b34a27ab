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
	return chunkFieldsWithLead(lx, p, "")
}

// chunkFieldsWithLead is chunkFields given the lead's analysed terms,
// which every passage of a document shares ("" to analyse the lead).
func chunkFieldsWithLead(lx *lexicon, p kb.Passage, leadTerms string) map[string]any {
	fam := analysisKey(p.Lang)
	a := lx.analyzer(fam)
	// The body is joined once: the index reads it as it is given, and
	// its terms are read from it by the analyzer that joins nothing.
	body := lx.join(fam, p.Title+"\n"+p.Heading+"\n"+p.Text)
	if leadTerms == "" {
		leadTerms = passageTerms(a, p.Lead)
	}
	return map[string]any{
		"terms":       passageTerms(lx.raw(fam), body),
		"title_terms": passageTerms(a, p.Title),
		"lead_terms":  leadTerms,
		"head_terms":  passageTerms(a, p.Heading),
		"doc_id":      p.DocID,
		"lang":        p.Lang,
		"title":       p.Title,
		"heading":     p.Heading,
		"text":        p.Text,
		"version":     p.Version,
		"url":         p.URL,
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
