package audit

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

// RetentionReport says what one retention run did.
type RetentionReport struct {
	Shredded int       `json:"shredded"` // content keys shredded
	Held     int       `json:"held"`     // keys past retention kept for a legal hold
	Ran      time.Time `json:"ran"`
	Cutoff   time.Time `json:"cutoff,omitempty"` // keys made before this were due
	AuditSeq uint64    `json:"audit_seq"`
	// Pending is set when the shredded keys, already unusable, are still
	// in the key file: the store is retrying its rewrite.
	Pending bool `json:"pending,omitempty"`
}

// RunRetention shreds every content key older than ContentRetention,
// except those of subjects and conversations under a legal hold, and
// records the run as an event. Envelopes are never deleted. The
// background job started by Open calls it every RetentionInterval.
func (s *Store) RunRetention(ctx context.Context) (RetentionReport, error) {
	if err := s.writable(); err != nil {
		return RetentionReport{}, err
	}
	now := s.now().UTC()
	rep := RetentionReport{Ran: now}
	if s.opts.ContentRetention > 0 {
		rep.Cutoff = now.Add(-s.opts.ContentRetention)
	}
	keys := newShredding()
	env := Envelope{Time: now, Type: TypeRetention, Actor: "retention"}
	seq, err := s.append(ctx, env, nil, appendOpts{
		check: func(tx *bolt.Tx, env *Envelope) error {
			if !rep.Cutoff.IsZero() {
				b := boltBuckets{tx}
				cutoff := uint64(rep.Cutoff.UnixNano())
				err := tx.Bucket(bucketKeyOwners).ForEach(func(k, v []byte) error {
					if binary.BigEndian.Uint64(v) >= cutoff {
						return nil
					}
					owner, _ := splitAssignment(k)
					if held, err := OwnerHeld(b, owner); err != nil || held {
						rep.Held++
						return err
					}
					keys.add(k)
					return nil
				})
				if err != nil {
					return err
				}
			}
			rep.Shredded = len(keys.kids)
			env.Attrs = map[string]string{
				"shredded":       strconv.Itoa(rep.Shredded),
				"held":           strconv.Itoa(rep.Held),
				"retention_days": strconv.Itoa(int(s.opts.ContentRetention.Hours() / 24)),
			}
			if !rep.Cutoff.IsZero() {
				env.Attrs["cutoff"] = rep.Cutoff.Format(time.RFC3339)
			}
			return nil
		},
		apply: func(tx *bolt.Tx, seq uint64) error {
			if err := keys.mark(tx, seq); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(metaRetention, []byte(now.Format(time.RFC3339Nano)))
		},
		committed: func(seq uint64) { s.marked(keys.kids, seq) },
	})
	if err != nil {
		return rep, fmt.Errorf("retention: %w", err)
	}
	rep.AuditSeq = seq
	if err := s.finishShredding(); err != nil {
		s.log.Error("audit retention recorded, shredding pending", "audit_seq", seq, "err", err)
	}
	rep.Pending = s.shred.pendingFor(seq)
	return rep, nil
}

// retentionLoop runs retention every RetentionInterval: first a little
// after start (so short-lived commands do not run it), but not before an
// interval has passed since the last recorded run.
func (s *Store) retentionLoop(ctx context.Context) {
	defer s.jobs.Done()
	interval := s.opts.RetentionInterval
	wait := min(interval, time.Minute)
	if last := s.lastRetention(); !last.IsZero() {
		wait = max(wait, last.Add(interval).Sub(s.now()))
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rep, err := s.RunRetention(ctx)
		switch {
		case err == nil:
			s.log.Info("audit retention ran", "shredded", rep.Shredded, "held", rep.Held, "audit_seq", rep.AuditSeq)
		case errors.Is(err, context.Canceled), errors.Is(err, ErrClosed):
			return
		default:
			s.log.Error("audit retention failed", "err", err)
		}
		t.Reset(interval)
	}
}

func (s *Store) lastRetention() time.Time {
	var t time.Time
	s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaRetention); v != nil {
			t, _ = time.Parse(time.RFC3339Nano, string(v))
		}
		return nil
	})
	return t
}
