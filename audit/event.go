package audit

import (
	"encoding/hex"
	"time"
)

// Event types written by Hushdesk.
const (
	TypeDecision   = "decision"       // the assistant answered, abstained or handed off
	TypeFeedback   = "feedback"       // a customer rated an answer
	TypeErasure    = "erasure"        // a subject's or conversation's content key was shredded
	TypeExport     = "export"         // someone exported events (chain of custody)
	TypeIngest     = "kb.ingest"      // the knowledge base changed
	TypeRetention  = "retention"      // the retention job ran
	TypeAgentReply = "agent.reply"    // a person answered a handed-off conversation
	TypeHandoff    = "handoff"        // a hand-off changed state (claimed, resolved)
	TypeReveal     = "handoff.reveal" // an agent was shown a value behind a placeholder, for a stated reason

	TypeNote           = "handoff.note"        // an agent wrote an internal note the customer never sees
	TypeAssignment     = "handoff.assigned"    // a hand-off was given to a named agent
	TypeTransfer       = "handoff.transferred" // a hand-off was moved to another team's queue
	TypeHandback       = "handoff.handback"    // an agent handed the conversation back to the assistant
	TypeEmailRequested = "email.requested"     // the customer asked for replies by e-mail (the address only in the content)
	TypeEmailSent      = "email.sent"          // an agent's reply was e-mailed to the customer
	TypeEmailFailed    = "email.failed"        // an agent's reply could not be e-mailed after every retry

	TypeCheckpoint       = "checkpoint"        // a signed checkpoint of the chain was taken
	TypeSubjectExport    = "subject.export"    // everything held about a subject was exported
	TypeRequestOpened    = "request.opened"    // a data-subject request was received
	TypeRequestCompleted = "request.completed" // a data-subject request was answered
	TypeHoldPlaced       = "hold.placed"       // a legal hold was placed
	TypeHoldReleased     = "hold.released"     // a legal hold was released
	TypeTokenCreated     = "token.created"     // an access token was created
	TypeTokenRevoked     = "token.revoked"     // an access token was revoked
	TypeTokenUpdated     = "token.updated"     // an agent's display name or team changed
	TypeRequestExtended  = "request.extended"  // a data-subject request's deadline was extended, with a reason
	TypeCannedSaved      = "canned.saved"      // a canned response was written or changed
	TypeCannedDeleted    = "canned.deleted"    // a canned response was removed
	TypeSettingsChanged  = "settings.changed"  // a setting made in the console changed (the widget's appearance)

	TypeLogin       = "auth.login"        // someone logged in to the console
	TypeLoginFailed = "auth.login_failed" // a log-in failed
	TypeLogout      = "auth.logout"       // someone logged out

	TypeSessionEnded     = "auth.session_ended" // a console session ended without a log-out: the provider ended it, or it reached its maximum
	TypeRoleChanged      = "auth.role_changed"  // a person logged in with another role than the last time (their groups changed)
	TypeApprovalAsked    = "approval.requested" // an officer asked for a second officer's approval (four-eyes)
	TypeApprovalGranted  = "approval.granted"   // a second officer approved; the action follows
	TypeApprovalRejected = "approval.rejected"  // a second officer refused, or the asker withdrew
	TypeVerified         = "audit.verified"     // someone had the log's chain verified, and what it found
	TypeBackup           = "audit.backup"       // someone took a backup of the store
	TypeConfigChanged    = "config.changed"     // the server started with another configuration than the last time
)

// SecurityTypes are the event types of the security trail: who logged in
// or failed to, sessions, tokens and roles, the configuration, exports,
// reveals, approvals, verifications and backups. Their envelopes hold no
// secret. The console lists them for compliance officers and the
// transparency report counts them.
func SecurityTypes() []string {
	return []string{
		TypeLogin, TypeLoginFailed, TypeLogout, TypeSessionEnded, TypeRoleChanged,
		TypeTokenCreated, TypeTokenUpdated, TypeTokenRevoked, TypeConfigChanged, TypeSettingsChanged,
		TypeCannedSaved, TypeCannedDeleted,
		TypeExport, TypeSubjectExport, TypeReveal, TypeErasure, TypeHoldPlaced, TypeHoldReleased,
		TypeApprovalAsked, TypeApprovalGranted, TypeApprovalRejected,
		TypeVerified, TypeCheckpoint, TypeBackup,
	}
}

// administrative reports whether events of this type record an action on
// the store rather than a conversation. They name subjects and
// conversations in the envelope but are kept out of the subject and
// conversation indexes, so that an erasure leaves nothing there.
func administrative(typ string) bool {
	switch typ {
	case TypeErasure, TypeExport, TypeRetention, TypeCheckpoint, TypeSubjectExport,
		TypeRequestOpened, TypeRequestCompleted, TypeHoldPlaced, TypeHoldReleased,
		TypeTokenCreated, TypeTokenRevoked, TypeLogin, TypeLoginFailed, TypeLogout,
		TypeSessionEnded, TypeRoleChanged, TypeApprovalAsked, TypeApprovalGranted, TypeApprovalRejected,
		TypeVerified, TypeBackup, TypeConfigChanged,
		TypeTokenUpdated, TypeRequestExtended, TypeCannedSaved, TypeCannedDeleted, TypeSettingsChanged:
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
	TriageVersion string             `json:"triage_version,omitempty"`
	Sources       []Source           `json:"sources,omitempty"`
	Thresholds    map[string]float64 `json:"thresholds,omitempty"`
	Scores        map[string]float64 `json:"scores,omitempty"`
	LatencyMS     float64            `json:"latency_ms,omitempty"`
	Redactions    map[string]int     `json:"redactions,omitempty"`
	Outcome       string             `json:"outcome,omitempty"`
	Actor         string             `json:"actor,omitempty"`
	Attrs         map[string]string  `json:"attrs,omitempty"`
	// Context lists the earlier messages (their message ids) a decision
	// read its message with: a follow-up's question and topic.
	Context []string `json:"context,omitempty"`
}

// Content is the encrypted part of an event: redacted text, and the
// values behind the placeholders a message added to its conversation
// (kept only here, so that erasing the content erases them).
type Content struct {
	Question string `json:"question,omitempty"`
	Answer   string `json:"answer,omitempty"`
	Text     string `json:"text,omitempty"`
	// Standalone is the question as it was searched: a follow-up read
	// with the turns before it (redacted).
	Standalone string `json:"standalone,omitempty"`
	// Streamed is what the customer was shown while the model streamed,
	// when the answer recorded is another: the model's text replaced for
	// not being grounded, or cut when the customer went away (redacted).
	Streamed string `json:"streamed,omitempty"`
	// Placeholders are the values this message added to the
	// conversation's placeholder mapping.
	Placeholders []Placeholder `json:"placeholders,omitempty"`
	// ReplyTo is the e-mail address a customer gave for the agents'
	// replies: personal data, kept only here and erased with the
	// conversation.
	ReplyTo string `json:"reply_to,omitempty"`
	// Resume is the conversation's capability, kept with ReplyTo so that
	// an e-mailed reply can link back to the conversation; erased with it.
	Resume string `json:"resume,omitempty"`
	// CustomerID is the customer id an officer typed for a request or a
	// hold, kept only here, under the subject's key, so that erasing the
	// subject erases it.
	CustomerID string `json:"customer_id,omitempty"`
}

// empty reports whether there is no content to seal.
// Empty reports whether there is no content to seal.
func (c *Content) Empty() bool { return c.empty() }

func (c *Content) empty() bool {
	return c == nil || (c.Question == "" && c.Answer == "" && c.Text == "" && c.Standalone == "" && c.Streamed == "" &&
		len(c.Placeholders) == 0 && c.ReplyTo == "" && c.Resume == "" && c.CustomerID == "")
}

// Placeholder is one value behind a placeholder of a conversation: the
// customer's own data, held only in encrypted content.
type Placeholder struct {
	Label string `json:"label"`
	Type  string `json:"type"`
	Canon string `json:"canon"`
	Value string `json:"value"`
}

// redactedOnly drops the values behind the placeholders, a reply-to
// address and a customer id from an event's content: exports carry
// redacted text only, the values stay in the store for the conversation
// that needs them.
func (e *Event) redactedOnly() {
	if e.Content == nil || len(e.Content.Placeholders) == 0 && e.Content.ReplyTo == "" && e.Content.Resume == "" && e.Content.CustomerID == "" {
		return
	}
	c := *e.Content
	c.Placeholders, c.ReplyTo, c.Resume, c.CustomerID = nil, "", "", ""
	e.Content = &c
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
