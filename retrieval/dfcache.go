package retrieval

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	index "github.com/blevesearch/bleve_index_api"
)

// dfCacheSize bounds the document-frequency cache; it starts afresh when
// full.
const dfCacheSize = 50_000

// dfCache remembers how many passages hold a term in a family's body
// field, so that the words customers use again and again are looked up
// once, not at every search. Every write to the index makes it start
// afresh.
type dfCache struct {
	gen atomic.Uint64 // bumped by every write to the index

	mu    sync.Mutex
	at    uint64 // the generation the entries belong to
	byKey map[string]uint64
}

// changed marks the cached frequencies out of date.
func (c *dfCache) changed() { c.gen.Add(1) }

// docFreq is how many passages hold term in a family's body field.
func (c *dfCache) docFreq(ctx context.Context, reader index.IndexReader, fam, term string) (uint64, error) {
	key := fam + "\x00" + term
	gen := c.gen.Load()
	c.mu.Lock()
	if c.byKey == nil || c.at != gen || len(c.byKey) >= dfCacheSize {
		c.at, c.byKey = gen, map[string]uint64{}
	}
	df, ok := c.byKey[key]
	c.mu.Unlock()
	if ok {
		return df, nil
	}
	tfr, err := reader.TermFieldReader(ctx, []byte(term), "body_"+fam, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("term frequency: %w", err)
	}
	df = tfr.Count()
	tfr.Close()
	c.mu.Lock()
	if c.at == gen && c.gen.Load() == gen {
		c.byKey[key] = df
	}
	c.mu.Unlock()
	return df, nil
}
