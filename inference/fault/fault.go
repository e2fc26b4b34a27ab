// Package fault gives errors a kind: whether the caller asked for
// something malformed, absent or forbidden, whether it conflicts with the
// state of things, or whether a part the call needs is unavailable.
//
// Packages define their sentinel errors with New, wrap them with %w as
// usual, and one place at the edge (the web package's error handler, the
// command line's exit status) turns the kind into an answer. An error
// without a kind is Internal: a bug or a failure of the machine, never the
// caller's fault, and its message is not shown to clients.
//
// fault is a leaf: it imports nothing of the project, and every package
// may import it.
package fault

import (
	"context"
	"errors"
	"syscall"
)

// Kind classifies an error by what the caller can do about it.
type Kind uint8

// The kinds of error. The zero Kind is Internal.
const (
	// Internal is a failure of the server: a bug, a disk error.
	Internal Kind = iota
	// Invalid means the request is malformed; the message says how.
	Invalid
	// Unprocessable means the request is well formed but its content is
	// refused (a document that holds personal data, say).
	Unprocessable
	// NotFound means what was named does not exist (or is not the
	// caller's to know about).
	NotFound
	// Conflict means the request contradicts the current state: a
	// hand-off already claimed, a request already completed, a hold.
	Conflict
	// Forbidden means the caller may not do this.
	Forbidden
	// Unauthenticated means the caller did not say who they are, or the
	// credential is not valid.
	Unauthenticated
	// TooLarge means the request is larger than allowed.
	TooLarge
	// Unavailable means a part the call needs is not available now (a
	// store closed or read-only, a full disk, a model down); the call may
	// succeed later.
	Unavailable
	// Canceled means the caller went away before the answer.
	Canceled
)

var kindNames = [...]string{
	Internal: "internal", Invalid: "invalid", Unprocessable: "unprocessable", NotFound: "not_found",
	Conflict: "conflict", Forbidden: "forbidden", Unauthenticated: "unauthenticated",
	TooLarge: "too_large", Unavailable: "unavailable", Canceled: "canceled",
}

// Kinds lists every kind, for tables that must cover them all.
func Kinds() []Kind {
	ks := make([]Kind, len(kindNames))
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

// String names the kind in snake_case, as logs and API error bodies do.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "internal"
}

// Error is an error of a kind. Sentinels made with New are *Error values;
// compare them with errors.Is.
type Error struct {
	kind Kind
	msg  string
}

// New returns a sentinel error of a kind with a message.
func New(kind Kind, msg string) *Error { return &Error{kind: kind, msg: msg} }

// Error returns the message.
func (e *Error) Error() string { return e.msg }

// Kind returns the error's kind.
func (e *Error) Kind() Kind { return e.kind }

// kinded is any error that says its kind, so that a package may define
// an error type of its own (one that carries data) with a kind.
type kinded interface {
	error
	Kind() Kind
}

// KindOf returns the kind of the first error in err's chain that has one.
// Without one, a context's cancellation is Canceled, its deadline
// Unavailable, and anything else Internal.
func KindOf(err error) Kind {
	if err == nil {
		return Internal
	}
	var k kinded
	switch {
	case errors.As(err, &k):
		return k.Kind()
	case errors.Is(err, context.Canceled):
		return Canceled
	case errors.Is(err, context.DeadlineExceeded):
		return Unavailable
	case DiskFull(err):
		return Unavailable // no fault of the code: the server can take no more data until space is freed
	}
	return Internal
}

// DiskFull reports whether err says a disk (or a quota on it) is full.
func DiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// Is reports whether err is of kind k.
func Is(err error, k Kind) bool { return err != nil && KindOf(err) == k }

// Wrap returns err with a kind, keeping its message and chain. It is for
// errors from outside the project (a parser's, the operating system's)
// whose kind is known at the call site.
func Wrap(kind Kind, err error) error {
	if err == nil {
		return nil
	}
	return &wrapped{kind: kind, err: err}
}

type wrapped struct {
	kind Kind
	err  error
}

func (w *wrapped) Error() string { return w.err.Error() }
func (w *wrapped) Unwrap() error { return w.err }
func (w *wrapped) Kind() Kind    { return w.kind }
