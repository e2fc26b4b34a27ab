package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// The agent queue is a projection of the log: a hand-off is created by a
// decision event that hands off, and changed by handoff events (claimed,
// resolved) and agent replies, each in the same transaction as its event.

var (
	bucketHandoffs      = []byte("handoffs")
	bucketHandoffByConv = []byte("handoffs_by_conversation") // conversation -> its open hand-off
)

// Hand-off states.
const (
	HandoffOpen     = "open"
	HandoffClaimed  = "claimed"
	HandoffResolved = "resolved"
)

// Errors of the agent queue.
var (
	// ErrNoHandoff means there is no hand-off with that id.
	ErrNoHandoff = fault.New(fault.NotFound, "no such hand-off")
	// ErrHandoffTaken means the hand-off is claimed by another agent or
	// already resolved.
	ErrHandoffTaken = fault.New(fault.Conflict, "hand-off is claimed by another agent or resolved")
)

// Handoff is a conversation waiting for, or with, a person. It holds no
// personal data: the conversation and subject appear as pseudonyms.
type Handoff struct {
	ID           string     `json:"id"` // the message id of the decision that handed off
	Conversation string     `json:"conversation"`
	Subject      string     `json:"subject,omitempty"`
	Team         string     `json:"team"`
	ReasonCode   string     `json:"reason_code"`
	Reason       string     `json:"reason"`
	Language     string     `json:"language"`
	Status       string     `json:"status"`
	Created      time.Time  `json:"created"`
	Updated      time.Time  `json:"updated"`
	ClaimedBy    string     `json:"claimed_by,omitempty"`
	Claimed      *time.Time `json:"claimed,omitempty"`
	Resolved     *time.Time `json:"resolved,omitempty"`
	// Messages counts the customer's messages since the hand-off;
	// Replies the agents' replies.
	Messages int    `json:"messages"`
	Replies  int    `json:"replies"`
	FirstSeq uint64 `json:"first_seq"`
	LastSeq  uint64 `json:"last_seq"`
}

func getHandoff(tx *bolt.Tx, id string) (Handoff, error) {
	var h Handoff
	b := tx.Bucket(bucketHandoffs)
	if b == nil { // a store from before the queue, opened read-only
		return h, fmt.Errorf("%q: %w", id, ErrNoHandoff)
	}
	v := b.Get([]byte(id))
	if v == nil {
		return h, fmt.Errorf("%q: %w", id, ErrNoHandoff)
	}
	if err := json.Unmarshal(v, &h); err != nil {
		return h, fmt.Errorf("hand-off %s: %w", id, err)
	}
	return h, nil
}

func putHandoff(tx *bolt.Tx, h Handoff) error {
	v, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("encode hand-off: %w", err)
	}
	if err := tx.Bucket(bucketHandoffs).Put([]byte(h.ID), v); err != nil {
		return fmt.Errorf("put hand-off: %w", err)
	}
	byConv := tx.Bucket(bucketHandoffByConv)
	if h.Status == HandoffResolved {
		return byConv.Delete([]byte(h.Conversation))
	}
	return byConv.Put([]byte(h.Conversation), []byte(h.ID))
}

// projectDecision keeps the queue up to date with a decision event: a
// hand-off opens one, unless the conversation already has an open one, to
// which the customer's new message is added.
func projectDecision(tx *bolt.Tx, env *Envelope, seq uint64) error {
	if env.Type != TypeDecision || env.Conversation == "" {
		return nil
	}
	active := tx.Bucket(bucketHandoffByConv).Get([]byte(env.Conversation))
	if active != nil {
		h, err := getHandoff(tx, string(active))
		if err != nil {
			return err
		}
		h.Messages++
		h.LastSeq, h.Updated = seq, env.Time
		return putHandoff(tx, h)
	}
	if env.Decision != "handoff" || env.Message == "" {
		return nil
	}
	return putHandoff(tx, Handoff{
		ID: env.Message, Conversation: env.Conversation, Subject: env.Subject, Team: env.Attrs["team"],
		ReasonCode: env.ReasonCode, Reason: env.Reason, Language: env.Language, Status: HandoffOpen,
		Created: env.Time, Updated: env.Time, Messages: 1, FirstSeq: seq, LastSeq: seq,
	})
}

// Handoffs lists hand-offs, newest activity first. status (open, claimed,
// resolved) and team filter when set; "active" means open or claimed.
func (s *Store) Handoffs(ctx context.Context, status, team string) ([]Handoff, error) {
	var out []Handoff
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHandoffs)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var h Handoff
			if err := json.Unmarshal(v, &h); err != nil {
				return fmt.Errorf("decode hand-off: %w", err)
			}
			switch {
			case status == "active" && h.Status == HandoffResolved,
				status != "" && status != "active" && h.Status != status,
				team != "" && h.Team != team:
				return nil
			}
			out = append(out, h)
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Updated.After(out[j].Updated) })
	return out, err
}

// Handoff returns one hand-off.
func (s *Store) Handoff(ctx context.Context, id string) (Handoff, error) {
	var h Handoff
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		h, err = getHandoff(tx, id)
		return err
	})
	return h, err
}

// changeHandoff appends env, an event on hand-off id, and applies it to
// the hand-off in the same transaction; verify may refuse the change.
func (s *Store) changeHandoff(ctx context.Context, id string, env Envelope, content *Content,
	verify func(h Handoff) error) (uint64, Handoff, error) {
	var h Handoff
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		h, err = getHandoff(tx, id)
		return err
	})
	if err != nil {
		return 0, h, err
	}
	env.Conversation, env.Subject = h.Conversation, h.Subject
	if env.Attrs == nil {
		env.Attrs = map[string]string{}
	}
	env.Attrs["handoff"] = id
	env.Time = s.now().UTC()
	seq, err := s.append(ctx, env, content, appendOpts{
		check: func(tx *bolt.Tx, _ *Envelope) error {
			cur, err := getHandoff(tx, id)
			if err != nil {
				return err
			}
			return verify(cur)
		},
		apply: func(tx *bolt.Tx, seq uint64) error {
			cur, err := getHandoff(tx, id)
			if err != nil {
				return err
			}
			applyHandoffEvent(&cur, &env, seq)
			h = cur
			return putHandoff(tx, cur)
		},
	})
	return seq, h, err
}

// applyHandoffEvent is what a hand-off event (claimed, resolved) or an
// agent's reply does to its hand-off, as it is appended and when the
// queue is rebuilt from the log. A reply claims an open hand-off for its
// agent.
func applyHandoffEvent(h *Handoff, env *Envelope, seq uint64) {
	at := env.Time
	switch {
	case env.Type == TypeAgentReply:
		if h.Status == HandoffOpen {
			h.Status, h.ClaimedBy, h.Claimed = HandoffClaimed, env.Actor, &at
		}
		h.Replies++
	case env.Attrs["action"] == "claimed":
		h.Status, h.ClaimedBy, h.Claimed = HandoffClaimed, env.Actor, &at
	case env.Attrs["action"] == "resolved":
		h.Status, h.Resolved = HandoffResolved, &at
	}
	h.LastSeq, h.Updated = seq, at
}

// ClaimHandoff assigns a hand-off to the agent actor. Claiming one's own
// claim again is fine; another agent's claim or a resolved hand-off is
// ErrHandoffTaken.
func (s *Store) ClaimHandoff(ctx context.Context, id, actor string) (Handoff, error) {
	_, h, err := s.changeHandoff(ctx, id, Envelope{Type: TypeHandoff, Actor: actor, Attrs: map[string]string{"action": "claimed"}}, nil,
		func(h Handoff) error { return claimable(h, actor) })
	return h, err
}

func claimable(h Handoff, actor string) error {
	if h.Status == HandoffResolved || h.Status == HandoffClaimed && h.ClaimedBy != actor {
		return fmt.Errorf("%s (%s by %s): %w", h.ID, h.Status, h.ClaimedBy, ErrHandoffTaken)
	}
	return nil
}

// ReplyHandoff records an agent's reply to the customer (its text already
// redacted) and claims the hand-off for the agent if nobody has.
func (s *Store) ReplyHandoff(ctx context.Context, id, actor, message, text string) (uint64, Handoff, error) {
	env := Envelope{Type: TypeAgentReply, Actor: actor, Message: message}
	return s.changeHandoff(ctx, id, env, &Content{Text: text},
		func(h Handoff) error { return claimable(h, actor) })
}

// ResolveHandoff closes a hand-off; the conversation goes back to the
// assistant. Only its claimant (or anyone, when unclaimed) may resolve it.
func (s *Store) ResolveHandoff(ctx context.Context, id, actor string) (Handoff, error) {
	_, h, err := s.changeHandoff(ctx, id, Envelope{Type: TypeHandoff, Actor: actor, Attrs: map[string]string{"action": "resolved"}}, nil,
		func(h Handoff) error { return claimable(h, actor) })
	return h, err
}

// forgetHandoffs removes the hand-offs of erased conversations or of an
// erased subject from the queue.
func forgetHandoffs(tx *bolt.Tx, convs map[string]bool, subject string) error {
	b := tx.Bucket(bucketHandoffs)
	var gone []Handoff
	err := b.ForEach(func(_, v []byte) error {
		var h Handoff
		if err := json.Unmarshal(v, &h); err != nil {
			return err
		}
		if convs[h.Conversation] || subject != "" && h.Subject == subject {
			gone = append(gone, h)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("scan hand-offs: %w", err)
	}
	for _, h := range gone {
		if err := b.Delete([]byte(h.ID)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketHandoffByConv).Delete([]byte(h.Conversation)); err != nil {
			return err
		}
	}
	return nil
}

// ActiveHandoff returns the conversation's open or claimed hand-off, if
// it has one.
func (s *Store) ActiveHandoff(ctx context.Context, conversation string) (Handoff, bool, error) {
	var h Handoff
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHandoffByConv)
		if b == nil {
			return nil
		}
		id := b.Get([]byte(conversation))
		if id == nil {
			return nil
		}
		var err error
		h, err = getHandoff(tx, string(id))
		ok = err == nil
		return err
	})
	return h, ok, err
}
