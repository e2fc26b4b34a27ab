package pgstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
)

// chainWriter chains one batch's events onto the head it locked, and
// buffers their rows until flush.
type chainWriter struct {
	s          *Store
	tx         pgx.Tx
	batch      []byte
	seq        uint64
	head       [32]byte
	cpEventSeq uint64
	dueAt      uint64
	every      uint64

	seqs    []int64
	records [][]byte
	types   []string
	times   []time.Time
	index   []indexRow
	message []indexRow

	retiredKEKs map[int]bool // read once per batch, when a new key is recorded
}

// retired returns the KEK versions scheduled for destruction.
func (w *chainWriter) retired(ctx context.Context) (map[int]bool, error) {
	if w.retiredKEKs != nil {
		return w.retiredKEKs, nil
	}
	rows, err := w.tx.Query(ctx, `SELECT version FROM audit_kek_versions WHERE retire_after IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	vs, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		return nil, err
	}
	w.retiredKEKs = map[int]bool{}
	for _, v := range vs {
		w.retiredKEKs[v] = true
	}
	return w.retiredKEKs, nil
}

type indexRow struct {
	table, id string
	seq       int64
}

func (w *chainWriter) due() bool { return w.dueAt > 0 && w.seq >= w.dueAt }

// put chains one event (the bytes audit.db would hold) and buffers it and
// its index entries.
func (w *chainWriter) put(env *audit.Envelope, envJSON []byte, kid string, sealed []byte) (uint64, error) {
	w.seq++
	rec := audit.Record{Version: audit.RecordV2, Prev: w.head, KeyID: kid, Envelope: envJSON, Sealed: sealed}
	var err error
	if rec.Hash, err = w.s.hasher.Sum(rec.Version, w.seq, &rec.Prev, kid, envJSON, sealed); err != nil {
		return 0, err
	}
	w.head = rec.Hash
	seq := int64(w.seq)
	w.seqs = append(w.seqs, seq)
	w.records = append(w.records, rec.Marshal())
	w.types = append(w.types, env.Type)
	w.times = append(w.times, env.Time)
	if !audit.Administrative(env.Type) {
		if env.Conversation != "" {
			w.index = append(w.index, indexRow{"audit_by_conversation", env.Conversation, seq})
		}
		if env.Subject != "" {
			w.index = append(w.index, indexRow{"audit_by_subject", env.Subject, seq})
		}
		if env.Type == audit.TypeDecision && env.Message != "" {
			w.message = append(w.message, indexRow{"audit_by_message", env.Message, seq})
		}
	}
	return w.seq, nil
}

// flush inserts the buffered rows, one statement per table.
func (w *chainWriter) flush(ctx context.Context) error {
	if len(w.seqs) == 0 {
		return nil
	}
	_, err := w.tx.Exec(ctx, `INSERT INTO audit_events (seq, record, type, time, batch)
		SELECT s, r, t, tm, $5 FROM unnest($1::bigint[], $2::bytea[], $3::text[], $4::timestamptz[]) AS u(s, r, t, tm)`,
		w.seqs, w.records, w.types, w.times, w.batch)
	if err != nil {
		return fmt.Errorf("insert events: %w", err)
	}
	for _, table := range []string{"audit_by_conversation", "audit_by_subject"} {
		var ids []string
		var seqs []int64
		for _, r := range w.index {
			if r.table == table {
				ids, seqs = append(ids, r.id), append(seqs, r.seq)
			}
		}
		if len(ids) == 0 {
			continue
		}
		col := "conversation"
		if table == "audit_by_subject" {
			col = "subject"
		}
		_, err := w.tx.Exec(ctx, `INSERT INTO `+table+` (`+col+`, seq) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING`, ids, seqs)
		if err != nil {
			return fmt.Errorf("index events: %w", err)
		}
	}
	if len(w.message) > 0 {
		// One row per message, the last event's, as a put in audit.db would
		// leave it (one statement may not update a row twice).
		last := map[string]int64{}
		for _, r := range w.message {
			last[r.id] = r.seq
		}
		ids := make([]string, 0, len(last))
		seqs := make([]int64, 0, len(last))
		for id, seq := range last {
			ids, seqs = append(ids, id), append(seqs, seq)
		}
		_, err := w.tx.Exec(ctx, `INSERT INTO audit_by_message (message, seq) SELECT * FROM unnest($1::text[], $2::bigint[])
			ON CONFLICT (message) DO UPDATE SET seq = excluded.seq`, ids, seqs)
		if err != nil {
			return fmt.Errorf("index messages: %w", err)
		}
	}
	w.seqs, w.records, w.types, w.times, w.index, w.message = w.seqs[:0], w.records[:0], w.types[:0], w.times[:0], w.index[:0], w.message[:0]
	return nil
}

// checkpoint signs the chain as it stands and records the checkpoint as
// an event and in audit_checkpoints.
func (w *chainWriter) checkpoint(ctx context.Context) (audit.Checkpoint, error) {
	s := w.s
	if s.signer == nil {
		return audit.Checkpoint{}, audit.ErrReadOnly
	}
	cp, env := s.signer.Checkpoint(w.seq, w.head, s.now().UTC(), w.every)
	envJSON, err := json.Marshal(&env)
	if err != nil {
		return cp, fmt.Errorf("encode checkpoint: %w", err)
	}
	evSeq, err := w.put(&env, envJSON, "", nil)
	if err != nil {
		return cp, err
	}
	body, err := json.Marshal(cp)
	if err != nil {
		return cp, err
	}
	if _, err := w.tx.Exec(ctx, `INSERT INTO audit_checkpoints (seq, event_seq, body) VALUES ($1, $2, $3)`,
		int64(cp.Seq), int64(evSeq), body); err != nil {
		return cp, fmt.Errorf("record checkpoint: %w", err)
	}
	w.cpEventSeq, w.dueAt = evSeq, audit.DueAfter(cp.Seq, w.every)
	return cp, nil
}
