package search

import (
	"context"
	"fmt"
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/hushdesk/hushdesk/retrieval/fuzzy"
)

// queryTerm is one analysed term of a query, in one analysis family.
type queryTerm struct {
	term string
	// df is how many passages of the family hold the term.
	df uint64
	// idf weighs the term in the coverage of a passage.
	idf float64
	// weight scales the term's share of the query: 1 for the query's
	// own words, less for what only a rule implies and for Chinese
	// bigrams that no passage holds (many straddle two words).
	weight float64
	// alts are the terms that stand for it: synonyms, and what rules
	// make of the phrase it is part of.
	alts []alt
	// expands marks a term with synonyms, which Bleve's synonym search
	// adds to the term's clause in the first pass.
	expands bool
	// implied marks a term that is not in the query but that a rule
	// made of words the analyzer drops ("not a bot").
	implied bool
	// fuzz is the edit distance within which the first pass searches
	// a passage's term as this one: non-zero for words no passage holds
	// (probably misspelt).
	fuzz int
	// near accepts the passage terms within nearEdits of the term, which
	// the reranking credits as near matches; nil when fuzz is 0.
	near *fuzzy.Automaton
	// prefix marks a lone Chinese character, which stands for the words
	// it begins or ends.
	prefix bool
	// parts are the words of a compound no passage holds, each held by
	// some passage (Danish "returporto": retur, porto).
	parts []string
	// compound marks a Danish word that a passage's compound holding it
	// ("fragtpris" for "pris") holds in part.
	compound bool
	// ruled marks a word of a phrase a rule recognised ("changed my
	// mind"): it says what the question is about.
	ruled bool
	// place marks a word of a place's name ("shah alam", "kbh"): where
	// the question is asked from or about, not what it asks.
	place bool
}

// Weights of terms that are not plainly the query's own words.
const (
	// hanUnknownWeight weighs a Chinese bigram that no passage holds:
	// many straddle two words and mean nothing, but some are words the
	// knowledge base does not know, a sign that it cannot answer.
	hanUnknownWeight = 0.5
	// loneHanWeight weighs a lone Chinese character; loneHanIDF is the
	// rarity it is given (it is not indexed on its own).
	loneHanWeight = 0.5
	loneHanIDF    = 2.0
	// codeWeight weighs a term holding a digit: an order or tracking
	// number, an amount, a count of days, which say little of the topic.
	codeWeight = 0.3
	// hanStraddleWeight weighs a Chinese bigram that no passage holds
	// and that overlaps a bigram some passage holds: it most likely
	// straddles two words (寄到台湾: 到台).
	hanStraddleWeight = 0.1
)

// weighUnknownBigrams weighs the Chinese bigrams no passage holds: one
// that overlaps a bigram passages hold most likely straddles two words;
// a run of overlapping ones is one word the knowledge base does not know
// (会员积分: 会员, 员积, 积分), which weighs as much as one bigram, not as
// much as all of them.
func weighUnknownBigrams(out []queryTerm) {
	var straddling []int
	for i := range out {
		if out[i].weight == hanUnknownWeight && straddles(out, i) {
			straddling = append(straddling, i)
		}
	}
	for _, i := range straddling {
		out[i].weight = hanStraddleWeight
	}
	unknown := func(i int) bool { return out[i].weight == hanUnknownWeight }
	overlaps := func(i, j int) bool {
		a, b := []rune(out[i].term), []rune(out[j].term)
		return len(a) == 2 && len(b) == 2 && a[1] == b[0]
	}
	for start := 0; start < len(out); {
		if !unknown(start) {
			start++
			continue
		}
		end := start + 1
		for end < len(out) && unknown(end) && overlaps(end-1, end) {
			end++
		}
		for i := start; i < end; i++ {
			out[i].weight = hanUnknownWeight / float64(end-start)
		}
		start = end
	}
}

// straddles reports whether the unknown Chinese bigram out[i] overlaps a
// neighbouring bigram (in query order) that passages hold.
func straddles(out []queryTerm, i int) bool {
	r := []rune(out[i].term)
	if len(r) != 2 {
		return false
	}
	known := func(j int) bool { return out[j].df > 0 || len(out[j].alts) > 0 }
	if i > 0 {
		if p := []rune(out[i-1].term); len(p) == 2 && p[1] == r[0] && known(i-1) {
			return true
		}
	}
	if i+1 < len(out) {
		if n := []rune(out[i+1].term); len(n) == 2 && n[0] == r[1] && known(i+1) {
			return true
		}
	}
	return false
}

// analyseQuery returns the distinct terms of text in each family, with
// their document frequencies in the family's body field.
//
// Under a context from WithAnalysisMemo, a text analysed before by the
// same index, with the same vocabulary and no write since, is not
// analysed again (memo.go); the terms are only read after analysis.
func (ix *Index) analyseQuery(ctx context.Context, text string) (map[string][]queryTerm, error) {
	memo := memoOf(ctx)
	if memo == nil {
		return ix.analyseQueryIn(ctx, ix.lexicon(), text)
	}
	key := memoKey{ix: ix, lx: ix.lexicon(), gen: ix.gen.Load(), text: text}
	if t, ok := memo.get(key); ok {
		return t, nil
	}
	t, err := ix.analyseQueryIn(ctx, key.lx, text)
	if err == nil && ix.gen.Load() == key.gen {
		memo.put(key, t)
	}
	return t, err
}

// analyseQueryIn is analyseQuery with the vocabulary lx.
func (ix *Index) analyseQueryIn(ctx context.Context, lx *lexicon, text string) (map[string][]queryTerm, error) {
	reader, err := ix.readerFor()
	if err != nil {
		return nil, err
	}
	defer reader.Close()
	n, err := reader.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count passages: %w", err)
	}
	n = ix.passagesOf(n)
	out := make(map[string][]queryTerm, len(families))
	for _, fam := range families {
		if out[fam], err = ix.familyTerms(ctx, reader, lx, n, fam, text); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// familyTerms analyses text in one family: its words, their synonyms,
// what the family's rules make of its phrases (expand.go), then how
// rare and how weighty each is.
func (ix *Index) familyTerms(ctx context.Context, reader snapshot, lx *lexicon, n uint64, fam, text string) ([]queryTerm, error) {
	a := lx.analyzer(fam)
	th := lx.thesauri[fam]
	pre := preNormalize(fam, text)
	out := expandQuery(a, th, fam, pre)
	if len(out) > maxQueryTerms {
		out = out[:maxQueryTerms] // a question is not that long: the rest is noise or an attack
	}
	idf := func(df uint64) float64 {
		return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
	}
	budget := maxFuzzyTerms
	var ws wordStems
	for i := range out {
		if err := ix.measure(ctx, reader, a, th, fam, pre, &out[i], idf, &budget, &ws); err != nil {
			return nil, err
		}
	}
	weighUnknownBigrams(out)
	damp := dampedStems(lx.cues[fam], text)
	for i := range out {
		if damp[out[i].term] {
			out[i].weight *= questionWordWeight
		}
	}
	return out, nil
}

// measure looks up how many passages hold a query term and its
// alternatives, and sets its rarity and weight; a word no passage holds
// is corrected to a support-domain word it misspells, split into the
// parts of a compound, matched fuzzily, or, a lone Chinese character,
// taken as the words it begins.
//
// ws holds the words of pre analysed so far, shared by the terms of one
// query in one family.
func (ix *Index) measure(ctx context.Context, reader snapshot, a analysis.Analyzer, th *thesaurus, fam, pre string, q *queryTerm, idf func(uint64) float64, budget *int, ws *wordStems) error {
	df, err := ix.dfs.docFreq(ctx, reader, fam, q.term)
	if err != nil {
		return err
	}
	q.df, q.idf = df, idf(df)
	// A word no passage holds costs automata to correct, match fuzzily
	// or split: only so many of them a question, and none too long.
	long := utf8.RuneCountInString(q.term) > maxFuzzyRunes || *budget <= 0
	if df == 0 && !q.implied && !long && latinFamily(fam) {
		*budget--
	}
	if df == 0 && len(q.alts) == 0 && latinFamily(fam) && !q.implied && !long {
		if c := ix.correction(th, fam, q.term); c != "" {
			q.alts = th.spellAlts(c)
			q.ruled = ix.topics.has(fam, c)
		}
	}
	q.expands = th.expands(q.term)
	for j := range q.alts {
		if q.alts[j].df, err = ix.dfs.docFreq(ctx, reader, fam, q.alts[j].term); err != nil {
			return err
		}
		q.alts[j].expands = th.expands(q.alts[j].term)
	}
	if altDF := maxDocFreq(q.alts); df == 0 && altDF > 0 {
		// A word no passage holds but that something stands for is
		// as rare as the commonest of its alternatives.
		q.idf = idf(altDF)
	}
	q.compound = fam == "da" && utf8.RuneCountInString(q.term) > minCompoundPart
	if q.ruled || ix.topics.has(fam, q.term) {
		q.weight *= topicWeight
	}
	switch {
	case hasDigit(q.term):
		q.weight *= codeWeight
	case df > 0 || q.implied:
	case fam == "zh" && utf8.RuneCountInString(q.term) == 1 && hasHan(q.term):
		q.prefix = true
		if len(q.alts) == 0 {
			q.weight, q.idf = loneHanWeight, loneHanIDF
		}
	case hasHan(q.term) && len(q.alts) == 0:
		q.weight = hanUnknownWeight
	case latinFamily(fam):
		n := letters(fam, q.term)
		if q.fuzz = fuzziness(n); q.fuzz > 0 && !long {
			q.near = nearAutomaton(q.term, nearEditsOf(n))
		} else {
			q.fuzz = 0
		}
		if fam == "da" && !long {
			q.parts, err = ix.splitWord(ctx, reader, a, ws.surface(a, q.term, pre))
		}
	}
	return err
}

// What one question may cost is bounded, whatever it holds: a word longer
// than maxFuzzyRunes is matched as written only (no near matches, no
// spelling correction, no compound parts: a Levenshtein automaton of a
// long word grows without bound, and no word customers misspell is that
// long), no more than maxQueryTerms terms of a family are searched, and
// no more than maxFuzzyTerms words no passage holds are corrected, matched
// fuzzily or split (each is an automaton to build; a question has a few
// misspelt words, not dozens).
const (
	maxFuzzyRunes = 20
	maxQueryTerms = 64
	maxFuzzyTerms = 16
)

// maxDocFreq is the highest document frequency among alternatives.
func maxDocFreq(alts []alt) uint64 {
	var m uint64
	for _, a := range alts {
		m = max(m, a.df)
	}
	return m
}

// fuzziness is the edit distance allowed for a misspelt term of n letters: none for
// short ones, where one edit makes another word, 1 up to 5 letters, 2
// beyond (a swap of two letters is two edits to Bleve).
func fuzziness(n int) int {
	switch {
	case n < 4 || n > maxFuzzyRunes:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

// hasDigit reports whether s holds a digit.
func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// hasHan reports whether s holds a Han character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
