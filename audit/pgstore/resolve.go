package pgstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// resolveFor bounds how long a lost commit is looked up.
const resolveFor = 60 * time.Second

// resolve settles a commit whose answer the connection lost: once the
// server process that ran it is gone (it is ended if need be), the
// transaction's outcome is final, and its events carry the batch's id.
func (s *Store) resolve(batch []byte, pid uint32) (bool, error) {
	deadline := time.Now().Add(resolveFor)
	var last error
	for time.Now().Before(deadline) {
		ok, err := s.lookupBatch(batch, pid)
		if err == nil {
			return ok, nil
		}
		last = err
		time.Sleep(200 * time.Millisecond)
	}
	return false, fmt.Errorf("settle a lost commit: %w", last)
}

func (s *Store) lookupBatch(batch []byte, pid uint32) (bool, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for {
		var alive bool
		err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND application_name = 'hushdesk')`, int32(pid)).Scan(&alive)
		if err != nil {
			return false, err
		}
		if !alive {
			break
		}
		if _, err := s.pool.Exec(ctx, `SELECT pg_terminate_backend($1)`, int32(pid)); err != nil {
			return false, err
		}
		select {
		case <-ctx.Done():
			return false, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	var n int64
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM audit_events WHERE batch = $1`, batch).Scan(&n); err != nil {
		return false, err
	}
	return n > 0, nil
}

// refused reports whether the server answered a commit with an error
// that says it did not commit: an error of the transaction itself, not
// the end of the session (a FATAL error, a connection or shutdown error),
// which may come after the commit has been made durable.
func refused(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch {
	case pe.Severity == "FATAL", pe.Severity == "PANIC",
		len(pe.Code) == 5 && (pe.Code[:2] == "08" || pe.Code[:2] == "57"):
		return false
	}
	return true
}

// transient reports whether an error that left the batch unwritten is
// worth another try: a lost or refused connection, the server shutting
// down or starting, a serialization failure or deadlock.
func transient(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return true // no answer from the server: the connection
	}
	switch {
	case len(pe.Code) == 5 && pe.Code[:2] == "08", // connection exception
		pe.Code == "57P01", pe.Code == "57P02", pe.Code == "57P03", // shutdown, crash, starting
		pe.Code == "40001", pe.Code == "40P01": // serialization, deadlock
		return true
	}
	return false
}
