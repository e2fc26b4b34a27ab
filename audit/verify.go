package audit

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// VerifyResult is the outcome of checking the chain.
type VerifyResult struct {
	OK     bool   `json:"ok"`
	Events uint64 `json:"events"`
	Head   string `json:"head"`
	// FirstBad is the first sequence number that failed, when not OK.
	FirstBad uint64 `json:"first_bad_seq,omitempty"`
	Problem  string `json:"problem,omitempty"`
}

// Verify walks the whole log and checks that sequence numbers are
// contiguous, every event's hash is right, every event names its
// predecessor's hash, and the recorded head is the last event.
func (s *Store) Verify(ctx context.Context) (VerifyResult, error) {
	var (
		res  VerifyResult
		prev [32]byte
		next uint64 = 1
	)
	fail := func(seq uint64, format string, args ...any) {
		res.OK, res.FirstBad, res.Problem = false, seq, fmt.Sprintf(format, args...)
	}
	res.OK = true
	for res.OK {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		n := 0
		err := s.db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketEvents).Cursor()
			for k, v := c.Seek(seqKey(next)); k != nil && n < 64*scanBatch; k, v = c.Next() {
				n++
				seq := binary.BigEndian.Uint64(k)
				if len(k) != 8 || seq != next {
					fail(next, "event %d is missing (next stored is %d)", next, seq)
					return nil
				}
				rec, err := unmarshalRecord(v)
				if err != nil {
					fail(seq, "event %d is malformed", seq)
					return nil
				}
				if rec.prev != prev {
					fail(seq, "event %d does not follow event %d", seq, seq-1)
					return nil
				}
				if chainHash(seq, rec.prev, rec.kid, rec.env, rec.sealed) != rec.hash {
					fail(seq, "event %d has been altered", seq)
					return nil
				}
				prev = rec.hash
				res.Events = seq
				next++
			}
			if n == 0 {
				s.checkHead(tx, &res, prev, fail)
			}
			return nil
		})
		if err != nil {
			return res, fmt.Errorf("verify: %w", err)
		}
		if n == 0 {
			break
		}
	}
	res.Head = HashString(prev)
	return res, nil
}

func (s *Store) checkHead(tx *bolt.Tx, res *VerifyResult, last [32]byte, fail func(uint64, string, ...any)) {
	meta := tx.Bucket(bucketMeta)
	v := meta.Get(metaHeadSeq)
	if len(v) != 8 {
		if res.Events != 0 {
			fail(1, "the log has no recorded head")
		}
		return
	}
	head := binary.BigEndian.Uint64(v)
	switch {
	case head > res.Events:
		fail(res.Events+1, "events %d to %d are missing", res.Events+1, head)
	case head < res.Events:
		fail(head+1, "events after the recorded head %d were added", head)
	case !bytes.Equal(meta.Get(metaHeadHash), last[:]):
		fail(head, "the recorded head hash does not match event %d", head)
	}
}
