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

// ErrNotEmpty means the database already holds a log: a migration only
// fills an empty one.
var ErrNotEmpty = errors.New("the database already holds an audit log; migrate into an empty one")

// Source is an embedded store as a migration reads it.
type Source interface {
	CopyTo(ctx context.Context, c audit.Copier) error
}

// MigrateReport says what a migration copied and how it verified.
type MigrateReport struct {
	Events      uint64             `json:"events"`
	ContentKeys int                `json:"content_keys"`
	Tokens      int                `json:"tokens"`
	Checkpoint  *audit.Checkpoint  `json:"checkpoint,omitempty"`
	Verify      audit.VerifyResult `json:"verify"`
}

// Migrate copies an embedded log into the empty database url names, in
// one transaction: the records verbatim (so every hash and checkpoint
// stays valid), the signing key and chain marker, the checkpoints, the
// live content keys (still wrapped as the embedded store wrapped them:
// KEK version 0), shredded key ids, tokens, erasure receipts and the
// indexes. Then it verifies the copy against the latest checkpoint.
func Migrate(ctx context.Context, url string, opts Options, src Source) (MigrateReport, error) {
	opts = opts.withDefaults()
	var rep MigrateReport
	pool, err := connect(ctx, url, opts)
	if err != nil {
		return rep, err
	}
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockInit); err != nil {
			return err
		}
		var n int64
		if err := tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM audit_meta) + (SELECT count(*) FROM audit_events)`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrNotEmpty
		}
		c := &copier{ctx: ctx, tx: tx, rep: &rep}
		if err := src.CopyTo(ctx, c); err != nil {
			return err
		}
		return c.finish()
	})
	pool.Close()
	if err != nil {
		return rep, fmt.Errorf("migrate: %w", err)
	}
	opts.ReadOnly = true
	s, err := Open(ctx, url, opts)
	if err != nil {
		return rep, err
	}
	defer s.Close()
	o := audit.VerifyOptions{}
	if cp, err := s.LatestCheckpoint(ctx); err == nil {
		rep.Checkpoint, o.Checkpoint = &cp, &cp
	}
	rep.Verify, err = s.VerifyWith(ctx, o)
	return rep, err
}

// copier writes what an embedded store hands over.
type copier struct {
	ctx context.Context
	tx  pgx.Tx
	rep *MigrateReport

	seqs         []int64
	records      [][]byte
	types        []string
	times        []time.Time
	every        uint64 // the cadence of the chain marker, then of the last keyed checkpoint
	due, cpEvent uint64
	headSeq      uint64
	headHash     []byte
	keyedFrom    uint64
}

func (c *copier) Meta(signingKey, publicKey, mark []byte) error {
	if signingKey == nil || mark == nil {
		return fmt.Errorf("the embedded store has no signing key or chain marker: open it once with this version first: %w", audit.ErrSigningKey)
	}
	_, err := c.tx.Exec(c.ctx, `INSERT INTO audit_meta (k, v) VALUES ('signing_key', $1), ('public_key', $2), ('chain', $3), ('created', $4)`,
		signingKey, publicKey, mark, []byte(time.Now().UTC().Format(time.RFC3339)))
	if err != nil {
		return err
	}
	// from and every, without the MAC check (Open checks the marker).
	if len(mark) == 49 {
		c.keyedFrom = beUint64(mark[1:9])
		c.every = beUint64(mark[9:17])
		c.due = audit.DueAfter(c.keyedFrom-1, c.every)
	}
	return nil
}

func beUint64(b []byte) uint64 {
	var v uint64
	for _, x := range b[:8] {
		v = v<<8 | uint64(x)
	}
	return v
}

func (c *copier) Record(seq uint64, rec []byte) error {
	r, err := audit.UnmarshalRecord(rec)
	if err != nil {
		return fmt.Errorf("event %d: %w", seq, err)
	}
	var env struct {
		Type string    `json:"type"`
		Time time.Time `json:"time"`
	}
	if err := json.Unmarshal(r.Envelope, &env); err != nil {
		return fmt.Errorf("event %d envelope: %w", seq, audit.ErrTampered)
	}
	if every, ok := audit.CheckpointCadence(rec); ok {
		c.due = audit.DueAfter(seq-1, every)
	}
	c.seqs = append(c.seqs, int64(seq))
	c.records = append(c.records, append([]byte(nil), rec...))
	c.types = append(c.types, env.Type)
	c.times = append(c.times, env.Time)
	c.rep.Events = seq
	if len(c.seqs) >= 2048 {
		return c.flush()
	}
	return nil
}

func (c *copier) flush() error {
	if len(c.seqs) == 0 {
		return nil
	}
	_, err := c.tx.Exec(c.ctx, `INSERT INTO audit_events (seq, record, type, time)
		SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::text[], $4::timestamptz[])`, c.seqs, c.records, c.types, c.times)
	c.seqs, c.records, c.types, c.times = c.seqs[:0], c.records[:0], c.types[:0], c.times[:0]
	return err
}

func (c *copier) Checkpoint(eventSeq uint64, cp audit.Checkpoint) error {
	body, err := json.Marshal(cp)
	if err != nil {
		return err
	}
	c.cpEvent = max(c.cpEvent, eventSeq)
	_, err = c.tx.Exec(c.ctx, `INSERT INTO audit_checkpoints (seq, event_seq, body) VALUES ($1, $2, $3)`, int64(cp.Seq), int64(eventSeq), body)
	return err
}

func (c *copier) ContentKey(kid, owner string, assigned time.Time, wrapped []byte) error {
	c.rep.ContentKeys++
	_, err := c.tx.Exec(c.ctx, `INSERT INTO audit_content_keys (kid, owner, assigned, kek_version, wrapped) VALUES ($1, $2, $3, 0, $4)`,
		kid, owner, assigned, wrapped)
	return err
}

func (c *copier) Shredded(kid string, seq uint64) error {
	_, err := c.tx.Exec(c.ctx, `INSERT INTO audit_shredded (kid, seq) VALUES ($1, $2) ON CONFLICT DO NOTHING`, kid, int64(seq))
	return err
}

func (c *copier) Token(stored []byte) error {
	var t storedToken
	if err := json.Unmarshal(stored, &t); err != nil {
		return fmt.Errorf("decode token: %w", err)
	}
	c.rep.Tokens++
	_, err := c.tx.Exec(c.ctx, `INSERT INTO audit_tokens (id, hash, body) VALUES ($1, $2, $3)`, t.ID, t.Hash, stored)
	return err
}

func (c *copier) Receipt(target string, stored []byte) error {
	_, err := c.tx.Exec(c.ctx, `INSERT INTO audit_receipts (target, body) VALUES ($1, $2)`, target, stored)
	return err
}

func (c *copier) Index(index, id string, seq uint64) error {
	var sql string
	switch index {
	case "conversation":
		sql = `INSERT INTO audit_by_conversation (conversation, seq) VALUES ($1, $2) ON CONFLICT DO NOTHING`
	case "subject":
		sql = `INSERT INTO audit_by_subject (subject, seq) VALUES ($1, $2) ON CONFLICT DO NOTHING`
	case "message":
		sql = `INSERT INTO audit_by_message (message, seq) VALUES ($1, $2) ON CONFLICT (message) DO UPDATE SET seq = excluded.seq`
	default:
		return fmt.Errorf("unknown index %q", index)
	}
	_, err := c.tx.Exec(c.ctx, sql, id, int64(seq))
	return err
}

func (c *copier) Head(seq uint64, hash []byte) error {
	c.headSeq, c.headHash = seq, hash
	return nil
}

func (c *copier) finish() error {
	if err := c.flush(); err != nil {
		return err
	}
	hash := c.headHash
	if len(hash) != 32 {
		hash = make([]byte, 32)
	}
	_, err := c.tx.Exec(c.ctx, `INSERT INTO audit_head (id, seq, hash, cp_event_seq, due_at) VALUES (1, $1, $2, $3, $4)`,
		int64(c.headSeq), hash, int64(c.cpEvent), int64(c.due))
	return err
}
