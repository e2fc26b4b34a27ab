package audit

import (
	"bytes"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The tools of an insider who has the data directory but not the master
// key. They work from the documented formats only (docs/audit-log.md),
// not from the package's own code, so that they stay what an outsider
// could write.

// forged is a stored event as the insider reads and writes it.
type forged struct {
	version    byte
	prev, hash [32]byte
	kid        string
	env        []byte
	sealed     []byte
}

func parseForged(t *testing.T, b []byte) forged {
	t.Helper()
	var f forged
	if len(b) < 67 {
		t.Fatalf("record of %d bytes", len(b))
	}
	f.version = b[0]
	copy(f.prev[:], b[1:33])
	copy(f.hash[:], b[33:65])
	b = b[65:]
	n := int(binary.BigEndian.Uint16(b))
	f.kid, b = string(b[2:2+n]), b[2+n:]
	n = int(binary.BigEndian.Uint32(b))
	f.env, b = bytes.Clone(b[4:4+n]), b[4+n:]
	f.sealed = bytes.Clone(b[4:])
	return f
}

func (f forged) bytes() []byte {
	b := []byte{f.version}
	b = append(b, f.prev[:]...)
	b = append(b, f.hash[:]...)
	b = binary.BigEndian.AppendUint16(b, uint16(len(f.kid)))
	b = append(b, f.kid...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(f.env)))
	b = append(b, f.env...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(f.sealed)))
	return append(b, f.sealed...)
}

// hashing is how the insider recomputes a chain: the documented unkeyed
// hash, or the keyed one with a key of their own (they do not have the
// store's).
type hashing struct {
	version byte
	key     []byte // nil: unkeyed SHA-256
}

var (
	unkeyed  = hashing{version: 1}
	guessKey = hashing{version: 2, key: bytes.Repeat([]byte{7}, 32)}
)

func (h hashing) sum(seq uint64, f *forged) [32]byte {
	var m hash.Hash
	if h.key == nil {
		m = sha256.New()
		m.Write([]byte("hushdesk/audit/v1\x00"))
	} else {
		m = hmac.New(sha256.New, h.key)
		m.Write([]byte("hushdesk/audit/v2\x00"))
	}
	m.Write(binary.BigEndian.AppendUint64(nil, seq))
	m.Write(f.prev[:])
	for _, part := range [][]byte{[]byte(f.kid), f.env, f.sealed} {
		m.Write(binary.BigEndian.AppendUint32(nil, uint32(len(part))))
		m.Write(part)
	}
	var out [32]byte
	m.Sum(out[:0])
	return out
}

// logFile is the insider's view of audit.db, open for one change.
type logFile struct {
	t      *testing.T
	tx     *bolt.Tx
	events []forged // events[i] is seq i+1
}

// insider opens the closed store's log file, reads every event, lets fn
// change them, and writes back what fn left.
func insider(t *testing.T, dir string, fn func(l *logFile)) {
	t.Helper()
	tamper(t, dir, func(tx *bolt.Tx) error {
		l := &logFile{t: t, tx: tx}
		tx.Bucket(bucketEvents).ForEach(func(_, v []byte) error {
			l.events = append(l.events, parseForged(t, v))
			return nil
		})
		fn(l)
		return nil
	})
}

// save replaces the stored events with l.events, numbered from 1, and
// records the last as the head.
func (l *logFile) save() {
	b := l.tx.Bucket(bucketEvents)
	var keys [][]byte
	b.ForEach(func(k, _ []byte) error { keys = append(keys, bytes.Clone(k)); return nil })
	for _, k := range keys {
		b.Delete(k)
	}
	for i, f := range l.events {
		if err := b.Put(seqKey(uint64(i+1)), f.bytes()); err != nil {
			l.t.Fatal(err)
		}
	}
	meta := l.tx.Bucket(bucketMeta)
	meta.Put(metaHeadSeq, seqKey(uint64(len(l.events))))
	if n := len(l.events); n > 0 {
		meta.Put(metaHeadHash, bytes.Clone(l.events[n-1].hash[:]))
	}
}

// rechain recomputes the hashes of the events from seq on with h; with
// signer set it also signs every checkpoint event again with that key.
func (l *logFile) rechain(from uint64, h hashing, signer ed25519.PrivateKey) {
	for i := int(from) - 1; i < len(l.events); i++ {
		f := &l.events[i]
		f.prev = [32]byte{}
		if i > 0 {
			f.prev = l.events[i-1].hash
		}
		if signer != nil {
			l.resign(f, uint64(i), signer)
		}
		f.version = h.version
		f.hash = h.sum(uint64(i+1), f)
	}
	l.save()
}

// resign makes a checkpoint event cover seq (the event before it) with a
// signature of signer, as the documented checkpoint format says.
func (l *logFile) resign(f *forged, seq uint64, signer ed25519.PrivateKey) {
	var env Envelope
	if json.Unmarshal(f.env, &env) != nil || env.Type != TypeCheckpoint {
		return
	}
	cp := l.sign(seq, f.prev, env.Time, signer)
	env.Attrs["seq"], env.Attrs["head"] = strconv.FormatUint(seq, 10), cp["head"].(string)
	env.Attrs["public_key"], env.Attrs["signature"] = cp["public_key"].(string), cp["signature"].(string)
	f.env = mustJSON(l.t, env)
}

func (l *logFile) sign(seq uint64, head [32]byte, at time.Time, signer ed25519.PrivateKey) map[string]any {
	m := []byte("hushdesk/audit/checkpoint/v1\x00")
	m = binary.BigEndian.AppendUint64(m, seq)
	m = append(m, head[:]...)
	m = binary.BigEndian.AppendUint64(m, uint64(at.UnixNano()))
	return map[string]any{"seq": seq, "head": hex.EncodeToString(head[:]), "time": at,
		"public_key": hex.EncodeToString(signer.Public().(ed25519.PublicKey)),
		"signature":  hex.EncodeToString(ed25519.Sign(signer, m))}
}

// resignStored replaces the checkpoints bucket with checkpoints of the
// chain as it now is, signed by signer, and puts signer's public key in
// the store's metadata.
func (l *logFile) resignStored(signer ed25519.PrivateKey) {
	l.dropStored()
	b, _ := l.tx.CreateBucket(bucketCheckpoints)
	for i, f := range l.events {
		var env Envelope
		if json.Unmarshal(f.env, &env) != nil || env.Type != TypeCheckpoint || i == 0 {
			continue
		}
		cp := l.sign(uint64(i), l.events[i-1].hash, env.Time, signer)
		cp["event_seq"] = i + 1
		b.Put(seqKey(uint64(i)), mustJSON(l.t, cp))
	}
	l.tx.Bucket(bucketMeta).Put(metaPublicKey, bytes.Clone(signer.Public().(ed25519.PublicKey)))
}

func (l *logFile) dropStored() {
	if l.tx.Bucket(bucketCheckpoints) != nil {
		l.tx.DeleteBucket(bucketCheckpoints)
	}
}

// dropStoredAfter removes the stored checkpoints that cover events after
// seq, as someone hiding the end of the log would.
func (l *logFile) dropStoredAfter(seq uint64) {
	b := l.tx.Bucket(bucketCheckpoints)
	var gone [][]byte
	b.ForEach(func(k, _ []byte) error {
		if binary.BigEndian.Uint64(k) > seq {
			gone = append(gone, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range gone {
		b.Delete(k)
	}
}

// editDecision turns the answer of event seq into a hand-off.
func (l *logFile) editDecision(seq uint64) {
	f := &l.events[seq-1]
	edited := bytes.Replace(f.env, []byte(`"decision":"answer"`), []byte(`"decision":"handoff"`), 1)
	if bytes.Equal(edited, f.env) {
		l.t.Fatalf("event %d is not an answer", seq)
	}
	f.env = edited
}

func newSigner(t *testing.T) ed25519.PrivateKey {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return priv
}

// copyDir copies the regular files of src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		in, err := os.Open(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.OpenFile(filepath.Join(dst, e.Name()), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(out, in)
		in.Close()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// replaceDir makes dst hold exactly the files of src.
func replaceDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, _ := os.ReadDir(dst)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(dst, e.Name()))
	}
	copyDir(t, src, dst)
}
