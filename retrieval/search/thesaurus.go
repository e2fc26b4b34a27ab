package search

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// A thesaurus is one analysis family's synonym groups and one-way rules,
// analysed with the family's analyzer. The first pass of a search leaves
// the synonyms to Bleve's synonym search, which reads the copy of the
// groups the index holds (synonyms_index.go); the thesaurus tells which
// query terms have synonyms, gives the reranking the credit a synonym
// earns, and applies the rules, which hold in one direction only and
// which the first pass searches as clauses of their own.
type thesaurus struct {
	// fam is the analysis family.
	fam string
	// synonyms maps a term to the other terms of its groups.
	synonyms map[string][]string
	// rules are the family's one-way rules, analysed.
	rules []compiledRule
	// vocab is every term of the synonym groups and every term rules
	// lead to: the support domain's words, which misspellings are
	// corrected to; words is the same as a set to intersect automata
	// with.
	vocab []string
	words wordSet
	// byFirst indexes the Latin rules by their phrase's first word, and
	// starred holds those whose first word ends in *: a query's words
	// find the few rules that can start at them instead of trying every
	// rule at every word.
	byFirst map[string][]int
	starred []int
	// unused are the rule targets that lead nowhere: the analyzer does
	// not make one term of them, or they are phrases no synonym group
	// names (so passages do not join them).
	unused []string
}

// Credits: how much of a query word a passage holds when it holds, not
// the word, but a term that stands for it.
const (
	// creditSynonym is for a synonym: the same thing in other words.
	creditSynonym = 1.0
	// creditRule is for what a paraphrase implies ("changed my mind"
	// implies a return): likely, not certain.
	creditRule = 0.85
	// creditPlace is for the country a place lies in.
	creditPlace = 0.85
)

// altBoost scales the search weight of a rule's term, relative to the
// query word the rule stands on, times the rule's credit: half, as
// Bleve's synonym search weighs a synonym.
const altBoost = 0.5

// compileThesaurus analyses a family's synonym groups and rules with the
// family's analyzer a (which joins no phrases: entries are joined here);
// phrases are the phrases the analysis joins.
func compileThesaurus(fam string, a analysis.Analyzer, v *Vocabulary, phrases *phraseSet) (*thesaurus, error) {
	th := &thesaurus{synonyms: map[string][]string{}, fam: fam}
	one := func(entry string) string {
		toks := a.Analyze([]byte(joinPhrase(entry)))
		if len(toks) != 1 {
			return ""
		}
		return string(toks[0].Term)
	}
	for _, g := range v.synonyms[fam] {
		var terms []string
		for _, entry := range g {
			if t := one(entry); t != "" {
				terms = append(terms, t)
			}
		}
		for _, t := range terms {
			for _, o := range terms {
				if o != t && !contains(th.synonyms[t], o) {
					th.synonyms[t] = append(th.synonyms[t], o)
				}
			}
		}
	}
	seen := map[string]bool{}
	for t := range th.synonyms {
		seen[t] = true
	}
	for _, r := range v.rules[fam] {
		cr := compiledRule{credit: r.credit, place: r.place}
		for _, to := range r.to {
			// A phrase leads somewhere only when passages join it.
			words := phraseWords(strings.ToLower(to))
			if t := one(to); t != "" && (len(words) == 1 || phrases.has(words)) {
				cr.to = append(cr.to, t)
				seen[t] = true
			} else {
				th.unused = append(th.unused, to)
			}
		}
		if len(cr.to) == 0 {
			continue
		}
		froms := r.from
		if fam == "da" {
			// Danish typed without æ, ø and å matches as written with
			// them: "faa den i morgen" as "få den i morgen".
			froms = slices.Clone(froms)
			for _, from := range r.from {
				froms = append(froms, lang.WithoutMarks(from)...)
			}
		}
		for _, from := range froms {
			c := cr
			if fam == "zh" {
				c.text = strings.ToLower(foldChinese(cantonese.Replace(from)))
			} else {
				c.words = strings.Fields(strings.ToLower(preNormalize(fam, from)))
			}
			th.rules = append(th.rules, c)
		}
	}
	th.indexRules()
	for t := range seen {
		th.vocab = append(th.vocab, t)
	}
	sort.Strings(th.vocab)
	var err error
	th.words, err = newWordSet(th.vocab)
	return th, err
}

// rule is a one-way rule as written: when a query holds one of the
// phrases of from, the query words of the phrase also count as present
// in a passage holding a term of to, for credit of each. A word of a
// phrase ending in * stands for every word it begins ("regret*").
// Rules are matched against the query before its stop words go, so that
// they can hold "not" and "don't".
type rule struct {
	from   []string
	to     []string
	credit float64
	// place marks a rule from a place to the country or region it lies
	// in.
	place bool
}

// compiledRule is one phrase of a rule, ready to match.
type compiledRule struct {
	words  []string // Latin phrase, lower case
	text   string   // Chinese phrase, folded to simplified
	to     []string // analysed terms
	credit float64
	place  bool
}

// ruleGap is how many other words may stand between two words of a
// rule's phrase in a query ("send the lamp back").
const ruleGap = 2

// ruleMatch is a rule that a query matched: the words it matched (to be
// analysed into the query terms they cover) and what they imply.
type ruleMatch struct {
	matched string
	to      []string
	credit  float64
	place   bool
}

// match returns the rules that the query text (after preNormalize)
// matches.
func (th *thesaurus) match(fam, text string) []ruleMatch {
	var out []ruleMatch
	if fam == "zh" {
		text = strings.ToLower(text)
		for _, r := range th.rules {
			if r.text != "" && strings.Contains(text, r.text) {
				out = append(out, ruleMatch{matched: r.text, to: r.to, credit: r.credit, place: r.place})
			}
		}
		return out
	}
	words := lowerWords(text)
	for _, i := range th.candidates(words) {
		r := th.rules[i]
		if len(r.words) == 0 {
			continue
		}
		for start := range words {
			if m := matchWords(r.words, words, start); m != "" {
				out = append(out, ruleMatch{matched: m, to: r.to, credit: r.credit, place: r.place})
				break
			}
		}
	}
	return out
}

// indexRules indexes the Latin rules by their first word.
func (th *thesaurus) indexRules() {
	th.byFirst = map[string][]int{}
	for i, r := range th.rules {
		switch {
		case len(r.words) == 0:
		case strings.HasSuffix(r.words[0], "*"):
			th.starred = append(th.starred, i)
		default:
			th.byFirst[r.words[0]] = append(th.byFirst[r.words[0]], i)
		}
	}
}

// candidates are the indexes, in order, of the rules whose phrase's
// first word is one of words, or begins them: the only rules that can
// match them (matchWords starts with the phrase's first word).
func (th *thesaurus) candidates(words []string) []int {
	if th.byFirst == nil {
		out := make([]int, len(th.rules))
		for i := range out {
			out[i] = i
		}
		return out
	}
	out := slices.Clone(th.starred)
	for _, w := range words {
		out = append(out, th.byFirst[w]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// lowerWords splits text into lower-case words: runs of letters, digits
// and apostrophes.
func lowerWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '&'
	})
}

// matchWords reports the words of a phrase found in words, in order,
// starting at words[start], with at most ruleGap other words between
// two of them, joined by spaces; "" when they are not there.
func matchWords(phrase, words []string, start int) string {
	if !wordMatches(phrase[0], words[start]) {
		return ""
	}
	// The words' places first, the phrase made only when all are found:
	// most rules whose first word is there fail on a later one.
	var at [8]int
	places := append(at[:0], start)
	last := start
	for _, w := range phrase[1:] {
		found := -1
		for j := last + 1; j < len(words) && j-last <= ruleGap+1; j++ {
			if wordMatches(w, words[j]) {
				found = j
				break
			}
		}
		if found < 0 {
			return ""
		}
		places = append(places, found)
		last = found
	}
	if len(places) == 1 {
		return words[start]
	}
	var b strings.Builder
	for k, j := range places {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[j])
	}
	return b.String()
}

// wordMatches reports whether a word of a query is a phrase's word: the
// same, or, for a phrase word ending in *, beginning with it.
func wordMatches(pattern, word string) bool {
	if p, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(word, p)
	}
	return pattern == word
}

// alt is a term that stands for a query word, and how much of the word a
// passage holding it holds.
type alt struct {
	term   string
	credit float64
	kind   altKind
	// expands marks a term with synonyms, which Bleve's synonym search
	// adds to the term's clause.
	expands bool
	// df is how many passages hold the term.
	df uint64
}

// altKind is what an alternative is, which decides how the first pass
// searches it (familyQuery).
type altKind uint8

const (
	// altRule is a term a rule leads to ("return" for "changed my
	// mind"), searched as it is: a rule leads to its terms, not to
	// their synonyms.
	altRule altKind = iota
	// altSynonym is a synonym of the query word, or of the phrase or
	// corrected spelling that stands for it: Bleve's synonym search
	// finds it, and the first pass holds no clause of its own for it.
	altSynonym
	// altPhrase is a phrase the word is part of, joined into one term
	// ("money_back"), searched with its synonyms.
	altPhrase
	// altSpelling is the support-domain word a misspelt word is read
	// as, searched with its synonyms.
	altSpelling
)

// addAlt adds a to alts, keeping the higher credit of a term given
// twice; a term that is a synonym either time is left to Bleve's synonym
// search.
func addAlt(alts []alt, a alt) []alt {
	for i := range alts {
		if alts[i].term == a.term {
			alts[i].credit = max(alts[i].credit, a.credit)
			if a.kind == altSynonym {
				alts[i].kind = altSynonym
			}
			return alts
		}
	}
	return append(alts, a)
}

// expands reports whether a term has synonyms: the same terms, analysed
// alike, as the index's synonym definitions give it.
func (th *thesaurus) expands(term string) bool { return len(th.synonyms[term]) > 0 }

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// analysedWords is text's analysed terms, in order, without the joined
// phrases the phrase filter adds.
func analysedWords(a analysis.Analyzer, text string) []string {
	var out []string
	for _, t := range a.Analyze([]byte(text)) {
		if !strings.Contains(string(t.Term), "_") {
			out = append(out, string(t.Term))
		}
	}
	return out
}
