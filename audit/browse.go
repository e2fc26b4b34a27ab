package audit

import (
	"bytes"
	"context"
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
	var p Proof
	hasher := newChainHasher(s.keys.chain)
	err := s.db.View(func(tx *bolt.Tx) error {
		events := tx.Bucket(bucketEvents)
		v := events.Get(seqKey(seq))
		if v == nil {
			return fmt.Errorf("event %d: %w", seq, ErrNoEvent)
		}
		ev, err := decodeEvent(seq, v)
		if err != nil {
			return err
		}
		ev.sealed, ev.kid = nil, ""
		p.Event = ev
		stored, err := storedCheckpoints(tx)
		if err != nil {
			return err
		}
		var cover *Checkpoint
		for at, cp := range stored {
			if at >= seq && (cover == nil || at < cover.Seq) {
				c := cp
				cover = &c
			}
		}
		p.Checkpoint = cover
		var prev [32]byte
		if seq > 1 {
			if pv := events.Get(seqKey(seq - 1)); pv != nil {
				if rec, err := unmarshalRecord(pv); err == nil {
					prev = rec.hash
				}
			}
		}
		end := seq
		if cover != nil {
			end = cover.Seq
		}
		cur := events.Cursor()
		for k, v := cur.Seek(seqKey(seq)); k != nil && binary.BigEndian.Uint64(k) <= end; k, v = cur.Next() {
			at := binary.BigEndian.Uint64(k)
			rec, err := unmarshalRecord(v)
			if err != nil {
				p.Problem = fmt.Sprintf("event %d is malformed", at)
				return nil
			}
			if rec.prev != prev {
				p.Problem = fmt.Sprintf("event %d does not follow event %d", at, at-1)
				return nil
			}
			h, err := hasher.sum(rec.version, at, &rec.prev, rec.kid, rec.env, rec.sealed)
			if err != nil || h != rec.hash {
				p.Problem = fmt.Sprintf("event %d has been altered", at)
				return nil
			}
			if at == seq {
				p.Intact = true
			}
			prev = rec.hash
		}
		if cover == nil {
			return nil
		}
		pub, head, err := cover.check()
		switch {
		case err != nil || !bytes.Equal(pub, s.public):
			p.Problem = fmt.Sprintf("the checkpoint of event %d is not signed by the store's key", cover.Seq)
		case head != prev:
			p.Problem = fmt.Sprintf("event %d does not match its signed checkpoint", cover.Seq)
		default:
			p.Covered = true
		}
		return nil
	})
	return p, err
}

// ErrNoEvent means the log has no event with that sequence number.
var ErrNoEvent = fault.New(fault.NotFound, "no such event")
