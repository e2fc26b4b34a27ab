package audit

import (
	"fmt"

	"github.com/hushdesk/hushdesk/inference/fault"
)

var (
	// ErrLocked means another process holds the audit store open.
	ErrLocked = fault.New(fault.Unavailable, "audit store is in use by another process")
	// ErrTampered means the log failed verification.
	ErrTampered = fault.New(fault.Internal, "audit log failed verification")
	// ErrClosed means the store was closed.
	ErrClosed = fault.New(fault.Unavailable, "audit store is closed")
	// ErrShredded means the content's key has been erased.
	ErrShredded = fault.New(fault.NotFound, "content key has been shredded")
	// ErrBadMasterKey means the master key is malformed or does not open
	// this store's keys.
	ErrBadMasterKey = fault.New(fault.Internal, "master key is invalid for this store")
	// ErrNoMasterKey means the store was opened without its master key
	// (read-only, with none given and none in the data directory), and
	// the call needs it: verifying the keyed chain does.
	ErrNoMasterKey = fault.New(fault.Unavailable, "the master key is needed to verify the keyed audit log")
	// ErrSigningKey means a store that has events has no signing key, or
	// one its master key does not open: it was removed or replaced.
	ErrSigningKey = fault.New(fault.Internal, "the audit store's signing key is missing or not its own")
	// ErrReadOnly means the store was opened read-only and the call needs
	// to write or to use a key.
	ErrReadOnly = fault.New(fault.Unavailable, "audit store is open read-only")
	// ErrInvalid means an argument was malformed: an unknown kind, role
	// or regime, or an identifier that is not a pseudonym. The message
	// says which.
	ErrInvalid = fault.New(fault.Invalid, "invalid argument")
	// ErrNoCheckpoint means no checkpoint has been written yet.
	ErrNoCheckpoint = fault.New(fault.NotFound, "no checkpoint has been written")
	// ErrLegalHold means a legal hold blocks an erasure. The error is a
	// *HoldError that carries the hold and its basis for compliance
	// officers; its message says nothing of either.
	ErrLegalHold = fault.New(fault.Conflict, "a legal hold blocks this erasure")
	// ErrNoHold means there is no hold on the target.
	ErrNoHold = fault.New(fault.NotFound, "no legal hold on this target")
	// ErrNoRequest means there is no subject request with that id.
	ErrNoRequest = fault.New(fault.NotFound, "no such subject request")
	// ErrRequestClosed means the request was already completed.
	ErrRequestClosed = fault.New(fault.Conflict, "subject request is already completed")
	// ErrNoToken means no live access token matches.
	ErrNoToken = fault.New(fault.NotFound, "no such access token")
)

// HoldError is the error returned when a legal hold blocks an erasure. It
// matches ErrLegalHold with errors.Is and both HoldError and *HoldError
// with errors.As.
//
// Its message is the same for every hold, since it may reach the
// customer who asked for the erasure. Hold carries the target, who placed
// the hold when, and its basis (which can name a case and the people in
// it): show it to compliance officers only.
type HoldError struct {
	Hold Hold
}

// Error says that a hold blocks the erasure, and nothing of the hold.
func (e HoldError) Error() string { return ErrLegalHold.Error() }

// Kind is fault.Conflict: the erasure contradicts a standing hold.
func (e HoldError) Kind() fault.Kind { return fault.Conflict }

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
