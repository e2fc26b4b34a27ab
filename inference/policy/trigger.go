package policy

// Trigger is the reason code of a hand-off (or, for PromptInjection, a
// refusal). The codes are stable: they are recorded in the decision log.
type Trigger string

// The triggers this package detects. RepeatedFailure is conversation state
// (two abstentions in a row, or a thumbs-down) that the caller tracks; it
// is listed so that its reason and customer sentences live with the others.
const (
	PersonRequested    Trigger = "person_requested"
	Anger              Trigger = "anger"
	Complaint          Trigger = "complaint"
	LegalThreat        Trigger = "legal_threat"
	SelfHarm           Trigger = "self_harm"
	Bereavement        Trigger = "bereavement"
	FinancialHardship  Trigger = "financial_hardship"
	Health             Trigger = "health"
	DataAccessRequest  Trigger = "data_access_request"
	DataErasureRequest Trigger = "data_erasure_request"
	PromptInjection    Trigger = "prompt_injection"
	RepeatedFailure    Trigger = "repeated_failure"
)

// Triggers returns the triggers Classify can report, most severe first;
// equal scores are ordered this way.
func Triggers() []Trigger {
	return []Trigger{
		SelfHarm, PromptInjection, LegalThreat, PersonRequested, DataErasureRequest, DataAccessRequest,
		Bereavement, Health, FinancialHardship, Anger, Complaint,
	}
}

// Known reports whether t is a trigger of this package, RepeatedFailure
// included.
func (t Trigger) Known() bool {
	_, ok := reasons[t]
	return ok
}

// Decision is what the assistant does on the trigger: "refuse" for a
// prompt injection, "handoff" for every other trigger.
func (t Trigger) Decision() string {
	if t == PromptInjection {
		return DecisionRefuse
	}
	return DecisionHandoff
}

// Decisions, as in the labelled set and the decision log.
const (
	DecisionAnswer  = "answer"
	DecisionHandoff = "handoff"
	DecisionAbstain = "abstain"
	DecisionRefuse  = "refuse"
)

// reasons are the sentences a reviewer reads, by trigger.
var reasons = map[Trigger]string{
	PersonRequested:    "The customer asked to talk to a person; a person must take over.",
	Anger:              "The customer is angry or very upset; a person should take over rather than an automated reply.",
	Complaint:          "The customer is making a complaint, which a person must record and handle.",
	LegalThreat:        "The customer mentions legal action, a lawyer or a consumer authority; a person must handle it.",
	SelfHarm:           "The message suggests the customer may harm themselves; a person must respond at once, pointing to urgent help.",
	Bereavement:        "The customer mentions a death in the family; a person should handle the case with care.",
	FinancialHardship:  "The customer describes financial hardship; a person should consider the options available.",
	Health:             "The customer mentions illness, disability or an injury; a person should handle the case with care.",
	DataAccessRequest:  "The customer asks for a copy of, or access to, their personal data; the privacy team handles it within the legal deadline.",
	DataErasureRequest: "The customer asks for their account or personal data to be deleted; the privacy team handles it within the legal deadline.",
	PromptInjection:    "The message tries to give the assistant instructions or change its role; it was refused and not passed to the model.",
	RepeatedFailure:    "The assistant failed to help twice in a row, or the customer rated an answer down; a person should take over.",
}

// Reason returns the sentence a reviewer reads for a trigger, in English.
func Reason(t Trigger) string {
	if r, ok := reasons[t]; ok {
		return r
	}
	return "A person must take over this conversation."
}
