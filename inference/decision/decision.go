// Package decision names what the assistant decides about a customer's
// message and why: the kinds of decision and the reason codes recorded in
// the decision log, shown to reviewers and counted in reports.
//
// The codes are stable: they are written to the audit log and read by
// compliance officers' tools. decision is a leaf: it imports nothing of the
// project, and every package may import it. The sentences that explain a
// reason to a reviewer live in package catalog, under the reason's Key.
package decision

// Kind is what the assistant does with a message.
type Kind string

// The kinds of decision, as the ask API and the decision log give them.
const (
	// Answer: the assistant answers (from the knowledge base, or a
	// courtesy reply to small talk).
	Answer Kind = "answer"
	// Abstain: the assistant does not know, says so, and offers a person.
	Abstain Kind = "abstain"
	// Handoff: a person takes over the conversation.
	Handoff Kind = "handoff"
	// Clarify: the message is too vague to answer; the assistant asks
	// what the customer means and suggests questions.
	Clarify Kind = "clarify"
)

// Kinds returns every kind of decision.
func Kinds() []Kind { return []Kind{Answer, Abstain, Handoff, Clarify} }

// Reason is the reason code of a decision, for machines (reason_code in
// the API and the log).
type Reason string

// Reasons for answering and abstaining.
const (
	Answered      Reason = "answered"
	NoRelevant    Reason = "no_relevant_passages"
	LowConfidence Reason = "low_retrieval_confidence"
	// Smalltalk is a courtesy turn: a greeting, thanks, a goodbye, an
	// acknowledgement. It is never a failure and never hands off.
	Smalltalk Reason = "smalltalk"
	// OfferDeclined: the customer said no to the assistant's offer of a
	// person, or to more help after an answer ("no thanks, I'll look it
	// up"); the conversation goes on.
	OfferDeclined Reason = "offer_declined"
	// Vague: the message is too vague to answer (decision clarify).
	Vague Reason = "vague"
	// Ambiguous: two different topics fit the message equally (decision
	// clarify).
	Ambiguous Reason = "ambiguous"
	// SearchFailed: the search could not be run on the message (it is
	// malformed for search); the assistant abstains.
	SearchFailed Reason = "search_failed"
	// Tentative: the knowledge base holds something near the question,
	// but retrieval is not sure it answers it; the assistant gives the
	// closest part of the help centre and says it is not sure (decision
	// answer). It abstains only when nothing comes near.
	Tentative Reason = "tentative"
)

// Reasons for a person to take over, besides the triggers below.
const (
	ThumbsDown         Reason = "thumbs_down"
	RepeatedAbstention Reason = "repeated_abstention"
	// AwaitingPerson: a person has the conversation; the assistant stays
	// out of it and the message goes to them.
	AwaitingPerson Reason = "awaiting_person"
	// OfferAccepted: the customer said yes to the assistant's offer of a
	// person.
	OfferAccepted Reason = "offer_accepted"
	// HandedBack: the person who had the conversation finished and the
	// assistant took it back, saying so.
	HandedBack Reason = "handed_back"
)

// The triggers: what in a message makes a person take over (or, for a
// prompt injection, makes the assistant decline).
const (
	PersonRequested    Reason = "person_requested"
	Anger              Reason = "anger"
	Complaint          Reason = "complaint"
	LegalThreat        Reason = "legal_threat"
	SelfHarm           Reason = "self_harm"
	Bereavement        Reason = "bereavement"
	FinancialHardship  Reason = "financial_hardship"
	Health             Reason = "health"
	DataAccessRequest  Reason = "data_access_request"
	DataErasureRequest Reason = "data_erasure_request"
	PromptInjection    Reason = "prompt_injection"
	// RepeatedFailure is conversation state (the assistant failed twice
	// in a row), listed with the triggers because a customer sentence
	// goes with it.
	RepeatedFailure Reason = "repeated_failure"
)

var reasons = []Reason{
	Answered, NoRelevant, LowConfidence, Smalltalk, OfferDeclined, Vague, Ambiguous, SearchFailed, Tentative,
	ThumbsDown, RepeatedAbstention, AwaitingPerson, OfferAccepted, HandedBack,
	PersonRequested, Anger, Complaint, LegalThreat, SelfHarm, Bereavement, FinancialHardship, Health,
	DataAccessRequest, DataErasureRequest, PromptInjection, RepeatedFailure,
}

// Reasons returns every reason code.
func Reasons() []Reason { return append([]Reason(nil), reasons...) }

// Known reports whether r is one of the reason codes.
func (r Reason) Known() bool {
	for _, k := range reasons {
		if k == r {
			return true
		}
	}
	return false
}

// Failure reports whether a decision for this reason counts against the
// assistant in reports: it could not serve the customer itself. Small
// talk, a declined offer and asking back are not failures.
func (r Reason) Failure() bool {
	switch r {
	case NoRelevant, LowConfidence, SearchFailed, ThumbsDown, RepeatedAbstention, RepeatedFailure:
		return true
	}
	return false
}
