package audit

import (
	"log/slog"
	"time"
)

// Options configures a Store. The zero value is usable; every field's
// default is given in its comment.
type Options struct {
	// MasterKey, 64 hex digits, wraps every other key and keys the
	// chain. When empty the key is read from MasterKeyFile, or else from
	// master.key in the data directory, created there (mode 0600) on
	// first use. Whoever holds the data directory and the master key can
	// rewrite the log unseen (see docs/threat-model.md): in production,
	// keep the key outside the data directory.
	MasterKey string
	// MasterKeyFile names a file holding the master key (64 hex digits),
	// meant to live outside the data directory: on a secrets mount, say.
	// A file readable by group or others is refused. Giving both
	// MasterKey and MasterKeyFile is an error. Default: none.
	MasterKeyFile string
	// LockTimeout is how long Open waits for another process to release
	// the file before failing with ErrLocked. Default 100ms.
	LockTimeout time.Duration
	// MaxBatch caps how many events share one transaction. Default 4096.
	MaxBatch int
	// ReadOnly opens the store for reading and verification only: it
	// creates and writes no file, so a read-only copy of the evidence can
	// be verified. Verification still needs the master key.
	ReadOnly bool
	// Logger receives operational messages. Default slog.Default().
	Logger *slog.Logger
	// Now is the clock. Default time.Now.
	Now func() time.Time

	// CheckpointEvery is how many events may follow the last signed
	// checkpoint before the writer signs another. Default 1000; negative
	// turns the count trigger off.
	CheckpointEvery int
	// CheckpointInterval is the longest time between signed checkpoints
	// while events arrive. Default 10 minutes; negative turns the timer
	// off.
	CheckpointInterval time.Duration
	// Anchor, when set, receives every checkpoint once it is on disk,
	// to keep it outside the data directory (FileAnchor appends to a
	// file on another mount). Failures are logged and retried in the
	// background; appends never wait for the anchor. Default: none.
	Anchor Anchor
	// AnchorRetry is the first wait before a failed anchor is tried
	// again; it doubles on each failure up to a minute. Default 1s.
	AnchorRetry time.Duration
	// ContentRetention is how long content stays readable: content keys
	// older than this are shredded by the retention job. Default 90
	// days; negative keeps content until it is erased. Envelopes are
	// never deleted: they are the chain.
	ContentRetention time.Duration
	// KeyRotation is how long one content key seals new content before
	// a fresh one is made, so that retention shreds old content without
	// touching recent content of the same subject. Default 24 hours, and
	// never more than ContentRetention. Content is therefore kept at
	// least ContentRetention minus KeyRotation and at most
	// ContentRetention.
	KeyRotation time.Duration
	// RetentionInterval is how often the background retention job runs.
	// Default 1 hour; negative turns the job off (RunRetention still
	// works).
	RetentionInterval time.Duration
	// Statement is the information given to data subjects with every
	// subject export. Empty fields take the defaults of DefaultStatement.
	Statement Statement
	// MinFreeBytes is the free space the data directory's disk must keep
	// for Ready to report the store ready: below it, new decisions could
	// not be made durable. Default 64 MiB.
	MinFreeBytes uint64
}

func (o Options) withDefaults() Options {
	if o.LockTimeout <= 0 {
		o.LockTimeout = 100 * time.Millisecond
	}
	if o.MaxBatch <= 0 {
		o.MaxBatch = 4096
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.CheckpointEvery == 0 {
		o.CheckpointEvery = 1000
	}
	if o.CheckpointInterval == 0 {
		o.CheckpointInterval = 10 * time.Minute
	}
	if o.AnchorRetry <= 0 {
		o.AnchorRetry = time.Second
	}
	if o.ContentRetention == 0 {
		o.ContentRetention = 90 * 24 * time.Hour
	}
	if o.KeyRotation <= 0 {
		o.KeyRotation = 24 * time.Hour
	}
	if o.ContentRetention > 0 && o.KeyRotation > o.ContentRetention {
		o.KeyRotation = o.ContentRetention
	}
	if o.RetentionInterval == 0 {
		o.RetentionInterval = time.Hour
	}
	o.Statement = o.Statement.withDefaults(o.ContentRetention)
	if o.MinFreeBytes == 0 {
		o.MinFreeBytes = 64 << 20
	}
	return o
}
