package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
)

// EraseSubject erases everything readable about a subject, as
// audit.Store.EraseSubject does: the keys of the subject's content and of
// the conversations it took part in are deleted and recorded as shredded,
// the indexes forget them, and an erasure event is appended, all in one
// transaction. Every replica refuses the keys from its commit on.
func (s *Store) EraseSubject(ctx context.Context, pseudonym, actor string) (audit.Receipt, error) {
	if !isPseudonym(pseudonym, "s_") {
		return audit.Receipt{}, audit.Invalid("subject %q is not a subject pseudonym (s_...)", pseudonym)
	}
	return s.erase(ctx, &erasure{subject: pseudonym}, actor)
}

// EraseConversation erases one conversation, given by its ref.
func (s *Store) EraseConversation(ctx context.Context, ref, actor string) (audit.Receipt, error) {
	if !isPseudonym(ref, "k_") {
		return audit.Receipt{}, audit.Invalid("conversation %q is not a conversation ref (k_...)", ref)
	}
	return s.erase(ctx, &erasure{conversation: ref}, actor)
}

func isPseudonym(id, prefix string) bool {
	return len(id) > len(prefix) && strings.HasPrefix(id, prefix) && audit.ValidID(id)
}

type erasure struct {
	subject, conversation string

	convs    map[string]bool
	subjects map[string]bool
	seqs     map[int64]bool
	kids     []string
}

// targets are the subjects and conversations whose holds block it.
func (e *erasure) targets() []string {
	return append(keys(e.subjects), keys(e.convs)...)
}

func (e *erasure) target() string {
	if e.subject != "" {
		return e.subject
	}
	return e.conversation
}

type erasedBefore struct{ r audit.Receipt }

func (e *erasedBefore) Error() string { return "already erased" }

func (s *Store) erase(ctx context.Context, e *erasure, actor string) (audit.Receipt, error) {
	now := s.now().UTC()
	env := audit.Envelope{Time: now, Type: audit.TypeErasure, Subject: e.subject, Conversation: e.conversation, Actor: actor}
	var rec audit.Receipt
	seq, err := s.append(ctx, env, nil, extra{
		check: func(ctx context.Context, tx pgx.Tx, env *audit.Envelope) error {
			if err := e.plan(ctx, tx); err != nil {
				return err
			}
			if r, ok, err := getReceipt(ctx, tx, e.target()); err != nil {
				return err
			} else if ok && len(e.seqs) == 0 && len(e.kids) == 0 {
				return &erasedBefore{r: r}
			}
			if h, ok, err := audit.HeldAny(buckets{ctx, tx}, e.targets()); err != nil {
				return err
			} else if ok {
				return &audit.HoldError{Hold: h}
			}
			scope := "conversation"
			if e.subject != "" {
				scope = "subject"
			}
			env.Attrs = map[string]string{
				"scope":           scope,
				"events_affected": strconv.Itoa(len(e.seqs)),
				"keys_shredded":   strconv.Itoa(len(e.kids)),
				"conversations":   strconv.Itoa(len(e.convs)),
			}
			return nil
		},
		apply: func(ctx context.Context, tx pgx.Tx, seq uint64) error {
			if err := shred(ctx, tx, e.kids, seq); err != nil {
				return err
			}
			if err := audit.ForgetHandoffs(buckets{ctx, tx}, e.convs, e.subject); err != nil {
				return err
			}
			if err := e.unindex(ctx, tx); err != nil {
				return err
			}
			rec = audit.Receipt{Subject: e.target(), ErasedAt: now, EventsAffected: len(e.seqs), AuditSeq: seq}
			return putReceipt(ctx, tx, e.target(), rec)
		},
		committed: func(uint64) { s.sealing.drop() },
	})
	var again *erasedBefore
	if errors.As(err, &again) {
		return again.r, nil
	}
	var held *audit.HoldError
	if errors.As(err, &held) {
		s.DescribeHold(ctx, &held.Hold)
	}
	if err != nil {
		return audit.Receipt{}, fmt.Errorf("erase: %w", err)
	}
	rec.AuditSeq = seq
	return rec, nil
}

// shred deletes the keys and records them as shredded by event seq, and
// tells the other replicas once the transaction commits.
func shred(ctx context.Context, tx pgx.Tx, kids []string, seq uint64) error {
	if len(kids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO audit_shredded (kid, seq) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`, kids, int64(seq)); err != nil {
		return fmt.Errorf("mark keys shredded: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM audit_content_keys WHERE kid = ANY($1)`, kids); err != nil {
		return fmt.Errorf("delete keys: %w", err)
	}
	_, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, channel, "shred "+strconv.FormatUint(seq, 10))
	return err
}

// plan finds the events, conversations and keys an erasure covers.
func (e *erasure) plan(ctx context.Context, tx pgx.Tx) error {
	e.convs, e.subjects, e.seqs, e.kids = map[string]bool{}, map[string]bool{}, map[int64]bool{}, nil
	if e.subject != "" {
		e.subjects[e.subject] = true
		if err := e.collect(ctx, tx, `SELECT e.seq, e.record FROM audit_by_subject i JOIN audit_events e ON e.seq = i.seq WHERE i.subject = $1`, e.subject); err != nil {
			return err
		}
	} else {
		e.convs[e.conversation] = true
	}
	for conv := range e.convs {
		if err := e.collect(ctx, tx, `SELECT e.seq, e.record FROM audit_by_conversation i JOIN audit_events e ON e.seq = i.seq WHERE i.conversation = $1`, conv); err != nil {
			return err
		}
	}
	var exact, prefixes []string
	if e.subject != "" {
		exact = append(exact, "s/"+e.subject)
		prefixes = append(prefixes, "s/"+e.subject+"/")
		for conv := range e.convs {
			exact = append(exact, "c/"+conv)
		}
	} else {
		exact = append(exact, "c/"+e.conversation)
		for subj := range e.subjects {
			exact = append(exact, "s/"+subj+"/"+e.conversation)
		}
	}
	rows, err := tx.Query(ctx, `SELECT kid FROM audit_content_keys WHERE owner = ANY($1)
		OR EXISTS (SELECT 1 FROM unnest($2::text[]) p WHERE starts_with(owner, p))`, exact, prefixes)
	if err != nil {
		return fmt.Errorf("find keys: %w", err)
	}
	e.kids, err = pgx.CollectRows(rows, pgx.RowTo[string])
	return err
}

func (e *erasure) collect(ctx context.Context, tx pgx.Tx, sql, id string) error {
	rows, err := tx.Query(ctx, sql, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var rec []byte
		if err := rows.Scan(&seq, &rec); err != nil {
			return err
		}
		if e.seqs[seq] {
			continue
		}
		e.seqs[seq] = true
		r, err := audit.UnmarshalRecord(rec)
		if err != nil {
			return fmt.Errorf("event %d: %w", seq, err)
		}
		var who struct{ Subject, Conversation string }
		if err := json.Unmarshal(r.Envelope, &who); err != nil {
			return fmt.Errorf("event %d envelope: %w", seq, audit.ErrTampered)
		}
		if who.Conversation != "" && e.subject != "" {
			e.convs[who.Conversation] = true
		}
		if who.Subject != "" && e.subject == "" {
			e.subjects[who.Subject] = true
		}
	}
	return rows.Err()
}

func (e *erasure) unindex(ctx context.Context, tx pgx.Tx) error {
	convs := keys(e.convs)
	if _, err := tx.Exec(ctx, `DELETE FROM audit_by_conversation WHERE conversation = ANY($1)`, convs); err != nil {
		return err
	}
	if e.subject != "" {
		_, err := tx.Exec(ctx, `DELETE FROM audit_by_subject WHERE subject = $1`, e.subject)
		return err
	}
	seqs := make([]int64, 0, len(e.seqs))
	for seq := range e.seqs {
		seqs = append(seqs, seq)
	}
	_, err := tx.Exec(ctx, `DELETE FROM audit_by_subject WHERE subject = ANY($1) AND seq = ANY($2)`, keys(e.subjects), seqs)
	return err
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func putReceipt(ctx context.Context, tx pgx.Tx, target string, r audit.Receipt) error {
	body, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO audit_receipts (target, body) VALUES ($1, $2)
		ON CONFLICT (target) DO UPDATE SET body = excluded.body`, target, body)
	return err
}

func getReceipt(ctx context.Context, q querier, target string) (audit.Receipt, bool, error) {
	var body []byte
	var r audit.Receipt
	err := q.QueryRow(ctx, `SELECT body FROM audit_receipts WHERE target = $1`, target).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, err
	}
	return r, true, json.Unmarshal(body, &r)
}

// ErasureReceipt returns the receipt of the last erasure of a subject or
// conversation, or audit.ErrNoErasure.
func (s *Store) ErasureReceipt(ctx context.Context, target string) (audit.Receipt, error) {
	r, ok, err := getReceipt(ctx, s.pool, target)
	if err == nil && !ok {
		err = audit.ErrNoErasure
	}
	return r, err
}

// RunRetention shreds every content key older than ContentRetention and
// records the run as an event, as audit.Store.RunRetention does: the
// keys of subjects and conversations under a legal hold are kept.
func (s *Store) RunRetention(ctx context.Context) (audit.RetentionReport, error) {
	now := s.now().UTC()
	rep := audit.RetentionReport{Ran: now}
	if s.opts.ContentRetention > 0 {
		rep.Cutoff = now.Add(-s.opts.ContentRetention)
	}
	var kids []string
	env := audit.Envelope{Time: now, Type: audit.TypeRetention, Actor: "retention"}
	seq, err := s.append(ctx, env, nil, extra{
		check: func(ctx context.Context, tx pgx.Tx, env *audit.Envelope) error {
			kids, rep.Held = nil, 0
			if !rep.Cutoff.IsZero() {
				rows, err := tx.Query(ctx, `SELECT kid, owner FROM audit_content_keys WHERE assigned < $1`, rep.Cutoff)
				if err != nil {
					return err
				}
				type due struct{ kid, owner string }
				all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (due, error) {
					var d due
					return d, r.Scan(&d.kid, &d.owner)
				})
				if err != nil {
					return err
				}
				b := buckets{ctx, tx}
				for _, k := range all {
					held, err := audit.OwnerHeld(b, k.owner)
					if err != nil {
						return err
					}
					if held {
						rep.Held++
						continue
					}
					kids = append(kids, k.kid)
				}
			}
			rep.Shredded = len(kids)
			env.Attrs = map[string]string{
				"shredded":       strconv.Itoa(rep.Shredded),
				"held":           strconv.Itoa(rep.Held),
				"retention_days": strconv.Itoa(int(s.opts.ContentRetention.Hours() / 24)),
			}
			if !rep.Cutoff.IsZero() {
				env.Attrs["cutoff"] = rep.Cutoff.Format(time.RFC3339)
			}
			return nil
		},
		apply: func(ctx context.Context, tx pgx.Tx, seq uint64) error {
			if err := shred(ctx, tx, kids, seq); err != nil {
				return err
			}
			return markRun(ctx, tx, "retention", now)
		},
		committed: func(uint64) { s.sealing.drop() },
	})
	if err != nil {
		return rep, fmt.Errorf("retention: %w", err)
	}
	rep.AuditSeq = seq
	return rep, nil
}
