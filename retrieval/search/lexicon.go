package search

import (
	"fmt"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
)

// A lexicon is a vocabulary made ready for analysis and search: per
// family, the phrases of its synonym groups, which are joined into single
// terms before a text is analysed; the analyzer that does so; and the
// thesaurus of its synonyms and rules. The index holds one and replaces
// it whole when the vocabulary is read again (Reindex).
type lexicon struct {
	vocab     *Vocabulary
	analyzers map[string]analysis.Analyzer
	thesauri  map[string]*thesaurus
	// cues are the how-to and when cues analysed in each family.
	cues map[string][]cueStem
}

// newLexicon compiles a vocabulary with the index mapping's analyzers,
// raw(fam), which do not join phrases themselves.
func newLexicon(v *Vocabulary, raw func(fam string) analysis.Analyzer) (*lexicon, error) {
	lx := &lexicon{vocab: v, analyzers: make(map[string]analysis.Analyzer, len(families)), thesauri: make(map[string]*thesaurus, len(families)), cues: make(map[string][]cueStem, len(families))}
	for _, fam := range families {
		a := raw(fam)
		if a == nil {
			return nil, fmt.Errorf("no analyzer for %s", fam)
		}
		ps := newPhraseSet(fam, v.synonyms[fam])
		lx.analyzers[fam] = joining{raw: a, fold: fam == "zh", phrases: phraseFilter{phrases: ps}}
		th, err := compileThesaurus(fam, a, v, ps)
		if err != nil {
			return nil, fmt.Errorf("%s thesaurus: %w", fam, err)
		}
		lx.thesauri[fam] = th
		lx.cues[fam] = cueStemsOf(lx.analyzers[fam])
	}
	return lx, nil
}

// unused lists, by family, the rule targets of the vocabulary that lead
// nowhere: the analyzer does not make one term of them.
func (lx *lexicon) unused() map[string][]string {
	out := map[string][]string{}
	for _, fam := range families {
		if u := lx.thesauri[fam].unused; len(u) > 0 {
			out[fam] = u
		}
	}
	return out
}

// warnUnused logs the rule targets that lead nowhere, for whoever wrote
// the vocabulary files.
func (ix *Index) warnUnused(lx *lexicon) {
	for fam, u := range lx.unused() {
		ix.log.Warn("vocabulary rules lead to words that are not one term and do nothing; name the phrase in a synonym group",
			"language", fam, "words", u, "files", lx.vocab.Files())
	}
}

// analyzer returns a family's analyzer, which joins the vocabulary's
// phrases.
func (lx *lexicon) analyzer(fam string) analysis.Analyzer { return lx.analyzers[fam] }

// raw returns a family's analyzer that joins nothing, for text whose
// phrases are joined.
func (lx *lexicon) raw(fam string) analysis.Analyzer {
	if j, ok := lx.analyzers[fam].(joining); ok {
		return j.raw
	}
	return lx.analyzers[fam]
}

// join returns text with the vocabulary's phrases of a family joined, as
// the family's analyzer reads it: what the index's body field is given,
// its own analyzer joining nothing.
func (lx *lexicon) join(fam, text string) string {
	j, ok := lx.analyzers[fam].(joining)
	if !ok || j.phrases.phrases == nil {
		return text
	}
	return string(j.join([]byte(text)))
}

// joining is an analyzer that joins phrases before the index's own
// analyzer reads the text; Chinese is folded to simplified characters
// first, which the phrases are written in.
type joining struct {
	raw     analysis.Analyzer
	fold    bool
	phrases phraseFilter
}

// Analyze joins the phrases of input and analyses it.
func (j joining) Analyze(input []byte) analysis.TokenStream { return j.raw.Analyze(j.join(input)) }

func (j joining) join(input []byte) []byte {
	if j.phrases.phrases == nil {
		return input // nothing to join (Chinese folds in the analyzer)
	}
	if j.fold {
		input = foldFilter{}.Filter(input)
	}
	return j.phrases.Filter(input)
}

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// internalVocabulary is the internal key under which the index records
// the version of the vocabulary its passages were analysed with.
var internalVocabulary = []byte("hushdesk.vocabulary")

// useVocabulary makes the index hold what the vocabulary in use makes of
// it: when the passages were analysed with another version (or always,
// when force is set), every passage is analysed again and the synonym
// definitions are written again. It returns how many passages it
// analysed. Callers hold mu, or own the index.
func (ix *Index) useVocabulary(force bool) (int, error) {
	lx := ix.lexicon()
	held, err := ix.idx.GetInternal(internalVocabulary)
	if err != nil {
		return 0, fmt.Errorf("read vocabulary version: %w", err)
	}
	n := 0
	if force || string(held) != lx.vocab.Version() {
		n, err = reanalyse(ix.idx, ix.idx, lx)
		ix.gen.Add(1)
		if err != nil {
			return n, err
		}
		if n > 0 && !force {
			ix.log.Info("knowledge-base passages analysed again with the changed vocabulary", "passages", n, "files", lx.vocab.Files())
		}
		if err := ix.idx.SetInternal(internalVocabulary, []byte(lx.vocab.Version())); err != nil {
			return n, fmt.Errorf("save vocabulary version: %w", err)
		}
	}
	defs, err := syncSynonyms(ix.idx, lx, force)
	if err != nil {
		return n, err
	}
	ix.synonymDocs.Store(uint64(defs))
	ix.gen.Add(1)
	return n, nil
}
