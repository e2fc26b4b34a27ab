package audit

import (
	"context"
	"crypto/ed25519"
	"encoding/binary"
	"encoding/json"
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

// Store is the audit log. It is safe for concurrent use.
type Store struct {
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

func (s *Store) init(dir string) error {
	mk, err := loadMasterKey(dir, s.opts.MasterKey, s.opts.MasterKeyFile, !s.opts.ReadOnly)
	if err != nil {
		return err
	}
	if mk.key != nil {
		if s.keys, err = newKeyring(mk.key); err != nil {
			return err
		}
		clear(mk.key)
	}
	if s.opts.ReadOnly {
		err = s.db.View(func(tx *bolt.Tx) error {
			if tx.Bucket(bucketEvents) == nil {
				return fmt.Errorf("%s is not a Hushdesk audit store", s.db.Path())
			}
			var err error
			if s.chain, err = readChain(tx, s.keys); err != nil {
				return err
			}
			return s.initState(tx)
		})
		if err == nil {
			s.keyFile, err = openKeyFile(dir, true, s.opts.LockTimeout)
		}
		if err == nil {
			err = s.loadTokens()
		}
		return err
	}
	if mk.inDataDir {
		s.log.Warn("the audit master key is in the data directory: whoever can copy the directory can rewrite the log unseen; keep the key elsewhere in production")
	}
	s.hasher = newChainHasher(s.keys.chain)
	if err := s.db.Update(s.initBuckets); err != nil {
		return err
	}
	if s.keyFile, err = openKeyFile(dir, false, s.opts.LockTimeout); err != nil {
		return err
	}
	if err := s.migrateHolds(); err != nil {
		return err
	}
	if err := s.migrateKeys(); err != nil {
		return err
	}
	if err := s.reconcileKeys(); err != nil {
		return err
	}
	if err := s.loadPool(); err != nil {
		return err
	}
	return s.loadTokens()
}

func (s *Store) initBuckets(tx *bolt.Tx) error {
	for _, b := range [][]byte{bucketEvents, bucketShredded, bucketMeta, bucketByConv, bucketBySubject,
		bucketCheckpoints, bucketRequests, bucketHolds, bucketTokens, bucketKeyOwners,
		bucketHandoffs, bucketHandoffByConv, bucketByMessage, bucketErasures} {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return fmt.Errorf("create bucket %s: %w", b, err)
		}
	}
	var err error
	if s.chain, err = s.initChain(tx); err != nil {
		return err
	}
	if err := s.initState(tx); err != nil {
		return err
	}
	if !s.chain.upgrade || s.headSeq == 0 {
		return nil
	}
	// The first keyed event is a signed checkpoint of the unkeyed prefix's
	// head; the file is compacted once, so no freed page keeps the key
	// check of the unkeyed format.
	w := s.writer()
	w.begin(tx)
	if _, err := w.checkpoint(); err != nil {
		return err
	}
	if err := w.finish(); err != nil {
		return err
	}
	s.adopt(&w)
	s.log.Info("audit log upgraded to the keyed chain", "keyed_from", s.chain.mark.from)
	return tx.Bucket(bucketMeta).Put(metaCompactPending, []byte{1})
}

// initState reads the signing key, the head, the last checkpoint and when
// the next one is due.
func (s *Store) initState(tx *bolt.Tx) error {
	if err := s.initSigner(tx.Bucket(bucketMeta), lastSeq(tx)); err != nil {
		return err
	}
	s.loadState(tx)
	if !s.chain.legacy && s.chain.mark.from > 0 {
		s.loadCadence(tx)
	}
	return nil
}

// loadState reads the head and the last checkpoint.
func (s *Store) loadState(tx *bolt.Tx) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return
	}
	if v := meta.Get(metaHeadSeq); len(v) == 8 {
		s.headSeq = binary.BigEndian.Uint64(v)
	}
	copy(s.headHash[:], meta.Get(metaHeadHash))
	if b := tx.Bucket(bucketCheckpoints); b != nil {
		if k, v := b.Cursor().Last(); k != nil {
			var cp storedCheckpoint
			if json.Unmarshal(v, &cp) == nil {
				s.cpEventSeq = cp.EventSeq
			}
		}
	}
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
