package pgstore

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
)

// Rotating the key-encryption key completes crypto-shredding in
// PostgreSQL: a deleted key row lingers in the heap until vacuumed, in the
// WAL until recycled, on standbys and in backups until they expire; all
// of those copies are wrapped by a KEK that lives outside the database.
// RotateKEK adds a version to the KEK file and re-wraps every remaining
// key under it; once the grace period has passed, DestroyRetiredKEKs
// removes the old version from the file, and every lingering copy of a
// shredded key wrapped by it is unreadable for good.

// KEKReport says what a rotation or a destruction did.
type KEKReport struct {
	Version   int   `json:"version"`   // the current version
	Rewrapped int   `json:"rewrapped"` // keys re-wrapped under it
	Retiring  []int `json:"retiring,omitempty"`
	Destroyed []int `json:"destroyed,omitempty"`
}

// RotateKEK makes a new KEK version, writes it to the KEK file (which
// must be set: every replica needs the new file before the old version
// is destroyed), re-wraps every key under it, and schedules the older
// versions for destruction after KEKGrace.
func (s *Store) RotateKEK(ctx context.Context) (KEKReport, error) {
	if s.keks.file == "" {
		return KEKReport{}, fmt.Errorf("rotation writes the new version to the KEK file: set --kek-file (HUSHDESK_KEK_FILE): %w", ErrKEK)
	}
	var rep KEKReport
	err := s.lockedKEK(ctx, func(ctx context.Context) error {
		lines, err := readKEKFile(s.keks.file)
		if err != nil {
			return err
		}
		held := map[int][]byte{}
		for _, l := range lines {
			v, k, _ := strings.Cut(l, " ")
			n, _ := strconv.Atoi(v)
			held[n], _ = hex.DecodeString(strings.TrimSpace(k))
		}
		var top int
		if err := s.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM audit_kek_versions`).Scan(&top); err != nil {
			return err
		}
		next := max(top, s.keks.current) + 1
		raw, err := newKEK()
		if err != nil {
			return err
		}
		held[next] = raw
		if err := writeKEKFile(s.keks.file, held); err != nil {
			return err
		}
		w, err := audit.NewKeyWrapper(raw)
		if err != nil {
			return err
		}
		s.keks.byVersion[next], s.keks.current = w, next
		if _, err := s.pool.Exec(ctx, `INSERT INTO audit_kek_versions (version, created) VALUES ($1, $2) ON CONFLICT DO NOTHING`, next, s.now()); err != nil {
			return err
		}
		s.sealing.drop()
		rep.Version = next
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("rotate KEK: %w", err)
	}
	r, err := s.RewrapKeys(ctx)
	r.Version = rep.Version
	return r, err
}

// RewrapKeys re-wraps every key wrapped by an older version than this
// replica's current one, and schedules the versions no key uses any more
// for destruction after KEKGrace. It runs hourly on one replica.
func (s *Store) RewrapKeys(ctx context.Context) (KEKReport, error) {
	rep := KEKReport{Version: s.keks.current}
	to, err := s.keks.wrapper(s.keks.current)
	if err != nil {
		return rep, err
	}
	for {
		n, err := s.rewrapBatch(ctx, to, 1000)
		rep.Rewrapped += n
		if err != nil {
			return rep, fmt.Errorf("re-wrap keys: %w", err)
		}
		if n == 0 {
			break
		}
	}
	rows, err := s.pool.Query(ctx, `UPDATE audit_kek_versions v SET retire_after = $1
		WHERE v.version < $2 AND v.retire_after IS NULL AND v.destroyed IS NULL
		AND NOT EXISTS (SELECT 1 FROM audit_content_keys k WHERE k.kek_version = v.version)
		RETURNING version`, s.now().Add(s.opts.KEKGrace), s.keks.current)
	if err != nil {
		return rep, err
	}
	rep.Retiring, err = pgx.CollectRows(rows, pgx.RowTo[int])
	return rep, err
}

func (s *Store) rewrapBatch(ctx context.Context, to *audit.KeyWrapper, n int) (int, error) {
	done := 0
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT kid, kek_version, wrapped FROM audit_content_keys
			WHERE kek_version < $1 ORDER BY kid LIMIT $2 FOR UPDATE SKIP LOCKED`, s.keks.current, n)
		if err != nil {
			return err
		}
		type row struct {
			kid     string
			version int
			wrapped []byte
		}
		var todo []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.kid, &r.version, &r.wrapped); err != nil {
				return err
			}
			todo = append(todo, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range todo {
			from, err := s.keks.wrapper(r.version)
			if err != nil {
				return err
			}
			w, err := audit.RewrapContentKey(from, to, r.kid, r.wrapped)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE audit_content_keys SET kek_version = $1, wrapped = $2 WHERE kid = $3`, s.keks.current, w, r.kid); err != nil {
				return err
			}
		}
		done = len(todo)
		return nil
	})
	return done, err
}

// DestroyRetiredKEKs removes from the KEK file every version whose grace
// period has passed and that no key uses, and records its destruction.
// Copies of the file elsewhere (other replicas, HUSHDESK_KEKS) must lose
// the version too; the report names it.
func (s *Store) DestroyRetiredKEKs(ctx context.Context) (KEKReport, error) {
	rep := KEKReport{Version: s.keks.current}
	if s.keks.file == "" {
		return rep, fmt.Errorf("destruction rewrites the KEK file: set --kek-file (HUSHDESK_KEK_FILE): %w", ErrKEK)
	}
	err := s.lockedKEK(ctx, func(ctx context.Context) error {
		rows, err := s.pool.Query(ctx, `SELECT version FROM audit_kek_versions v
			WHERE v.retire_after < $1 AND v.destroyed IS NULL AND v.version > 0
			AND NOT EXISTS (SELECT 1 FROM audit_content_keys k WHERE k.kek_version = v.version)`, s.now())
		if err != nil {
			return err
		}
		due, err := pgx.CollectRows(rows, pgx.RowTo[int])
		if err != nil || len(due) == 0 {
			return err
		}
		lines, err := readKEKFile(s.keks.file)
		if err != nil {
			return err
		}
		keep := map[int][]byte{}
		for _, l := range lines {
			v, k, _ := strings.Cut(l, " ")
			n, _ := strconv.Atoi(v)
			keep[n], _ = hex.DecodeString(strings.TrimSpace(k))
		}
		for _, v := range due {
			delete(keep, v)
			delete(s.keks.byVersion, v)
		}
		if err := writeKEKFile(s.keks.file, keep); err != nil {
			return err
		}
		if _, err := s.pool.Exec(ctx, `UPDATE audit_kek_versions SET destroyed = $1 WHERE version = ANY($2)`, s.now(), due); err != nil {
			return err
		}
		rep.Destroyed = due
		return nil
	})
	return rep, err
}

func (s *Store) lockedKEK(ctx context.Context, fn func(context.Context) error) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, lockKEK); err != nil {
		return err
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, lockKEK)
	return fn(ctx)
}
