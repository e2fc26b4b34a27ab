package audit

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sync"
	"time"
)

// keyring holds the keys derived from the master key and a cache of
// unwrapped data keys.
type keyring struct {
	wrap   cipher.AEAD
	pseudo []byte // HMAC key for pseudonyms
	check  []byte // proves the master key belongs to this store (before the keyed chain)
	tokens []byte // HMAC key for access-token hashes
	chain  []byte // HMAC key of the chain hashes and of the chain marker

	mu      sync.Mutex
	epoch   uint64              // bumped whenever keys are shredded
	sealing map[string]*dataKey // owner -> the key new content is sealed with
	reading map[string]*dataKey // key id -> key
}

// dataKey is one content key. Keys are made ahead of need and stored
// before they are used; the first event sealed with one records, in the
// same transaction, that it belongs to an owner (a subject within one
// conversation, a subject, or a conversation) for one rotation period.
// Fields after wrapped are guarded by keyring.mu.
type dataKey struct {
	kid     string
	aead    cipher.AEAD
	wrapped []byte

	owner    string    // empty while in the pool
	assigned time.Time // when it began to seal the owner's content
	recorded bool      // the assignment is in the log
}

func newKeyring(master []byte) (*keyring, error) {
	derive := func(label string) ([]byte, error) {
		return hkdf.Key(sha256.New, master, nil, "hushdesk "+label, 32)
	}
	wk, err := derive("key wrapping")
	if err != nil {
		return nil, fmt.Errorf("derive wrapping key: %w", err)
	}
	wrap, err := newGCM(wk)
	if err != nil {
		return nil, err
	}
	k := &keyring{wrap: wrap, sealing: make(map[string]*dataKey), reading: make(map[string]*dataKey)}
	for _, d := range []struct {
		label string
		out   *[]byte
	}{{"pseudonyms", &k.pseudo}, {"check", &k.check}, {"access tokens", &k.tokens}, {"audit chain", &k.chain}} {
		if *d.out, err = derive(d.label); err != nil {
			return nil, fmt.Errorf("derive %s key: %w", d.label, err)
		}
	}
	return k, nil
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("aes: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("gcm: %w", err)
	}
	return aead, nil
}

// SubjectPseudonym returns the keyed pseudonym that stands for a customer
// identifier in the log.
func (s *Store) SubjectPseudonym(id string) string { return s.keys.pseudonym("s_", "subject", id) }

// ConversationRef returns the internal id under which a conversation
// capability appears in the log, the access log and metrics.
func (s *Store) ConversationRef(capability string) string {
	return s.keys.pseudonym("k_", "conversation", capability)
}

// pseudonym returns the keyed hash that stands for an identifier.
func (kr *keyring) pseudonym(prefix, kind, id string) string {
	m := hmac.New(sha256.New, kr.pseudo)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(id))
	return prefix + hex.EncodeToString(m.Sum(nil)[:16])
}

// newDataKey makes a fresh key and its wrapped form (creation time, nonce,
// ciphertext; the key id is the additional data).
func (kr *keyring) newDataKey(kid string, now time.Time) (*dataKey, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("generate data key: %w", err)
	}
	aead, err := newGCM(raw)
	if err != nil {
		return nil, err
	}
	w, err := kr.wrapSecret(binary.BigEndian.AppendUint64(nil, uint64(now.Unix())), kid, raw)
	if err != nil {
		return nil, err
	}
	clear(raw)
	return &dataKey{kid: kid, aead: aead, wrapped: w}, nil
}

// wrapSecret appends nonce||ciphertext of secret, bound to label, to dst.
func (kr *keyring) wrapSecret(dst []byte, label string, secret []byte) ([]byte, error) {
	nonce := make([]byte, kr.wrap.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("generate nonce: %w", err)
	}
	dst = append(dst, nonce...)
	return kr.wrap.Seal(dst, nonce, secret, []byte(label)), nil
}

// unwrapSecret opens what wrapSecret sealed (without its prefix).
func (kr *keyring) unwrapSecret(label string, w []byte) ([]byte, error) {
	ns := kr.wrap.NonceSize()
	if len(w) < ns {
		return nil, fmt.Errorf("wrapped %s: %w", label, ErrBadMasterKey)
	}
	raw, err := kr.wrap.Open(nil, w[:ns], w[ns:], []byte(label))
	if err != nil {
		return nil, fmt.Errorf("unwrap %s: %w", label, ErrBadMasterKey)
	}
	return raw, nil
}

// unwrap opens a stored data key.
func (kr *keyring) unwrap(kid string, w []byte) (*dataKey, error) {
	if len(w) < 8 {
		return nil, fmt.Errorf("wrapped key %s: %w", kid, ErrBadMasterKey)
	}
	raw, err := kr.unwrapSecret(kid, w[8:])
	if err != nil {
		return nil, err
	}
	aead, err := newGCM(raw)
	clear(raw)
	if err != nil {
		return nil, err
	}
	return &dataKey{kid: kid, aead: aead, wrapped: bytes.Clone(w)}, nil
}

// keyCreated returns when a wrapped key was made.
func keyCreated(w []byte) time.Time {
	if len(w) < 8 {
		return time.Time{}
	}
	return time.Unix(int64(binary.BigEndian.Uint64(w)), 0).UTC()
}

func seal(aead cipher.AEAD, kid string, plain []byte) ([]byte, error) {
	out := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plain)+aead.Overhead())
	if _, err := rand.Read(out); err != nil {
		return nil, fmt.Errorf("generate nonce: %w", err)
	}
	return aead.Seal(out, out, plain, []byte(kid)), nil
}

func open(aead cipher.AEAD, kid string, sealed []byte) ([]byte, error) {
	ns := aead.NonceSize()
	if len(sealed) < ns {
		return nil, fmt.Errorf("sealed content too short: %w", ErrTampered)
	}
	plain, err := aead.Open(nil, sealed[:ns], sealed[ns:], []byte(kid))
	if err != nil {
		return nil, fmt.Errorf("open content: %w", ErrTampered)
	}
	return plain, nil
}
