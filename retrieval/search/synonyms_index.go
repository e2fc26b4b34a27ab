package search

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
)

// The vocabulary's synonym groups (vocabulary.go) are applied by Bleve's
// synonym search. Each family's groups are indexed as synonym definitions in a
// collection of the family's own, analysed with the family's analyzer
// (entries of several words joined into one term, as the phrase filter
// joins them in passages), and the family's body field names that
// collection as its synonym source. A term query on the field then also
// finds the term's synonyms, each at half the term's boost; a search
// looks them up before it runs, to leave out those that find nothing or
// too much (presearch.go). The vocabulary files are the source; the
// index holds a copy, which Open and Reindex replace when they change.

// internalSynonyms is the internal key under which the index records the
// version of the synonym lists it holds and the ids of their
// definitions (a synonymState).
var internalSynonyms = []byte("hushdesk.synonyms")

// synonymState is what the index holds of the synonym lists.
type synonymState struct {
	Version string   `json:"version"`
	IDs     []string `json:"ids"`
}

// synonymSource names a family's synonym source and the collection its
// definitions are indexed in.
func synonymSource(fam string) string { return "hushdesk_synonyms_" + fam }

// synonymID is the id of a synonym definition. It holds no "#", so it
// cannot be a passage's id.
func synonymID(fam string, n int) string { return "synonyms/" + fam + "/" + strconv.Itoa(n) }

// addSynonymSources registers each family's synonym source on an index
// mapping whose analyzers are registered.
func addSynonymSources(im *mapping.IndexMappingImpl) error {
	for _, fam := range families {
		if err := im.AddSynonymSource(synonymSource(fam), map[string]any{
			"collection": synonymSource(fam),
			"analyzer":   analyzers[fam],
		}); err != nil {
			return fmt.Errorf("%s synonym source: %w", fam, err)
		}
	}
	return nil
}

// synonymDefinitions is a family's synonym groups as Bleve synonym
// definitions, each group's entries standing for one another. Entries of
// several words are joined as the phrase filter joins them; of entries
// that the analyzer makes one term of ("refund", "refunded"), the first
// is kept, so that no term is its own synonym.
func synonymDefinitions(groups [][]string, a analysis.Analyzer) []*bleve.SynonymDefinition {
	defs := make([]*bleve.SynonymDefinition, 0, len(groups))
	for _, g := range groups {
		def := &bleve.SynonymDefinition{Synonyms: make([]string, 0, len(g))}
		seen := map[string]bool{}
		for _, entry := range g {
			joined := joinPhrase(entry)
			term := stemOf(a, joined)
			if term == "" || seen[term] {
				continue
			}
			seen[term] = true
			def.Synonyms = append(def.Synonyms, joined)
		}
		if len(def.Synonyms) > 1 {
			defs = append(defs, def)
		}
	}
	return defs
}

// syncSynonyms makes the index hold the synonym groups of a lexicon's
// vocabulary: when it holds another version (or none), or when force is
// set, its definitions are replaced, in one batch with the record of the
// new version. It returns how many definitions the index holds, which
// its document count includes.
func syncSynonyms(idx bleve.Index, lx *lexicon, force bool) (int, error) {
	var held synonymState
	raw, err := idx.GetInternal(internalSynonyms)
	if err != nil {
		return 0, fmt.Errorf("read synonym version: %w", err)
	}
	if raw != nil {
		if err := json.Unmarshal(raw, &held); err != nil {
			return 0, fmt.Errorf("decode synonym version: %w", err)
		}
	}
	want := synonymState{Version: lx.vocab.Version()}
	if held.Version == want.Version && !force {
		return len(held.IDs), nil
	}
	b := idx.NewBatch()
	for _, id := range held.IDs {
		b.Delete(id)
	}
	for _, fam := range families {
		a := idx.Mapping().AnalyzerNamed(analyzers[fam])
		if a == nil {
			return 0, fmt.Errorf("no analyzer for %s", fam)
		}
		for n, def := range synonymDefinitions(lx.vocab.synonyms[fam], a) {
			id := synonymID(fam, n)
			if err := b.IndexSynonym(id, synonymSource(fam), def); err != nil {
				return 0, fmt.Errorf("index synonyms %s: %w", id, err)
			}
			want.IDs = append(want.IDs, id)
		}
	}
	state, err := json.Marshal(want)
	if err != nil {
		return 0, fmt.Errorf("encode synonym version: %w", err)
	}
	b.SetInternal(internalSynonyms, state)
	if err := idx.Batch(b); err != nil {
		return 0, fmt.Errorf("index synonyms: %w", err)
	}
	return len(want.IDs), nil
}

// passagesOf is how many passages an index's document count holds: all
// but the synonym definitions.
func (ix *Index) passagesOf(docs uint64) uint64 {
	syn := ix.synonymDocs.Load()
	if docs < syn {
		return 0
	}
	return docs - syn
}
