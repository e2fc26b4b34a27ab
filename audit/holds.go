package audit

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Hold is a legal hold: while it stands, the target's content is neither
// erased nor shredded by retention. The basis can name a case and the
// people in it, so it is kept only in the encrypted content of the hold
// event, sealed under the target's own key (erased with the target once
// the hold is lifted); the list of holds keeps the target and the event.
type Hold struct {
	Target string    `json:"target"` // a subject pseudonym (s_...) or a conversation ref (k_...)
	Basis  string    `json:"basis"`  // empty when it cannot be read (read-only without keys, or shredded)
	Placed time.Time `json:"placed"`
	Actor  string    `json:"actor"`
	Seq    uint64    `json:"audit_seq"` // the hold.placed event
	// CustomerID is the customer id the officer entered for a hold on a
	// subject, kept with the basis in the encrypted content.
	CustomerID string `json:"customer_id,omitempty"`
}

// PlaceHold places a legal hold on a subject or a conversation, or
// replaces the basis of the one already there. The event names the target
// and the actor; the basis goes in its encrypted content.
func (rs *Records) PlaceHold(ctx context.Context, target, basis, actor string) (Hold, error) {
	return rs.PlaceHoldFor(ctx, target, basis, "", actor)
}

// PlaceHoldFor places a hold as PlaceHold does, keeping the customer id
// the officer entered (for a hold on a subject) with the basis, encrypted
// under the target's key.
func (rs *Records) PlaceHoldFor(ctx context.Context, target, basis, customerID, actor string) (Hold, error) {
	if err := rs.writable(); err != nil {
		return Hold{}, err
	}
	if !isPseudonym(target, "s_") && !isPseudonym(target, "k_") {
		return Hold{}, invalid("hold target %q is neither a subject pseudonym (s_...) nor a conversation ref (k_...)", target)
	}
	basis = strings.TrimSpace(basis)
	if basis == "" {
		return Hold{}, invalid("a hold needs a basis")
	}
	h := Hold{Target: target, Basis: basis, Placed: rs.now().UTC(), Actor: actor, CustomerID: customerID}
	env := targetEnvelope(TypeHoldPlaced, target, actor)
	env.Time = h.Placed
	var err error
	h.Seq, err = rs.append(ctx, env, &Content{Text: basis, CustomerID: customerID}, Change{
		Apply: func(b Buckets, seq uint64) error { return b.Put(projHolds, target, seqKey(seq)) },
	})
	if err != nil {
		return Hold{}, fmt.Errorf("place hold: %w", err)
	}
	return h, nil
}

// ReleaseHold lifts the hold on target, or fails with ErrNoHold.
func (rs *Records) ReleaseHold(ctx context.Context, target, actor string) error {
	if err := rs.writable(); err != nil {
		return err
	}
	_, err := rs.append(ctx, targetEnvelope(TypeHoldReleased, target, actor), nil, Change{
		Check: func(b Buckets, _ *Envelope) error {
			v, err := b.Get(projHolds, target)
			if err == nil && v == nil {
				err = fmt.Errorf("%s: %w", target, ErrNoHold)
			}
			return err
		},
		Apply: func(b Buckets, _ uint64) error { return b.Delete(projHolds, target) },
	})
	if err != nil {
		return fmt.Errorf("release hold: %w", err)
	}
	return nil
}

// Holds lists the standing holds, oldest first, each with its basis read
// from its event.
func (rs *Records) Holds(ctx context.Context) ([]Hold, error) {
	var out []Hold
	err := rs.b.View(ctx, func(b Buckets) error {
		return b.ForEach(projHolds, func(k string, v []byte) error {
			out = append(out, holdOf(k, v))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read holds: %w", err)
	}
	for i := range out {
		rs.DescribeHold(ctx, &out[i])
	}
	slices.SortFunc(out, func(a, b Hold) int { return a.Placed.Compare(b.Placed) })
	return out, nil
}

// holdOf decodes an entry of the holds bucket: the hold event's sequence
// number (an entry of an older version, which held the hold as JSON, is
// converted at Open).
func holdOf(target string, v []byte) Hold {
	h := Hold{Target: target}
	if len(v) == 8 {
		h.Seq = binary.BigEndian.Uint64(v)
	}
	return h
}

// DescribeHold fills in when, by whom and on what basis a hold was
// placed, from its event.
func (rs *Records) DescribeHold(ctx context.Context, h *Hold) {
	if h.Seq == 0 {
		return
	}
	ev, err := rs.b.Event(ctx, h.Seq)
	if err != nil || ev.Type != TypeHoldPlaced {
		rs.log.Warn("audit hold names an event that is not its own", "audit_seq", h.Seq)
		return
	}
	h.Placed, h.Actor = ev.Time, ev.Actor
	if ev.Content != nil {
		h.Basis, h.CustomerID = ev.Content.Text, ev.Content.CustomerID
	}
}

// HeldAny returns the first hold standing on one of the targets, for an
// erasure to refuse.
func HeldAny(b Buckets, targets []string) (Hold, bool, error) {
	slices.Sort(targets) // the same hold is named whatever the map order
	for _, t := range targets {
		v, err := b.Get(projHolds, t)
		if err != nil {
			return Hold{}, false, err
		}
		if v != nil {
			return holdOf(t, v), true, nil
		}
	}
	return Hold{}, false, nil
}

// OwnerHeld reports whether a hold stands on the subject or the
// conversation a content key belongs to (its owner, as KeyOwner names
// it), for retention to keep the key.
func OwnerHeld(b Buckets, owner string) (bool, error) {
	subj, conv := ownerParts(owner)
	for _, t := range []string{subj, conv} {
		if t == "" {
			continue
		}
		v, err := b.Get(projHolds, t)
		if err != nil || v != nil {
			return v != nil, err
		}
	}
	return false, nil
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
