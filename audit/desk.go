package audit

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// What agents do with a hand-off besides claiming and replying: internal
// notes, transfers to another team, handing the conversation back to the
// assistant, and e-mailing replies to a customer who asked for them. Each
// is an event on the hand-off; none carries text in its envelope.

// ErrHandoffClosed means the hand-off is resolved: it can no longer be
// transferred or handed back.
var ErrHandoffClosed = fault.New(fault.Conflict, "this conversation is resolved; it can no longer be moved")

// ErrNoActiveHandoff means the conversation has no open or claimed
// hand-off, so nobody would read a reply to e-mail.
var ErrNoActiveHandoff = fault.New(fault.Conflict, "no person has been asked to join this conversation")

// AddNote records an internal note on a hand-off (its text already
// redacted by the caller), which the customer never sees. Any agent may
// write one, also on a resolved hand-off.
func (rs *Records) AddNote(ctx context.Context, id string, by Agent, text string) (uint64, Handoff, error) {
	if strings.TrimSpace(text) == "" {
		return 0, Handoff{}, invalid("a note needs text")
	}
	return rs.changeHandoff(ctx, id, by.envelope(TypeNote, nil), &Content{Text: text}, func(Handoff) error { return nil })
}

// TransferHandoff moves a hand-off to another team's queue, unclaimed.
// The caller checks that the team exists; a resolved hand-off cannot be
// moved.
func (rs *Records) TransferHandoff(ctx context.Context, id, team string, by Agent) (Handoff, error) {
	if team == "" {
		return Handoff{}, invalid("transfer to which team?")
	}
	before, err := rs.Handoff(ctx, id)
	if err != nil {
		return Handoff{}, err
	}
	env := by.envelope(TypeTransfer, map[string]string{"team": team, "from_team": before.Team})
	_, h, err := rs.changeHandoff(ctx, id, env, nil, func(h Handoff) error {
		switch {
		case h.Status == HandoffResolved:
			return fmt.Errorf("%s: %w", h.ID, ErrHandoffClosed)
		case h.Team == team:
			return invalid("the conversation is with team %s already", team)
		}
		return nil
	})
	return h, err
}

// HandBack gives the conversation back to the assistant: the hand-off is
// resolved with the outcome handed_back, and the assistant answers the
// customer again. Its claimant may (or anyone, when it is unclaimed), and
// an admin (force) may for anyone.
func (rs *Records) HandBack(ctx context.Context, id string, by Agent, force bool) (Handoff, error) {
	_, h, err := rs.changeHandoff(ctx, id, by.envelope(TypeHandback, nil), nil, func(h Handoff) error {
		if h.Status == HandoffResolved {
			return fmt.Errorf("%s: %w", h.ID, ErrHandoffClosed)
		}
		if force {
			return nil
		}
		return claimable(h, by.ID)
	})
	return h, err
}

// RequestEmailReplies keeps the address a customer gave for the agents'
// replies, encrypted with the conversation (erased with it); an empty
// address withdraws the request. The conversation must have an active
// hand-off.
func (rs *Records) RequestEmailReplies(ctx context.Context, conversation string, to ReplyTo) (Handoff, error) {
	h, ok, err := rs.ActiveHandoff(ctx, conversation)
	if err != nil {
		return Handoff{}, err
	}
	if !ok {
		return Handoff{}, ErrNoActiveHandoff
	}
	attrs := map[string]string{"action": "requested"}
	var content *Content
	if to.Address == "" {
		attrs["action"] = "withdrawn"
	} else {
		content = &Content{ReplyTo: to.Address, Resume: to.Resume}
	}
	_, h, err = rs.changeHandoff(ctx, h.ID, Envelope{Type: TypeEmailRequested, Actor: "customer", Attrs: attrs}, content,
		func(h Handoff) error {
			if h.Status == HandoffResolved {
				return ErrNoActiveHandoff
			}
			return nil
		})
	return h, err
}

// ReplyTo is where a customer asked for the agents' replies: an e-mail
// address, and the conversation's capability for the link back.
type ReplyTo struct {
	Address string
	Resume  string
}

// ReplyAddress returns where the customer of a conversation last asked
// for replies, if they did and did not withdraw it.
func (rs *Records) ReplyAddress(ctx context.Context, conversation string) (ReplyTo, bool, error) {
	evs, err := rs.b.Conversation(ctx, conversation)
	if err != nil {
		return ReplyTo{}, false, err
	}
	var to ReplyTo
	for _, e := range evs {
		if e.Type != TypeEmailRequested {
			continue
		}
		to = ReplyTo{}
		if e.Content != nil {
			to = ReplyTo{Address: e.Content.ReplyTo, Resume: e.Content.Resume}
		}
	}
	return to, to.Address != "", nil
}

// EmailResult is how an attempt to e-mail an agent's reply ended.
type EmailResult struct {
	// Message is the agent reply's message id.
	Message  string
	Sent     bool
	Attempts int
	// Problem names the last failure without its text: refused, timeout,
	// unreachable, tls or auth.
	Problem string
}

// RecordEmail records that an agent's reply was e-mailed (email.sent), or
// could not be after every retry (email.failed). The address is not in
// the event.
func (rs *Records) RecordEmail(ctx context.Context, id string, r EmailResult) (uint64, error) {
	typ := TypeEmailFailed
	if r.Sent {
		typ = TypeEmailSent
	}
	attrs := map[string]string{"reply": r.Message, "attempts": strconv.Itoa(r.Attempts)}
	if r.Problem != "" {
		attrs["problem"] = r.Problem
	}
	seq, _, err := rs.changeHandoff(ctx, id, Envelope{Type: typ, Actor: "system", Attrs: attrs}, nil, func(Handoff) error { return nil })
	return seq, err
}
