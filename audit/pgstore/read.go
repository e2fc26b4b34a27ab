package pgstore

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
)

// scanBatch is how many events one query reads.
const scanBatch = 1024

// Scan calls fn for every event the filter selects, in sequence order,
// as audit.Store.Scan does.
func (s *Store) Scan(ctx context.Context, f audit.Filter, content bool, fn func(audit.Event) error) error {
	next := f.AfterSeq + 1
	sent := 0
	for {
		evs, last, err := s.readFrom(ctx, next, scanBatch)
		if err != nil {
			return err
		}
		if last < next {
			return nil
		}
		sel := evs[:0]
		for _, ev := range evs {
			if f.Match(&ev.Envelope) {
				sel = append(sel, ev)
			}
		}
		if content {
			if err := s.decrypt(ctx, sel); err != nil {
				return err
			}
		}
		for i := range sel {
			if err := fn(sel[i]); err != nil {
				return err
			}
			sent++
			if f.Limit > 0 && sent >= f.Limit {
				return nil
			}
		}
		next = last + 1
	}
}

func (s *Store) readFrom(ctx context.Context, from uint64, n int) ([]audit.Event, uint64, error) {
	rows, err := s.pool.Query(ctx, `SELECT seq, record FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2`, int64(from), n)
	if err != nil {
		return nil, 0, fmt.Errorf("read events: %w", err)
	}
	return decodeRows(rows)
}

func decodeRows(rows pgx.Rows) ([]audit.Event, uint64, error) {
	defer rows.Close()
	var evs []audit.Event
	var last uint64
	for rows.Next() {
		var seq int64
		var rec []byte
		if err := rows.Scan(&seq, &rec); err != nil {
			return nil, 0, err
		}
		ev, err := audit.DecodeEvent(uint64(seq), rec)
		if err != nil {
			return nil, 0, fmt.Errorf("event %d: %w", seq, err)
		}
		evs = append(evs, ev)
		last = uint64(seq)
	}
	return evs, last, rows.Err()
}

// decrypt opens the events' content with keys read now, so that a key
// shredded by any replica is refused at once.
func (s *Store) decrypt(ctx context.Context, evs []audit.Event) error {
	var kids []string
	seen := map[string]bool{}
	for i := range evs {
		if kid, sealed := evs[i].SealedContent(); len(sealed) > 0 && !seen[kid] {
			seen[kid] = true
			kids = append(kids, kid)
		}
	}
	keys, err := s.readingKeys(ctx, s.pool, kids)
	if err != nil {
		return err
	}
	for i := range evs {
		kid, sealed := evs[i].SealedContent()
		if len(sealed) == 0 {
			continue
		}
		k, ok := keys[kid]
		if !ok {
			evs[i].Shredded = true
			continue
		}
		if err := k.OpenEvent(&evs[i]); err != nil {
			s.log.Warn("audit content unreadable", "seq", evs[i].Seq, "err", err)
		}
	}
	return nil
}

// Conversation returns a conversation's events in order, with content.
func (s *Store) Conversation(ctx context.Context, ref string) ([]audit.Event, error) {
	return s.indexed(ctx, `SELECT e.seq, e.record FROM audit_by_conversation i JOIN audit_events e ON e.seq = i.seq
		WHERE i.conversation = $1 ORDER BY e.seq`, ref)
}

// Subject returns a subject's events in order, with content.
func (s *Store) Subject(ctx context.Context, pseudonym string) ([]audit.Event, error) {
	return s.indexed(ctx, `SELECT e.seq, e.record FROM audit_by_subject i JOIN audit_events e ON e.seq = i.seq
		WHERE i.subject = $1 ORDER BY e.seq`, pseudonym)
}

func (s *Store) indexed(ctx context.Context, sql string, id any) ([]audit.Event, error) {
	rows, err := s.pool.Query(ctx, sql, id)
	if err != nil {
		return nil, err
	}
	evs, _, err := decodeRows(rows)
	if err != nil {
		return nil, err
	}
	return evs, s.decrypt(ctx, evs)
}

// MessageEvent returns the decision event that gave a message id, with
// its content, or audit.ErrNoMessage.
func (s *Store) MessageEvent(ctx context.Context, message string) (audit.Event, error) {
	evs, err := s.indexed(ctx, `SELECT e.seq, e.record FROM audit_by_message i JOIN audit_events e ON e.seq = i.seq
		WHERE i.message = $1`, message)
	if err != nil {
		return audit.Event{}, err
	}
	if len(evs) == 0 {
		return audit.Event{}, audit.ErrNoMessage
	}
	return evs[0], nil
}

// Verify walks the whole log as audit.Store.Verify does.
func (s *Store) Verify(ctx context.Context) (audit.VerifyResult, error) {
	return s.VerifyWith(ctx, audit.VerifyOptions{})
}

// VerifyCheckpoint verifies the log and against cp, kept elsewhere.
func (s *Store) VerifyCheckpoint(ctx context.Context, cp audit.Checkpoint) (audit.VerifyResult, error) {
	return s.VerifyWith(ctx, audit.VerifyOptions{Checkpoint: &cp})
}

// VerifyWith verifies the log with the walk the embedded store uses.
func (s *Store) VerifyWith(ctx context.Context, o audit.VerifyOptions) (audit.VerifyResult, error) {
	return audit.VerifySource(ctx, records{s}, s.keys, s.public, s.mark, o)
}

// records is the store as an audit.RecordSource.
type records struct{ s *Store }

func (r records) Checkpoints(ctx context.Context) (map[uint64]audit.Checkpoint, error) {
	rows, err := r.s.pool.Query(ctx, `SELECT seq, body FROM audit_checkpoints`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[uint64]audit.Checkpoint{}
	for rows.Next() {
		var seq int64
		var body []byte
		if err := rows.Scan(&seq, &body); err != nil {
			return nil, err
		}
		var cp audit.Checkpoint
		if err := json.Unmarshal(body, &cp); err != nil || cp.Seq != uint64(seq) {
			return nil, fmt.Errorf("stored checkpoint %d is malformed: %w", seq, audit.ErrTampered)
		}
		out[cp.Seq] = cp
	}
	return out, rows.Err()
}

func (r records) Records(ctx context.Context, from uint64, max int, fn func(k, v []byte) bool) (int, error) {
	rows, err := r.s.pool.Query(ctx, `SELECT seq, record FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2`, int64(from), max)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	var key [8]byte
	var seq int64
	var rec []byte
	for rows.Next() {
		if err := rows.Scan(&seq, &rec); err != nil {
			return n, err
		}
		n++
		binary.BigEndian.PutUint64(key[:], uint64(seq))
		if !fn(key[:], rec) {
			break
		}
	}
	return n, rows.Err()
}

func (r records) Head(ctx context.Context) (uint64, []byte, bool, error) {
	var seq int64
	var hash []byte
	err := r.s.pool.QueryRow(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&seq, &hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil, false, nil
	}
	if seq == 0 {
		return 0, nil, false, err // an empty log records no head, as audit.db
	}
	return uint64(seq), hash, err == nil, err
}

// Checkpoint signs the log's current head now and records it.
func (s *Store) Checkpoint(ctx context.Context) (audit.Checkpoint, error) {
	res, err := s.submit(ctx, &request{checkpoint: true})
	if err == nil {
		err = res.err
	}
	if err != nil {
		return audit.Checkpoint{}, fmt.Errorf("checkpoint: %w", err)
	}
	return res.cp, nil
}

// LatestCheckpoint returns the newest recorded checkpoint, or
// audit.ErrNoCheckpoint.
func (s *Store) LatestCheckpoint(ctx context.Context) (audit.Checkpoint, error) {
	var body []byte
	err := s.pool.QueryRow(ctx, `SELECT body FROM audit_checkpoints ORDER BY seq DESC LIMIT 1`).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return audit.Checkpoint{}, audit.ErrNoCheckpoint
	}
	if err != nil {
		return audit.Checkpoint{}, fmt.Errorf("read checkpoint: %w", err)
	}
	var cp audit.Checkpoint
	if err := json.Unmarshal(body, &cp); err != nil {
		return cp, fmt.Errorf("read checkpoint: %w", audit.ErrTampered)
	}
	return cp, nil
}

// Export streams the selected events to w and records the export, as
// audit.Store.Export does.
func (s *Store) Export(ctx context.Context, w io.Writer, req audit.ExportRequest) (audit.ExportSummary, error) {
	return audit.WriteExport(ctx, w, req, exporter{s})
}

type exporter struct{ *Store }

func (e exporter) Writable() bool { return !e.opts.ReadOnly }
func (e exporter) Now() time.Time { return e.now() }
