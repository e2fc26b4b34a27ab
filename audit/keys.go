package audit

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"
)

// MasterKeyFile is the name of the master key file in the data directory.
const MasterKeyFile = "master.key"

// loadMasterKey returns the master key: the given one when set (64 hex
// digits), else the key file in dir, created with mode 0600 on first use.
func loadMasterKey(dir string, given string) ([]byte, error) {
	if given != "" {
		k, err := hex.DecodeString(strings.TrimSpace(given))
		if err != nil || len(k) != 32 {
			return nil, fmt.Errorf("master key must be 64 hex digits: %w", ErrBadMasterKey)
		}
		return k, nil
	}
	path := dir + string(os.PathSeparator) + MasterKeyFile
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		k := make([]byte, 32)
		if _, err := rand.Read(k); err != nil {
			return nil, fmt.Errorf("generate master key: %w", err)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, fmt.Errorf("create master key: %w", err)
		}
		if _, err := f.WriteString(hex.EncodeToString(k) + "\n"); err != nil {
			f.Close()
			return nil, fmt.Errorf("write master key: %w", err)
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return nil, fmt.Errorf("sync master key: %w", err)
		}
		return k, f.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("read master key: %w", err)
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("master key file %s has mode %o; it must be readable by its owner only (chmod 600)", path, st.Mode().Perm())
	}
	k, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(k) != 32 {
		return nil, fmt.Errorf("master key file %s: %w", path, ErrBadMasterKey)
	}
	return k, nil
}

// keyring holds the keys derived from the master key and a cache of
// unwrapped data keys.
type keyring struct {
	wrap   cipher.AEAD
	pseudo []byte // HMAC key for pseudonyms
	check  []byte // proves the master key belongs to this store

	mu    sync.Mutex
	cache map[string]*dataKey
}

// dataKey is one subject's or conversation's content key.
type dataKey struct {
	aead      cipher.AEAD
	wrapped   []byte
	persisted bool
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
	pk, err := derive("pseudonyms")
	if err != nil {
		return nil, fmt.Errorf("derive pseudonym key: %w", err)
	}
	ck, err := derive("check")
	if err != nil {
		return nil, fmt.Errorf("derive check value: %w", err)
	}
	return &keyring{wrap: wrap, pseudo: pk, check: ck, cache: make(map[string]*dataKey)}, nil
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

// pseudonym returns the keyed hash that stands for an identifier.
func (k *keyring) pseudonym(prefix, kind, id string) string {
	m := hmac.New(sha256.New, k.pseudo)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(id))
	return prefix + hex.EncodeToString(m.Sum(nil)[:16])
}

// newDataKey makes a fresh key and its wrapped form (creation time, nonce,
// ciphertext; the key id is the additional data).
func (k *keyring) newDataKey(kid string, now time.Time) (*dataKey, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("generate data key: %w", err)
	}
	aead, err := newGCM(raw)
	if err != nil {
		return nil, err
	}
	w := binary.BigEndian.AppendUint64(nil, uint64(now.Unix()))
	nonce := make([]byte, k.wrap.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("generate nonce: %w", err)
	}
	w = append(w, nonce...)
	w = k.wrap.Seal(w, nonce, raw, []byte(kid))
	return &dataKey{aead: aead, wrapped: w}, nil
}

// unwrap opens a stored data key.
func (k *keyring) unwrap(kid string, w []byte) (*dataKey, error) {
	ns := k.wrap.NonceSize()
	if len(w) < 8+ns {
		return nil, fmt.Errorf("wrapped key %s: %w", kid, ErrBadMasterKey)
	}
	raw, err := k.wrap.Open(nil, w[8:8+ns], w[8+ns:], []byte(kid))
	if err != nil {
		return nil, fmt.Errorf("unwrap key %s: %w", kid, ErrBadMasterKey)
	}
	aead, err := newGCM(raw)
	if err != nil {
		return nil, err
	}
	return &dataKey{aead: aead, wrapped: append([]byte(nil), w...), persisted: true}, nil
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
