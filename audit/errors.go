package audit

import "errors"

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
)
