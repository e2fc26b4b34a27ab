//go:build !unix

package main

import (
	"fmt"
	"os"
)

// lockDataDir creates the data directory. On this platform the audit
// store's own file lock is what keeps a second process out.
func lockDataDir(dir string) (*os.File, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	return nil, nil
}
