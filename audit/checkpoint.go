package audit

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Checkpoint is a signed statement that the log's event Seq had hash Head
// at Time. Held outside the data directory, it lets a verifier catch a
// log that was rewritten or cut short, which the chain alone cannot show.
type Checkpoint struct {
	Seq       uint64    `json:"seq"`
	Head      string    `json:"head"`
	Time      time.Time `json:"time"`
	PublicKey string    `json:"public_key"` // Ed25519, hex
	Signature string    `json:"signature"`  // Ed25519 over the domain, Seq, Head and Time, hex
	// Fingerprint is the SHA-256 of the public key, hex: the short form
	// of the key that outsiders pin. It is derived, not signed.
	Fingerprint string `json:"fingerprint,omitempty"`
}

// Fingerprint returns the SHA-256 of an Ed25519 public key in hex, the
// form in which the store's signing key is published and pinned.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:])
}

// storedCheckpoint is a checkpoint as kept in the checkpoints bucket,
// with the sequence number of the event that records it.
type storedCheckpoint struct {
	Checkpoint
	EventSeq uint64 `json:"event_seq"`
}

var checkpointDomain = []byte("hushdesk/audit/checkpoint/v1\x00")

const signingKeyLabel = "hushdesk signing key"

func checkpointMessage(seq uint64, head [32]byte, t time.Time) []byte {
	m := append([]byte(nil), checkpointDomain...)
	m = binary.BigEndian.AppendUint64(m, seq)
	m = append(m, head[:]...)
	return binary.BigEndian.AppendUint64(m, uint64(t.UnixNano()))
}

// check decodes a checkpoint and checks its signature against its own
// public key.
func (cp Checkpoint) check() (ed25519.PublicKey, [32]byte, error) {
	pub, head, sig, err := cp.decode()
	if err != nil {
		return nil, head, err
	}
	if !ed25519.Verify(pub, checkpointMessage(cp.Seq, head, cp.Time), sig) {
		return pub, head, errors.New("checkpoint signature does not verify")
	}
	return pub, head, nil
}

// decode decodes a checkpoint's key, head and signature without checking
// the signature.
func (cp Checkpoint) decode() (pub ed25519.PublicKey, head [32]byte, sig []byte, err error) {
	pub, err = hex.DecodeString(cp.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, head, nil, invalid("checkpoint public key is not an Ed25519 key in hex")
	}
	h, err := hex.DecodeString(cp.Head)
	if err != nil || len(h) != len(head) {
		return nil, head, nil, invalid("checkpoint head is not a SHA-256 hash in hex")
	}
	copy(head[:], h)
	sig, err = hex.DecodeString(cp.Signature)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, head, nil, invalid("checkpoint signature is not an Ed25519 signature in hex")
	}
	if cp.Fingerprint != "" && !strings.EqualFold(cp.Fingerprint, Fingerprint(pub)) {
		return nil, head, nil, invalid("checkpoint fingerprint is not the SHA-256 of its public key")
	}
	return pub, head, sig, nil
}

// sameMessage reports whether two checkpoints carry the same signature
// over the same statement, so that checking one checks the other.
func (cp Checkpoint) sameMessage(o Checkpoint) bool {
	return cp.Seq == o.Seq && cp.Head == o.Head && cp.Time.Equal(o.Time) &&
		cp.PublicKey == o.PublicKey && cp.Signature == o.Signature
}

// initSigner loads the signing key, wrapped by the master key, or makes
// one for a store without events. A store that has events and no signing
// key (or one the master key does not open) is refused: a fresh key
// would sign whatever the files now hold, so a log rewritten after its
// key was removed would verify. Read-only, the key only gives the public
// half that verification trusts; without the master key, the public key
// recorded beside it is taken as it is (and Verify refuses to run).
func (s *Store) initSigner(meta *bolt.Bucket, events uint64) error {
	recorded := meta.Get(metaPublicKey)
	w := meta.Get(metaSigningKey)
	switch {
	case w == nil && events > 0:
		return fmt.Errorf("%s has %d events but no signing key; restore audit.db from a backup: %w", s.db.Path(), events, ErrSigningKey)
	case w == nil && s.opts.ReadOnly:
		return nil
	case w != nil && s.keys == nil:
		if len(recorded) == ed25519.PublicKeySize {
			s.public = ed25519.PublicKey(bytes.Clone(recorded))
		}
		return nil
	case w != nil:
		seed, err := s.keys.unwrapSecret(signingKeyLabel, w)
		if err != nil {
			return fmt.Errorf("%s: the master key does not open the signing key, which was replaced: %w", s.db.Path(), ErrSigningKey)
		}
		priv := ed25519.NewKeyFromSeed(seed)
		clear(seed)
		s.public = priv.Public().(ed25519.PublicKey)
		if !s.opts.ReadOnly {
			s.signer = priv
		}
		if !bytes.Equal(recorded, s.public) {
			s.log.Error("audit store's recorded public key is not its signing key's; verifying with the signing key")
		}
		return nil
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fmt.Errorf("generate signing key: %w", err)
	}
	wrapped, err := s.keys.wrapSecret(nil, signingKeyLabel, priv.Seed())
	if err != nil {
		return err
	}
	if err := meta.Put(metaSigningKey, wrapped); err != nil {
		return err
	}
	if err := meta.Put(metaPublicKey, pub); err != nil {
		return err
	}
	s.signer, s.public = priv, pub
	return nil
}

// Fingerprint returns the fingerprint of the store's signing key
// (SHA-256 of the public key, hex), for outsiders to pin; empty when the
// store has none yet.
func (s *Store) Fingerprint() string {
	if s.public == nil {
		return ""
	}
	return Fingerprint(s.public)
}

// checkpoint signs the chain as it stands, records the checkpoint as an
// event and in the checkpoints bucket.
func (w *chainWriter) checkpoint() (Checkpoint, error) {
	s := w.s
	if s.signer == nil {
		return Checkpoint{}, ErrReadOnly
	}
	cp, env := signCheckpoint(s.signer, s.public, w.seq, w.head, s.now().UTC(), w.every)
	envJSON, err := json.Marshal(&env)
	if err != nil {
		return cp, fmt.Errorf("encode checkpoint: %w", err)
	}
	evSeq, err := w.put(&env, envJSON, "", nil)
	if err != nil {
		return cp, err
	}
	stored, err := json.Marshal(storedCheckpoint{Checkpoint: cp, EventSeq: evSeq})
	if err != nil {
		return cp, fmt.Errorf("encode checkpoint: %w", err)
	}
	if err := w.tx.Bucket(bucketCheckpoints).Put(seqKey(cp.Seq), stored); err != nil {
		return cp, fmt.Errorf("put checkpoint: %w", err)
	}
	w.cpEventSeq, w.dueAt = evSeq, dueAfter(cp.Seq, w.every)
	w.made = append(w.made, cp)
	return cp, nil
}

// Checkpoint signs the log's current head now and records it, and returns
// it. Export it and keep it apart from the data directory.
func (s *Store) Checkpoint(ctx context.Context) (Checkpoint, error) {
	if err := s.writable(); err != nil {
		return Checkpoint{}, err
	}
	res, err := s.submit(ctx, &appendReq{checkpoint: true})
	if err == nil {
		err = res.err
	}
	if err != nil {
		return Checkpoint{}, fmt.Errorf("checkpoint: %w", err)
	}
	return res.cp, nil
}

// LatestCheckpoint returns the newest recorded checkpoint, or
// ErrNoCheckpoint.
func (s *Store) LatestCheckpoint(ctx context.Context) (Checkpoint, error) {
	var cp storedCheckpoint
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCheckpoints)
		if b == nil {
			return nil
		}
		if k, v := b.Cursor().Last(); k != nil {
			found = true
			return json.Unmarshal(v, &cp)
		}
		return nil
	})
	if err != nil {
		return Checkpoint{}, fmt.Errorf("read checkpoint: %w", err)
	}
	if !found {
		return Checkpoint{}, ErrNoCheckpoint
	}
	if pub, err := hex.DecodeString(cp.PublicKey); err == nil && cp.Fingerprint == "" {
		cp.Fingerprint = Fingerprint(pub)
	}
	return cp.Checkpoint, nil
}

// storedCheckpoints returns every recorded checkpoint by the sequence
// number it covers.
func storedCheckpoints(tx *bolt.Tx) (map[uint64]Checkpoint, error) {
	out := make(map[uint64]Checkpoint)
	b := tx.Bucket(bucketCheckpoints)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var cp storedCheckpoint
		if err := json.Unmarshal(v, &cp); err != nil || len(k) != 8 || binary.BigEndian.Uint64(k) != cp.Seq {
			return fmt.Errorf("stored checkpoint %x is malformed: %w", k, ErrTampered)
		}
		out[cp.Seq] = cp.Checkpoint
		return nil
	})
	return out, err
}
