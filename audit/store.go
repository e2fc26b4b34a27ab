package audit

import (
	"bytes"
	"context"
	"crypto/hmac"
	"encoding/binary"
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
	bucketEvents    = []byte("events")
	bucketKeys      = []byte("keys")
	bucketShredded  = []byte("shredded")
	bucketMeta      = []byte("meta")
	bucketByConv    = []byte("by_conversation")
	bucketBySubject = []byte("by_subject")

	metaHeadSeq  = []byte("head_seq")
	metaHeadHash = []byte("head_hash")
	metaKeyCheck = []byte("key_check")
	metaCreated  = []byte("created")
)

// Options configures a Store. The zero value is usable.
type Options struct {
	// MasterKey, 64 hex digits, wraps every other key. When empty the
	// key is read from master.key in the data directory, and created
	// there (mode 0600) on first use.
	MasterKey string
	// LockTimeout is how long Open waits for another process to release
	// the file before failing with ErrLocked. Default 100ms.
	LockTimeout time.Duration
	// MaxBatch caps how many events share one transaction. Default 4096.
	MaxBatch int
	// ReadOnly opens the store for reading and verification only.
	ReadOnly bool
	// Logger receives operational messages. Default slog.Default().
	Logger *slog.Logger
	// Now is the clock. Default time.Now.
	Now func() time.Time
}

// Store is the audit log. It is safe for concurrent use.
type Store struct {
	db   *bolt.DB
	keys *keyring
	log  *slog.Logger
	now  func() time.Time
	max  int

	mu     sync.RWMutex // guards closed and sends on reqs
	closed bool
	reqs   chan *appendReq
	done   chan struct{}

	headMu   sync.Mutex // guards the head while the appender owns it
	headSeq  uint64
	headHash [32]byte
}

// Open opens (creating if needed) the audit store in dir.
func Open(dir string, opts Options) (*Store, error) {
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = 100 * time.Millisecond
	}
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = 4096
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	path := filepath.Join(dir, FileName)
	if opts.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open audit store: %w", err)
		}
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
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
	s := &Store{db: db, log: opts.Logger, now: opts.Now, max: opts.MaxBatch}
	if err := s.init(dir, opts); err != nil {
		db.Close()
		return nil, err
	}
	if !opts.ReadOnly {
		s.reqs = make(chan *appendReq, opts.MaxBatch)
		s.done = make(chan struct{})
		go s.appender()
	}
	return s, nil
}

func (s *Store) init(dir string, opts Options) error {
	if opts.ReadOnly {
		return s.db.View(func(tx *bolt.Tx) error {
			if tx.Bucket(bucketEvents) == nil {
				return fmt.Errorf("%s is not a Hushdesk audit store", s.db.Path())
			}
			s.loadHead(tx)
			return nil
		})
	}
	master, err := loadMasterKey(dir, opts.MasterKey)
	if err != nil {
		return err
	}
	if s.keys, err = newKeyring(master); err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketEvents, bucketKeys, bucketShredded, bucketMeta, bucketByConv, bucketBySubject} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return fmt.Errorf("create bucket %s: %w", b, err)
			}
		}
		meta := tx.Bucket(bucketMeta)
		if check := meta.Get(metaKeyCheck); check == nil {
			if err := meta.Put(metaKeyCheck, s.keys.check); err != nil {
				return err
			}
			if err := meta.Put(metaCreated, []byte(s.now().UTC().Format(time.RFC3339))); err != nil {
				return err
			}
		} else if !hmac.Equal(check, s.keys.check) {
			return fmt.Errorf("%s: %w", s.db.Path(), ErrBadMasterKey)
		}
		s.loadHead(tx)
		return nil
	})
}

func (s *Store) loadHead(tx *bolt.Tx) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return
	}
	if v := meta.Get(metaHeadSeq); len(v) == 8 {
		s.headSeq = binary.BigEndian.Uint64(v)
	}
	copy(s.headHash[:], meta.Get(metaHeadHash))
}

// Close waits for pending appends to be written, then closes the file.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	if s.reqs != nil {
		close(s.reqs)
	}
	s.mu.Unlock()
	if s.done != nil {
		<-s.done
	}
	return s.db.Close()
}

// Path is the store's file.
func (s *Store) Path() string { return s.db.Path() }

// Head returns the sequence number and hash of the last event.
func (s *Store) Head() (uint64, string) {
	s.headMu.Lock()
	defer s.headMu.Unlock()
	return s.headSeq, HashString(s.headHash)
}

// SubjectPseudonym returns the keyed pseudonym that stands for a customer
// identifier in the log.
func (s *Store) SubjectPseudonym(id string) string { return s.keys.pseudonym("s_", "subject", id) }

// ConversationRef returns the internal id under which a conversation
// capability appears in the log, the access log and metrics.
func (s *Store) ConversationRef(capability string) string {
	return s.keys.pseudonym("k_", "conversation", capability)
}

// keyID names the key an event's content is sealed with: the subject's
// when there is one, else the conversation's.
func keyID(env *Envelope) string {
	switch {
	case env.Subject != "":
		return "s/" + env.Subject
	case env.Conversation != "":
		return "c/" + env.Conversation
	}
	return "system"
}

// dataKey returns the key for kid, loading or creating it.
func (s *Store) dataKey(kid string, create bool) (*dataKey, error) {
	s.keys.mu.Lock()
	defer s.keys.mu.Unlock()
	if k, ok := s.keys.cache[kid]; ok {
		return k, nil
	}
	var wrapped []byte
	var shredded bool
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketKeys).Get([]byte(kid)); v != nil {
			wrapped = append([]byte(nil), v...)
		}
		shredded = tx.Bucket(bucketShredded).Get([]byte(kid)) != nil
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read key %s: %w", kid, err)
	}
	switch {
	case wrapped != nil:
		k, err := s.keys.unwrap(kid, wrapped)
		if err != nil {
			return nil, err
		}
		s.keys.cache[kid] = k
		return k, nil
	case shredded || !create:
		return nil, ErrShredded
	}
	k, err := s.keys.newDataKey(kid, s.now())
	if err != nil {
		return nil, err
	}
	s.keys.cache[kid] = k
	return k, nil
}

func indexKey(id string, seq uint64) []byte {
	k := make([]byte, 0, len(id)+9)
	k = append(k, id...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, seq)
}

func indexPrefix(id string) []byte { return append([]byte(id), 0) }

// seqsFor returns the sequence numbers an index bucket lists for id.
func seqsFor(tx *bolt.Tx, bucket []byte, id string) []uint64 {
	var out []uint64
	p := indexPrefix(id)
	c := tx.Bucket(bucket).Cursor()
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		out = append(out, binary.BigEndian.Uint64(k[len(p):]))
	}
	return out
}

// ErrEmptyEnvelope is returned for an event with no type.
var errNoType = errors.New("event has no type")

// Append writes one event and returns its sequence number once it is
// durable on disk.
func (s *Store) Append(ctx context.Context, env Envelope, content *Content) (uint64, error) {
	if env.Type == "" {
		return 0, errNoType
	}
	if env.Time.IsZero() {
		env.Time = s.now().UTC()
	}
	req := &appendReq{env: env, done: make(chan appendResult, 1)}
	if err := s.prepare(req, content); err != nil {
		return 0, err
	}
	s.mu.RLock()
	if s.closed || s.reqs == nil {
		s.mu.RUnlock()
		return 0, ErrClosed
	}
	select {
	case s.reqs <- req:
	case <-ctx.Done():
		s.mu.RUnlock()
		return 0, fmt.Errorf("append: %w", ctx.Err())
	}
	s.mu.RUnlock()
	// Once queued the event will be written; wait for the truth rather
	// than give up on ctx, so the caller never reports a written event as
	// lost.
	res := <-req.done
	return res.seq, res.err
}
