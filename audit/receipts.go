package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// Receipt answers an erasure request.
type Receipt struct {
	Subject        string    `json:"subject"` // the subject pseudonym, or the conversation ref
	ErasedAt       time.Time `json:"erased_at"`
	EventsAffected int       `json:"events_affected"`
	AuditSeq       uint64    `json:"audit_seq"`
	// Pending is set while the erased content's keys, already unusable,
	// are still in the key file: the store is retrying its rewrite.
	Pending bool `json:"pending,omitempty"`
}

// ErrNoErasure means the subject or conversation was never erased.
var ErrNoErasure = fault.New(fault.NotFound, "no erasure of this subject or conversation")

// bucketErasures keeps the receipt of the last erasure of each subject
// and conversation (pseudonyms only), so that asking again answers the
// same receipt.
var bucketErasures = []byte("erasures")

// erasedBefore is the verdict of an erasure's check when nothing was
// appended since the last erasure of the same target.
type erasedBefore struct{ r Receipt }

func (e *erasedBefore) Error() string { return "already erased" }

func putReceipt(tx *bolt.Tx, target string, r Receipt) error {
	b, err := tx.CreateBucketIfNotExists(bucketErasures)
	if err != nil {
		return err
	}
	v, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode receipt: %w", err)
	}
	return b.Put([]byte(target), v)
}

func getReceipt(tx *bolt.Tx, target string) (Receipt, bool) {
	var r Receipt
	b := tx.Bucket(bucketErasures)
	if b == nil {
		return r, false
	}
	v := b.Get([]byte(target))
	return r, v != nil && json.Unmarshal(v, &r) == nil
}

// withPending sets Pending when the erasure's keys are still on disk.
func (s *Store) withPending(r Receipt) Receipt {
	r.Pending = s.shred.pendingFor(r.AuditSeq)
	return r
}

// ErasureReceipt returns the receipt of the last erasure of a subject
// pseudonym or conversation ref, or ErrNoErasure.
func (s *Store) ErasureReceipt(ctx context.Context, target string) (Receipt, error) {
	var r Receipt
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		r, found = getReceipt(tx, target)
		return nil
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("read receipt: %w", err)
	}
	if !found {
		return Receipt{}, fmt.Errorf("%s: %w", target, ErrNoErasure)
	}
	return s.withPending(r), nil
}
