package audit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
)

// record is an event as stored: the binary value under its sequence key.
//
//	version  1 byte: 1, unkeyed chain hash; 2, keyed chain hash
//	prev     32 bytes, the previous event's hash
//	hash     32 bytes
//	kid      uint16 length + bytes, the content key's id
//	envelope uint32 length + JSON bytes
//	sealed   uint32 length + nonce||ciphertext
type record struct {
	version    byte
	prev, hash [32]byte
	kid        string
	env        []byte
	sealed     []byte
}

// Record versions. Version 1 events were chained with plain SHA-256,
// which anyone can recompute; version 2 events with HMAC-SHA256 under a
// key derived from the master key. A log holds version 1 events only
// before the sequence number its chain marker names, version 2 from
// there on.
const (
	recordV1 byte = 1
	recordV2 byte = 2
)

var (
	hashDomainV1 = []byte("hushdesk/audit/v1\x00")
	hashDomainV2 = []byte("hushdesk/audit/v2\x00")
)

// chainHasher computes chain hashes. It is not safe for concurrent use:
// the writer and each verification walk have their own. Its buffers keep
// the hashing of an event free of allocations.
type chainHasher struct {
	plain hash.Hash
	keyed hash.Hash // nil without the chain key
	buf   []byte    // the fixed-size fields and the key id of one event
	out   [32]byte
}

func newChainHasher(chainKey []byte) *chainHasher {
	h := &chainHasher{plain: sha256.New(), buf: make([]byte, 0, 128)}
	if chainKey != nil {
		h.keyed = hmac.New(sha256.New, chainKey)
	}
	return h
}

// sum returns the hash that links an event into the chain: it covers the
// sequence number, the previous hash, the key id, the envelope and the
// ciphertext; version 2 under the chain key.
func (h *chainHasher) sum(version byte, seq uint64, prev *[32]byte, kid string, env, sealed []byte) ([32]byte, error) {
	var m hash.Hash
	b := h.buf[:0]
	switch {
	case version == recordV1:
		m = h.plain
		b = append(b, hashDomainV1...)
	case version == recordV2 && h.keyed != nil:
		m = h.keyed
		b = append(b, hashDomainV2...)
	case version == recordV2:
		return [32]byte{}, ErrNoMasterKey
	default:
		return [32]byte{}, fmt.Errorf("record version %d: %w", version, ErrTampered)
	}
	m.Reset()
	b = binary.BigEndian.AppendUint64(b, seq)
	b = append(b, prev[:]...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(kid)))
	b = append(b, kid...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(env)))
	m.Write(b)
	m.Write(env)
	b = binary.BigEndian.AppendUint32(b[:0], uint32(len(sealed)))
	m.Write(b)
	m.Write(sealed)
	h.buf = b[:0]
	m.Sum(h.out[:0])
	return h.out, nil
}

func (r *record) marshal() []byte {
	b := make([]byte, 0, 1+64+2+len(r.kid)+4+len(r.env)+4+len(r.sealed))
	b = append(b, r.version)
	b = append(b, r.prev[:]...)
	b = append(b, r.hash[:]...)
	b = binary.BigEndian.AppendUint16(b, uint16(len(r.kid)))
	b = append(b, r.kid...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(r.env)))
	b = append(b, r.env...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(r.sealed)))
	b = append(b, r.sealed...)
	return b
}

// unmarshalRecord decodes a stored value. The slices alias b, which bbolt
// owns only for the life of the transaction.
func unmarshalRecord(b []byte) (record, error) {
	var r record
	if len(b) < 1+64+2 || b[0] != recordV1 && b[0] != recordV2 {
		return r, fmt.Errorf("record header: %w", ErrTampered)
	}
	r.version = b[0]
	copy(r.prev[:], b[1:33])
	copy(r.hash[:], b[33:65])
	b = b[65:]
	n := int(binary.BigEndian.Uint16(b))
	b = b[2:]
	if len(b) < n+4 {
		return r, fmt.Errorf("record key id: %w", ErrTampered)
	}
	r.kid = string(b[:n])
	b = b[n:]
	n = int(binary.BigEndian.Uint32(b))
	b = b[4:]
	if len(b) < n+4 {
		return r, fmt.Errorf("record envelope: %w", ErrTampered)
	}
	r.env = b[:n]
	b = b[n:]
	n = int(binary.BigEndian.Uint32(b))
	b = b[4:]
	if len(b) != n {
		return r, fmt.Errorf("record content: %w", ErrTampered)
	}
	r.sealed = b
	return r, nil
}

func seqKey(seq uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], seq)
	return k[:]
}
