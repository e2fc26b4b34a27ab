package audit

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Copier receives a copy of the log, as another backend takes it in
// (hushdesk audit migrate). Records come verbatim, in order; content
// keys wrapped as the embedded store wraps them (Keys.ContentKeyWrapper).
type Copier interface {
	Meta(signingKey, publicKey, chainMark []byte) error
	Record(seq uint64, rec []byte) error
	Checkpoint(eventSeq uint64, cp Checkpoint) error
	ContentKey(kid, owner string, assigned time.Time, wrapped []byte) error
	Shredded(kid string, seq uint64) error
	Token(stored []byte) error
	Receipt(target string, stored []byte) error
	// Index is one entry of the conversation, subject or message index
	// (index "conversation", "subject", "message"), which erasures have
	// pruned: copied rather than rebuilt.
	Index(index, id string, seq uint64) error
	Head(seq uint64, hash []byte) error
}

// ErrNotCopyable means the log holds state another backend cannot take
// in yet: legal holds or open data-subject requests.
var ErrNotCopyable = invalid("the store holds legal holds or open data-subject requests, which the PostgreSQL store does not keep yet; complete or release them first")

// CopyTo hands the whole log, in one read transaction, to c: the meta
// (signing key, chain marker), every record, checkpoint, live content key
// with its owner, shredded key id, token and erasure receipt, and the
// head. Keys not yet assigned to an owner are left out.
func (s *Store) CopyTo(ctx context.Context, c Copier) error {
	if s.keyFile == nil {
		return fmt.Errorf("copy: the store has no key file: %w", ErrReadOnly)
	}
	reqs, err := s.Requests(ctx)
	if err != nil {
		return err
	}
	for _, r := range reqs {
		if r.Completed == nil {
			return ErrNotCopyable
		}
	}
	return s.db.View(func(tx *bolt.Tx) error {
		if h := tx.Bucket(bucketHolds); h != nil && h.Stats().KeyN > 0 {
			return ErrNotCopyable
		}
		meta := tx.Bucket(bucketMeta)
		if err := c.Meta(meta.Get(metaSigningKey), meta.Get(metaPublicKey), meta.Get(metaChain)); err != nil {
			return err
		}
		cur := tx.Bucket(bucketEvents).Cursor()
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := c.Record(binary.BigEndian.Uint64(k), v); err != nil {
				return err
			}
		}
		err := tx.Bucket(bucketCheckpoints).ForEach(func(_, v []byte) error {
			var cp storedCheckpoint
			if err := json.Unmarshal(v, &cp); err != nil {
				return fmt.Errorf("stored checkpoint: %w", ErrTampered)
			}
			return c.Checkpoint(cp.EventSeq, cp.Checkpoint)
		})
		if err != nil {
			return err
		}
		owners := map[string][]string{} // kid -> owner, assigned
		err = tx.Bucket(bucketKeyOwners).ForEach(func(k, v []byte) error {
			owner, kid := splitAssignment(k)
			if len(v) == 8 {
				owners[kid] = []string{owner, string(bytes.Clone(v))}
			}
			return nil
		})
		if err != nil {
			return err
		}
		var cerr error
		err = s.keyFile.each(func(kid string, wrapped []byte) {
			o, ok := owners[kid]
			if !ok || cerr != nil {
				return
			}
			at := time.Unix(0, int64(binary.BigEndian.Uint64([]byte(o[1])))).UTC()
			cerr = c.ContentKey(kid, o[0], at, bytes.Clone(wrapped))
		})
		if err = firstErr(cerr, err); err != nil {
			return err
		}
		err = tx.Bucket(bucketShredded).ForEach(func(k, v []byte) error {
			var seq uint64
			if len(v) == 8 {
				seq = binary.BigEndian.Uint64(v)
			}
			return c.Shredded(string(k), seq)
		})
		if err != nil {
			return err
		}
		err = tx.Bucket(bucketTokens).ForEach(func(_, v []byte) error { return c.Token(v) })
		if err != nil {
			return err
		}
		if b := tx.Bucket(bucketErasures); b != nil {
			if err := b.ForEach(func(k, v []byte) error { return c.Receipt(string(k), v) }); err != nil {
				return err
			}
		}
		for name, b := range map[string][]byte{"conversation": bucketByConv, "subject": bucketBySubject} {
			err := tx.Bucket(b).ForEach(func(k, _ []byte) error {
				if len(k) < 9 {
					return fmt.Errorf("index entry %x: %w", k, ErrTampered)
				}
				return c.Index(name, string(k[:len(k)-9]), binary.BigEndian.Uint64(k[len(k)-8:]))
			})
			if err != nil {
				return err
			}
		}
		err = tx.Bucket(bucketByMessage).ForEach(func(k, v []byte) error {
			if len(v) != 8 {
				return fmt.Errorf("message index: %w", ErrTampered)
			}
			return c.Index("message", string(k), binary.BigEndian.Uint64(v))
		})
		if err != nil {
			return err
		}
		seq := lastSeq(tx)
		return c.Head(seq, meta.Get(metaHeadHash))
	})
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// CheckpointCadence reads a stored record that may be a keyed checkpoint
// event and returns the cadence it promises.
func CheckpointCadence(rec []byte) (every uint64, ok bool) {
	r, err := unmarshalRecord(rec)
	if err != nil || r.version != recordV2 {
		return 0, false
	}
	env, isCP := checkpointEvent(&r)
	if !isCP {
		return 0, false
	}
	return cadenceOf(env)
}
