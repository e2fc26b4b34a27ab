package audit

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// VerifyResult is the outcome of checking the chain.
type VerifyResult struct {
	OK     bool   `json:"ok"`
	Events uint64 `json:"events"`
	Head   string `json:"head"`
	// FirstBad is the first sequence number that failed, when not OK.
	// When a checkpoint shows a rewrite, it is the first event after the
	// last one a valid checkpoint still vouches for.
	FirstBad uint64 `json:"first_bad_seq,omitempty"`
	Problem  string `json:"problem,omitempty"`
	// Checkpoints is how many of the log's own signed checkpoints were
	// found valid on the way.
	Checkpoints int `json:"checkpoints"`
	// Checkpoint is the outside checkpoint the log was verified against.
	Checkpoint *Checkpoint `json:"checkpoint,omitempty"`
}

// Verify walks the whole log and checks that sequence numbers are
// contiguous, every event's hash is right, every event names its
// predecessor's hash, the recorded head is the last event, and every
// checkpoint the log holds is signed by the store's key and matches the
// chain. A log rewritten whole by someone who can also sign passes; only
// VerifyCheckpoint with a checkpoint kept elsewhere catches that.
func (s *Store) Verify(ctx context.Context) (VerifyResult, error) {
	return s.verify(ctx, nil)
}

// VerifyCheckpoint verifies the log as Verify does and also against cp, a
// checkpoint kept outside the data directory: cp's signature must be valid
// for cp.PublicKey, the log must reach cp.Seq with hash cp.Head, and the
// log's own checkpoints must be signed by that same key. This catches a
// log rewritten whole or cut short with its head rewritten to match. A
// malformed checkpoint is an error matching ErrInvalid.
func (s *Store) VerifyCheckpoint(ctx context.Context, cp Checkpoint) (VerifyResult, error) {
	pub, head, err := cp.check()
	if errors.Is(err, ErrInvalid) {
		return VerifyResult{}, err
	}
	if err != nil {
		return VerifyResult{Checkpoint: &cp,
			Problem: "the checkpoint's signature does not verify: the checkpoint itself was altered or forged"}, nil
	}
	return s.verify(ctx, &anchor{cp: cp, pub: pub, head: head})
}

// anchor is an outside checkpoint, decoded.
type anchor struct {
	cp   Checkpoint
	pub  ed25519.PublicKey
	head [32]byte
}

// chainCheck is the state of one verification walk.
type chainCheck struct {
	res      VerifyResult
	prev     [32]byte
	next     uint64
	trusted  ed25519.PublicKey
	stored   map[uint64]Checkpoint
	anchor   *anchor
	lastGood uint64 // the last event a valid checkpoint vouches for
}

func (c *chainCheck) fail(seq uint64, format string, args ...any) {
	c.res.OK, c.res.FirstBad, c.res.Problem = false, seq, fmt.Sprintf(format, args...)
}

func (s *Store) verify(ctx context.Context, a *anchor) (VerifyResult, error) {
	c := &chainCheck{next: 1, trusted: s.public, anchor: a}
	c.res.OK = true
	if a != nil {
		c.trusted = a.pub
		c.res.Checkpoint = &a.cp
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		c.stored, err = storedCheckpoints(tx)
		return err
	})
	if errors.Is(err, ErrTampered) {
		c.fail(1, "a stored checkpoint is malformed")
		return c.res, nil
	}
	if err != nil {
		return c.res, fmt.Errorf("verify: %w", err)
	}
	c.atEvent(0)
	for c.res.OK {
		if err := ctx.Err(); err != nil {
			return c.res, err
		}
		n := 0
		err := s.db.View(func(tx *bolt.Tx) error {
			cur := tx.Bucket(bucketEvents).Cursor()
			for k, v := cur.Seek(seqKey(c.next)); k != nil && n < 64*scanBatch && c.res.OK; k, v = cur.Next() {
				n++
				c.event(k, v)
			}
			if n == 0 && c.res.OK {
				s.checkHead(tx, c)
			}
			return nil
		})
		if err != nil {
			return c.res, fmt.Errorf("verify: %w", err)
		}
		if n == 0 {
			break
		}
	}
	if c.res.OK {
		c.beyondEnd()
	}
	c.res.Head = HashString(c.prev)
	return c.res, nil
}

// event checks one stored event.
func (c *chainCheck) event(k, v []byte) {
	seq := binary.BigEndian.Uint64(k)
	if len(k) != 8 || seq != c.next {
		c.fail(c.next, "event %d is missing (next stored is %d)", c.next, seq)
		return
	}
	rec, err := unmarshalRecord(v)
	if err != nil {
		c.fail(seq, "event %d is malformed", seq)
		return
	}
	if rec.prev != c.prev {
		c.fail(seq, "event %d does not follow event %d", seq, seq-1)
		return
	}
	if chainHash(seq, rec.prev, rec.kid, rec.env, rec.sealed) != rec.hash {
		c.fail(seq, "event %d has been altered", seq)
		return
	}
	c.prev = rec.hash
	c.res.Events = seq
	c.next++
	c.atEvent(seq)
}

// atEvent checks the checkpoints that cover seq, whose hash is c.prev:
// the outside one first, then the log's own.
func (c *chainCheck) atEvent(seq uint64) {
	if c.anchor != nil && seq == c.anchor.cp.Seq {
		if c.anchor.head != c.prev {
			c.fail(c.lastGood+1, "event %d does not match the checkpoint: the log was rewritten after event %d", seq, c.lastGood)
			return
		}
		c.lastGood = seq
	}
	cp, ok := c.stored[seq]
	if !ok {
		return
	}
	pub, head, err := cp.check()
	switch {
	case err != nil || !bytes.Equal(pub, c.trusted):
		c.fail(c.lastGood+1, "the checkpoint of event %d is not signed by the trusted key: the log was rewritten after event %d", seq, c.lastGood)
		return
	case head != c.prev:
		c.fail(c.lastGood+1, "event %d does not match its signed checkpoint: the log was rewritten after event %d", seq, c.lastGood)
		return
	}
	c.lastGood = seq
	c.res.Checkpoints++
}

// beyondEnd catches checkpoints that cover events the log no longer has.
func (c *chainCheck) beyondEnd() {
	end := c.res.Events
	if c.anchor != nil && c.anchor.cp.Seq > end {
		c.fail(end+1, "the checkpoint covers event %d but the log ends at event %d: events were removed", c.anchor.cp.Seq, end)
		return
	}
	for seq := range c.stored {
		if seq > end {
			c.fail(end+1, "a signed checkpoint covers event %d but the log ends at event %d: events were removed", seq, end)
			return
		}
	}
}

func (s *Store) checkHead(tx *bolt.Tx, c *chainCheck) {
	meta := tx.Bucket(bucketMeta)
	v := meta.Get(metaHeadSeq)
	if len(v) != 8 {
		if c.res.Events != 0 {
			c.fail(1, "the log has no recorded head")
		}
		return
	}
	head := binary.BigEndian.Uint64(v)
	switch {
	case head > c.res.Events:
		c.fail(c.res.Events+1, "events %d to %d are missing", c.res.Events+1, head)
	case head < c.res.Events:
		c.fail(head+1, "events after the recorded head %d were added", head)
	case !bytes.Equal(meta.Get(metaHeadHash), c.prev[:]):
		c.fail(head, "the recorded head hash does not match event %d", head)
	}
}
