package search

import (
	"sync"

	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// The words of the knowledge base's titles name its topics ("Refunds",
// "Delivery times and shipping costs"). A query word that is a title
// word somewhere says what the question is about, where a rare word that
// no title holds is more often an aside ("how long does it take") or a
// detail; such topic words weigh more in the coverage. They are also
// what a misspelt word is most likely meant to be ("clam" for claim),
// whatever the vocabulary.

// topicWeight multiplies the weight of a query term that some title
// holds.
const topicWeight = 2.0

// topicVocab counts, per analysis family, the documents whose title holds
// each analysed word, and the passages. Ingests and removals keep it up
// to date; searches read it without waiting for them.
type topicVocab struct {
	mu       sync.RWMutex
	count    map[string]map[string]int
	passages map[string]int
	// sets are the title words of each family as word sets, for the
	// spelling correction, made when first asked for after a change.
	sets map[string]wordSet
}

// words returns the set of a family's title words.
func (tv *topicVocab) words(fam string) wordSet {
	tv.mu.RLock()
	ws, ok := tv.sets[fam]
	tv.mu.RUnlock()
	if ok {
		return ws
	}
	tv.mu.Lock()
	defer tv.mu.Unlock()
	if ws, ok := tv.sets[fam]; ok {
		return ws
	}
	words := make([]string, 0, len(tv.count[fam]))
	for w := range tv.count[fam] {
		words = append(words, w)
	}
	ws, _ = newWordSet(words) // an error leaves an empty set: no correction to title words
	if tv.sets == nil {
		tv.sets = map[string]wordSet{}
	}
	tv.sets[fam] = ws
	return ws
}

// passageCount is how many passages a family holds.
func (tv *topicVocab) passageCount(fam string) int {
	tv.mu.RLock()
	defer tv.mu.RUnlock()
	return tv.passages[fam]
}

// has reports whether some title of a family holds term.
func (tv *topicVocab) has(fam, term string) bool {
	tv.mu.RLock()
	defer tv.mu.RUnlock()
	return tv.count[fam][term] > 0
}

// addTitle counts a document's title and passages in (delta 1) or out
// (delta -1).
func (ix *Index) addTitle(d kb.DocInfo, delta int) {
	fam := analysisKey(d.Lang)
	a := ix.analyzer(fam)
	if a == nil {
		return
	}
	seen := map[string]bool{}
	for _, tok := range a.Analyze([]byte(d.Title)) {
		seen[string(tok.Term)] = true
	}
	tv := &ix.topics
	tv.mu.Lock()
	defer tv.mu.Unlock()
	if tv.count == nil {
		tv.count = map[string]map[string]int{}
		tv.passages = map[string]int{}
	}
	tv.passages[fam] += delta * d.Chunks
	delete(tv.sets, fam)
	if tv.count[fam] == nil {
		tv.count[fam] = map[string]int{}
	}
	for w := range seen {
		tv.count[fam][w] += delta
		if tv.count[fam][w] <= 0 {
			delete(tv.count[fam], w)
		}
	}
}

// recountTopics counts every document's title and passages again, after
// the analysis changed. Callers hold mu.
func (ix *Index) recountTopics() {
	ix.topics.mu.Lock()
	ix.topics.count, ix.topics.passages, ix.topics.sets = nil, nil, nil
	ix.topics.mu.Unlock()
	for _, d := range ix.docs {
		ix.addTitle(d, 1)
	}
}
