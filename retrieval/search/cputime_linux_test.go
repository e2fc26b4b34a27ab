//go:build linux

package search

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU is the CPU time the calling OS thread has used (the caller
// locks its goroutine to the thread), so that a benchmark on a busy
// machine can tell its own work from waiting for a core. It reads the
// thread's CPU clock, which counts in nanoseconds (getrusage counts in
// scheduler ticks, too coarse for one search).
func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}
