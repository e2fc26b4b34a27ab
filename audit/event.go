package audit

import (
	"encoding/hex"
	"time"
)

// Event types written by Hushdesk.
const (
	TypeDecision   = "decision"    // the assistant answered, abstained or handed off
	TypeFeedback   = "feedback"    // a customer rated an answer
	TypeErasure    = "erasure"     // a subject's or conversation's content key was shredded
	TypeExport     = "export"      // someone exported events (chain of custody)
	TypeIngest     = "kb.ingest"   // the knowledge base changed
	TypeRetention  = "retention"   // the retention job ran
	TypeAgentReply = "agent.reply" // a person answered a handed-off conversation
	TypeHandoff    = "handoff"     // a hand-off changed state (claimed, resolved)

	TypeCheckpoint       = "checkpoint"        // a signed checkpoint of the chain was taken
	TypeSubjectExport    = "subject.export"    // everything held about a subject was exported
	TypeRequestOpened    = "request.opened"    // a data-subject request was received
	TypeRequestCompleted = "request.completed" // a data-subject request was answered
	TypeHoldPlaced       = "hold.placed"       // a legal hold was placed
	TypeHoldReleased     = "hold.released"     // a legal hold was released
	TypeTokenCreated     = "token.created"     // an access token was created
	TypeTokenRevoked     = "token.revoked"     // an access token was revoked
)

// administrative reports whether events of this type record an action on
// the store rather than a conversation. They name subjects and
// conversations in the envelope but are kept out of the subject and
// conversation indexes, so that an erasure leaves nothing there.
func administrative(typ string) bool {
	switch typ {
	case TypeErasure, TypeExport, TypeRetention, TypeCheckpoint, TypeSubjectExport,
		TypeRequestOpened, TypeRequestCompleted, TypeHoldPlaced, TypeHoldReleased,
		TypeTokenCreated, TypeTokenRevoked:
		return true
	}
	return false
}

// Source is a knowledge-base passage behind an answer.
type Source struct {
	DocID   string  `json:"doc_id"`
	Version string  `json:"version,omitempty"`
	Chunk   string  `json:"chunk,omitempty"`
	Score   float64 `json:"score"`
}

// Envelope is the part of an event kept in clear. It must never hold
// personal data: conversations and subjects appear only as keyed
// pseudonyms, text only in the encrypted Content.
type Envelope struct {
	Time          time.Time          `json:"time"`
	Type          string             `json:"type"`
	Conversation  string             `json:"conversation,omitempty"`
	Subject       string             `json:"subject,omitempty"`
	Message       string             `json:"message,omitempty"`
	Decision      string             `json:"decision,omitempty"`
	ReasonCode    string             `json:"reason_code,omitempty"`
	Reason        string             `json:"reason,omitempty"`
	Language      string             `json:"language,omitempty"`
	Generator     string             `json:"generator,omitempty"`
	Model         string             `json:"model,omitempty"`
	ModelDigest   string             `json:"model_digest,omitempty"`
	PromptVersion string             `json:"prompt_version,omitempty"`
	Sources       []Source           `json:"sources,omitempty"`
	Thresholds    map[string]float64 `json:"thresholds,omitempty"`
	Scores        map[string]float64 `json:"scores,omitempty"`
	LatencyMS     float64            `json:"latency_ms,omitempty"`
	Redactions    map[string]int     `json:"redactions,omitempty"`
	Outcome       string             `json:"outcome,omitempty"`
	Actor         string             `json:"actor,omitempty"`
	Attrs         map[string]string  `json:"attrs,omitempty"`
}

// Content is the encrypted part of an event: redacted text only.
type Content struct {
	Question string `json:"question,omitempty"`
	Answer   string `json:"answer,omitempty"`
	Text     string `json:"text,omitempty"`
}

// Event is one entry of the log as read back.
type Event struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
	Envelope
	// Content is the decrypted content; nil when the event has none, when
	// it was not asked for, or when its key has been shredded.
	Content  *Content `json:"content,omitempty"`
	Shredded bool     `json:"shredded,omitempty"`

	kid    string
	sealed []byte
}

// HashString renders a chain hash as it appears in exports.
func HashString(h [32]byte) string { return hex.EncodeToString(h[:]) }
