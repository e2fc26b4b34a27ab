package inference

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Errors for questions that cannot be asked. The web layer answers them
// with 400 and the message.
var (
	// ErrEmptyQuestion means the question has no text.
	ErrEmptyQuestion = errors.New("question is empty")
	// ErrQuestionTooLong means the question exceeds the configured limit.
	ErrQuestionTooLong = errors.New("question is too long")
	// ErrInvalidUTF8 means the question is not valid UTF-8 text.
	ErrInvalidUTF8 = errors.New("question is not valid UTF-8")
	// ErrBadConversation means the conversation id is malformed.
	ErrBadConversation = errors.New("conversation_id is malformed")
	// ErrBadSubject means the subject id is malformed.
	ErrBadSubject = errors.New("subject must be 1 to 256 printable characters")
)

// IsBadInput reports whether err is the caller's fault (an invalid
// question) rather than the server's.
func IsBadInput(err error) bool {
	return errors.Is(err, ErrEmptyQuestion) || errors.Is(err, ErrQuestionTooLong) ||
		errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrBadConversation) || errors.Is(err, ErrBadSubject) ||
		errors.Is(err, ErrBadFeedback)
}

// Question is what a customer asks.
type Question struct {
	Text string
	// ConversationID is the conversation capability; empty starts a new
	// conversation.
	ConversationID string
	// Subject is the customer's id when the embedding site passes one.
	Subject string
	// Language is a BCP-47 hint; detected from the text when empty.
	Language string
}

// Decisions the assistant takes.
const (
	DecisionAnswer  = "answer"
	DecisionAbstain = "abstain"
	DecisionHandoff = "handoff"
)

// Generator modes.
const (
	ModeOllama     = "ollama"
	ModeExtractive = "extractive"
)

// Source is a passage the answer draws on, as the customer sees it.
type Source struct {
	DocID   string `json:"doc_id"`
	Title   string `json:"title"`
	Snippet string `json:"snippet"`
	// URL is where the customer can read the whole document, when it is
	// published.
	URL   string  `json:"url,omitempty"`
	Score float64 `json:"score"`
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

// Reply is the assistant's response, in the shape of the ask API.
type Reply struct {
	ConversationID string        `json:"conversation_id"`
	MessageID      string        `json:"message_id"`
	Decision       string        `json:"decision"`
	ReasonCode     string        `json:"reason_code"`
	Reason         string        `json:"reason"`
	Answer         string        `json:"answer"`
	Language       string        `json:"language"`
	Sources        []Source      `json:"sources"`
	AIGenerated    bool          `json:"ai_generated"`
	Disclosure     string        `json:"disclosure"`
	Generator      GeneratorInfo `json:"generator"`
	Redactions     []Redaction   `json:"redactions"`
	AuditSeq       uint64        `json:"audit_seq"`
	// Interrupted is set when the model stopped mid-answer and the
	// answer was completed from the knowledge base instead.
	Interrupted bool `json:"interrupted,omitempty"`
	// Replaced is set when the model's answer was not supported by the
	// sources and an answer quoted from them was shown instead; a
	// streaming client must show the final answer, not the tokens.
	Replaced bool `json:"replaced,omitempty"`
}

// validate checks a question and returns its trimmed text.
func validate(q Question, maxChars int) (string, error) {
	if !utf8.ValidString(q.Text) || !utf8.ValidString(q.ConversationID) || !utf8.ValidString(q.Subject) {
		return "", ErrInvalidUTF8
	}
	text := strings.TrimSpace(q.Text)
	if text == "" {
		return "", ErrEmptyQuestion
	}
	if n := utf8.RuneCountInString(text); n > maxChars {
		return "", &tooLongError{n: n, max: maxChars}
	}
	if q.ConversationID != "" && !ValidConversationID(q.ConversationID) {
		return "", ErrBadConversation
	}
	if len(q.Subject) > 256 || strings.ContainsFunc(q.Subject, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "", ErrBadSubject
	}
	return text, nil
}

type tooLongError struct{ n, max int }

func (e *tooLongError) Error() string {
	return fmt.Sprintf("question is too long: %d characters, the limit is %d", e.n, e.max)
}

func (e *tooLongError) Unwrap() error { return ErrQuestionTooLong }

// newID returns prefix followed by n random bytes in URL-safe base64.
func newID(prefix string, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// NewConversationID returns a fresh conversation capability: 128 random
// bits.
func NewConversationID() string { return newID("c_", 16) }

func newMessageID() string { return newID("m_", 12) }

// ValidConversationID reports whether id has the form of a conversation
// capability.
func ValidConversationID(id string) bool {
	if len(id) != 24 || !strings.HasPrefix(id, "c_") {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(id[2:])
	return err == nil
}
