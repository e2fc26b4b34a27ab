package inference

import "github.com/hushdesk/hushdesk/inference/policy"

// Reason codes recorded with each decision, besides the hand-off
// triggers of package policy (person_requested, anger, self_harm ...).
const (
	ReasonAnswered      = "answered"
	ReasonNoRelevant    = "no_relevant_passages"
	ReasonLowConfidence = "low_retrieval_confidence"
	ReasonThumbsDown    = "thumbs_down"
	ReasonRepeatedMiss  = "repeated_abstention"
)

// reasons are the explanations a reviewer reads, by reason code.
var reasons = map[string]string{
	ReasonAnswered:       "Relevant help-centre passages were found; the answer is drawn from them and cites them.",
	ReasonNoRelevant:     "Nothing in the knowledge base matched the question, so the assistant did not answer.",
	ReasonLowConfidence:  "The best passages matched too little of the question to answer from them safely.",
	ReasonThumbsDown:     "The customer rated an answer as unhelpful; a person takes over.",
	ReasonRepeatedMiss:   "The assistant could not answer twice in a row; a person takes over.",
	ReasonAwaitingPerson: "A person has taken over this conversation; the assistant does not answer and the message goes to them.",
}

// reasonFor returns the reviewer's sentence for a reason code.
func reasonFor(code string) string {
	if r, ok := reasons[code]; ok {
		return r
	}
	return policy.Reason(policy.Trigger(code))
}
