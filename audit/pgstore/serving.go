package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
)

// What a server kept in its memory and replicas must share: console
// sessions, the webhook outbox and export manifests.

// SessionRow is a console session as kept: under a hash of its id, its
// contents sealed by the server under a key derived from the id.
type SessionRow struct {
	TokenID  string
	Expires  time.Time
	LastSeen time.Time
	Sealed   []byte
}

// Sessions are the console sessions of every replica. A session ended
// (logged out, its token revoked) is gone for all of them at once.
type Sessions struct{ s *Store }

// Sessions returns the store's console sessions.
func (s *Store) Sessions() Sessions { return Sessions{s} }

// Save keeps a session; a new one also clears the sessions past their
// end.
func (ss Sessions) Save(ctx context.Context, key []byte, r SessionRow) error {
	var inserted bool
	err := ss.s.pool.QueryRow(ctx, `INSERT INTO console_sessions (key, token_id, expires, last_seen, sealed) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (key) DO UPDATE SET token_id = excluded.token_id, expires = excluded.expires, last_seen = excluded.last_seen, sealed = excluded.sealed
		RETURNING xmax = 0`, key, r.TokenID, r.Expires, r.LastSeen, r.Sealed).Scan(&inserted)
	if err != nil || !inserted {
		return err
	}
	_, err = ss.s.pool.Exec(ctx, `DELETE FROM console_sessions WHERE expires < $1`, r.LastSeen)
	return err
}

// Load returns the session kept under key, if any.
func (ss Sessions) Load(ctx context.Context, key []byte) (SessionRow, bool, error) {
	var r SessionRow
	err := ss.s.pool.QueryRow(ctx, `SELECT token_id, expires, last_seen, sealed FROM console_sessions WHERE key = $1`, key).
		Scan(&r.TokenID, &r.Expires, &r.LastSeen, &r.Sealed)
	if errors.Is(err, pgx.ErrNoRows) {
		return r, false, nil
	}
	return r, err == nil, err
}

// End ends the session under key, or, when key is nil, every session of
// tokenID.
func (ss Sessions) End(ctx context.Context, key []byte, tokenID string) error {
	var err error
	if key != nil {
		_, err = ss.s.pool.Exec(ctx, `DELETE FROM console_sessions WHERE key = $1`, key)
	} else {
		_, err = ss.s.pool.Exec(ctx, `DELETE FROM console_sessions WHERE token_id = $1`, tokenID)
	}
	return err
}

// WebhookOutbox is the webhook's outbox: notifications kept until
// delivered, taken by one replica at a time (FOR UPDATE SKIP LOCKED), so
// that a replica that dies while delivering leaves its notification to
// another.
type WebhookOutbox struct{ s *Store }

// WebhookOutbox returns the store's webhook outbox.
func (s *Store) WebhookOutbox() WebhookOutbox { return WebhookOutbox{s} }

// Enqueue keeps a notification.
func (o WebhookOutbox) Enqueue(ctx context.Context, event string, body []byte) error {
	_, err := o.s.pool.Exec(ctx, `INSERT INTO webhook_outbox (event, body) VALUES ($1, $2)`, event, body)
	return err
}

// Next takes the oldest notification that is due and tries it: while
// try runs, the row is locked, and other replicas pass over it.
func (o WebhookOutbox) Next(ctx context.Context, try func(event string, body []byte, attempt int) (bool, time.Duration)) (bool, error) {
	took := false
	err := pgx.BeginFunc(ctx, o.s.pool, func(tx pgx.Tx) error {
		var id int64
		var event string
		var body []byte
		var attempts int
		err := tx.QueryRow(ctx, `SELECT id, event, body, attempts FROM webhook_outbox WHERE next_at <= now()
			ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`).Scan(&id, &event, &body, &attempts)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		took = true
		done, retry := try(event, body, attempts+1)
		if done {
			_, err = tx.Exec(ctx, `DELETE FROM webhook_outbox WHERE id = $1`, id)
		} else {
			_, err = tx.Exec(ctx, `UPDATE webhook_outbox SET attempts = attempts + 1, next_at = now() + $2::interval WHERE id = $1`,
				id, retry)
		}
		return err
	})
	return took, err
}

// PutManifest keeps an export's manifest for download from any replica.
func (s *Store) PutManifest(ctx context.Context, m audit.Manifest) error {
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO export_manifests (seq, body) VALUES ($1, $2) ON CONFLICT (seq) DO NOTHING`,
		int64(m.AuditSeq), body)
	if err != nil {
		return fmt.Errorf("keep export manifest: %w", err)
	}
	return nil
}

// Manifest returns the manifest of the export recorded at seq, if it was
// kept.
func (s *Store) Manifest(ctx context.Context, seq uint64) (audit.Manifest, bool, error) {
	var body []byte
	var m audit.Manifest
	err := s.pool.QueryRow(ctx, `SELECT body FROM export_manifests WHERE seq = $1`, int64(seq)).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return m, false, nil
	}
	if err != nil {
		return m, false, err
	}
	return m, true, json.Unmarshal(body, &m)
}

// MailStatuses are where e-mailed replies stand, shared by the replicas.
// A status is opaque JSON to the store: it holds no address and no text.
type MailStatuses struct{ s *Store }

// MailStatuses returns the store's e-mail delivery states.
func (s *Store) MailStatuses() MailStatuses { return MailStatuses{s} }

// Put keeps a reply's delivery state.
func (m MailStatuses) Put(ctx context.Context, message string, body []byte) error {
	_, err := m.s.pool.Exec(ctx, `INSERT INTO mail_status (message, body, updated) VALUES ($1, $2, now())
		ON CONFLICT (message) DO UPDATE SET body = excluded.body, updated = excluded.updated`, message, body)
	return err
}

// Load returns a reply's delivery state, if one was kept.
func (m MailStatuses) Load(ctx context.Context, message string) ([]byte, bool, error) {
	var body []byte
	err := m.s.pool.QueryRow(ctx, `SELECT body FROM mail_status WHERE message = $1`, message).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, false, nil
	}
	return body, err == nil, err
}
