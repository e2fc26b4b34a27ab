package search

// Customers misspell the words that matter most ("refnd", "pasword",
// "warrenty"). A word no passage holds that lies within a few edits of
// one support-domain word, and of no other as near, is read as that
// word: it gets the word's synonyms and weight.

// correct returns the word of the family's vocabulary nearest term, when
// one lies within nearEdits(term) edits of it and no other lies as near;
// "" otherwise.
func (th *thesaurus) correct(term string) string {
	k := nearEdits(term)
	if len([]rune(term)) < 4 {
		return ""
	}
	best, bestD, ties := "", k+1, 0
	for _, v := range th.vocab {
		d := 1
		for d <= k && !withinEdits(term, v, d) {
			d++
		}
		switch {
		case d > k:
		case d < bestD:
			best, bestD, ties = v, d, 0
		case d == bestD:
			ties++
		}
	}
	if ties > 0 {
		return ""
	}
	return best
}

// creditSpelling is the share of a misspelt word that the word it is
// corrected to holds: a correction to the one support-domain word within
// reach is likely right, though not certain.
const creditSpelling = 0.85

// spellAlts is what a misspelt term stands for: the word it is a
// misspelling of, and that word's synonyms.
func (th *thesaurus) spellAlts(word string) []alt {
	out := []alt{{term: word, credit: creditSpelling, kind: altSpelling}}
	for _, s := range th.synonyms[word] {
		out = addAlt(out, alt{term: s, credit: creditSpelling, kind: altSynonym})
	}
	return out
}
