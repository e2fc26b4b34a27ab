package audit

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/binary"
	"fmt"

	"github.com/hushdesk/hushdesk/inference/fault"
	bolt "go.etcd.io/bbolt"
)

// ScanBack calls fn for the events the filter selects, newest first,
// starting before beforeSeq (0: from the newest), without content: the
// console's audit log, which officers read from the latest event back.
// f.AfterSeq and f.Limit apply as in Scan.
func (s *Store) ScanBack(ctx context.Context, f Filter, beforeSeq uint64, fn func(Event) error) error {
	sent := 0
	next := beforeSeq // exclusive upper bound; 0 means from the end
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var evs []Event
		var last uint64
		err := s.db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketEvents).Cursor()
			var k, v []byte
			if next == 0 {
				k, v = c.Last()
			} else {
				k, v = c.Seek(seqKey(next))
				if k == nil {
					k, v = c.Last()
				} else {
					k, v = c.Prev()
				}
			}
			for n := 0; k != nil && n < scanBatch; k, v = c.Prev() {
				n++
				last = binary.BigEndian.Uint64(k)
				if last <= f.AfterSeq {
					k = nil
					break
				}
				ev, err := decodeEvent(last, v)
				if err != nil {
					return fmt.Errorf("event %d: %w", last, err)
				}
				if f.match(&ev.Envelope) {
					evs = append(evs, ev)
				}
			}
			if k == nil {
				last = 0
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i := range evs {
			if err := fn(evs[i]); err != nil {
				return err
			}
			sent++
			if f.Limit > 0 && sent >= f.Limit {
				return nil
			}
		}
		if last <= 1 {
			return nil
		}
		next = last
	}
}

// Proof is what the console shows of one event: its envelope, whether
// its record is intact and linked to the one before, and the signed
// checkpoint that covers it, checked back to the event.
type Proof struct {
	Event Event `json:"event"`
	// Intact: the event's hash is right and it names its predecessor's.
	Intact bool `json:"intact"`
	// Checkpoint is the first stored checkpoint at or after the event,
	// nil when none covers it yet; Covered is set when its signature is
	// the store's and every event from this one up to it links to the
	// head it signs.
	Checkpoint *Checkpoint `json:"checkpoint,omitempty"`
	Covered    bool        `json:"covered"`
	Problem    string      `json:"problem,omitempty"`
}

// ProveEvent checks one event and the chain from it to the checkpoint
// that covers it. It needs the master key.
func (s *Store) ProveEvent(ctx context.Context, seq uint64) (Proof, error) {
	if s.keys == nil {
		return Proof{}, fmt.Errorf("prove event: %w", ErrNoMasterKey)
	}
	return proveFrom(ctx, boltRecords{s.db}, newChainHasher(s.keys.chain), s.public, seq)
}

// ProveSource is ProveEvent for a log kept by another backend, with the
// store's keys and its signing key's public half.
func ProveSource(ctx context.Context, src RecordSource, keys *Keys, public ed25519.PublicKey, seq uint64) (Proof, error) {
	return proveFrom(ctx, src, newChainHasher(keys.kr.chain), public, seq)
}

func proveFrom(ctx context.Context, src RecordSource, hasher *chainHasher, public ed25519.PublicKey, seq uint64) (Proof, error) {
	var p Proof
	stored, err := src.Checkpoints(ctx)
	if err != nil {
		return p, err
	}
	var cover *Checkpoint
	for at, cp := range stored {
		if at >= seq && (cover == nil || at < cover.Seq) {
			c := cp
			cover = &c
		}
	}
	end := seq
	if cover != nil {
		end = cover.Seq
	}
	// Walk from the event before (its hash is where seq's chain starts)
	// to the checkpoint, rehashing each.
	var prev [32]byte
	found, done := false, false
	var bad error
	next := max(seq, 2) - 1
	for !done {
		n, err := src.Records(ctx, next, 4*scanBatch, func(k, v []byte) bool {
			at := binary.BigEndian.Uint64(k)
			if at > end {
				done = true
				return false
			}
			next = at + 1
			if at < seq {
				if rec, err := unmarshalRecord(v); err == nil {
					prev = rec.hash
				}
				return true
			}
			if at == seq {
				ev, err := decodeEvent(seq, v)
				if err != nil {
					bad, done = err, true
					return false
				}
				ev.sealed, ev.kid = nil, ""
				p.Event, found = ev, true
			}
			rec, err := unmarshalRecord(v)
			switch {
			case err != nil:
				p.Problem = fmt.Sprintf("event %d is malformed", at)
			case rec.prev != prev:
				p.Problem = fmt.Sprintf("event %d does not follow event %d", at, at-1)
			default:
				h, err := hasher.sum(rec.version, at, &rec.prev, rec.kid, rec.env, rec.sealed)
				if err != nil || h != rec.hash {
					p.Problem = fmt.Sprintf("event %d has been altered", at)
				}
			}
			if p.Problem != "" {
				done = true
				return false
			}
			if at == seq {
				p.Intact = true
			}
			prev = rec.hash
			return true
		})
		if err != nil {
			return Proof{}, err
		}
		if n == 0 || !found && next > seq {
			break
		}
	}
	if bad != nil {
		return Proof{}, bad
	}
	if !found {
		return Proof{}, fmt.Errorf("event %d: %w", seq, ErrNoEvent)
	}
	p.Checkpoint = cover
	if cover == nil || p.Problem != "" {
		return p, nil
	}
	pub, head, err := cover.check()
	switch {
	case err != nil || !bytes.Equal(pub, public):
		p.Problem = fmt.Sprintf("the checkpoint of event %d is not signed by the store's key", cover.Seq)
	case head != prev:
		p.Problem = fmt.Sprintf("event %d does not match its signed checkpoint", cover.Seq)
	default:
		p.Covered = true
	}
	return p, nil
}

// ErrNoEvent means the log has no event with that sequence number.
var ErrNoEvent = fault.New(fault.NotFound, "no such event")
