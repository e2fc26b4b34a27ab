package audit

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// projections are the buckets made from the log alone: the conversation,
// subject and message indexes and the agent queue. Rebuild makes them
// again by reading every event in order.
var projections = [][]byte{bucketByConv, bucketBySubject, bucketByMessage, bucketHandoffs, bucketHandoffByConv}

// RebuildReport says what Rebuild read and made.
type RebuildReport struct {
	Events   uint64 `json:"events"`
	Handoffs int    `json:"handoffs"`
}

// Rebuild makes the projections again from the log: each event is filed
// in the indexes and applied to the agent queue as it was when it was
// appended, and each erasure takes out again what it took out then. The
// projections are replaced in one transaction, so readers see the old
// ones or the new, and appends that follow apply to the new. It repairs
// projections lost or damaged (a bucket deleted by hand, a bug) and is
// what an older store's missing projections are made with.
func (s *Store) Rebuild(ctx context.Context) (RebuildReport, error) {
	var rep RebuildReport
	if err := s.writable(); err != nil {
		return rep, err
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range projections {
			if tx.Bucket(name) != nil {
				if err := tx.DeleteBucket(name); err != nil {
					return fmt.Errorf("drop %s: %w", name, err)
				}
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return fmt.Errorf("create %s: %w", name, err)
			}
		}
		byConv, bySubj, byMessage := tx.Bucket(bucketByConv), tx.Bucket(bucketBySubject), tx.Bucket(bucketByMessage)
		c := tx.Bucket(bucketEvents).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if rep.Events%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			seq := binary.BigEndian.Uint64(k)
			rec, err := unmarshalRecord(v)
			if err != nil {
				return fmt.Errorf("event %d: %w", seq, err)
			}
			var env Envelope
			if err := json.Unmarshal(rec.env, &env); err != nil {
				return fmt.Errorf("event %d: envelope: %w", seq, err)
			}
			if err := s.replay(tx, byConv, bySubj, byMessage, &env, seq); err != nil {
				return fmt.Errorf("event %d: %w", seq, err)
			}
			rep.Events++
		}
		return tx.Bucket(bucketHandoffs).ForEach(func(_, _ []byte) error {
			rep.Handoffs++
			return nil
		})
	})
	if err != nil {
		return RebuildReport{}, fmt.Errorf("rebuild projections: %w", err)
	}
	s.log.Info("audit projections rebuilt from the log", "events", rep.Events, "handoffs", rep.Handoffs)
	return rep, nil
}

// replay applies one event to the projections being rebuilt.
func (s *Store) replay(tx *bolt.Tx, byConv, bySubj, byMessage *bolt.Bucket, env *Envelope, seq uint64) error {
	if err := indexEvent(tx, byConv, bySubj, byMessage, env, seq); err != nil {
		return err
	}
	switch env.Type {
	case TypeHandoff, TypeAgentReply, TypeReveal, TypeNote, TypeAssignment, TypeTransfer, TypeHandback,
		TypeEmailRequested, TypeEmailSent, TypeEmailFailed:
		id := env.Attrs["handoff"]
		if id == "" {
			return nil
		}
		b := boltBuckets{tx}
		h, err := getHandoff(b, id)
		if err != nil {
			return err
		}
		applyHandoffEvent(&h, env, seq)
		return putHandoff(b, h)
	case TypeErasure:
		e := &erasure{subject: env.Subject, conversation: env.Conversation}
		if err := s.planErasure(tx, e); err != nil {
			return err
		}
		return e.unindex(tx)
	}
	return nil
}
