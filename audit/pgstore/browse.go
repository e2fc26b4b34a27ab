package pgstore

import (
	"context"
	"fmt"
	"io"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/fault"
)

// ErrBackupElsewhere answers a backup asked of the server: a log in
// PostgreSQL is backed up by the database's own tools.
var ErrBackupElsewhere = fault.New(fault.Conflict,
	"the audit store is in PostgreSQL: back it up with pg_dump or pgBackRest, and keep the master key and the KEK file apart; the server takes no backup of it")

// ScanBack calls fn for the events the filter selects, newest first,
// before beforeSeq (0: from the end), without content, as
// audit.Store.ScanBack does.
func (s *Store) ScanBack(ctx context.Context, f audit.Filter, beforeSeq uint64, fn func(audit.Event) error) error {
	sent := 0
	next := int64(beforeSeq)
	if beforeSeq == 0 {
		next = 1 << 62
	}
	for {
		rows, err := s.pool.Query(ctx, `SELECT seq, record FROM audit_events WHERE seq < $1 AND seq > $2 ORDER BY seq DESC LIMIT $3`,
			next, int64(f.AfterSeq), scanBatch)
		if err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		evs, _, err := decodeRows(rows)
		if err != nil {
			return err
		}
		if len(evs) == 0 {
			return nil
		}
		for _, ev := range evs {
			if !f.Match(&ev.Envelope) {
				continue
			}
			if err := fn(ev); err != nil {
				return err
			}
			sent++
			if f.Limit > 0 && sent >= f.Limit {
				return nil
			}
		}
		next = int64(evs[len(evs)-1].Seq)
	}
}

// ProveEvent checks one event and the chain from it to the checkpoint
// that covers it, as audit.Store.ProveEvent does.
func (s *Store) ProveEvent(ctx context.Context, seq uint64) (audit.Proof, error) {
	return audit.ProveSource(ctx, records{s}, s.keys, s.public, seq)
}

// FirstQuestion returns the first decision of a conversation with its
// content.
func (s *Store) FirstQuestion(ctx context.Context, ref string) (audit.Event, bool, error) {
	evs, err := s.indexed(ctx, `SELECT e.seq, e.record FROM audit_by_conversation i JOIN audit_events e ON e.seq = i.seq
		WHERE i.conversation = $1 AND e.type = 'decision' ORDER BY e.seq LIMIT 1`, ref)
	if err != nil || len(evs) == 0 {
		return audit.Event{}, false, err
	}
	return evs[0], true, nil
}

// BackupRefused says that the server takes no backup of this store, and
// what does.
func (s *Store) BackupRefused() error { return ErrBackupElsewhere }

// Backup refuses: see ErrBackupElsewhere.
func (s *Store) Backup(ctx context.Context, w io.Writer) (int64, error) { return 0, ErrBackupElsewhere }
