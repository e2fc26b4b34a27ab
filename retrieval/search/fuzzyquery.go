package search

import (
	"context"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/hushdesk/hushdesk/retrieval/fuzzy"
)

// fuzzyCacheSize bounds the cache of near matches in the dictionary.
const fuzzyCacheSize = 8192

// nearTerms are the terms of a field's dictionary within some edits of a
// word, in the dictionary's order, with their edit distances.
type nearTerms struct {
	terms []string
	dists []uint8
}

// fuzzyCache remembers, per field, word and edit distance, the terms of
// the field's dictionary near the word, until the index is written to.
// Bleve finds them with a Levenshtein automaton it builds for every
// search, which allocates a table of 256 transitions for each state it
// might need: most of what a search allocated, for a misspelt word.
type fuzzyCache struct{ genCache[nearTerms] }

// fuzzyQuery is Bleve's fuzzy query (with its searcher's scoring, term
// by term, at a boost divided by one more than the edit distance) over
// the dictionary's near terms as the cache holds them.
type fuzzyQuery struct {
	cache *fuzzyCache
	// gen is the index's write generation when the search began: what
	// the search's reader holds is of this generation or later.
	gen   uint64
	term  string
	field string
	fuzz  int
	boost float64
}

// Searcher searches the term's near matches, as searcher.NewFuzzySearcher
// does, with no prefix.
func (q *fuzzyQuery) Searcher(ctx context.Context, i index.IndexReader, _ mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	ir, ok := i.(index.IndexReaderFuzzy)
	if !ok {
		return searcher.NewFuzzySearcher(ctx, i, q.term, 0, q.fuzz, q.field, q.boost, options)
	}
	near, err := q.cache.near(ir, q.gen, q.field, q.term, q.fuzz)
	if err != nil {
		return nil, err
	}
	terms, dists := near.terms, near.dists
	// The terms that other clauses search with their synonyms are near
	// matches too when the automaton accepts them, as in Bleve's.
	if fts, ok := ctx.Value(search.FieldTermSynonymMapKey).(search.FieldTermSynonymMap); ok && len(fts[q.field]) > 0 {
		var a *fuzzy.Automaton
		seen := make(map[string]struct{}, len(terms))
		for _, t := range terms {
			seen[t] = struct{}{}
		}
		for t := range fts[q.field] {
			if _, ok := seen[t]; ok {
				continue
			}
			if a == nil {
				// Bleve's automata count a swap of neighbours as one edit,
				// as the package's do.
				if a = nearCache.Get(q.term, q.fuzz); a == nil {
					break
				}
			}
			if ok, d := a.MatchAndDistance(t); ok {
				seen[t] = struct{}{}
				terms, dists = append(terms[:len(terms):len(terms)], t), append(dists[:len(dists):len(dists)], d)
			}
		}
	}
	if len(terms) == 0 || (len(terms) == 1 && terms[0] == q.term) {
		return searcher.NewTermSearcher(ctx, i, q.term, q.field, q.boost, options)
	}
	return searcher.NewMultiTermSearcherBoosted(ctx, i, terms, q.field, q.boost, dists, options, true)
}

// near returns the terms of field within fuzz edits of term, from the
// cache or read from the index with Bleve's automaton; what is read is
// kept when the index has not been written to since generation gen.
func (c *fuzzyCache) near(ir index.IndexReaderFuzzy, gen uint64, field, term string, fuzz int) (nearTerms, error) {
	key := field + "\x00" + strconv.Itoa(fuzz) + term
	v, at, ok := c.get(key)
	if ok {
		return v, nil
	}
	fd, _, err := ir.FieldDictFuzzyAutomaton(field, term, fuzz, "")
	if err != nil {
		return nearTerms{}, fmt.Errorf("fuzzy search: %w", err)
	}
	seen := map[string]struct{}{}
	entry, err := fd.Next()
	for err == nil && entry != nil {
		if _, dup := seen[entry.Term]; !dup {
			seen[entry.Term] = struct{}{}
			v.terms = append(v.terms, entry.Term)
			v.dists = append(v.dists, entry.EditDistance)
		}
		entry, err = fd.Next()
	}
	if cerr := fd.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nearTerms{}, fmt.Errorf("fuzzy search: %w", err)
	}
	if at == gen {
		c.put(at, key, v)
	}
	return v, nil
}
