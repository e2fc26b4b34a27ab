package search

import (
	"context"
	"sync"
)

// A follow-up's searches analyse the same text more than once: the
// message alone, then within the article in play, and what it names
// beyond the words of asking, alone and again within. Analysing a query
// in the four families is a good share of a search, so under a context
// from WithAnalysisMemo a text is analysed once for the searches of one
// question, while the index and its vocabulary stay as they were. The
// memo lives and dies with the context: nothing is kept across
// questions.

// analysisMemo holds the analyses made under one context.
type analysisMemo struct {
	mu sync.Mutex
	m  map[memoKey]map[string][]queryTerm
}

// memoKey names an analysis: of a text, by an index, with a vocabulary,
// at a generation of the index.
type memoKey struct {
	ix   *Index
	lx   *lexicon
	gen  uint64
	text string
}

type memoContextKey struct{}

// WithAnalysisMemo returns a context under which the searches made with
// it analyse each query text once, for the searches of one question.
func WithAnalysisMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, memoContextKey{}, &analysisMemo{})
}

// memoOf returns the context's memo, or nil.
func memoOf(ctx context.Context) *analysisMemo {
	m, _ := ctx.Value(memoContextKey{}).(*analysisMemo)
	return m
}

func (m *analysisMemo) get(k memoKey) (map[string][]queryTerm, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.m[k]
	return t, ok
}

func (m *analysisMemo) put(k memoKey, t map[string][]queryTerm) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = make(map[memoKey]map[string][]queryTerm, 4)
	}
	m.m[k] = t
}
