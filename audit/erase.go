package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// EraseSubject erases everything readable about a subject (GDPR Art. 17):
// it shreds the keys of the subject's content and of the conversations
// the subject took part in, removes the subject and those conversations
// from the indexes, and appends an erasure event. The envelopes stay, so
// the log still verifies and still shows what was decided, without text.
// A legal hold on the subject or on one of its conversations blocks the
// erasure with a *HoldError.
//
// Content appended while the erasure runs may be erased with it; content
// appended after it returns is sealed under a fresh key. Asking again
// when nothing new was appended gives the same receipt, and records
// nothing. The content is unreadable from the moment the erasure is
// recorded; if the key file cannot be rewritten at once (a full disk),
// the receipt says Pending and the store keeps trying in the background.
func (s *Store) EraseSubject(ctx context.Context, pseudonym, actor string) (Receipt, error) {
	if !isPseudonym(pseudonym, "s_") {
		return Receipt{}, invalid("subject %q is not a subject pseudonym (s_...)", pseudonym)
	}
	return s.erase(ctx, &erasure{subject: pseudonym}, actor)
}

// EraseConversation erases one conversation, given by its ref
// (ConversationRef of the capability): its content is sealed under keys of
// its own (a subject's content in it too, since each of a subject's
// conversations has its own key), so shredding them erases this
// conversation and nothing else. It is removed from the indexes, the
// subject's included, and an erasure event is appended. A hold on the
// conversation or on a subject in it blocks the erasure.
func (s *Store) EraseConversation(ctx context.Context, ref, actor string) (Receipt, error) {
	if !isPseudonym(ref, "k_") {
		return Receipt{}, invalid("conversation %q is not a conversation ref (k_...)", ref)
	}
	return s.erase(ctx, &erasure{conversation: ref}, actor)
}

func isPseudonym(id, prefix string) bool {
	return len(id) > len(prefix) && strings.HasPrefix(id, prefix) && validID(id)
}

// erasure is what one erasure covers, worked out inside the writer's
// transaction so that events appended just before it are included.
type erasure struct {
	subject, conversation string

	convs    map[string]bool // conversations to unindex
	subjects map[string]bool // subjects whose index entries in those conversations go
	seqs     map[uint64]bool
	keys     shredding
}

func (s *Store) erase(ctx context.Context, e *erasure, actor string) (Receipt, error) {
	if err := s.writable(); err != nil {
		return Receipt{}, err
	}
	now := s.now().UTC()
	env := Envelope{Time: now, Type: TypeErasure, Subject: e.subject, Conversation: e.conversation, Actor: actor}
	seq, err := s.append(ctx, env, nil, appendOpts{
		check: func(tx *bolt.Tx, env *Envelope) error {
			if err := s.planErasure(tx, e); err != nil {
				return err
			}
			if r, ok := getReceipt(tx, e.target()); ok && len(e.seqs) == 0 && len(e.keys.kids) == 0 {
				return &erasedBefore{r: r} // nothing new since: the same answer
			}
			if h, ok, err := HeldAny(boltBuckets{tx}, e.targets()); err != nil {
				return err
			} else if ok {
				return &HoldError{Hold: h}
			}
			env.Attrs = map[string]string{
				"scope":           e.scope(),
				"events_affected": strconv.Itoa(len(e.seqs)),
				"keys_shredded":   strconv.Itoa(len(e.keys.kids)),
				"conversations":   strconv.Itoa(len(e.convs)),
			}
			return nil
		},
		apply: func(tx *bolt.Tx, seq uint64) error {
			if err := e.keys.mark(tx, seq); err != nil {
				return err
			}
			if err := e.unindex(tx); err != nil {
				return err
			}
			return putReceipt(tx, e.target(), Receipt{Subject: e.target(), ErasedAt: now, EventsAffected: len(e.seqs), AuditSeq: seq})
		},
		committed: func(seq uint64) { s.marked(e.keys.kids, seq) },
	})
	var again *erasedBefore
	if errors.As(err, &again) {
		return s.withPending(again.r), nil
	}
	var held *HoldError
	if errors.As(err, &held) {
		s.DescribeHold(ctx, &held.Hold)
	}
	if err != nil {
		return Receipt{}, fmt.Errorf("erase: %w", err)
	}
	if err := s.finishShredding(); err != nil {
		s.log.Error("audit erasure recorded, shredding pending", "audit_seq", seq, "err", err)
	}
	return s.withPending(Receipt{Subject: e.target(), ErasedAt: now, EventsAffected: len(e.seqs), AuditSeq: seq}), nil
}

// planErasure finds the events, conversations and keys an erasure covers.
func (s *Store) planErasure(tx *bolt.Tx, e *erasure) error {
	e.convs, e.subjects = map[string]bool{}, map[string]bool{}
	e.seqs, e.keys = map[uint64]bool{}, newShredding()
	if e.subject != "" {
		e.subjects[e.subject] = true
		if err := e.collect(tx, seqsFor(tx, bucketBySubject, e.subject)); err != nil {
			return err
		}
	} else {
		e.convs[e.conversation] = true
	}
	for conv := range e.convs {
		if err := e.collect(tx, seqsFor(tx, bucketByConv, conv)); err != nil {
			return err
		}
	}
	owners := tx.Bucket(bucketKeyOwners).Cursor()
	scan := func(owner string, withParts bool) {
		p := []byte(owner)
		for k, _ := owners.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = owners.Next() {
			if rest := k[len(p):]; len(rest) > 0 && (rest[0] == 0 || withParts && rest[0] == '/') {
				e.keys.add(k)
			}
		}
	}
	if e.subject != "" {
		scan("s/"+e.subject, true) // the subject's keys, in every conversation
		for conv := range e.convs {
			scan("c/"+conv, false) // the anonymous part of its conversations
		}
		return nil
	}
	scan("c/"+e.conversation, false)
	for subj := range e.subjects {
		scan("s/"+subj+"/"+e.conversation, false)
	}
	return nil
}

// collect adds events, and the conversations and subjects they name.
func (e *erasure) collect(tx *bolt.Tx, seqs []uint64) error {
	events := tx.Bucket(bucketEvents)
	for _, seq := range seqs {
		if e.seqs[seq] {
			continue
		}
		e.seqs[seq] = true
		v := events.Get(seqKey(seq))
		if v == nil {
			return fmt.Errorf("index names missing event %d: %w", seq, ErrTampered)
		}
		rec, err := unmarshalRecord(v)
		if err != nil {
			return fmt.Errorf("event %d: %w", seq, err)
		}
		var who struct{ Subject, Conversation string }
		if err := json.Unmarshal(rec.env, &who); err != nil {
			return fmt.Errorf("event %d envelope: %w", seq, ErrTampered)
		}
		if who.Conversation != "" && e.subject != "" {
			e.convs[who.Conversation] = true
		}
		if who.Subject != "" && e.subject == "" {
			e.subjects[who.Subject] = true
		}
	}
	return nil
}

// target is what was asked to be erased.
func (e *erasure) target() string { return cmpOr(e.subject, e.conversation) }

func (e *erasure) scope() string {
	if e.subject != "" {
		return "subject"
	}
	return "conversation"
}

func (e *erasure) targets() []string {
	var t []string
	for id := range e.subjects {
		t = append(t, id)
	}
	for id := range e.convs {
		t = append(t, id)
	}
	return t
}

// unindex removes the erased events from the subject and conversation
// indexes.
func (e *erasure) unindex(tx *bolt.Tx) error {
	if err := forgetHandoffs(boltBuckets{tx}, e.convs, e.subject); err != nil {
		return err
	}
	for conv := range e.convs {
		if _, err := unindex(tx, bucketByConv, conv); err != nil {
			return err
		}
	}
	if e.subject != "" {
		_, err := unindex(tx, bucketBySubject, e.subject)
		return err
	}
	b := tx.Bucket(bucketBySubject)
	for subj := range e.subjects {
		for seq := range e.seqs {
			if err := b.Delete(indexKey(subj, seq)); err != nil {
				return fmt.Errorf("unindex %d: %w", seq, err)
			}
		}
	}
	return nil
}
