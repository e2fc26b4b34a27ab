package audit

import (
	"fmt"
	"time"
)

// Statement is what a data subject is told along with their data (GDPR
// Art. 15(1) and 13): why it is processed, how long it is kept, who
// receives it, and the logic of the automated decisions taken about them.
// The operator fills it in Options; empty fields take the defaults.
type Statement struct {
	Controller         string   `json:"controller,omitempty"`
	Contact            string   `json:"contact,omitempty"`
	Purposes           []string `json:"purposes"`
	LegalBasis         string   `json:"legal_basis"`
	Retention          string   `json:"retention"`
	Recipients         []string `json:"recipients"`
	AutomatedDecisions string   `json:"automated_decisions"`
	Rights             string   `json:"rights"`
}

// DefaultStatement describes Hushdesk as it ships, with content kept for
// the given period (negative: until erased).
func DefaultStatement(retention time.Duration) Statement {
	kept := "until you ask for its erasure"
	if retention > 0 {
		kept = fmt.Sprintf("for at most %d days", int(retention.Hours()/24))
	}
	return Statement{
		Purposes: []string{
			"answering your support questions from the company's own help articles",
			"handing your conversation to a person when a machine should not decide",
			"keeping a tamper-evident record of each automated decision, so that it can be checked and explained",
		},
		LegalBasis: "performance of the service you asked for, and the company's legal obligation to be accountable for automated decisions",
		Retention: "Personal data is removed from the text of your conversations before it is stored. " +
			"That text is kept encrypted " + kept + ", after which its key is destroyed and it can no longer be read. " +
			"The record of what was decided (time, decision, reason, model, sources), which holds no text and identifies you only by a pseudonym, is kept as long as the company must be able to account for its decisions.",
		Recipients: []string{
			"no one outside the company: the language model runs on the company's own servers",
			"the company's support agents, for conversations handed to them",
			"the company's compliance officers, and supervisory authorities on request",
		},
		AutomatedDecisions: "An AI assistant answers your questions. For each question it searches the company's help articles. " +
			"If you ask for a person, or the question is sensitive, legal or beyond the articles, it hands the conversation to a human agent. " +
			"If no article is relevant enough, it says it cannot answer rather than guess. Otherwise it answers using only the articles it found, and cites them. " +
			"For each answer the decision, its reason, the model and version, and the articles used are recorded; they are listed with each event below. " +
			"You can always ask to talk to a person instead.",
		Rights: "You may ask for access to and a copy of your data, its correction or erasure, and object to automated decisions; " +
			"you may complain to your data protection authority.",
	}
}

// WithDefaults fills the empty fields with DefaultStatement's.
func (st Statement) WithDefaults(retention time.Duration) Statement {
	return st.withDefaults(retention)
}

func (st Statement) withDefaults(retention time.Duration) Statement {
	d := DefaultStatement(retention)
	if len(st.Purposes) == 0 {
		st.Purposes = d.Purposes
	}
	if st.LegalBasis == "" {
		st.LegalBasis = d.LegalBasis
	}
	if st.Retention == "" {
		st.Retention = d.Retention
	}
	if len(st.Recipients) == 0 {
		st.Recipients = d.Recipients
	}
	if st.AutomatedDecisions == "" {
		st.AutomatedDecisions = d.AutomatedDecisions
	}
	if st.Rights == "" {
		st.Rights = d.Rights
	}
	return st
}
