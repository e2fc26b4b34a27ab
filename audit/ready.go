package audit

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// ErrDiskFull means the data directory's disk has less free space than
// Options.MinFreeBytes: decisions could not be made durable.
var ErrDiskFull = fault.New(fault.Unavailable, "the audit store's disk is full")

// Ready reports whether the store takes writes: it is open, not
// read-only, its writer is running, and its disk has room. A load
// balancer's readiness check asks it.
func (s *Store) Ready(ctx context.Context) error {
	s.mu.RLock()
	closed := s.closed
	s.mu.RUnlock()
	switch {
	case closed:
		return ErrClosed
	case s.opts.ReadOnly:
		return ErrReadOnly
	}
	select {
	case <-s.done:
		return fmt.Errorf("the audit writer has stopped: %w", ErrClosed)
	default:
	}
	free, err := freeBytes(filepath.Dir(s.db.Path()))
	if err != nil {
		return fmt.Errorf("read free space: %w", err)
	}
	if free < s.opts.MinFreeBytes {
		return fmt.Errorf("%w: %d bytes free, %d needed", ErrDiskFull, free, s.opts.MinFreeBytes)
	}
	return nil
}
