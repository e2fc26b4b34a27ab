package audit

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migrateHolds converts the entries of the holds bucket that an earlier
// version kept as JSON, with the basis in clear, to the sequence number
// of the target's last hold.placed event, whose encrypted content has the
// basis; then it has the log file compacted, so that no freed page keeps
// the old entries.
func (s *Store) migrateHolds() error {
	old := map[string]uint64{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketHolds).ForEach(func(k, v []byte) error {
			if len(v) != 8 {
				old[string(k)] = 0
			}
			return nil
		})
	})
	if err != nil || len(old) == 0 {
		return err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		findHoldEvents(tx, old)
		holds := tx.Bucket(bucketHolds)
		for target, seq := range old {
			if err := holds.Put([]byte(target), seqKey(seq)); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(metaCompactPending, []byte{1})
	})
	if err != nil {
		return fmt.Errorf("convert legal holds: %w", err)
	}
	s.log.Info("audit legal holds no longer keep their basis in clear", "holds", len(old))
	return nil
}

// findHoldEvents fills in, for each target, its last hold.placed event,
// reading the log backwards.
func findHoldEvents(tx *bolt.Tx, want map[string]uint64) {
	left := len(want)
	c := tx.Bucket(bucketEvents).Cursor()
	for k, v := c.Last(); k != nil && left > 0; k, v = c.Prev() {
		rec, err := unmarshalRecord(v)
		if err != nil || !bytes.Contains(rec.env, []byte(`"`+TypeHoldPlaced+`"`)) {
			continue
		}
		var env Envelope
		if json.Unmarshal(rec.env, &env) != nil || env.Type != TypeHoldPlaced {
			continue
		}
		target := cmpOr(env.Subject, env.Conversation)
		if seq, ok := want[target]; ok && seq == 0 {
			want[target] = binary.BigEndian.Uint64(k)
			left--
		}
	}
}
