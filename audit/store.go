package audit

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// FileName is the audit store's file in the data directory.
const FileName = "audit.db"

var (
	bucketEvents      = []byte("events")
	bucketShredded    = []byte("shredded")
	bucketMeta        = []byte("meta")
	bucketByConv      = []byte("by_conversation")
	bucketByMessage   = []byte("by_message") // a decision's message id -> its seq
	bucketBySubject   = []byte("by_subject")
	bucketCheckpoints = []byte("checkpoints")
	bucketRequests    = []byte("requests")
	bucketHolds       = []byte("holds")
	bucketTokens      = []byte("tokens")
	bucketLegacyKeys  = []byte("keys") // content keys, before they moved to keys.db

	metaHeadSeq    = []byte("head_seq")
	metaHeadHash   = []byte("head_hash")
	metaKeyCheck   = []byte("key_check")
	metaCreated    = []byte("created")
	metaSigningKey = []byte("signing_key") // Ed25519 seed, wrapped by the master key
	metaPublicKey  = []byte("public_key")
	metaRetention  = []byte("retention_ran")
)

// Store is the audit log. It is safe for concurrent use. Its Records
// (the agent queue, holds, requests, canned responses, settings) are kept
// in audit.db's buckets.
type Store struct {
	*Records

	db      *bolt.DB
	keyFile *keyFile // nil when read-only and the store has no key file
	keys    *keyring // nil when read-only without the master key
	signer  ed25519.PrivateKey
	public  ed25519.PublicKey
	chain   chainState
	opts    Options
	log     *slog.Logger
	now     func() time.Time
	max     int

	mu     sync.RWMutex // guards closed and sends on reqs
	closed bool
	reqs   chan *appendReq
	done   chan struct{}

	headMu   sync.Mutex // guards the head while the appender owns it
	headSeq  uint64
	headHash [32]byte

	// owned by the appender goroutine
	cpEventSeq uint64       // the last checkpoint's own event
	dueAt      uint64       // the last event before the next checkpoint is due; 0: none
	hasher     *chainHasher // the writer's

	stopJobs context.CancelFunc
	jobs     sync.WaitGroup

	anchors    anchorQueue
	stopAnchor context.CancelFunc
	anchorDone chan struct{}

	tokens tokenCache
	pool   keyPool
	shred  shredder
}

// Open opens (creating if needed) the audit store in dir. Unless
// read-only it starts the group-commit writer, which also signs
// checkpoints, and the retention job; Close stops both.
func Open(dir string, opts Options) (*Store, error) {
	opts = opts.withDefaults()
	path := filepath.Join(dir, FileName)
	if opts.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open audit store: %w", err)
		}
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	db, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, opts: opts, log: opts.Logger, now: opts.Now, max: opts.MaxBatch,
		shred: shredder{wake: make(chan struct{}, 1), retry: time.Second}}
	s.Records = NewRecords(embedded{s}, RecordsOptions{ReadOnly: opts.ReadOnly, Statement: opts.Statement, Now: opts.Now, Logger: opts.Logger})
	if opts.Anchor != nil && !opts.ReadOnly {
		s.anchors.wake = make(chan struct{}, 1)
	}
	if err := s.init(dir); err != nil {
		if s.db != nil {
			s.db.Close()
		}
		s.keyFile.close()
		return nil, err
	}
	if !opts.ReadOnly {
		removeStagedBackups(dir)
		s.reqs = make(chan *appendReq, opts.MaxBatch)
		s.done = make(chan struct{})
		go s.appender()
		ctx, cancel := context.WithCancel(context.Background())
		s.stopJobs = cancel
		if opts.RetentionInterval > 0 {
			s.jobs.Add(1)
			go s.retentionLoop(ctx)
		}
		s.jobs.Add(1)
		go s.shredLoop(ctx)
		if opts.Anchor != nil {
			actx, stop := context.WithCancel(context.Background())
			s.stopAnchor, s.anchorDone = stop, make(chan struct{})
			go s.anchorLoop(actx, s.anchorDone)
		}
	}
	return s, nil
}

func openBolt(path string, opts Options) (*bolt.DB, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:        opts.LockTimeout,
		ReadOnly:       opts.ReadOnly,
		NoFreelistSync: true,
		FreelistType:   bolt.FreelistMapType,
	})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("%s: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open audit store %s: %w", path, err)
	}
	return db, nil
}

// Close stops the retention job, waits for pending appends to be
// written, makes a last attempt to anchor the checkpoints not yet sent,
// then closes the files.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	if s.stopJobs != nil {
		s.stopJobs()
		s.jobs.Wait()
	}
	s.mu.Lock()
	if s.reqs != nil {
		close(s.reqs)
	}
	s.mu.Unlock()
	if s.done != nil {
		<-s.done
	}
	if s.stopAnchor != nil { // after the writer, so the last checkpoints are sent
		s.stopAnchor()
		<-s.anchorDone
	}
	return errors.Join(s.keyFile.close(), s.db.Close())
}

// Path is the store's file.
func (s *Store) Path() string { return s.db.Path() }

// Head returns the sequence number and hash of the last event.
func (s *Store) Head() (uint64, string) {
	s.headMu.Lock()
	defer s.headMu.Unlock()
	return s.headSeq, HashString(s.headHash)
}

func (s *Store) writable() error {
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	return nil
}
