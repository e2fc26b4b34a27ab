package audit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// Manifest travels with an export file: it names the file by its SHA-256,
// says what was selected, and carries a checkpoint signed after the export
// was recorded, so a verifier can tie the file to the log.
type Manifest struct {
	SHA256     string      `json:"sha256"`
	Filter     Filter      `json:"filter"`
	FilterText string      `json:"filter_text"`
	Events     int         `json:"events"`
	Format     string      `json:"format"`
	Content    bool        `json:"content"`
	Created    time.Time   `json:"created"`
	Checkpoint *Checkpoint `json:"checkpoint,omitempty"` // covers AuditSeq
	AuditSeq   uint64      `json:"audit_seq"`            // the export's own event
	// Fingerprint is the store's signing key's (SHA-256 of the public
	// key, hex): pin it, and verify later checkpoints against it.
	Fingerprint string `json:"fingerprint"`
}

// ErrManifest means an export file does not match its manifest or the
// log's record of the export.
var ErrManifest = fault.New(fault.Unprocessable, "export does not match its manifest")

// CheckManifest checks an export file against its manifest and the log:
// the file's SHA-256 is the manifest's, the log records that export at
// AuditSeq with that hash, and the log verifies against the manifest's
// checkpoint, which covers AuditSeq. A mismatch is an error matching
// ErrManifest; a log that fails verification comes back as the result.
func (s *Store) CheckManifest(ctx context.Context, m Manifest, file io.Reader) (VerifyResult, error) {
	h := sha256.New()
	if _, err := io.Copy(h, file); err != nil {
		return VerifyResult{}, fmt.Errorf("read export: %w", err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != m.SHA256 {
		return VerifyResult{}, fmt.Errorf("file has SHA-256 %s, manifest says %s: %w", got, m.SHA256, ErrManifest)
	}
	if m.Checkpoint == nil || m.Checkpoint.Seq < m.AuditSeq {
		return VerifyResult{}, fmt.Errorf("manifest has no checkpoint covering event %d: %w", m.AuditSeq, ErrManifest)
	}
	ev, err := s.event(m.AuditSeq)
	if err != nil {
		return VerifyResult{}, fmt.Errorf("read export event %d: %w", m.AuditSeq, err)
	}
	if ev.Type != TypeExport || ev.Attrs["sha256"] != m.SHA256 {
		return VerifyResult{}, fmt.Errorf("event %d does not record this export: %w", m.AuditSeq, ErrManifest)
	}
	return s.VerifyCheckpoint(ctx, *m.Checkpoint)
}
