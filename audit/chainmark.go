package audit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The chain marker, kept in the meta bucket, says from which sequence
// number the log's events are keyed (record version 2) and how many
// events may follow the start of the keyed chain before its first
// checkpoint is due. It is authenticated with the chain key, so someone
// without the master key can neither move the start nor remove the
// marker unseen: a store that has events must have a marker or, if it
// was never upgraded, the key check of the unkeyed format, which a store
// loses when it is upgraded and never has when it is created keyed.
//
//	version 1 byte (2) | from 8 bytes BE | every 8 bytes BE | HMAC-SHA256 32 bytes
var metaChain = []byte("chain")

var chainMarkDomain = []byte("hushdesk/audit/chain/v2\x00")

// chainMark is the decoded chain marker.
type chainMark struct {
	from  uint64 // first keyed event
	every uint64 // checkpoint cadence promised at the start; 0: none
}

func (kr *keyring) chainMarkMAC(m chainMark) []byte {
	h := hmac.New(sha256.New, kr.chain)
	h.Write(chainMarkDomain)
	h.Write(binary.BigEndian.AppendUint64(nil, m.from))
	h.Write(binary.BigEndian.AppendUint64(nil, m.every))
	return h.Sum(nil)
}

func (kr *keyring) sealChainMark(m chainMark) []byte {
	b := []byte{recordV2}
	b = binary.BigEndian.AppendUint64(b, m.from)
	b = binary.BigEndian.AppendUint64(b, m.every)
	return append(b, kr.chainMarkMAC(m)...)
}

// openChainMark decodes a marker; with a keyring it also checks the MAC,
// and a marker that does not verify is ErrBadMasterKey: either the key is
// not this store's or the marker was altered.
func openChainMark(kr *keyring, v []byte) (chainMark, error) {
	if len(v) != 1+8+8+32 || v[0] != recordV2 {
		return chainMark{}, fmt.Errorf("chain marker is malformed: %w", ErrTampered)
	}
	m := chainMark{from: binary.BigEndian.Uint64(v[1:9]), every: binary.BigEndian.Uint64(v[9:17])}
	if m.from == 0 {
		return chainMark{}, fmt.Errorf("chain marker names event 0: %w", ErrTampered)
	}
	if kr != nil && !hmac.Equal(v[17:], kr.chainMarkMAC(m)) {
		return chainMark{}, fmt.Errorf("the chain marker does not verify under this master key (another key, or the marker was altered): %w", ErrBadMasterKey)
	}
	return m, nil
}

// cadence is the checkpoint cadence the options ask for; 0 when the
// count trigger is off.
func (o Options) cadence() uint64 {
	if o.CheckpointEvery > 0 {
		return uint64(o.CheckpointEvery)
	}
	return 0
}

// chainState is what the meta bucket says about the chain's format.
type chainState struct {
	mark    chainMark
	legacy  bool // never upgraded: every event is unkeyed
	upgrade bool // set by initChain when it has just started the keyed chain
}

// readChain reads (and, with a keyring, checks) the chain marker or the
// unkeyed format's key check, for a store opened either way.
func readChain(tx *bolt.Tx, kr *keyring) (chainState, error) {
	meta := tx.Bucket(bucketMeta)
	if v := meta.Get(metaChain); v != nil {
		m, err := openChainMark(kr, v)
		return chainState{mark: m}, err
	}
	if check := meta.Get(metaKeyCheck); check != nil {
		if kr != nil && !hmac.Equal(check, kr.check) {
			return chainState{}, fmt.Errorf("%s: %w", tx.DB().Path(), ErrBadMasterKey)
		}
		return chainState{legacy: true}, nil
	}
	if lastSeq(tx) > 0 {
		return chainState{}, fmt.Errorf("%s has events but no chain marker: it was removed: %w", tx.DB().Path(), ErrTampered)
	}
	return chainState{}, nil // a store being created
}

// initChain makes a new store keyed from its first event, or starts the
// keyed chain of an unkeyed store after its last event, and records the
// marker. The unkeyed format's key check goes, so that the store cannot
// be passed off as one never upgraded.
func (s *Store) initChain(tx *bolt.Tx) (chainState, error) {
	st, err := readChain(tx, s.keys)
	if err != nil || st.mark.from != 0 {
		return st, err
	}
	meta := tx.Bucket(bucketMeta)
	st = chainState{mark: chainMark{from: lastSeq(tx) + 1, every: s.opts.cadence()}, upgrade: st.legacy}
	if err := meta.Put(metaChain, s.keys.sealChainMark(st.mark)); err != nil {
		return st, fmt.Errorf("record chain marker: %w", err)
	}
	if err := meta.Delete(metaKeyCheck); err != nil {
		return st, err
	}
	if meta.Get(metaCreated) == nil {
		if err := meta.Put(metaCreated, []byte(s.now().UTC().Format(time.RFC3339))); err != nil {
			return st, err
		}
	}
	return st, nil
}

// lastSeq is the sequence number of the last stored event.
func lastSeq(tx *bolt.Tx) uint64 {
	b := tx.Bucket(bucketEvents)
	if b == nil {
		return 0
	}
	if k, _ := b.Cursor().Last(); len(k) == 8 {
		return binary.BigEndian.Uint64(k)
	}
	return 0
}
