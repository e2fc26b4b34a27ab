package inference

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// Errors for questions that cannot be asked: the caller's fault.
var (
	// ErrEmptyQuestion means the question has no text.
	ErrEmptyQuestion = fault.New(fault.Invalid, "question is empty")
	// ErrQuestionTooLong means the question exceeds the configured limit.
	ErrQuestionTooLong = fault.New(fault.Invalid, "question is too long")
	// ErrInvalidUTF8 means the question is not valid UTF-8 text.
	ErrInvalidUTF8 = fault.New(fault.Invalid, "text is not valid UTF-8")
	// ErrBadConversation means the conversation id is malformed.
	ErrBadConversation = fault.New(fault.Invalid, "conversation_id is malformed")
	// ErrBadSubject means the subject id is malformed.
	ErrBadSubject = fault.New(fault.Invalid, "subject must be 1 to 256 printable characters")
)

// Question is what a customer asks.
type Question struct {
	Text string
	// ConversationID is the conversation capability; empty starts a new
	// conversation.
	ConversationID string
	// Subject is the customer's id when the embedding site passes one.
	Subject string
	// Language is a hint (the widget's setting or the browser's locale):
	// a prior that the question's own language overrules when it is
	// clear.
	Language lang.Tag
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
		return "", fmt.Errorf("%w: %d characters, the limit is %d", ErrQuestionTooLong, n, maxChars)
	}
	if q.ConversationID != "" && !ValidConversationID(q.ConversationID) {
		return "", ErrBadConversation
	}
	if len(q.Subject) > 256 || strings.ContainsFunc(q.Subject, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "", ErrBadSubject
	}
	return text, nil
}

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

// NewMessageID returns a fresh message id.
func NewMessageID() string { return newID("m_", 12) }

// ValidConversationID reports whether id has the form of a conversation
// capability.
func ValidConversationID(id string) bool {
	if len(id) != 24 || !strings.HasPrefix(id, "c_") {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(id[2:])
	return err == nil
}
