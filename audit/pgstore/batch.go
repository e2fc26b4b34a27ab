package pgstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
)

// writeBatch does the work of one transaction.
func (s *Store) writeBatch(ctx context.Context, tx pgx.Tx, id []byte, batch []*request, results []result) (*chainWriter, error) {
	if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit = on`); err != nil {
		return nil, err
	}
	w := &chainWriter{s: s, tx: tx, batch: id, every: s.opts.cadence()}
	var seq, cpEvent, due int64
	var head []byte
	err := tx.QueryRow(ctx, `SELECT seq, hash, cp_event_seq, due_at FROM audit_head WHERE id = 1 FOR UPDATE`).Scan(&seq, &head, &cpEvent, &due)
	if err != nil {
		return nil, fmt.Errorf("lock the head: %w", err)
	}
	w.seq, w.cpEventSeq, w.dueAt = uint64(seq), uint64(cpEvent), uint64(due)
	copy(w.head[:], head)
	shredded, err := s.shreddedAmong(ctx, tx, batch)
	if err != nil {
		return nil, err
	}
	if w.due() {
		if _, err := w.checkpoint(ctx); err != nil {
			return nil, err
		}
	}
	inserted := map[string]bool{}
	for i, r := range batch {
		if r.checkpoint {
			if r.ifNew && w.seq <= w.cpEventSeq {
				continue
			}
			cp, err := w.checkpoint(ctx)
			if err != nil {
				return nil, err
			}
			results[i] = result{seq: cp.Seq, cp: cp}
			continue
		}
		kid := ""
		if r.seal != nil {
			kid = r.seal.key.ID()
			if shredded[kid] {
				results[i] = result{err: errStaleKey}
				continue
			}
		}
		env, envJSON := r.env, r.envJSON
		if r.check != nil {
			if err := w.flush(ctx); err != nil {
				return nil, err
			}
			if err := r.check(ctx, tx, &env); err != nil {
				results[i] = result{err: err}
				continue
			}
			if envJSON, err = json.Marshal(&env); err != nil {
				results[i] = result{err: fmt.Errorf("encode envelope: %w", err)}
				continue
			}
		}
		if r.seal != nil && !r.seal.recorded && !inserted[kid] {
			if retired, err := w.retired(ctx); err != nil {
				return nil, err
			} else if retired[r.seal.version] {
				// Another replica rotated the KEK: this one must be given
				// the new version before it makes keys again.
				results[i] = result{err: fmt.Errorf("new keys would be wrapped by retired version %d: %w", r.seal.version, ErrKEK)}
				continue
			}
			inserted[kid] = true
			_, err := tx.Exec(ctx, `INSERT INTO audit_content_keys (kid, owner, assigned, kek_version, wrapped)
				VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kid) DO NOTHING`, kid, r.seal.owner, r.seal.assigned, r.seal.version, r.seal.wrapped)
			if err != nil {
				return nil, fmt.Errorf("record content key: %w", err)
			}
		}
		seq, err := w.put(&env, envJSON, kid, r.sealed)
		if err != nil {
			return nil, err
		}
		if env.Type == audit.TypeDecision && env.Conversation != "" {
			if err := audit.ProjectDecision(buckets{ctx, tx}, &env, seq); err != nil {
				return nil, fmt.Errorf("project hand-off: %w", err)
			}
		}
		if r.apply != nil {
			if err := w.flush(ctx); err != nil {
				return nil, err
			}
			if err := r.apply(ctx, tx, seq); err != nil {
				return nil, err
			}
		}
		if w.due() {
			if _, err := w.checkpoint(ctx); err != nil {
				return nil, err
			}
		}
		results[i] = result{seq: seq}
	}
	if err := w.flush(ctx); err != nil {
		return nil, err
	}
	_, err = tx.Exec(ctx, `UPDATE audit_head SET seq = $1, hash = $2, cp_event_seq = $3, due_at = $4 WHERE id = 1`,
		int64(w.seq), w.head[:], int64(w.cpEventSeq), int64(w.dueAt))
	if err != nil {
		return nil, fmt.Errorf("record the head: %w", err)
	}
	return w, nil
}

// shreddedAmong returns which of the batch's sealing keys are shredded:
// checked under the head lock, which every erasure takes too, so no
// event is sealed under a key shredded before it.
func (s *Store) shreddedAmong(ctx context.Context, tx pgx.Tx, batch []*request) (map[string]bool, error) {
	var kids []string
	for _, r := range batch {
		if r.seal != nil {
			kids = append(kids, r.seal.key.ID())
		}
	}
	out := map[string]bool{}
	if len(kids) == 0 {
		return out, nil
	}
	rows, err := tx.Query(ctx, `SELECT kid FROM audit_shredded WHERE kid = ANY($1)`, kids)
	if err != nil {
		return nil, fmt.Errorf("check shredded keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kid string
		if err := rows.Scan(&kid); err != nil {
			return nil, err
		}
		out[kid] = true
	}
	return out, rows.Err()
}
