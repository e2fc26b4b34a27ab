package fault_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"github.com/hushdesk/hushdesk/inference/fault"
)

var errGone = fault.New(fault.NotFound, "no such thing")

type holdError struct{ basis string }

func (e holdError) Error() string  { return "held: " + e.basis }
func (holdError) Kind() fault.Kind { return fault.Conflict }

func TestKindOf(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want fault.Kind
	}{
		{"nil", nil, fault.Internal},
		{"plain", errors.New("disk on fire"), fault.Internal},
		{"sentinel", errGone, fault.NotFound},
		{"wrapped sentinel", fmt.Errorf("read hold: %w", errGone), fault.NotFound},
		{"joined", errors.Join(errors.New("x"), errGone), fault.NotFound},
		{"own type", fmt.Errorf("erase: %w", holdError{"case 1"}), fault.Conflict},
		{"wrap", fault.Wrap(fault.Invalid, fs.ErrInvalid), fault.Invalid},
		{"outermost kind wins", fault.Wrap(fault.Unavailable, errGone), fault.Unavailable},
		{"canceled", fmt.Errorf("stream: %w", context.Canceled), fault.Canceled},
		{"deadline", context.DeadlineExceeded, fault.Unavailable},
		{"disk full", fmt.Errorf("append: %w", &fs.PathError{Op: "write", Path: "audit.db", Err: syscall.ENOSPC}), fault.Unavailable},
		{"quota", fmt.Errorf("append: %w", syscall.EDQUOT), fault.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fault.KindOf(tt.err); got != tt.want {
				t.Errorf("KindOf(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

func TestWrapKeepsChain(t *testing.T) {
	err := fault.Wrap(fault.Invalid, fmt.Errorf("parse: %w", fs.ErrInvalid))
	if !errors.Is(err, fs.ErrInvalid) {
		t.Fatal("Wrap lost the chain")
	}
	if err.Error() != "parse: invalid argument" {
		t.Fatalf("message %q", err.Error())
	}
	if fault.Wrap(fault.Invalid, nil) != nil {
		t.Fatal("Wrap(nil) is not nil")
	}
}

func TestKindString(t *testing.T) {
	if fault.NotFound.String() != "not_found" || fault.Kind(200).String() != "internal" {
		t.Fatal("kind names")
	}
}
