package audit

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/hushdesk/hushdesk/inference/fault"
	bolt "go.etcd.io/bbolt"
)

// Filter selects events. Zero fields select everything.
type Filter struct {
	From         time.Time `json:"from,omitzero"` // inclusive
	To           time.Time `json:"to,omitzero"`   // exclusive
	Types        []string  `json:"types,omitempty"`
	Decision     string    `json:"decision,omitempty"`
	Model        string    `json:"model,omitempty"`
	Conversation string    `json:"conversation,omitempty"` // internal conversation id (k_...)
	Subject      string    `json:"subject,omitempty"`      // subject pseudonym (s_...)
	AfterSeq     uint64    `json:"after_seq,omitempty"`
	Limit        int       `json:"limit,omitempty"`
}

func (f *Filter) match(e *Envelope) bool {
	switch {
	case !f.From.IsZero() && e.Time.Before(f.From),
		!f.To.IsZero() && !e.Time.Before(f.To),
		len(f.Types) > 0 && !slices.Contains(f.Types, e.Type),
		f.Decision != "" && e.Decision != f.Decision,
		f.Model != "" && e.Model != f.Model,
		f.Conversation != "" && e.Conversation != f.Conversation,
		f.Subject != "" && e.Subject != f.Subject:
		return false
	}
	return true
}

// scanBatch is how many events one read transaction covers, so that long
// exports never hold a transaction open for long.
const scanBatch = 1024

// Scan calls fn for every event the filter selects, in sequence order.
// With content set it decrypts each event's content; events whose key has
// been shredded come with Shredded set and no content.
func (s *Store) Scan(ctx context.Context, f Filter, content bool, fn func(Event) error) error {
	next := f.AfterSeq + 1
	sent := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var evs []Event
		var last uint64
		err := s.db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketEvents).Cursor()
			n := 0
			for k, v := c.Seek(seqKey(next)); k != nil && n < scanBatch; k, v = c.Next() {
				n++
				last = binary.BigEndian.Uint64(k)
				ev, err := decodeEvent(last, v)
				if err != nil {
					return fmt.Errorf("event %d: %w", last, err)
				}
				if f.match(&ev.Envelope) {
					evs = append(evs, ev)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if last == 0 || last < next {
			return nil
		}
		for i := range evs {
			if content {
				s.decrypt(&evs[i])
			}
			if err := fn(evs[i]); err != nil {
				return err
			}
			sent++
			if f.Limit > 0 && sent >= f.Limit {
				return nil
			}
		}
		next = last + 1
	}
}

// decodeEvent turns a stored record into an Event, keeping the sealed
// content for later decryption.
func decodeEvent(seq uint64, v []byte) (Event, error) {
	rec, err := unmarshalRecord(v)
	if err != nil {
		return Event{}, err
	}
	ev := Event{Seq: seq, Hash: HashString(rec.hash)}
	if err := json.Unmarshal(rec.env, &ev.Envelope); err != nil {
		return Event{}, fmt.Errorf("envelope: %w", ErrTampered)
	}
	if len(rec.sealed) > 0 {
		ev.sealed = append([]byte(nil), rec.sealed...)
		ev.kid = rec.kid
	}
	return ev, nil
}

func (s *Store) decrypt(ev *Event) {
	if ev.sealed == nil || s.keys == nil || s.keyFile == nil { // read-only without the key or the key file
		return
	}
	k, err := s.readingKey(ev.kid)
	if errors.Is(err, ErrShredded) {
		ev.Shredded = true
		return
	}
	if err != nil {
		s.log.Warn("audit content key unreadable", "seq", ev.Seq, "err", err)
		return
	}
	plain, err := open(k.aead, ev.kid, ev.sealed)
	if err != nil {
		s.log.Warn("audit content unreadable", "seq", ev.Seq, "err", err)
		return
	}
	var c Content
	if err := json.Unmarshal(plain, &c); err != nil {
		s.log.Warn("audit content undecodable", "seq", ev.Seq, "err", err)
		return
	}
	ev.Content = &c
}

// Conversation returns a conversation's events in order, with content.
func (s *Store) Conversation(ctx context.Context, ref string) ([]Event, error) {
	return s.indexed(ctx, bucketByConv, ref)
}

// Subject returns a subject's events in order, with content.
func (s *Store) Subject(ctx context.Context, pseudonym string) ([]Event, error) {
	return s.indexed(ctx, bucketBySubject, pseudonym)
}

func (s *Store) indexed(ctx context.Context, bucket []byte, id string) ([]Event, error) {
	var evs []Event
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		evs, err = decodeSeqs(tx, seqsFor(tx, bucket, id))
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range evs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s.decrypt(&evs[i])
	}
	return evs, nil
}

// event reads one event, without its content.
func (s *Store) event(seq uint64) (Event, error) {
	var ev Event
	err := s.db.View(func(tx *bolt.Tx) error {
		evs, err := decodeSeqs(tx, []uint64{seq})
		if err == nil {
			ev = evs[0]
		}
		return err
	})
	return ev, err
}

// ErrNoMessage means no decision has that message id.
var ErrNoMessage = fault.New(fault.NotFound, "no decision with that message id")

// MessageEvent returns the decision event that gave a message id, with
// its content.
func (s *Store) MessageEvent(ctx context.Context, message string) (Event, error) {
	var ev Event
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketByMessage)
		if b == nil {
			return ErrNoMessage
		}
		k := b.Get([]byte(message))
		if k == nil {
			return ErrNoMessage
		}
		v := tx.Bucket(bucketEvents).Get(k)
		if v == nil {
			return fmt.Errorf("index names a missing event: %w", ErrTampered)
		}
		var err error
		ev, err = decodeEvent(binary.BigEndian.Uint64(k), v)
		return err
	})
	if err != nil {
		return ev, err
	}
	s.decrypt(&ev)
	return ev, nil
}

// FirstQuestion returns the first decision of a conversation with its
// content: the customer's first message, which titles the conversation
// in the agents' queue.
func (s *Store) FirstQuestion(ctx context.Context, ref string) (Event, bool, error) {
	var ev Event
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, seq := range seqsFor(tx, bucketByConv, ref) {
			evs, err := decodeSeqs(tx, []uint64{seq})
			if err != nil {
				return err
			}
			if evs[0].Type == TypeDecision {
				ev, found = evs[0], true
				return nil
			}
		}
		return nil
	})
	if err != nil || !found {
		return ev, false, err
	}
	s.decrypt(&ev)
	return ev, true, nil
}
