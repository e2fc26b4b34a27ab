package audit

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

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
	// Checkpoints is how many of the log's own checkpoint events were
	// found valid on the way.
	Checkpoints int `json:"checkpoints"`
	// Checkpoint is the outside checkpoint the log was verified against.
	Checkpoint *Checkpoint `json:"checkpoint,omitempty"`
	// Fingerprint is that of the key the checkpoints are signed with
	// (SHA-256 of the Ed25519 public key, hex).
	Fingerprint string `json:"fingerprint,omitempty"`
	// KeyedFrom is the first event of the keyed chain; 0 for a log that
	// was never upgraded from the unkeyed one.
	KeyedFrom uint64 `json:"keyed_from,omitempty"`
}

// VerifyOptions is what the log is verified against besides itself.
type VerifyOptions struct {
	// Checkpoint is a checkpoint kept outside the data directory (the
	// last line of an anchor file): its signature must be the store's,
	// and the log must reach its Seq with its Head.
	Checkpoint *Checkpoint
	// Pin is the fingerprint (hex SHA-256 of the public key) that the
	// store's signing key must have, as published earlier.
	Pin string
}

// Verify walks the whole log. It checks that sequence numbers are
// contiguous; that every event names its predecessor's hash and has the
// right hash, keyed under the master key from the chain marker on; that
// no unkeyed event follows a keyed one; that every checkpoint event is
// signed by the store's key and names the head of the event before it;
// that no checkpoint due by the cadence is missing; that the recorded
// head is the last event; and that the checkpoints bucket agrees. It
// needs the master key (ErrNoMasterKey). A log cut short (or a whole
// directory rolled back) cannot be told from the log alone: VerifyWith an
// outside checkpoint catches any cut below that checkpoint.
func (s *Store) Verify(ctx context.Context) (VerifyResult, error) {
	return s.VerifyWith(ctx, VerifyOptions{})
}

// VerifyCheckpoint verifies the log as Verify does and also against cp, a
// checkpoint kept outside the data directory. A malformed checkpoint is
// an error matching ErrInvalid.
func (s *Store) VerifyCheckpoint(ctx context.Context, cp Checkpoint) (VerifyResult, error) {
	return s.VerifyWith(ctx, VerifyOptions{Checkpoint: &cp})
}

// VerifyWith verifies the log as Verify does, and against what o names.
// A malformed checkpoint or pin is an error matching ErrInvalid.
func (s *Store) VerifyWith(ctx context.Context, o VerifyOptions) (VerifyResult, error) {
	return s.verifyFrom(ctx, o, boltRecords{s.db})
}

// verifyFrom verifies the log src holds with the store's keys.
func (s *Store) verifyFrom(ctx context.Context, o VerifyOptions, src RecordSource) (VerifyResult, error) {
	if s.keys == nil {
		return VerifyResult{}, fmt.Errorf("verify: %w", ErrNoMasterKey)
	}
	c := &chainCheck{next: 1, trusted: s.public, hasher: newChainHasher(s.keys.chain), from: s.chain.mark.from}
	if c.from > 0 {
		c.dueAt = dueAfter(c.from-1, s.chain.mark.every)
	}
	c.res.OK, c.res.KeyedFrom = true, c.from
	if s.public != nil {
		c.res.Fingerprint = Fingerprint(s.public)
	}
	if o.Pin != "" {
		pin := strings.ToLower(strings.TrimSpace(o.Pin))
		if b, err := hex.DecodeString(pin); err != nil || len(b) != 32 {
			return VerifyResult{}, invalid("pin %q is not a key fingerprint (64 hex digits)", o.Pin)
		}
		if pin != c.res.Fingerprint {
			c.fail(1, "the log's checkpoints are signed by key %s, not by the pinned key %s", c.res.Fingerprint, pin)
			return c.res, nil
		}
	}
	if o.Checkpoint != nil {
		cp := *o.Checkpoint
		c.res.Checkpoint = &cp
		pub, head, err := cp.check()
		switch {
		case errors.Is(err, ErrInvalid):
			return VerifyResult{}, err
		case err != nil:
			c.fail(1, "the outside checkpoint's signature does not verify: the checkpoint itself was altered or forged")
			return c.res, nil
		case !bytes.Equal(pub, c.trusted):
			c.fail(1, "the outside checkpoint is signed by key %s, the store's key is %s: the signing key was replaced",
				Fingerprint(pub), c.res.Fingerprint)
			return c.res, nil
		}
		c.anchor = &anchor{cp: cp, head: head}
	}
	return walkChain(ctx, c, src)
}

// anchor is an outside checkpoint, decoded.
type anchor struct {
	cp   Checkpoint
	head [32]byte
}

// chainCheck is the state of one verification walk.
type chainCheck struct {
	res      VerifyResult
	prev     [32]byte
	next     uint64
	trusted  ed25519.PublicKey
	hasher   *chainHasher
	from     uint64 // first keyed event; 0 for an unkeyed log
	dueAt    uint64 // the last event allowed before the next checkpoint; 0: none due
	stored   map[uint64]Checkpoint
	signed   Checkpoint // the last stored checkpoint whose signature was checked
	anchor   *anchor
	lastGood uint64 // the last event a valid checkpoint vouches for
}

func (c *chainCheck) fail(seq uint64, format string, args ...any) {
	c.res.OK, c.res.FirstBad, c.res.Problem = false, seq, fmt.Sprintf(format, args...)
}

// RecordSource is a log as verification reads it: the stored
// checkpoints, the records in order, and the recorded head.
type RecordSource interface {
	// Checkpoints returns every stored checkpoint by the sequence number
	// it covers; a malformed one is ErrTampered.
	Checkpoints(ctx context.Context) (map[uint64]Checkpoint, error)
	// Records calls fn with stored events in key order from sequence
	// number from on, at most max of them, until fn returns false, and
	// says how many it passed. key is the stored 8-byte key.
	Records(ctx context.Context, from uint64, max int, fn func(key, rec []byte) bool) (int, error)
	// Head returns the recorded head; ok is false when none is.
	Head(ctx context.Context) (seq uint64, hash []byte, ok bool, err error)
}

// VerifySource verifies a log kept by another backend exactly as Verify
// does, with the store's keys, its signing key's public half and its
// chain marker (nil for a log that has none).
func VerifySource(ctx context.Context, src RecordSource, keys *Keys, public ed25519.PublicKey, mark []byte, o VerifyOptions) (VerifyResult, error) {
	s := &Store{keys: keys.kr, public: public}
	if mark != nil {
		m, err := openChainMark(keys.kr, mark)
		if err != nil {
			return VerifyResult{}, err
		}
		s.chain.mark = m
	}
	return s.verifyFrom(ctx, o, src)
}

// walkChain walks a record source.
func walkChain(ctx context.Context, c *chainCheck, src RecordSource) (VerifyResult, error) {
	var err error
	c.stored, err = src.Checkpoints(ctx)
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
		n, err := src.Records(ctx, c.next, 64*scanBatch, func(k, v []byte) bool {
			c.event(k, v)
			return c.res.OK
		})
		if err != nil {
			return c.res, fmt.Errorf("verify: %w", err)
		}
		if n == 0 {
			if c.res.OK {
				seq, hash, ok, err := src.Head(ctx)
				if err != nil {
					return c.res, fmt.Errorf("verify: %w", err)
				}
				if ok && seq > c.res.Events {
					// Events may have been appended since the last read:
					// the head is read apart from the records.
					more, err := src.Records(ctx, c.next, 1, func([]byte, []byte) bool { return true })
					if err != nil {
						return c.res, fmt.Errorf("verify: %w", err)
					}
					if more > 0 {
						continue
					}
				}
				c.checkHead(seq, hash, ok)
			}
			break
		}
	}
	if c.res.OK {
		c.beyondEnd()
	}
	c.res.Head = HashString(c.prev)
	return c.res, nil
}

// boltRecords is the embedded store as a RecordSource.
type boltRecords struct{ db *bolt.DB }

func (b boltRecords) Checkpoints(context.Context) (map[uint64]Checkpoint, error) {
	var out map[uint64]Checkpoint
	err := b.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = storedCheckpoints(tx)
		return err
	})
	return out, err
}

func (b boltRecords) Records(_ context.Context, from uint64, max int, fn func(k, v []byte) bool) (int, error) {
	n := 0
	err := b.db.View(func(tx *bolt.Tx) error {
		cur := tx.Bucket(bucketEvents).Cursor()
		for k, v := cur.Seek(seqKey(from)); k != nil && n < max; k, v = cur.Next() {
			n++
			if !fn(k, v) {
				break
			}
		}
		return nil
	})
	return n, err
}

func (b boltRecords) Head(context.Context) (seq uint64, hash []byte, ok bool, err error) {
	err = b.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		v := meta.Get(metaHeadSeq)
		if len(v) != 8 {
			return nil
		}
		seq, hash, ok = binary.BigEndian.Uint64(v), bytes.Clone(meta.Get(metaHeadHash)), true
		return nil
	})
	return seq, hash, ok, err
}

// event checks one stored event.
func (c *chainCheck) event(k, v []byte) {
	seq := c.next
	if len(k) != 8 || binary.BigEndian.Uint64(k) != seq {
		c.fail(seq, "event %d is missing (the next stored key is %x)", seq, k)
		return
	}
	rec, err := unmarshalRecord(v)
	if err != nil {
		c.fail(seq, "event %d is malformed", seq)
		return
	}
	keyed := c.from > 0 && seq >= c.from
	switch {
	case keyed && rec.version != recordV2:
		c.fail(seq, "event %d is unkeyed where the chain is keyed from event %d: the log was rewritten without the master key", seq, c.from)
		return
	case !keyed && rec.version != recordV1:
		c.fail(seq, "event %d is keyed where the chain is unkeyed: the chain marker was moved or removed", seq)
		return
	case rec.prev != c.prev:
		c.fail(seq, "event %d does not follow event %d", seq, seq-1)
		return
	}
	if h, err := c.hasher.sum(rec.version, seq, &rec.prev, rec.kid, rec.env, rec.sealed); err != nil || h != rec.hash {
		c.fail(seq, "event %d has been altered", seq)
		return
	}
	if env, ok := checkpointEvent(&rec); ok {
		if !c.checkpointEvent(seq, &rec, env) {
			return
		}
	} else if keyed && c.dueAt > 0 && seq > c.dueAt {
		c.fail(seq, "event %d follows event %d without the checkpoint due after it: checkpoint events were removed", seq, c.dueAt)
		return
	}
	c.prev = rec.hash
	c.res.Events = seq
	c.next++
	c.atEvent(seq)
}

// atEvent checks the checkpoints that cover seq, whose hash is c.prev:
// the outside one, then the one the checkpoints bucket holds.
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
		c.fail(c.lastGood+1, "the stored checkpoint of event %d is not signed by the store's key: the log was rewritten after event %d", seq, c.lastGood)
		return
	case head != c.prev:
		c.fail(c.lastGood+1, "event %d does not match its stored checkpoint: the log was rewritten after event %d", seq, c.lastGood)
		return
	}
	c.lastGood, c.signed = seq, cp
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

func (c *chainCheck) checkHead(head uint64, hash []byte, ok bool) {
	if !ok {
		if c.res.Events != 0 {
			c.fail(1, "the log has no recorded head")
		}
		return
	}
	switch {
	case head > c.res.Events:
		c.fail(c.res.Events+1, "events %d to %d are missing", c.res.Events+1, head)
	case head < c.res.Events:
		c.fail(head+1, "events after the recorded head %d were added", head)
	case !bytes.Equal(hash, c.prev[:]):
		c.fail(head, "the recorded head hash does not match event %d", head)
	}
}
