package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Hold is a legal hold: while it stands, the target's content is neither
// erased nor shredded by retention. Basis is kept in the store's list of
// holds in clear, so it should name the legal ground and the case, not a
// person.
type Hold struct {
	Target string    `json:"target"` // a subject pseudonym (s_...) or a conversation ref (k_...)
	Basis  string    `json:"basis"`
	Placed time.Time `json:"placed"`
	Actor  string    `json:"actor"`
}

// PlaceHold places a legal hold on a subject or a conversation, or
// replaces the basis of the one already there. The event names the target
// and the actor; the basis goes in its encrypted content.
func (s *Store) PlaceHold(ctx context.Context, target, basis, actor string) (Hold, error) {
	if err := s.writable(); err != nil {
		return Hold{}, err
	}
	if !isPseudonym(target, "s_") && !isPseudonym(target, "k_") {
		return Hold{}, invalid("hold target %q is neither a subject pseudonym (s_...) nor a conversation ref (k_...)", target)
	}
	basis = strings.TrimSpace(basis)
	if basis == "" {
		return Hold{}, invalid("a hold needs a basis")
	}
	h := Hold{Target: target, Basis: basis, Placed: s.now().UTC(), Actor: actor}
	v, err := json.Marshal(h)
	if err != nil {
		return Hold{}, fmt.Errorf("encode hold: %w", err)
	}
	env := targetEnvelope(TypeHoldPlaced, target, actor)
	env.Time = h.Placed
	_, err = s.append(ctx, env, &Content{Text: basis}, appendOpts{
		owner: "system",
		apply: func(tx *bolt.Tx, _ uint64) error { return tx.Bucket(bucketHolds).Put([]byte(target), v) },
	})
	if err != nil {
		return Hold{}, fmt.Errorf("place hold: %w", err)
	}
	return h, nil
}

// ReleaseHold lifts the hold on target, or fails with ErrNoHold.
func (s *Store) ReleaseHold(ctx context.Context, target, actor string) error {
	if err := s.writable(); err != nil {
		return err
	}
	_, err := s.append(ctx, targetEnvelope(TypeHoldReleased, target, actor), nil, appendOpts{
		check: func(tx *bolt.Tx, _ *Envelope) error {
			if tx.Bucket(bucketHolds).Get([]byte(target)) == nil {
				return fmt.Errorf("%s: %w", target, ErrNoHold)
			}
			return nil
		},
		apply: func(tx *bolt.Tx, _ uint64) error { return tx.Bucket(bucketHolds).Delete([]byte(target)) },
	})
	if err != nil {
		return fmt.Errorf("release hold: %w", err)
	}
	return nil
}

// Holds lists the standing holds, oldest first.
func (s *Store) Holds(ctx context.Context) ([]Hold, error) {
	var out []Hold
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHolds)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var h Hold
			if err := json.Unmarshal(v, &h); err != nil {
				return fmt.Errorf("decode hold: %w", err)
			}
			out = append(out, h)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read holds: %w", err)
	}
	slices.SortFunc(out, func(a, b Hold) int { return a.Placed.Compare(b.Placed) })
	return out, nil
}

// heldAny returns the first hold standing on one of the targets.
func heldAny(tx *bolt.Tx, targets []string) (Hold, bool) {
	b := tx.Bucket(bucketHolds)
	slices.Sort(targets) // the same hold is named whatever the map order
	for _, t := range targets {
		if v := b.Get([]byte(t)); v != nil {
			var h Hold
			if json.Unmarshal(v, &h) == nil {
				return h, true
			}
			return Hold{Target: t, Basis: "(unreadable hold record)"}, true
		}
	}
	return Hold{}, false
}

// targetEnvelope is the envelope of an action on a subject or a
// conversation.
func targetEnvelope(typ, target, actor string) Envelope {
	env := Envelope{Type: typ, Actor: actor}
	if strings.HasPrefix(target, "k_") {
		env.Conversation = target
	} else {
		env.Subject = target
	}
	return env
}
