package triage

import (
	"slices"

	"github.com/hushdesk/hushdesk/inference/decision"
)

// Trigger is the reason code of a hand-off (or, for PromptInjection, a
// refusal): a decision.Reason, defined there once. The codes are stable:
// they are recorded in the decision log.
type Trigger = decision.Reason

// The triggers this package detects. RepeatedFailure is conversation state
// (two abstentions in a row, or a thumbs-down) that the caller tracks.
const (
	PersonRequested    = decision.PersonRequested
	Anger              = decision.Anger
	Complaint          = decision.Complaint
	LegalThreat        = decision.LegalThreat
	SelfHarm           = decision.SelfHarm
	Bereavement        = decision.Bereavement
	FinancialHardship  = decision.FinancialHardship
	Health             = decision.Health
	DataAccessRequest  = decision.DataAccessRequest
	DataErasureRequest = decision.DataErasureRequest
	PromptInjection    = decision.PromptInjection
	RepeatedFailure    = decision.RepeatedFailure
)

// Triggers returns the triggers Classify can report, most severe first;
// equal scores are ordered this way.
func Triggers() []Trigger {
	return []Trigger{
		SelfHarm, PromptInjection, LegalThreat, PersonRequested, DataErasureRequest, DataAccessRequest,
		Bereavement, Health, FinancialHardship, Anger, Complaint,
	}
}

// known reports whether t is a trigger of this package, RepeatedFailure
// included.
func known(t Trigger) bool { return t == RepeatedFailure || slices.Contains(Triggers(), t) }

// kindFor is what the assistant decides on trigger t: it declines a prompt
// injection (abstains) and hands off on every other trigger.
func kindFor(t Trigger) decision.Kind {
	if t == PromptInjection {
		return decision.Abstain
	}
	return decision.Handoff
}

// The labels of the labelled message files (Sample.Expected): what the
// assistant should do with a message alone. A refusal is the label of a
// prompt injection, which the assistant declines with an abstention.
const (
	ExpectAnswer  = "answer"
	ExpectHandoff = "handoff"
	ExpectAbstain = "abstain"
	ExpectRefuse  = "refuse"
)

// labelFor is the label a sample with trigger t must carry.
func labelFor(t Trigger) string {
	if t == PromptInjection {
		return ExpectRefuse
	}
	return ExpectHandoff
}
