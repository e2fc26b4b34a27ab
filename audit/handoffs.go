package audit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// The agent queue is a projection of the log: a hand-off is created by a
// decision event that hands off, and changed by handoff events (claimed,
// resolved) and agent replies, each in the same transaction as its event.

var (
	bucketHandoffs      = []byte(projHandoffs)
	bucketHandoffByConv = []byte(projHandoffByConv)
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

// HandoffID is the id of the hand-off a decision opened: derived from the
// decision's message id, which only the customer holds, so that it
// cannot be worked back to it. Agents and webhook receivers see this id,
// never the customer's message id.
func HandoffID(message string) string {
	sum := sha256.Sum256([]byte("hushdesk handoff " + message))
	return "h_" + hex.EncodeToString(sum[:12])
}

// Handoff is a conversation waiting for, or with, a person. It holds no
// personal data: the conversation and subject appear as pseudonyms.
type Handoff struct {
	ID           string    `json:"id"` // HandoffID of the message that handed off, never the message id
	Conversation string    `json:"conversation"`
	Subject      string    `json:"subject,omitempty"`
	Team         string    `json:"team"`
	ReasonCode   string    `json:"reason_code"`
	Reason       string    `json:"reason"`
	Language     string    `json:"language"`
	Status       string    `json:"status"`
	Created      time.Time `json:"created"`
	Updated      time.Time `json:"updated"`
	ClaimedBy    string    `json:"claimed_by,omitempty"`
	// AgentName is the name the customer sees for the agent who has the
	// conversation.
	AgentName string     `json:"agent_name,omitempty"`
	Claimed   *time.Time `json:"claimed,omitempty"`
	Resolved  *time.Time `json:"resolved,omitempty"`
	// Messages counts the customer's messages since the hand-off;
	// Replies the agents' replies.
	Messages int    `json:"messages"`
	Replies  int    `json:"replies"`
	FirstSeq uint64 `json:"first_seq"`
	LastSeq  uint64 `json:"last_seq"`
	// Unread counts the customer's messages since a person last replied;
	// WaitingSince is when the oldest of them came (nil once answered).
	Unread       int        `json:"unread"`
	WaitingSince *time.Time `json:"waiting_since,omitempty"`
	// Notes counts the agents' internal notes.
	Notes int `json:"notes,omitempty"`
	// EmailReplies is set when the customer asked for the replies by
	// e-mail (the address is in the encrypted content of that event).
	EmailReplies bool `json:"email_replies,omitempty"`
	// Outcome says how a resolved hand-off ended: resolved by the agent,
	// or handed back to the assistant.
	Outcome string `json:"outcome,omitempty"`
}

// Outcomes of a resolved hand-off.
const (
	OutcomeResolved   = "resolved"
	OutcomeHandedBack = "handed_back"
)

func getHandoff(b Buckets, id string) (Handoff, error) {
	var h Handoff
	v, err := b.Get(projHandoffs, id)
	if err != nil {
		return h, fmt.Errorf("read hand-off: %w", err)
	}
	if v == nil {
		return h, fmt.Errorf("%q: %w", id, ErrNoHandoff)
	}
	if err := json.Unmarshal(v, &h); err != nil {
		return h, fmt.Errorf("hand-off %s: %w", id, err)
	}
	return h, nil
}

func putHandoff(b Buckets, h Handoff) error {
	v, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("encode hand-off: %w", err)
	}
	if err := b.Put(projHandoffs, h.ID, v); err != nil {
		return fmt.Errorf("put hand-off: %w", err)
	}
	if h.Status == HandoffResolved {
		return b.Delete(projHandoffByConv, h.Conversation)
	}
	return b.Put(projHandoffByConv, h.Conversation, []byte(h.ID))
}

// projectDecision keeps the queue up to date with a decision event: a
// hand-off opens one, unless the conversation already has an open one, to
// which the customer's new message is added.
func projectDecision(b Buckets, env *Envelope, seq uint64) error {
	if env.Type != TypeDecision || env.Conversation == "" {
		return nil
	}
	active, err := b.Get(projHandoffByConv, env.Conversation)
	if err != nil {
		return err
	}
	if active != nil {
		h, err := getHandoff(b, string(active))
		if err != nil {
			return err
		}
		h.Messages++
		h.Unread++
		if h.WaitingSince == nil {
			at := env.Time
			h.WaitingSince = &at
		}
		h.LastSeq, h.Updated = seq, env.Time
		return putHandoff(b, h)
	}
	if env.Decision != "handoff" || env.Message == "" {
		return nil
	}
	return putHandoff(b, Handoff{
		ID: HandoffID(env.Message), Conversation: env.Conversation, Subject: env.Subject, Team: env.Attrs["team"],
		ReasonCode: env.ReasonCode, Reason: env.Reason, Language: env.Language, Status: HandoffOpen,
		Created: env.Time, Updated: env.Time, Messages: 1, FirstSeq: seq, LastSeq: seq, Unread: 1, WaitingSince: &env.Time,
	})
}

// Handoffs lists hand-offs, newest activity first. status (open, claimed,
// resolved) and team filter when set; "active" means open or claimed.
func (rs *Records) Handoffs(ctx context.Context, status, team string) ([]Handoff, error) {
	var out []Handoff
	err := rs.b.View(ctx, func(b Buckets) error {
		return b.ForEach(projHandoffs, func(_ string, v []byte) error {
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
func (rs *Records) Handoff(ctx context.Context, id string) (Handoff, error) {
	var h Handoff
	err := rs.b.View(ctx, func(b Buckets) error {
		var err error
		h, err = getHandoff(b, id)
		return err
	})
	return h, err
}

// changeHandoff appends env, an event on hand-off id, and applies it to
// the hand-off in the same transaction; verify may refuse the change.
func (rs *Records) changeHandoff(ctx context.Context, id string, env Envelope, content *Content,
	verify func(h Handoff) error) (uint64, Handoff, error) {
	h, err := rs.Handoff(ctx, id)
	if err != nil {
		return 0, h, err
	}
	env.Conversation, env.Subject = h.Conversation, h.Subject
	if env.Attrs == nil {
		env.Attrs = map[string]string{}
	}
	env.Attrs["handoff"] = id
	env.Time = rs.now().UTC()
	seq, err := rs.append(ctx, env, content, Change{
		Check: func(b Buckets, _ *Envelope) error {
			cur, err := getHandoff(b, id)
			if err != nil {
				return err
			}
			return verify(cur)
		},
		Apply: func(b Buckets, seq uint64) error {
			cur, err := getHandoff(b, id)
			if err != nil {
				return err
			}
			applyHandoffEvent(&cur, &env, seq)
			h = cur
			return putHandoff(b, cur)
		},
	})
	return seq, h, err
}

// applyHandoffEvent is what a hand-off event (claimed, assigned,
// transferred, resolved, handed back, a note, an e-mail) or an agent's
// reply does to its hand-off, as it is appended and when the queue is
// rebuilt from the log. A reply claims an open hand-off for its agent.
func applyHandoffEvent(h *Handoff, env *Envelope, seq uint64) {
	at := env.Time
	switch {
	case env.Type == TypeAgentReply:
		if h.Status == HandoffOpen {
			h.Status, h.ClaimedBy, h.Claimed, h.AgentName = HandoffClaimed, env.Actor, &at, env.Attrs["agent_name"]
		}
		h.Replies++
		h.Unread, h.WaitingSince = 0, nil
	case env.Type == TypeNote:
		h.Notes++
	case env.Type == TypeEmailRequested:
		h.EmailReplies = env.Attrs["action"] != "withdrawn"
	case env.Type == TypeTransfer:
		h.Team, h.Status, h.ClaimedBy, h.Claimed, h.AgentName = env.Attrs["team"], HandoffOpen, "", nil, ""
	case env.Type == TypeHandback:
		h.Status, h.Resolved, h.Outcome = HandoffResolved, &at, OutcomeHandedBack
	case env.Type == TypeAssignment, env.Attrs["action"] == "assigned": // the second: logs from before TypeAssignment
		h.Status, h.ClaimedBy, h.Claimed, h.AgentName = HandoffClaimed, env.Attrs["assignee"], &at, env.Attrs["assignee_name"]
	case env.Type != TypeHandoff:
		// reveals and e-mails change nothing but the time
	case env.Attrs["action"] == "claimed":
		h.Status, h.ClaimedBy, h.Claimed, h.AgentName = HandoffClaimed, env.Actor, &at, env.Attrs["agent_name"]
	case env.Attrs["action"] == "resolved":
		h.Status, h.Resolved, h.Outcome = HandoffResolved, &at, OutcomeResolved
	case env.Attrs["action"] == "released":
		h.Status, h.ClaimedBy, h.Claimed, h.AgentName = HandoffOpen, "", nil, ""
	}
	h.LastSeq, h.Updated = seq, at
}

// Agent is a person acting on a hand-off: the id the log knows them by
// (their token's) and the name customers see, which may be empty.
type Agent struct {
	ID   string
	Name string
}

// envelope is an event by the agent on a hand-off.
func (a Agent) envelope(typ string, attrs map[string]string) Envelope {
	if attrs == nil {
		attrs = map[string]string{}
	}
	if a.Name != "" {
		attrs["agent_name"] = a.Name
	}
	return Envelope{Type: typ, Actor: a.ID, Attrs: attrs}
}

// ClaimHandoff assigns a hand-off to the agent actor. Claiming one's own
// claim again is fine; another agent's claim or a resolved hand-off is
// ErrHandoffTaken.
func (rs *Records) ClaimHandoff(ctx context.Context, id string, by Agent) (Handoff, error) {
	_, h, err := rs.changeHandoff(ctx, id, by.envelope(TypeHandoff, map[string]string{"action": "claimed"}), nil,
		func(h Handoff) error { return claimable(h, by.ID) })
	return h, err
}

func claimable(h Handoff, actor string) error {
	if h.Status == HandoffResolved || h.Status == HandoffClaimed && h.ClaimedBy != actor {
		return fmt.Errorf("%s (%s by %s): %w", h.ID, h.Status, h.ClaimedBy, ErrHandoffTaken)
	}
	return nil
}

// ReplyHandoff records an agent's reply to the customer (its text already
// redacted, with the values it added to the conversation's placeholders) and claims the hand-off for the agent if nobody has.
func (rs *Records) ReplyHandoff(ctx context.Context, id string, by Agent, message string, content Content) (uint64, Handoff, error) {
	env := by.envelope(TypeAgentReply, nil)
	env.Message = message
	return rs.changeHandoff(ctx, id, env, &content,
		func(h Handoff) error { return claimable(h, by.ID) })
}

// ResolveHandoff closes a hand-off; the conversation goes back to the
// assistant. Only its claimant (or anyone, when unclaimed) may resolve it.
func (rs *Records) ResolveHandoff(ctx context.Context, id string, by Agent) (Handoff, error) {
	_, h, err := rs.changeHandoff(ctx, id, by.envelope(TypeHandoff, map[string]string{"action": "resolved"}), nil,
		func(h Handoff) error { return claimable(h, by.ID) })
	return h, err
}

// ReleaseHandoff gives a claimed hand-off back to the queue: its claimant
// may, and so may an admin (force), for an agent who is away or whose
// token was revoked.
func (rs *Records) ReleaseHandoff(ctx context.Context, id string, by Agent, force bool) (Handoff, error) {
	_, h, err := rs.changeHandoff(ctx, id, by.envelope(TypeHandoff, map[string]string{"action": "released"}), nil,
		func(h Handoff) error {
			if h.Status != HandoffClaimed || h.ClaimedBy != by.ID && !force {
				return fmt.Errorf("%s (%s by %s): %w", h.ID, h.Status, h.ClaimedBy, ErrHandoffTaken)
			}
			return nil
		})
	return h, err
}

// AssignHandoff gives a hand-off to an agent: its claimant may pass it
// on, anyone may assign an open one, and an admin (force) may reassign
// any that is not resolved.
func (rs *Records) AssignHandoff(ctx context.Context, id string, to, by Agent, force bool) (Handoff, error) {
	if to.ID == "" {
		return Handoff{}, invalid("assign to whom?")
	}
	attrs := map[string]string{"assignee": to.ID}
	if to.Name != "" {
		attrs["assignee_name"] = to.Name
	}
	_, h, err := rs.changeHandoff(ctx, id, by.envelope(TypeAssignment, attrs), nil, func(h Handoff) error {
		if h.Status == HandoffResolved || h.Status == HandoffClaimed && h.ClaimedBy != by.ID && !force {
			return fmt.Errorf("%s (%s by %s): %w", h.ID, h.Status, h.ClaimedBy, ErrHandoffTaken)
		}
		return nil
	})
	return h, err
}

// ReleaseClaims gives back to the queue every hand-off the agent actor
// has claimed, as when their token is revoked. It returns the hand-offs
// released.
func (rs *Records) ReleaseClaims(ctx context.Context, actor string, by Agent) ([]Handoff, error) {
	claimed, err := rs.Handoffs(ctx, HandoffClaimed, "")
	if err != nil {
		return nil, err
	}
	var out []Handoff
	for _, h := range claimed {
		if h.ClaimedBy != actor {
			continue
		}
		r, err := rs.ReleaseHandoff(ctx, h.ID, by, true)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// forgetHandoffs removes the hand-offs of erased conversations or of an
// erased subject from the queue.
func forgetHandoffs(b Buckets, convs map[string]bool, subject string) error {
	var gone []Handoff
	err := b.ForEach(projHandoffs, func(_ string, v []byte) error {
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
		if err := b.Delete(projHandoffs, h.ID); err != nil {
			return err
		}
		if err := b.Delete(projHandoffByConv, h.Conversation); err != nil {
			return err
		}
	}
	return nil
}

// ActiveHandoff returns the conversation's open or claimed hand-off, if
// it has one.
func (rs *Records) ActiveHandoff(ctx context.Context, conversation string) (Handoff, bool, error) {
	var h Handoff
	var ok bool
	err := rs.b.View(ctx, func(b Buckets) error {
		id, err := b.Get(projHandoffByConv, conversation)
		if err != nil || id == nil {
			return err
		}
		h, err = getHandoff(b, string(id))
		ok = err == nil
		return err
	})
	return h, ok, err
}
