package audit

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// maxCachedKeys bounds the cache of unwrapped keys; past it, keys whose
// assignment is in the log are dropped and unwrapped again when needed.
const maxCachedKeys = 1 << 16

// bucketKeyOwners records which owner each key seals content for, and
// since when: owner NUL kid -> assignment time (Unix nanoseconds).
var bucketKeyOwners = []byte("key_owners")

// keyOwner names whose key seals an event's content: the subject's within
// one conversation, the subject's, or the conversation's. A subject's
// conversation has its own key, so that one conversation can be erased
// without the others.
func keyOwner(env *Envelope) string {
	switch {
	case env.Subject != "" && env.Conversation != "":
		return "s/" + env.Subject + "/" + env.Conversation
	case env.Subject != "":
		return "s/" + env.Subject
	case env.Conversation != "":
		return "c/" + env.Conversation
	}
	return "system"
}

// ownerParts returns the subject and conversation of a key owner.
func ownerParts(owner string) (subject, conversation string) {
	switch {
	case strings.HasPrefix(owner, "s/"):
		subject, conversation, _ = strings.Cut(owner[2:], "/")
	case strings.HasPrefix(owner, "c/"):
		conversation = owner[2:]
	}
	return subject, conversation
}

// newKeyID names a key made ahead of need; it says nothing of its owner.
func newKeyID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return "q" + hex.EncodeToString(b)
}

// validID reports whether id can stand in an envelope as a subject or
// conversation: key owners and index keys use '/', '#' and NUL as
// separators.
func validID(id string) bool {
	return !strings.ContainsAny(id, "/#\x00")
}

func assignmentKey(owner, kid string) []byte { return []byte(owner + "\x00" + kid) }

func splitAssignment(k []byte) (owner, kid string) {
	i := bytes.IndexByte(k, 0)
	if i < 0 {
		return string(k), ""
	}
	return string(k[:i]), string(k[i+1:])
}

func (s *Store) fresh(assigned, now time.Time) bool {
	return now.Sub(assigned) < s.opts.KeyRotation
}

// latestAssignment returns the owner's most recently assigned key.
func (s *Store) latestAssignment(owner string) (kid string, at time.Time, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		p := []byte(owner + "\x00")
		c := tx.Bucket(bucketKeyOwners).Cursor()
		for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
			if t := time.Unix(0, int64(binary.BigEndian.Uint64(v))); kid == "" || t.After(at) {
				kid, at = string(k[len(p):]), t
			}
		}
		return nil
	})
	return kid, at, err
}

// sealingKey returns the key new content of owner is sealed with: the
// cached one, the latest assigned one while it is fresh, or a key from the
// pool, whose assignment the writer records with the first event sealed
// with it.
func (s *Store) sealingKey(owner string) (*dataKey, error) {
	kr := s.keys
	for {
		now := s.now()
		kr.mu.Lock()
		if k := kr.sealing[owner]; k != nil && s.fresh(k.assigned, now) {
			kr.mu.Unlock()
			return k, nil
		}
		epoch := kr.epoch
		kr.mu.Unlock()

		kid, at, err := s.latestAssignment(owner)
		if err != nil {
			return nil, fmt.Errorf("read key of %s: %w", owner, err)
		}
		var k *dataKey
		if kid != "" && s.fresh(at, now) {
			if k, err = s.readingKey(kid); err != nil {
				return nil, err
			}
		}
		fromPool := k == nil
		if fromPool {
			if k, err = s.pool.take(s); err != nil {
				return nil, err
			}
		}

		kr.mu.Lock()
		cur := kr.sealing[owner]
		var spare *dataKey
		switch {
		case kr.epoch != epoch: // keys were shredded meanwhile: look again
			kr.mu.Unlock()
			if fromPool {
				s.pool.put(k)
			}
			continue
		case cur != nil && s.fresh(cur.assigned, now): // another caller won
			if fromPool {
				spare = k
			}
			k = cur
		case fromPool:
			k.owner, k.assigned, k.recorded = owner, now, false
		default:
			k.owner, k.assigned, k.recorded = owner, at, true
		}
		kr.trim()
		kr.sealing[owner] = k
		kr.reading[k.kid] = k
		kr.mu.Unlock()
		if spare != nil {
			s.pool.put(spare)
		}
		return k, nil
	}
}

// readingKey returns the key kid for decryption, or ErrShredded when it
// is gone.
func (s *Store) readingKey(kid string) (*dataKey, error) {
	kr := s.keys
	for {
		kr.mu.Lock()
		if k := kr.reading[kid]; k != nil {
			kr.mu.Unlock()
			return k, nil
		}
		epoch := kr.epoch
		kr.mu.Unlock()

		wrapped, err := s.keyFile.get(kid)
		if err != nil {
			return nil, fmt.Errorf("read key %s: %w", kid, err)
		}
		if wrapped == nil || s.isMarked(kid) {
			return nil, ErrShredded
		}
		k, err := kr.unwrap(kid, wrapped)
		if err != nil {
			return nil, err
		}
		k.recorded = true
		kr.mu.Lock()
		if kr.epoch != epoch {
			kr.mu.Unlock()
			continue
		}
		if cur := kr.reading[kid]; cur != nil {
			k = cur
		}
		kr.trim()
		kr.reading[kid] = k
		kr.mu.Unlock()
		return k, nil
	}
}

// isMarked reports whether kid is marked shredded: its erasure is
// recorded, though the key file may still hold it.
func (s *Store) isMarked(kid string) bool {
	marked := false
	s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketShredded); b != nil {
			marked = b.Get([]byte(kid)) != nil
		}
		return nil
	})
	return marked
}

// trim empties the cache of keys whose assignment is in the log once it
// grows past its bound. kr.mu must be held.
func (kr *keyring) trim() {
	if len(kr.reading) < maxCachedKeys {
		return
	}
	for kid, k := range kr.reading {
		if k.recorded {
			delete(kr.reading, kid)
		}
	}
	for owner, k := range kr.sealing {
		if k.recorded {
			delete(kr.sealing, owner)
		}
	}
}

// forget drops shredded keys from the cache; lookups that raced with the
// shredding see the epoch change and look again.
func (kr *keyring) forget(kids map[string]bool) {
	kr.mu.Lock()
	defer kr.mu.Unlock()
	kr.epoch++
	for kid := range kids {
		delete(kr.reading, kid)
	}
	for owner, k := range kr.sealing {
		if kids[k.kid] {
			delete(kr.sealing, owner)
		}
	}
}
