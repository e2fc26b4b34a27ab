package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// expandQuery analyses a query's text (after preNormalize) in one family
// and gives each of its words what stands for it: the word's synonyms,
// the synonyms of a phrase it is part of, and what the rules make of a
// phrase it is part of. A rule that matches only words the analyzer
// drops ("not a bot") adds the term it leads to, as implied.
func expandQuery(a analysis.Analyzer, th *thesaurus, fam, pre string) []queryTerm {
	toks := a.Analyze([]byte(postNormalize(fam, pre)))
	// Sized for the query's words up front, for speed: a term is large,
	// and growing the list a term at a time copies it over and over.
	// Rules add a few more.
	l := termList{th: th, out: make([]queryTerm, 0, len(toks)+4), at: make(map[string]int, len(toks)), pos: make(map[int]int, len(toks))}
	var phrases []*analysis.Token
	for _, tok := range toks {
		if strings.Contains(string(tok.Term), "_") {
			phrases = append(phrases, tok)
			continue
		}
		l.pos[tok.Position] = l.add(string(tok.Term))
	}
	for _, ph := range phrases {
		l.addPhrase(ph)
	}
	for _, m := range th.match(fam, pre) {
		l.addRule(m, analysedWords(a, postNormalize(fam, m.matched)))
	}
	return l.out
}

// termList is a query's terms in one family as they are gathered.
type termList struct {
	th  *thesaurus
	out []queryTerm
	at  map[string]int // term -> index in out
	pos map[int]int    // word position -> index in out
}

// add adds a word of the query, with its synonyms, once.
func (l *termList) add(t string) int {
	if i, ok := l.at[t]; ok {
		return i
	}
	l.at[t] = len(l.out)
	q := queryTerm{term: t, weight: 1}
	for _, s := range l.th.synonyms[t] {
		q.alts = addAlt(q.alts, alt{term: s, credit: creditSynonym, kind: altSynonym})
	}
	l.out = append(l.out, q)
	return l.at[t]
}

// addPhrase handles a phrase the phrase filter joined ("money_back"): it
// is not a term of its own, which would count its words twice, but
// stands, with its synonyms, for each of its words. It follows them, one
// position after the last. A phrase of stop words only is a term.
func (l *termList) addPhrase(ph *analysis.Token) {
	t := string(ph.Term)
	n := strings.Count(t, "_") + 1
	alts := []alt{{term: t, credit: 1, kind: altPhrase}}
	for _, s := range l.th.synonyms[t] {
		alts = addAlt(alts, alt{term: s, credit: creditSynonym, kind: altSynonym})
	}
	covered := false
	for p := ph.Position - n; p < ph.Position; p++ {
		i, ok := l.pos[p]
		if !ok {
			continue
		}
		covered = true
		for _, a := range alts {
			if a.term != l.out[i].term {
				l.out[i].alts = addAlt(l.out[i].alts, a)
			}
		}
	}
	if !covered {
		l.add(t)
	}
}

// addRule gives the query words a rule matched (words, analysed) the
// terms the rule leads to, and marks them as saying what the question is
// about; when none of them is a term, the rule's first term is added as
// implied.
func (l *termList) addRule(m ruleMatch, words []string) {
	hit := false
	for _, w := range words {
		i, ok := l.at[w]
		if !ok {
			continue
		}
		hit = true
		l.out[i].ruled = true
		l.out[i].place = l.out[i].place || m.place
		for _, to := range m.to {
			if to != w {
				l.out[i].alts = addAlt(l.out[i].alts, alt{term: to, credit: m.credit, kind: altRule})
			}
		}
	}
	if _, ok := l.at[m.to[0]]; hit || ok {
		return
	}
	q := queryTerm{term: m.to[0], weight: m.credit, implied: true}
	for _, to := range m.to[1:] {
		q.alts = addAlt(q.alts, alt{term: to, credit: 1, kind: altRule})
	}
	l.at[q.term] = len(l.out)
	l.out = append(l.out, q)
}
