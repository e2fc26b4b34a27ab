package pgstore

import (
	"log/slog"
	"time"

	"github.com/hushdesk/hushdesk/audit"
)

// Options configures a Store. The zero value is usable; every field's
// default is given in its comment. The fields shared with audit.Options
// mean the same.
type Options struct {
	// MasterKey, MasterKeyFile and DataDir say where the master key is,
	// as for the embedded store: MasterKey (64 hex digits), else the file
	// MasterKeyFile names, else master.key in DataDir (never created
	// here: every replica must hold the same key). Default DataDir
	// "./data".
	MasterKey     string
	MasterKeyFile string
	DataDir       string
	// KEKFile names a file of key-encryption keys, one a line:
	// "VERSION HEX" (64 hex digits), readable by its owner only. KEKs
	// gives the same as "VERSION:HEX,VERSION:HEX" (HUSHDESK_KEKS). New
	// content keys are wrapped by the highest version. With neither,
	// content keys are wrapped by version 0, the key the embedded store
	// derives from the master key, which cannot be destroyed apart from
	// the master key: rotate to a KEK file to complete shredding.
	KEKFile string
	KEKs    string
	// KEKGrace is how long an old KEK version is kept after a rotation
	// re-wrapped every key, before DestroyRetiredKEKs removes it.
	// Default 7 days.
	KEKGrace time.Duration
	// MaxConns bounds the connection pool. Default 16.
	MaxConns int32
	// MaxBatch caps how many events share one transaction. Default 4096.
	MaxBatch int
	// ReadOnly opens the store for reading and verification: no
	// migrations, no writer, no jobs.
	ReadOnly bool
	// CheckpointEvery, CheckpointInterval, ContentRetention, KeyRotation
	// and RetentionInterval are as in audit.Options (defaults 1000
	// events, 10 minutes, 90 days, 24 hours, 1 hour). The periodic jobs
	// run on one replica at a time.
	CheckpointEvery    int
	CheckpointInterval time.Duration
	ContentRetention   time.Duration
	KeyRotation        time.Duration
	RetentionInterval  time.Duration
	// CommitRetry is how long a batch whose transaction failed before
	// its commit (the database restarting, say) is tried again before
	// its callers get the error. Default 15s.
	CommitRetry time.Duration
	// Statement is what a subject export tells the subject, as in
	// audit.Options.
	Statement audit.Statement
	// Logger receives operational messages. Default slog.Default().
	Logger *slog.Logger
	// Now is the clock. Default time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.DataDir == "" {
		o.DataDir = "./data"
	}
	if o.KEKGrace <= 0 {
		o.KEKGrace = 7 * 24 * time.Hour
	}
	if o.MaxConns <= 0 {
		o.MaxConns = 16
	}
	if o.MaxBatch <= 0 {
		o.MaxBatch = 4096
	}
	if o.CheckpointEvery == 0 {
		o.CheckpointEvery = 1000
	}
	if o.CheckpointInterval == 0 {
		o.CheckpointInterval = 10 * time.Minute
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
	if o.CommitRetry <= 0 {
		o.CommitRetry = 15 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	o.Statement = o.Statement.WithDefaults(o.ContentRetention)
	return o
}

func (o Options) cadence() uint64 {
	if o.CheckpointEvery > 0 {
		return uint64(o.CheckpointEvery)
	}
	return 0
}
