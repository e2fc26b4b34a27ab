package inference

import (
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// Generator modes.
const (
	ModeOllama     = "ollama"
	ModeExtractive = "extractive"
)

// Source is a passage the answer draws on, as the customer sees it.
type Source struct {
	DocID string `json:"doc_id"`
	Title string `json:"title"`
	// Heading is the section the passage comes from; empty for the
	// document's lead.
	Heading string `json:"heading,omitempty"`
	Snippet string `json:"snippet"`
	// URL is where the customer can read the whole document, when it is
	// published.
	URL   string  `json:"url,omitempty"`
	Score float64 `json:"score"`
	// Cited is set when the answer cites this source ([n]): a client
	// lists the cited sources, not every passage the answer was given.
	Cited bool `json:"cited"`
}

// GeneratorInfo says what produced an answer.
type GeneratorInfo struct {
	Mode   string `json:"mode"`
	Model  string `json:"model,omitempty"`
	Digest string `json:"digest,omitempty"`
}

// Redaction counts one type of personal data removed from the question.
type Redaction struct {
	Type  string `json:"type"`
	Count int    `json:"count"`
}

// Suggestion is a question the customer may mean, offered with a
// decision to ask back: a client shows Label as a button and, when it is
// tapped, sends Question in the same conversation.
type Suggestion struct {
	Label    string `json:"label"`
	Question string `json:"question"`
}

// Reply is the assistant's response, in the shape of the ask API. It is
// derived from a Decision (see Decision.Reply).
type Reply struct {
	ConversationID string          `json:"conversation_id"`
	MessageID      string          `json:"message_id"`
	Decision       decision.Kind   `json:"decision"`
	ReasonCode     decision.Reason `json:"reason_code"`
	Reason         string          `json:"reason"`
	Answer         string          `json:"answer"`
	Language       lang.Tag        `json:"language"`
	Sources        []Source        `json:"sources"`
	AIGenerated    bool            `json:"ai_generated"`
	Disclosure     string          `json:"disclosure"`
	Generator      GeneratorInfo   `json:"generator"`
	Redactions     []Redaction     `json:"redactions"`
	AuditSeq       uint64          `json:"audit_seq"`
	// Suggestions come with decision clarify: at most four.
	Suggestions []Suggestion `json:"suggestions,omitempty"`
	// Request is the data-subject request the message made ("delete my
	// data"), logged with its reference and legal deadline.
	Request *RequestRef `json:"request,omitempty"`
	// Interrupted is set when the model stopped mid-answer and the
	// answer was completed from the knowledge base instead.
	Interrupted bool `json:"interrupted,omitempty"`
	// Replaced is set when the model's answer was not supported by the
	// sources and an answer quoted from them was shown instead; a
	// streaming client must show the final answer, not the tokens.
	Replaced bool `json:"replaced,omitempty"`
}
