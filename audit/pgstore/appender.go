package pgstore

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/fault"
)

// ErrUnknownOutcome means the connection was lost while a batch
// committed and the database could not be asked in time whether it had:
// the event may or may not be in the log.
var ErrUnknownOutcome = fault.New(fault.Unavailable, "the audit store did not confirm the write; it may or may not be recorded")

// errStaleKey rejects an event sealed under a key that another replica
// has shredded meanwhile; append seals it again under a fresh key.
var errStaleKey = errors.New("content key was shredded")

// request is one event (or one checkpoint) waiting for the writer.
type request struct {
	env     audit.Envelope
	envJSON []byte
	seal    *sealKey
	sealed  []byte

	// checkpoint signs the chain at this point of the batch; ifNew only
	// when events were appended since the last checkpoint.
	checkpoint, ifNew bool
	// check runs in the writer's transaction before the event is written;
	// an error rejects this event alone. It may change env.
	check func(ctx context.Context, tx pgx.Tx, env *audit.Envelope) error
	// apply runs in the same transaction after the event is written.
	apply func(ctx context.Context, tx pgx.Tx, seq uint64) error
	// committed runs once the transaction has committed.
	committed func(seq uint64)

	done chan result
}

type result struct {
	seq uint64
	cp  audit.Checkpoint
	err error
}

// extra are the extras of internal appends.
type extra struct {
	owner     string
	check     func(ctx context.Context, tx pgx.Tx, env *audit.Envelope) error
	apply     func(ctx context.Context, tx pgx.Tx, seq uint64) error
	committed func(seq uint64)
}

// Append writes one event and returns its sequence number once the
// database has committed it durably.
func (s *Store) Append(ctx context.Context, env audit.Envelope, content *audit.Content) (uint64, error) {
	return s.append(ctx, env, content, extra{})
}

func (s *Store) append(ctx context.Context, env audit.Envelope, content *audit.Content, x extra) (uint64, error) {
	if env.Type == "" {
		return 0, audit.Invalid("event has no type")
	}
	if !audit.ValidID(env.Subject) || !audit.ValidID(env.Conversation) {
		return 0, audit.Invalid("subject and conversation must be pseudonyms")
	}
	if env.Time.IsZero() {
		env.Time = s.now().UTC()
	}
	if s.opts.ReadOnly {
		return 0, audit.ErrReadOnly
	}
	for range 5 {
		req := &request{env: env, check: x.check, apply: x.apply, committed: x.committed}
		var err error
		if req.envJSON, err = json.Marshal(&req.env); err != nil {
			return 0, fmt.Errorf("encode envelope: %w", err)
		}
		owner := x.owner
		if !content.Empty() {
			if owner == "" {
				owner = audit.KeyOwner(&req.env)
			}
			if req.seal, err = s.sealingKey(ctx, owner); err != nil {
				return 0, fmt.Errorf("content key: %w", err)
			}
			if req.sealed, err = req.seal.key.SealContent(content); err != nil {
				return 0, err
			}
		}
		res, err := s.submit(ctx, req)
		if err != nil {
			return 0, err
		}
		if errors.Is(res.err, errStaleKey) {
			s.sealing.drop(owner)
			continue
		}
		return res.seq, res.err
	}
	return 0, fmt.Errorf("append: content keys kept being shredded: %w", audit.ErrShredded)
}

// submit hands a request to the writer and waits for its answer.
func (s *Store) submit(ctx context.Context, req *request) (result, error) {
	req.done = make(chan result, 1)
	s.mu.RLock()
	if s.closed || s.reqs == nil {
		s.mu.RUnlock()
		if s.opts.ReadOnly {
			return result{}, audit.ErrReadOnly
		}
		return result{}, audit.ErrClosed
	}
	select {
	case s.reqs <- req:
	case <-ctx.Done():
		s.mu.RUnlock()
		return result{}, fmt.Errorf("append: %w", ctx.Err())
	}
	s.mu.RUnlock()
	// Once queued the event will be written or refused; wait for the
	// truth rather than give up on ctx.
	return <-req.done, nil
}

// appender is this replica's single writer: it takes every request
// waiting and writes them in one transaction.
func (s *Store) appender() {
	defer close(s.done)
	batch := make([]*request, 0, s.opts.MaxBatch)
	for first := range s.reqs {
		batch = append(batch[:0], first)
	gather:
		for len(batch) < s.opts.MaxBatch {
			select {
			case r, ok := <-s.reqs:
				if !ok {
					break gather
				}
				batch = append(batch, r)
			default:
				break gather
			}
		}
		s.commit(batch)
	}
}

// commit writes one batch, trying again while the database is away and
// the batch is known not to be written, and answers every caller.
func (s *Store) commit(batch []*request) {
	deadline := time.Now().Add(s.opts.CommitRetry)
	wait := 50 * time.Millisecond
	for {
		w, results, outcome, err := s.tryCommit(batch)
		switch {
		case outcome == committed:
			s.setHead(w.seq, w.head[:])
			for i, r := range batch {
				if results[i].err == nil {
					if r.seal != nil && !r.seal.recorded {
						s.sealing.recorded(r.seal)
					}
					if r.committed != nil {
						r.committed(results[i].seq)
					}
				}
				r.done <- results[i]
			}
			return
		case outcome == notCommitted && transient(err) && time.Now().Add(wait).Before(deadline):
			s.log.Warn("audit batch not written; trying again", "events", len(batch), "err", err)
			time.Sleep(wait)
			wait = min(2*wait, time.Second)
			continue
		case outcome == unknown:
			s.log.Error("audit batch outcome unknown", "events", len(batch), "err", err)
			err = fmt.Errorf("write %d events: %w: %w", len(batch), ErrUnknownOutcome, err)
		default:
			s.log.Error("audit append failed", "events", len(batch), "err", err)
			err = fmt.Errorf("write %d events: %w", len(batch), err)
		}
		for _, r := range batch {
			r.done <- result{err: err}
		}
		return
	}
}

type outcome int

const (
	notCommitted outcome = iota
	committed
	unknown
)

// tryCommit runs the batch's transaction once.
func (s *Store) tryCommit(batch []*request) (*chainWriter, []result, outcome, error) {
	ctx := context.Background()
	results := make([]result, len(batch))
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, nil, notCommitted, err
	}
	defer conn.Release()
	pid := conn.Conn().PgConn().PID()
	id := make([]byte, 16)
	rand.Read(id)
	tx, err := conn.Begin(ctx)
	if err != nil {
		return nil, nil, notCommitted, err
	}
	w, err := s.writeBatch(ctx, tx, id, batch, results)
	if err != nil {
		tx.Rollback(ctx)
		return nil, nil, notCommitted, err
	}
	err = tx.Commit(ctx)
	if err == nil {
		return w, results, committed, nil
	}
	if refused(err) {
		return nil, nil, notCommitted, err // the server refused the commit
	}
	conn.Conn().Close(ctx)
	ok, rerr := s.resolve(id, pid)
	switch {
	case rerr != nil:
		return nil, nil, unknown, errors.Join(err, rerr)
	case ok:
		s.log.Warn("audit commit confirmed after the connection was lost", "events", len(batch), "err", err)
		return w, results, committed, nil
	}
	return nil, nil, notCommitted, err
}
