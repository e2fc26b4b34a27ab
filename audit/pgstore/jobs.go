package pgstore

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
)

// startJobs starts the periodic jobs. Each runs on whichever replica
// takes its advisory lock first, and does nothing that a run on another
// replica has made needless, so that running one twice is harmless.
func (s *Store) startJobs(ctx context.Context) {
	if s.opts.CheckpointInterval > 0 {
		s.every(ctx, s.opts.CheckpointInterval, lockCheckpoint, func(ctx context.Context) error {
			_, err := s.submit(ctx, &request{checkpoint: true, ifNew: true})
			return err
		})
	}
	if s.opts.RetentionInterval > 0 {
		s.every(ctx, s.opts.RetentionInterval, lockRetention, func(ctx context.Context) error {
			last, err := s.lastRun(ctx, "retention")
			if err != nil || s.now().Sub(last) < s.opts.RetentionInterval/2 {
				return err // another replica ran it lately
			}
			rep, err := s.RunRetention(ctx)
			if err == nil {
				s.log.Info("audit retention ran", "shredded", rep.Shredded, "audit_seq", rep.AuditSeq)
			}
			return err
		})
	}
	s.every(ctx, time.Hour, lockKEK, func(ctx context.Context) error {
		_, err := s.RewrapKeys(ctx)
		return err
	})
}

// every runs job every interval while it holds the advisory lock id.
func (s *Store) every(ctx context.Context, interval time.Duration, id int64, job func(context.Context) error) {
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			err := s.withLock(ctx, id, job)
			if err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, audit.ErrClosed) {
				s.log.Error("audit job failed", "err", err)
			}
		}
	}()
}

// withLock runs fn while holding session advisory lock id, if no other
// session holds it; otherwise it does nothing.
func (s *Store) withLock(ctx context.Context, id int64, fn func(context.Context) error) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	var got bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, id).Scan(&got); err != nil || !got {
		return err
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, id)
	return fn(ctx)
}

func (s *Store) lastRun(ctx context.Context, name string) (time.Time, error) {
	var t time.Time
	err := s.pool.QueryRow(ctx, `SELECT last_run FROM audit_jobs WHERE name = $1`, name).Scan(&t)
	if errors.Is(err, pgx.ErrNoRows) {
		return time.Time{}, nil
	}
	return t, err
}

func markRun(ctx context.Context, tx pgx.Tx, name string, at time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO audit_jobs (name, last_run) VALUES ($1, $2)
		ON CONFLICT (name) DO UPDATE SET last_run = excluded.last_run`, name, at)
	return err
}
