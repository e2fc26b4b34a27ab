package audit

import (
	"errors"
	"fmt"
	"testing"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// TestErrorKinds checks that every sentinel, wrapped as the package wraps
// it, says its kind and still matches itself with errors.Is.
func TestErrorKinds(t *testing.T) {
	tests := []struct {
		err  error
		kind fault.Kind
	}{
		{ErrLocked, fault.Unavailable},
		{ErrTampered, fault.Internal},
		{ErrClosed, fault.Unavailable},
		{ErrShredded, fault.NotFound},
		{ErrBadMasterKey, fault.Internal},
		{ErrReadOnly, fault.Unavailable},
		{ErrInvalid, fault.Invalid},
		{ErrNoCheckpoint, fault.NotFound},
		{ErrLegalHold, fault.Conflict},
		{ErrNoHold, fault.NotFound},
		{ErrNoRequest, fault.NotFound},
		{ErrRequestClosed, fault.Conflict},
		{ErrNoToken, fault.NotFound},
		{ErrFormat, fault.Invalid},
		{ErrManifest, fault.Unprocessable},
		{ErrNoMessage, fault.NotFound},
		{ErrNoHandoff, fault.NotFound},
		{ErrHandoffTaken, fault.Conflict},
	}
	for _, tt := range tests {
		t.Run(tt.err.Error(), func(t *testing.T) {
			wrapped := fmt.Errorf("context: %w", tt.err)
			if got := fault.KindOf(wrapped); got != tt.kind {
				t.Errorf("kind = %v, want %v", got, tt.kind)
			}
			if !errors.Is(wrapped, tt.err) {
				t.Error("errors.Is no longer matches")
			}
		})
	}
	if k := fault.KindOf(invalid("bad %s", "thing")); k != fault.Invalid {
		t.Errorf("invalid() = %v", k)
	}
	held := fmt.Errorf("erase: %w", &HoldError{Hold: Hold{Target: "s_x"}})
	if k := fault.KindOf(held); k != fault.Conflict || !errors.Is(held, ErrLegalHold) {
		t.Errorf("a hold error is %v, matches ErrLegalHold %v", k, errors.Is(held, ErrLegalHold))
	}
}
