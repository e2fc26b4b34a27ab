package audit

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

var metaCompactPending = []byte("compact_pending")

// shredding is a set of keys to shred and their assignments.
type shredding struct {
	kids        map[string]bool
	assignments [][]byte
}

func newShredding() shredding { return shredding{kids: map[string]bool{}} }

// add takes one assignment (a key of bucketKeyOwners).
func (sh *shredding) add(k []byte) {
	_, kid := splitAssignment(k)
	sh.kids[kid] = true
	sh.assignments = append(sh.assignments, bytes.Clone(k))
}

// mark records, in the transaction of the event that shreds them, that
// the keys are gone, and removes their assignments. The key file is
// rewritten afterwards; if the process dies in between, Open finishes the
// job.
func (sh *shredding) mark(tx *bolt.Tx, seq uint64) error {
	b := tx.Bucket(bucketShredded)
	for kid := range sh.kids {
		if err := b.Put([]byte(kid), binary.BigEndian.AppendUint64(nil, seq)); err != nil {
			return fmt.Errorf("mark %s shredded: %w", kid, err)
		}
	}
	owners := tx.Bucket(bucketKeyOwners)
	for _, k := range sh.assignments {
		if err := owners.Delete(k); err != nil {
			return fmt.Errorf("remove key owner: %w", err)
		}
	}
	return nil
}

// reconcileKeys finishes a shredding that was interrupted between its
// event and the rewrite of the key file. If the rewrite fails again, the
// store opens all the same (the keys are marked, so no reader gets them)
// and the shredder keeps trying.
func (s *Store) reconcileKeys() error {
	pending := make(map[string]bool)
	bySeq := make(map[uint64]map[string]bool)
	err := s.db.View(func(tx *bolt.Tx) error {
		marked := tx.Bucket(bucketShredded)
		return s.keyFile.each(func(kid string, _ []byte) {
			if v := marked.Get([]byte(kid)); v != nil {
				pending[kid] = true
				var seq uint64
				if len(v) == 8 {
					seq = binary.BigEndian.Uint64(v)
				}
				if bySeq[seq] == nil {
					bySeq[seq] = map[string]bool{}
				}
				bySeq[seq][kid] = true
			}
		})
	})
	if err != nil {
		return fmt.Errorf("check key file: %w", err)
	}
	if len(pending) == 0 {
		return nil
	}
	s.log.Warn("audit store finishing an interrupted shredding", "keys", len(pending))
	for seq, kids := range bySeq {
		s.shred.add(kids, seq)
	}
	if err := s.finishShredding(); err != nil {
		s.log.Error("audit key file still holds shredded keys; retrying in the background", "err", err)
	}
	return nil
}

// migrateKeys moves content keys that an earlier version kept in the log
// file into the key file, then rewrites the log file so that no copy of
// them is left in its freed pages.
func (s *Store) migrateKeys() error {
	legacy := make(map[string][]byte)
	found, pending := false, false
	err := s.db.View(func(tx *bolt.Tx) error {
		pending = tx.Bucket(bucketMeta).Get(metaCompactPending) != nil
		b := tx.Bucket(bucketLegacyKeys)
		if b == nil {
			return nil
		}
		found = true
		return b.ForEach(func(k, v []byte) error {
			if tx.Bucket(bucketShredded).Get(k) == nil {
				legacy[string(k)] = bytes.Clone(v)
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("read old keys: %w", err)
	}
	if found {
		if len(legacy) > 0 {
			if err := s.keyFile.put(legacy); err != nil {
				return fmt.Errorf("move old keys: %w", err)
			}
		}
		err := s.db.Update(func(tx *bolt.Tx) error {
			// Earlier key ids were their owners, and never rotated.
			owners := tx.Bucket(bucketKeyOwners)
			for kid, w := range legacy {
				at := binary.BigEndian.AppendUint64(nil, uint64(keyCreated(w).UnixNano()))
				if err := owners.Put(assignmentKey(kid, kid), at); err != nil {
					return err
				}
			}
			if err := tx.DeleteBucket(bucketLegacyKeys); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(metaCompactPending, []byte{1})
		})
		if err != nil {
			return fmt.Errorf("remove old keys: %w", err)
		}
		pending = true
		s.log.Info("audit store moved its content keys to their own file", "keys", len(legacy))
	}
	if pending {
		return s.compactLog()
	}
	return nil
}

// compactLog rewrites the log file with live pages only and scrubs the
// old one. It runs in Open, before the writer starts.
func (s *Store) compactLog() error {
	path := s.db.Path()
	tmp := path + ".tmp"
	os.Remove(tmp)
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: s.opts.LockTimeout})
	if err != nil {
		return fmt.Errorf("compact audit store: %w", err)
	}
	err = bolt.Compact(dst, s.db, 64<<20)
	if err == nil {
		err = dst.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(metaCompactPending) })
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("compact audit store: %w", err)
	}
	old, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("compact audit store: %w", err)
	}
	defer old.Close()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("compact audit store: %w", err)
	}
	renamed := os.Rename(tmp, path)
	if renamed == nil {
		renamed = syncDir(filepath.Dir(path))
	}
	if s.db, err = openBolt(path, s.opts); err != nil {
		return err
	}
	if renamed != nil {
		return fmt.Errorf("compact audit store: %w", renamed)
	}
	return zeroFile(old)
}
