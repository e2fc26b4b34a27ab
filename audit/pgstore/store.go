package pgstore

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/hushdesk/hushdesk/audit"
)

// Advisory lock ids: the schema migrations, the store's first set-up,
// and the periodic jobs (one replica at a time runs each).
const (
	lockMigrate    int64 = 0x6875736864650001
	lockInit       int64 = 0x6875736864650002
	lockCheckpoint int64 = 0x6875736864650003
	lockRetention  int64 = 0x6875736864650004
	lockKEK        int64 = 0x6875736864650005
)

// channel is the LISTEN/NOTIFY channel of the store's invalidations.
const channel = "hushdesk_audit"

// ErrNotPostgres means the store setting is not a postgres:// URL.
var ErrNotPostgres = errors.New("the store must be a postgres:// or postgresql:// URL")

// IsURL reports whether a store setting names PostgreSQL.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Store is the decision log in PostgreSQL. It is safe for concurrent use,
// and any number of Stores, in any number of processes, may share one
// database.
type Store struct {
	*audit.Records

	pool   *pgxpool.Pool
	keys   *audit.Keys
	keks   *kekRing
	signer *audit.Signer
	public ed25519.PublicKey
	mark   []byte
	opts   Options
	log    *slog.Logger
	now    func() time.Time

	mu     sync.RWMutex // guards closed and sends on reqs
	closed bool
	reqs   chan *request
	done   chan struct{}

	hasher  *audit.ChainHasher // the writer's
	sealing sealCache

	headMu   sync.Mutex
	headSeq  uint64
	headHash [32]byte

	stop   context.CancelFunc
	jobCtx context.Context // ends with Close
	jobs   sync.WaitGroup

	relayOnce sync.Once
	relay     *Relay
}

// Open connects to the database url names, brings its schema up to date
// (under an advisory lock, so that replicas starting together take
// turns), and sets the store up on first use: the signing key, wrapped by
// the master key, and the chain marker. Unless read-only it starts the
// group-commit writer, the listener that drops shredded keys, and the
// periodic jobs; Close stops them.
func Open(ctx context.Context, url string, opts Options) (*Store, error) {
	opts = opts.withDefaults()
	pool, err := connect(ctx, url, opts)
	if err != nil {
		return nil, err
	}
	s := &Store{pool: pool, opts: opts, log: opts.Logger, now: opts.Now}
	s.Records = audit.NewRecords(backend{s}, audit.RecordsOptions{ReadOnly: opts.ReadOnly, Statement: opts.Statement,
		Now: opts.Now, Logger: opts.Logger})
	if err := s.init(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	if !opts.ReadOnly {
		s.reqs = make(chan *request, opts.MaxBatch)
		s.done = make(chan struct{})
		go s.appender()
		jctx, cancel := context.WithCancel(context.Background())
		s.stop, s.jobCtx = cancel, jctx
		s.jobs.Add(1)
		go s.listen(jctx)
		s.startJobs(jctx)
	}
	return s, nil
}

// init loads the keys and, on first use, sets the store up.
func (s *Store) init(ctx context.Context) error {
	master, _, err := audit.LoadMasterKey(s.opts.DataDir, s.opts.MasterKey, s.opts.MasterKeyFile, false)
	if err != nil {
		return err
	}
	if master == nil {
		return fmt.Errorf("the PostgreSQL store needs the master key (HUSHDESK_MASTER_KEY or HUSHDESK_MASTER_KEY_FILE), the same on every replica: %w", audit.ErrNoMasterKey)
	}
	s.keys, err = audit.NewKeys(master)
	if err != nil {
		return err
	}
	if s.keks, err = loadKEKs(master, s.opts); err != nil {
		clear(master)
		return err
	}
	clear(master)
	s.hasher = s.keys.NewChainHasher()
	if s.opts.ReadOnly {
		return s.loadMeta(ctx, s.pool)
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockInit); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM audit_meta WHERE k = 'signing_key'`).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			if err := s.create(ctx, tx); err != nil {
				return err
			}
		}
		if err := s.loadMeta(ctx, tx); err != nil {
			return err
		}
		return s.keks.register(ctx, tx, s.now())
	})
}

// querier is a pool or a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// create sets up an empty store: a signing key, the chain marker (keyed
// from the first event) and the head.
func (s *Store) create(ctx context.Context, tx pgx.Tx) error {
	var events int64
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM audit_events`).Scan(&events); err != nil {
		return err
	}
	if events > 0 {
		return fmt.Errorf("the store has %d events but no signing key; restore it from a backup: %w", events, audit.ErrSigningKey)
	}
	signer, wrapped, err := s.keys.NewSigner()
	if err != nil {
		return err
	}
	every := s.opts.cadence()
	_, err = tx.Exec(ctx, `INSERT INTO audit_meta (k, v) VALUES ('signing_key', $1), ('public_key', $2), ('chain', $3), ('created', $4)`,
		wrapped, []byte(signer.Public()), s.keys.ChainMark(1, every), []byte(s.now().UTC().Format(time.RFC3339)))
	if err != nil {
		return fmt.Errorf("set up the store: %w", err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO audit_head (id, seq, hash, cp_event_seq, due_at) VALUES (1, 0, $1, 0, $2)`,
		make([]byte, 32), int64(audit.DueAfter(0, every)))
	return err
}

// loadMeta reads the signing key, the chain marker and the head.
func (s *Store) loadMeta(ctx context.Context, q querier) error {
	meta := map[string][]byte{}
	rows, err := q.Query(ctx, `SELECT k, v FROM audit_meta`)
	if err != nil {
		return fmt.Errorf("read the store: %w", err)
	}
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		meta[k] = v
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read the store: %w", err)
	}
	if meta["signing_key"] == nil {
		return fmt.Errorf("the database holds no Hushdesk audit log: %w", audit.ErrSigningKey)
	}
	if s.signer, err = s.keys.OpenSigner(meta["signing_key"]); err != nil {
		return err
	}
	s.public = s.signer.Public()
	if s.opts.ReadOnly {
		s.signer = nil
	}
	s.mark = meta["chain"]
	if _, _, err := s.keys.OpenChainMark(s.mark); err != nil {
		return err
	}
	var seq int64
	var hash []byte
	if err := q.QueryRow(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&seq, &hash); err != nil {
		return fmt.Errorf("read the head: %w", err)
	}
	s.setHead(uint64(seq), hash)
	return nil
}

func (s *Store) setHead(seq uint64, hash []byte) {
	s.headMu.Lock()
	defer s.headMu.Unlock()
	if seq >= s.headSeq {
		s.headSeq = seq
		copy(s.headHash[:], hash)
	}
}

// Close stops the jobs and the listener, waits for pending appends to be
// written, and closes the pool.
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
	if s.stop != nil {
		s.stop()
		s.jobs.Wait()
	}
	s.pool.Close()
	return nil
}

// Head returns the sequence number and hash of the last event this
// replica has seen (another replica may have appended since).
func (s *Store) Head() (uint64, string) {
	s.headMu.Lock()
	defer s.headMu.Unlock()
	return s.headSeq, audit.HashString(s.headHash)
}

// Fingerprint returns the fingerprint of the signing key.
func (s *Store) Fingerprint() string { return audit.Fingerprint(s.public) }

// SubjectPseudonym returns the keyed pseudonym of a customer id, the
// same as the embedded store's under the same master key.
func (s *Store) SubjectPseudonym(id string) string { return s.keys.SubjectPseudonym(id) }

// ConversationRef returns the internal id of a conversation capability.
func (s *Store) ConversationRef(capability string) string { return s.keys.ConversationRef(capability) }

// Ready is nil while the database answers and the store takes writes.
func (s *Store) Ready(ctx context.Context) error {
	s.mu.RLock()
	closed := s.closed
	s.mu.RUnlock()
	if closed {
		return audit.ErrClosed
	}
	if s.opts.ReadOnly {
		return audit.ErrReadOnly
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("%w: %w", audit.ErrClosed, err)
	}
	return nil
}
