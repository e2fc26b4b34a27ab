package audit

import (
	"context"
	"fmt"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A key is shredded in two steps: the event that shreds it marks it in
// the log (bucket shredded), and then the key file is rewritten without
// it. From the mark on the key is gone for every reader: the cache drops
// it as the mark commits, and a key read from the file is refused when it
// is marked. The rewrite is what removes it from the disk; if it fails
// (a full disk, say), the shredder tries again in the background until it
// succeeds, and receipts say the erasure is pending until then.

// shredder tracks the keys marked but still in the key file, and retries
// the rewrite that removes them.
type shredder struct {
	mu      sync.Mutex
	pending map[string]uint64 // kid -> the event that shredded it
	wake    chan struct{}
	retry   time.Duration // first wait after a failed rewrite; doubles up to a minute
}

func (sh *shredder) add(kids map[string]bool, seq uint64) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.pending == nil {
		sh.pending = make(map[string]uint64)
	}
	for kid := range kids {
		sh.pending[kid] = seq
	}
}

// snapshot returns the keys pending now.
func (sh *shredder) snapshot() map[string]uint64 {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	out := make(map[string]uint64, len(sh.pending))
	for kid, seq := range sh.pending {
		out[kid] = seq
	}
	return out
}

// removed forgets keys the key file no longer holds.
func (sh *shredder) removed(kids map[string]uint64) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	for kid := range kids {
		delete(sh.pending, kid)
	}
}

// pendingFor reports whether a key shredded by event seq is still in the
// key file.
func (sh *shredder) pendingFor(seq uint64) bool {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	for _, s := range sh.pending {
		if s == seq {
			return true
		}
	}
	return false
}

func (sh *shredder) poke() {
	select {
	case sh.wake <- struct{}{}:
	default:
	}
}

// marked is called by the writer once the event that shreds kids has
// committed, before its caller hears of it: from then on the keys are
// gone for every reader.
func (s *Store) marked(kids map[string]bool, seq uint64) {
	if len(kids) == 0 {
		return
	}
	s.keys.forget(kids)
	s.shred.add(kids, seq)
}

// finishShredding rewrites the key file without every marked key. On
// failure it leaves the work to the background loop and reports it.
func (s *Store) finishShredding() error {
	todo := s.shred.snapshot()
	if len(todo) == 0 {
		return nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		marked := tx.Bucket(bucketShredded)
		_, err := s.keyFile.rewrite(func(kid string) bool { return marked.Get([]byte(kid)) != nil })
		return err
	})
	if err != nil {
		s.shred.poke()
		return fmt.Errorf("shred %d keys: %w", len(todo), err)
	}
	s.shred.removed(todo)
	return nil
}

// shredLoop retries the rewrite of the key file while keys are pending.
func (s *Store) shredLoop(ctx context.Context) {
	defer s.jobs.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.shred.wake:
		}
		wait := s.shred.retry
		for len(s.shred.snapshot()) > 0 {
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
			if err := s.finishShredding(); err != nil {
				wait = min(2*wait, time.Minute)
				s.log.Error("audit key file still holds shredded keys; retrying", "retry_in", wait, "err", err)
				continue
			}
			s.log.Info("audit shredded keys removed from the key file")
		}
	}
}
