package audit

import (
	"errors"
	"fmt"
	"time"
)

var (
	// ErrLocked means another process holds the audit store open.
	ErrLocked = errors.New("audit store is in use by another process")
	// ErrTampered means the log failed verification.
	ErrTampered = errors.New("audit log failed verification")
	// ErrClosed means the store was closed.
	ErrClosed = errors.New("audit store is closed")
	// ErrShredded means the content's key has been erased.
	ErrShredded = errors.New("content key has been shredded")
	// ErrBadMasterKey means the master key is malformed or does not open
	// this store's keys.
	ErrBadMasterKey = errors.New("master key is invalid for this store")
	// ErrReadOnly means the store was opened read-only and the call needs
	// to write or to use a key.
	ErrReadOnly = errors.New("audit store is open read-only")
	// ErrInvalid means an argument was malformed: an unknown kind, role
	// or regime, or an identifier that is not a pseudonym. The message
	// says which.
	ErrInvalid = errors.New("invalid argument")
	// ErrNoCheckpoint means no checkpoint has been written yet.
	ErrNoCheckpoint = errors.New("no checkpoint has been written")
	// ErrLegalHold means a legal hold blocks an erasure. The error is a
	// *HoldError that carries the hold and its basis.
	ErrLegalHold = errors.New("a legal hold blocks this erasure")
	// ErrNoHold means there is no hold on the target.
	ErrNoHold = errors.New("no legal hold on this target")
	// ErrNoRequest means there is no subject request with that id.
	ErrNoRequest = errors.New("no such subject request")
	// ErrRequestClosed means the request was already completed.
	ErrRequestClosed = errors.New("subject request is already completed")
	// ErrNoToken means no live access token matches.
	ErrNoToken = errors.New("no such access token")
)

// HoldError is the error returned when a legal hold blocks an erasure. It
// matches ErrLegalHold with errors.Is and both HoldError and *HoldError
// with errors.As.
type HoldError struct {
	Hold Hold
}

// Error names the target, the basis and who placed the hold when.
func (e HoldError) Error() string {
	return fmt.Sprintf("legal hold on %s (basis: %s; placed %s by %s)",
		e.Hold.Target, e.Hold.Basis, e.Hold.Placed.UTC().Format(time.RFC3339), e.Hold.Actor)
}

// Unwrap returns ErrLegalHold.
func (e HoldError) Unwrap() error { return ErrLegalHold }

// As lets errors.As fill a HoldError value as well as a *HoldError.
func (e HoldError) As(target any) bool {
	if t, ok := target.(*HoldError); ok {
		*t = e
		return true
	}
	return false
}

func invalid(format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), ErrInvalid)
}
