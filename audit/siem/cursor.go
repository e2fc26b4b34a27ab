package siem

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

type cursorFile struct {
	Seq uint64 `json:"delivered_seq"`
}

// readCursor reads a cursor file; a missing one is the start of the log.
func readCursor(path string) (uint64, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("siem cursor: %w", err)
	}
	var c cursorFile
	if err := json.Unmarshal(b, &c); err != nil {
		return 0, fmt.Errorf("siem cursor %s: %w", path, err)
	}
	return c.Seq, nil
}

// writeCursor replaces the cursor file durably: a new file, synced, then
// renamed over the old one, and the directory synced.
func writeCursor(path string, seq uint64) error {
	b, _ := json.Marshal(cursorFile{Seq: seq})
	tmp, err := os.CreateTemp(filepath.Dir(path), ".siem-cursor-*")
	if err != nil {
		return fmt.Errorf("siem cursor: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("siem cursor: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("siem cursor: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("siem cursor: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("siem cursor: %w", err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
