package search

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

// genCache is a cache of what was read from the index, good until the
// index is written to: every write bumps gen, and the entries of an older
// generation are dropped at the next lookup. A value read while a write
// lands is not kept. It holds at most size entries whose keys take at
// most cacheKeyBytes in all (a flood of long words cannot make it large),
// and starts afresh when full.
type genCache[V any] struct {
	gen  *atomic.Uint64 // the index's write generation
	size int

	mu    sync.Mutex
	at    uint64 // the generation the entries belong to
	byK   map[string]V
	bytes int // the keys' length, in all
}

// cacheKeyBytes bounds the keys a cache holds, in bytes.
const cacheKeyBytes = 4 << 20

// get returns the value cached for key, and the generation to hand to put
// with the value read when there is none.
func (c *genCache[V]) get(key string) (v V, gen uint64, ok bool) {
	gen = c.gen.Load()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byK == nil || c.at != gen || len(c.byK) >= c.size || c.bytes >= cacheKeyBytes {
		c.at, c.byK, c.bytes = gen, map[string]V{}, 0
	}
	v, ok = c.byK[key]
	return v, gen, ok
}

// put caches v, read at generation gen, unless the index has been written
// to since.
func (c *genCache[V]) put(gen uint64, key string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at == gen && c.gen.Load() == gen {
		if _, ok := c.byK[key]; !ok {
			c.bytes += len(key)
		}
		c.byK[key] = v
	}
}

// dfCacheSize bounds the document-frequency cache.
const dfCacheSize = 50_000

// dfCache remembers how many passages hold a term in a family's body
// field, so that the words customers use again and again are looked up
// once, not at every search.
type dfCache struct{ genCache[uint64] }

// docFreq is how many passages hold term in a family's body field, read
// from reader; what it reads is kept only when the reader is of the
// cache's generation.
func (c *dfCache) docFreq(ctx context.Context, reader snapshot, fam, term string) (uint64, error) {
	key := fam + "\x00" + term
	df, gen, ok := c.get(key)
	if ok {
		return df, nil
	}
	tfr, err := reader.TermFieldReader(ctx, []byte(term), "body_"+fam, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("term frequency: %w", err)
	}
	df = tfr.Count()
	tfr.Close()
	if gen == reader.gen {
		c.put(gen, key, df)
	}
	return df, nil
}
