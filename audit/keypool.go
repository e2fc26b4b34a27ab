package audit

import (
	"fmt"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// poolBatch is how many keys are made and stored with one fsync.
const poolBatch = 256

// keyPool holds keys that are stored in the key file but belong to no one
// yet. Taking one needs no write, so the writer's transaction is the only
// one an append waits for.
type keyPool struct {
	mu   sync.Mutex
	free []*dataKey
}

// take returns a stored, unassigned key, first making and storing a batch
// when none is left.
func (p *keyPool) take(s *Store) (*dataKey, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) == 0 {
		now := s.now()
		wrapped := make(map[string][]byte, poolBatch)
		made := make([]*dataKey, 0, poolBatch)
		for range poolBatch {
			k, err := s.keys.newDataKey(newKeyID(), now)
			if err != nil {
				return nil, err
			}
			wrapped[k.kid] = k.wrapped
			made = append(made, k)
		}
		if err := s.keyFile.put(wrapped); err != nil {
			return nil, fmt.Errorf("store new keys: %w", err)
		}
		p.free = made
	}
	k := p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	return k, nil
}

// put returns an unused key to the pool.
func (p *keyPool) put(k *dataKey) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.free = append(p.free, k)
}

// loadPool puts back into the pool the stored keys that no owner holds:
// those taken by a process that stopped before using them.
func (s *Store) loadPool() error {
	var free []*dataKey
	err := s.db.View(func(tx *bolt.Tx) error {
		held := make(map[string]bool)
		tx.Bucket(bucketKeyOwners).ForEach(func(k, _ []byte) error {
			_, kid := splitAssignment(k)
			held[kid] = true
			return nil
		})
		marked := tx.Bucket(bucketShredded)
		var err error
		eachErr := s.keyFile.each(func(kid string, wrapped []byte) {
			if held[kid] || marked.Get([]byte(kid)) != nil || err != nil {
				return
			}
			var k *dataKey
			if k, err = s.keys.unwrap(kid, wrapped); err == nil {
				free = append(free, k)
			}
		})
		if err == nil {
			err = eachErr
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("load unused keys: %w", err)
	}
	s.pool.free = free
	return nil
}
