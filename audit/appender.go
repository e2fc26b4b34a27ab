package audit

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// appendReq is one event waiting for the group-commit writer.
type appendReq struct {
	env     Envelope
	envJSON []byte
	kid     string
	sealed  []byte
	key     *dataKey // set when the key must be written with this event
	done    chan appendResult
}

type appendResult struct {
	seq uint64
	err error
}

// prepare does the per-event work that needs no ordering (encoding and
// encryption) in the caller's goroutine, so the writer only chains and
// writes.
func (s *Store) prepare(req *appendReq, content *Content) error {
	var err error
	if req.envJSON, err = json.Marshal(&req.env); err != nil {
		return fmt.Errorf("encode envelope: %w", err)
	}
	if content == nil || *content == (Content{}) {
		return nil
	}
	req.kid = keyID(&req.env)
	k, err := s.dataKey(req.kid, true)
	if err != nil {
		return fmt.Errorf("content key: %w", err)
	}
	plain, err := json.Marshal(content)
	if err != nil {
		return fmt.Errorf("encode content: %w", err)
	}
	if req.sealed, err = seal(k.aead, req.kid, plain); err != nil {
		return err
	}
	s.keys.mu.Lock()
	if !k.persisted {
		req.key = k
	}
	s.keys.mu.Unlock()
	return nil
}

// appender is the single writer. It takes every request waiting, writes
// them in one transaction (one fsync), and only then answers the callers.
// While a transaction commits, the next batch gathers in the channel.
func (s *Store) appender() {
	defer close(s.done)
	batch := make([]*appendReq, 0, s.max)
	for first := range s.reqs {
		batch = append(batch[:0], first)
	gather:
		for len(batch) < s.max {
			select {
			case r, ok := <-s.reqs:
				if !ok {
					break gather
				}
				batch = append(batch, r)
			default:
				break gather
			}
		}
		s.commit(batch)
	}
}

func (s *Store) commit(batch []*appendReq) {
	s.headMu.Lock()
	seq, head := s.headSeq, s.headHash
	s.headMu.Unlock()
	first := seq + 1
	err := s.db.Update(func(tx *bolt.Tx) error {
		events := tx.Bucket(bucketEvents)
		keys := tx.Bucket(bucketKeys)
		shredded := tx.Bucket(bucketShredded)
		byConv := tx.Bucket(bucketByConv)
		bySubj := tx.Bucket(bucketBySubject)
		events.FillPercent = 1 // keys only ever grow
		for _, r := range batch {
			if r.key != nil && keys.Get([]byte(r.kid)) == nil && shredded.Get([]byte(r.kid)) == nil {
				if err := keys.Put([]byte(r.kid), r.key.wrapped); err != nil {
					return fmt.Errorf("put key: %w", err)
				}
			}
			seq++
			rec := record{prev: head, kid: r.kid, env: r.envJSON, sealed: r.sealed}
			rec.hash = chainHash(seq, rec.prev, rec.kid, rec.env, rec.sealed)
			if err := events.Put(seqKey(seq), rec.marshal()); err != nil {
				return fmt.Errorf("put event: %w", err)
			}
			if r.env.Conversation != "" {
				if err := byConv.Put(indexKey(r.env.Conversation, seq), nil); err != nil {
					return fmt.Errorf("index conversation: %w", err)
				}
			}
			if r.env.Subject != "" {
				if err := bySubj.Put(indexKey(r.env.Subject, seq), nil); err != nil {
					return fmt.Errorf("index subject: %w", err)
				}
			}
			head = rec.hash
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(metaHeadSeq, binary.BigEndian.AppendUint64(nil, seq)); err != nil {
			return err
		}
		return meta.Put(metaHeadHash, head[:])
	})
	if err != nil {
		err = fmt.Errorf("write %d events: %w", len(batch), err)
		s.log.Error("audit append failed", "events", len(batch), "err", err)
		for _, r := range batch {
			r.done <- appendResult{err: err}
		}
		return
	}
	s.headMu.Lock()
	s.headSeq, s.headHash = seq, head
	s.headMu.Unlock()
	s.keys.mu.Lock()
	for _, r := range batch {
		if r.key != nil {
			r.key.persisted = true
		}
	}
	s.keys.mu.Unlock()
	for i, r := range batch {
		r.done <- appendResult{seq: first + uint64(i)}
	}
}
