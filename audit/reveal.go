package audit

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// ErrNoValue means a conversation has no value behind the placeholder.
var ErrNoValue = fault.New(fault.NotFound, "no such placeholder in this conversation")

// MinRevealReason is the shortest reason for a reveal, in characters: a
// reason is a sentence, not "x".
const MinRevealReason = 10

// Revealed is a value behind a placeholder, shown to an agent.
type Revealed struct {
	Label    string `json:"label"`
	Type     string `json:"type"`
	Value    string `json:"value"`
	AuditSeq uint64 `json:"audit_seq"`
}

// neverRevealed are the types whose values an agent is never shown in
// full: a card number is for the payment system, not a person.
var neverRevealed = map[string]bool{"CREDIT_CARD": true}

// RevealValue shows the agent who has hand-off id the value behind a
// placeholder of its conversation, for the reason they state. The reveal
// is recorded as an event (the reason, already redacted by the caller,
// encrypted with the conversation's content), which compliance officers
// see; the value itself is never written anywhere but the content it
// came from. A card number is shown as its last four digits.
func (rs *Records) RevealValue(ctx context.Context, id, label string, by Agent, reason string) (Revealed, error) {
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) < MinRevealReason {
		return Revealed{}, invalid("a reveal needs a reason of at least %d characters", MinRevealReason)
	}
	h, err := rs.Handoff(ctx, id)
	if err != nil {
		return Revealed{}, err
	}
	if err := claimable(h, by.ID); err != nil {
		return Revealed{}, err
	}
	evs, err := rs.b.Conversation(ctx, h.Conversation)
	if err != nil {
		return Revealed{}, err
	}
	var found *Placeholder
	for _, e := range evs {
		if e.Content == nil {
			continue
		}
		for i, p := range e.Content.Placeholders {
			if p.Label == label {
				found = &e.Content.Placeholders[i]
			}
		}
	}
	if found == nil {
		return Revealed{}, fmt.Errorf("%s: %w", label, ErrNoValue)
	}
	out := Revealed{Label: found.Label, Type: found.Type, Value: found.Value}
	if neverRevealed[found.Type] {
		out.Value = lastFour(found.Value)
	}
	env := by.envelope(TypeReveal, map[string]string{"label": found.Label, "type": found.Type})
	out.AuditSeq, _, err = rs.changeHandoff(ctx, id, env, &Content{Text: reason}, func(h Handoff) error { return claimable(h, by.ID) })
	if err != nil {
		return Revealed{}, err
	}
	return out, nil
}

// lastFour masks all but the last four digits of a number.
func lastFour(v string) string {
	var digits []rune
	for _, r := range v {
		if r >= '0' && r <= '9' {
			digits = append(digits, r)
		}
	}
	if len(digits) < 4 {
		return "••••"
	}
	return "•••• " + string(digits[len(digits)-4:])
}
