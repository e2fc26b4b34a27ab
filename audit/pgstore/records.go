package pgstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
)

// The records made from the log (audit.Records: the agent queue, legal
// holds, data-subject requests, canned responses, console settings) are
// rows of audit_records, changed by the same code as in audit.db, in the
// transaction that writes their event under the head lock. So every
// replica reads the queue as the last commit left it.

var _ audit.Backend = backend{}

// buckets are audit_records as one transaction (or the pool) sees them.
type buckets struct {
	ctx context.Context
	q   querier
}

func (b buckets) Get(bucket, key string) ([]byte, error) {
	var v []byte
	err := b.q.QueryRow(b.ctx, `SELECT v FROM audit_records WHERE bucket = $1 AND k = $2`, bucket, key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", bucket, err)
	}
	return v, nil
}

func (b buckets) Put(bucket, key string, value []byte) error {
	if value == nil {
		value = []byte{}
	}
	_, err := b.q.Exec(b.ctx, `INSERT INTO audit_records (bucket, k, v) VALUES ($1, $2, $3)
		ON CONFLICT (bucket, k) DO UPDATE SET v = excluded.v`, bucket, key, value)
	if err != nil {
		return fmt.Errorf("write %s: %w", bucket, err)
	}
	return nil
}

func (b buckets) Delete(bucket, key string) error {
	if _, err := b.q.Exec(b.ctx, `DELETE FROM audit_records WHERE bucket = $1 AND k = $2`, bucket, key); err != nil {
		return fmt.Errorf("delete from %s: %w", bucket, err)
	}
	return nil
}

// ForEach reads the whole bucket before calling fn, so that fn may use
// the same transaction.
func (b buckets) ForEach(bucket string, fn func(key string, value []byte) error) error {
	rows, err := b.q.Query(b.ctx, `SELECT k, v FROM audit_records WHERE bucket = $1 ORDER BY k COLLATE "C"`, bucket)
	if err != nil {
		return fmt.Errorf("read %s: %w", bucket, err)
	}
	type kv struct {
		k string
		v []byte
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (kv, error) {
		var x kv
		return x, r.Scan(&x.k, &x.v)
	})
	if err != nil {
		return fmt.Errorf("read %s: %w", bucket, err)
	}
	for _, x := range all {
		if err := fn(x.k, x.v); err != nil {
			return err
		}
	}
	return nil
}

// backend is the store as the backend of its records.
type backend struct{ s *Store }

// View reads the records as committed: each read sees the last commit.
func (b backend) View(ctx context.Context, fn func(audit.Buckets) error) error {
	return fn(buckets{ctx: ctx, q: b.s.pool})
}

func (b backend) AppendChange(ctx context.Context, env audit.Envelope, content *audit.Content, c audit.Change) (uint64, error) {
	x := extra{owner: c.Owner, committed: c.Committed}
	if c.Check != nil {
		x.check = func(ctx context.Context, tx pgx.Tx, env *audit.Envelope) error { return c.Check(buckets{ctx, tx}, env) }
	}
	if c.Apply != nil {
		x.apply = func(ctx context.Context, tx pgx.Tx, seq uint64) error { return c.Apply(buckets{ctx, tx}, seq) }
	}
	return b.s.append(ctx, env, content, x)
}

func (b backend) Event(ctx context.Context, seq uint64) (audit.Event, error) {
	return b.s.event(ctx, seq)
}

func (b backend) Conversation(ctx context.Context, ref string) ([]audit.Event, error) {
	return b.s.Conversation(ctx, ref)
}

func (b backend) Subject(ctx context.Context, pseudonym string) ([]audit.Event, error) {
	return b.s.Subject(ctx, pseudonym)
}

func (b backend) Scan(ctx context.Context, f audit.Filter, content bool, fn func(audit.Event) error) error {
	return b.s.Scan(ctx, f, content, fn)
}

func (b backend) Fingerprint() string { return b.s.Fingerprint() }

// event reads one event with its content.
func (s *Store) event(ctx context.Context, seq uint64) (audit.Event, error) {
	evs, err := s.indexed(ctx, `SELECT seq, record FROM audit_events WHERE seq = $1`, int64(seq))
	if err != nil {
		return audit.Event{}, err
	}
	if len(evs) == 0 {
		return audit.Event{}, fmt.Errorf("event %d: %w", seq, audit.ErrNoEvent)
	}
	return evs[0], nil
}
