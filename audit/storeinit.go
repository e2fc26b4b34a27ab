package audit

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Opening a store: the master key, the buckets, the chain's format, the
// signing key, the head and the checkpoint cadence, and the work an
// interrupted run or an earlier version left.

// init loads the master key and the store's state. Read-only it only
// reads; otherwise it also creates what is missing, upgrades an earlier
// version's store and finishes an interrupted shredding.
func (s *Store) init(dir string) error {
	mk, err := loadMasterKey(dir, s.opts.MasterKey, s.opts.MasterKeyFile, !s.opts.ReadOnly)
	if err != nil {
		return err
	}
	if mk.key != nil {
		if s.keys, err = newKeyring(mk.key); err != nil {
			return err
		}
		clear(mk.key)
	}
	if s.opts.ReadOnly {
		err = s.db.View(func(tx *bolt.Tx) error {
			if tx.Bucket(bucketEvents) == nil {
				return fmt.Errorf("%s is not a Hushdesk audit store", s.db.Path())
			}
			var err error
			if s.chain, err = readChain(tx, s.keys); err != nil {
				return err
			}
			return s.initState(tx)
		})
		if err == nil {
			s.keyFile, err = openKeyFile(dir, true, s.opts.LockTimeout)
		}
		if err == nil {
			err = s.loadTokens()
		}
		return err
	}
	if mk.inDataDir {
		s.log.Warn("the audit master key is in the data directory: whoever can copy the directory can rewrite the log unseen; keep the key elsewhere in production")
	}
	s.hasher = newChainHasher(s.keys.chain)
	if err := s.db.Update(s.initBuckets); err != nil {
		return err
	}
	if s.keyFile, err = openKeyFile(dir, false, s.opts.LockTimeout); err != nil {
		return err
	}
	if err := s.migrateHolds(); err != nil {
		return err
	}
	if err := s.migrateKeys(); err != nil {
		return err
	}
	if err := s.reconcileKeys(); err != nil {
		return err
	}
	if err := s.loadPool(); err != nil {
		return err
	}
	return s.loadTokens()
}

func (s *Store) initBuckets(tx *bolt.Tx) error {
	for _, b := range [][]byte{bucketEvents, bucketShredded, bucketMeta, bucketByConv, bucketBySubject,
		bucketCheckpoints, bucketRequests, bucketHolds, bucketTokens, bucketKeyOwners,
		bucketHandoffs, bucketHandoffByConv, bucketByMessage, bucketErasures, bucketCanned, bucketSettings} {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return fmt.Errorf("create bucket %s: %w", b, err)
		}
	}
	var err error
	if s.chain, err = s.initChain(tx); err != nil {
		return err
	}
	if err := s.initState(tx); err != nil {
		return err
	}
	if !s.chain.upgrade || s.headSeq == 0 {
		return nil
	}
	// The first keyed event is a signed checkpoint of the unkeyed prefix's
	// head; the file is compacted once, so no freed page keeps the key
	// check of the unkeyed format.
	w := s.writer()
	w.begin(tx)
	if _, err := w.checkpoint(); err != nil {
		return err
	}
	if err := w.finish(); err != nil {
		return err
	}
	s.adopt(&w)
	s.log.Info("audit log upgraded to the keyed chain", "keyed_from", s.chain.mark.from)
	return tx.Bucket(bucketMeta).Put(metaCompactPending, []byte{1})
}

// initState reads the signing key, the head, the last checkpoint and when
// the next one is due.
func (s *Store) initState(tx *bolt.Tx) error {
	if err := s.initSigner(tx.Bucket(bucketMeta), lastSeq(tx)); err != nil {
		return err
	}
	s.loadState(tx)
	if !s.chain.legacy && s.chain.mark.from > 0 {
		s.loadCadence(tx)
	}
	return nil
}

// loadState reads the head and the last checkpoint.
func (s *Store) loadState(tx *bolt.Tx) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return
	}
	if v := meta.Get(metaHeadSeq); len(v) == 8 {
		s.headSeq = binary.BigEndian.Uint64(v)
	}
	copy(s.headHash[:], meta.Get(metaHeadHash))
	if b := tx.Bucket(bucketCheckpoints); b != nil {
		if k, v := b.Cursor().Last(); k != nil {
			var cp storedCheckpoint
			if json.Unmarshal(v, &cp) == nil {
				s.cpEventSeq = cp.EventSeq
			}
		}
	}
}
