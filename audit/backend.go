package audit

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// What another backend of the log (audit/pgstore) shares with this one,
// so that there is one copy of each: the record format and the keyed
// chain, the keys derived from the master key, sealing and key wrapping,
// checkpoints, and the verification walk. An event stored by either
// backend is byte for byte the same record, so checkpoints, exports and
// verification agree.

// Record is an event as stored (see docs/audit-log.md, "Records").
type Record struct {
	Version    byte
	Prev, Hash [32]byte
	KeyID      string
	Envelope   []byte
	Sealed     []byte
}

// RecordV2 is the version of records written under the keyed chain.
const RecordV2 = recordV2

// Marshal encodes the record as it is stored.
func (r Record) Marshal() []byte {
	rec := record{version: r.Version, prev: r.Prev, hash: r.Hash, kid: r.KeyID, env: r.Envelope, sealed: r.Sealed}
	return rec.marshal()
}

// UnmarshalRecord decodes a stored record; its slices alias b. A
// malformed record matches ErrTampered.
func UnmarshalRecord(b []byte) (Record, error) {
	r, err := unmarshalRecord(b)
	return Record{Version: r.version, Prev: r.prev, Hash: r.hash, KeyID: r.kid, Envelope: r.env, Sealed: r.sealed}, err
}

// DecodeEvent turns a stored record into an Event without its content,
// keeping the sealed content for OpenEvent.
func DecodeEvent(seq uint64, v []byte) (Event, error) { return decodeEvent(seq, v) }

// SealedContent returns the content key id and sealed content of a
// decoded event; both empty when it has none.
func (e *Event) SealedContent() (kid string, sealed []byte) { return e.kid, e.sealed }

// Keys are the keys derived from the master key: the chain key, the keys
// of pseudonyms and of token hashes, and the wrapping of the signing key.
type Keys struct{ kr *keyring }

// LoadMasterKey reads the master key as Options describe: given (64 hex
// digits), else the file named, else master.key in dir, created there
// only when create is set. inDataDir reports the last case.
func LoadMasterKey(dir, given, file string, create bool) (key []byte, inDataDir bool, err error) {
	mk, err := loadMasterKey(dir, given, file, create)
	return mk.key, mk.inDataDir, err
}

// NewKeys derives the keys from a master key (32 bytes).
func NewKeys(master []byte) (*Keys, error) {
	kr, err := newKeyring(master)
	if err != nil {
		return nil, err
	}
	return &Keys{kr: kr}, nil
}

// SubjectPseudonym is Store.SubjectPseudonym under these keys.
func (k *Keys) SubjectPseudonym(id string) string { return k.kr.pseudonym("s_", "subject", id) }

// ConversationRef is Store.ConversationRef under these keys.
func (k *Keys) ConversationRef(capability string) string {
	return k.kr.pseudonym("k_", "conversation", capability)
}

// TokenHash is the keyed hash under which an access token's secret is
// kept.
func (k *Keys) TokenHash(secret string) []byte { return (&Store{keys: k.kr}).tokenHash(secret) }

// WrapSecret seals secret, bound to label, under the key derived from
// the master key.
func (k *Keys) WrapSecret(label string, secret []byte) ([]byte, error) {
	return k.kr.wrapSecret(nil, label, secret)
}

// UnwrapSecret opens what WrapSecret sealed; ErrBadMasterKey when it
// does not open.
func (k *Keys) UnwrapSecret(label string, w []byte) ([]byte, error) {
	return k.kr.unwrapSecret(label, w)
}

// SigningKeyLabel binds the wrapped signing key.
const SigningKeyLabel = signingKeyLabel

// ChainMark encodes the chain marker (docs/audit-log.md) for a chain
// keyed from event from, promising a checkpoint every so many events.
func (k *Keys) ChainMark(from, every uint64) []byte {
	return k.kr.sealChainMark(chainMark{from: from, every: every})
}

// OpenChainMark decodes and checks a chain marker.
func (k *Keys) OpenChainMark(v []byte) (from, every uint64, err error) {
	m, err := openChainMark(k.kr, v)
	return m.from, m.every, err
}

// ChainHasher computes chain hashes; not safe for concurrent use.
type ChainHasher struct{ h *chainHasher }

// NewChainHasher returns a hasher of the keyed chain.
func (k *Keys) NewChainHasher() *ChainHasher { return &ChainHasher{h: newChainHasher(k.kr.chain)} }

// Sum is the hash that links an event into the chain.
func (c *ChainHasher) Sum(version byte, seq uint64, prev *[32]byte, kid string, env, sealed []byte) ([32]byte, error) {
	return c.h.sum(version, seq, prev, kid, env, sealed)
}

// ContentKey is one content key, unwrapped.
type ContentKey struct {
	d *dataKey
}

// ID is the key's id, bound into everything sealed with it.
func (c ContentKey) ID() string { return c.d.kid }

// NewContentKey makes a fresh content key and returns it with its
// wrapped form (creation time, nonce, ciphertext) under kek.
func NewContentKey(kek *KeyWrapper, now time.Time) (ContentKey, []byte, error) {
	d, err := kek.kr.newDataKey(newKeyID(), now)
	if err != nil {
		return ContentKey{}, nil, err
	}
	return ContentKey{d: d}, d.wrapped, nil
}

// OpenContentKey unwraps a stored content key under kek.
func OpenContentKey(kek *KeyWrapper, kid string, wrapped []byte) (ContentKey, error) {
	d, err := kek.kr.unwrap(kid, wrapped)
	return ContentKey{d: d}, err
}

// RewrapContentKey re-wraps a stored content key from one key-encryption
// key to another, keeping its creation time.
func RewrapContentKey(from, to *KeyWrapper, kid string, wrapped []byte) ([]byte, error) {
	if len(wrapped) < 8 {
		return nil, fmt.Errorf("wrapped key %s: %w", kid, ErrBadMasterKey)
	}
	raw, err := from.kr.unwrapSecret(kid, wrapped[8:])
	if err != nil {
		return nil, err
	}
	defer clear(raw)
	return to.kr.wrapSecret(append([]byte(nil), wrapped[:8]...), kid, raw)
}

// KeyCreated returns when a wrapped content key was made.
func KeyCreated(wrapped []byte) time.Time { return keyCreated(wrapped) }

// SealContent encodes and seals content under the key.
func (c ContentKey) SealContent(content *Content) ([]byte, error) {
	plain, err := json.Marshal(content)
	if err != nil {
		return nil, fmt.Errorf("encode content: %w", err)
	}
	return seal(c.d.aead, c.d.kid, plain)
}

// OpenEvent decrypts an event's sealed content into ev.Content.
func (c ContentKey) OpenEvent(ev *Event) error {
	plain, err := open(c.d.aead, ev.kid, ev.sealed)
	if err != nil {
		return err
	}
	var content Content
	if err := json.Unmarshal(plain, &content); err != nil {
		return fmt.Errorf("decode content: %w", ErrTampered)
	}
	ev.Content = &content
	return nil
}

// KeyWrapper wraps content keys: the key-encryption key. The embedded
// store derives its one from the master key; another backend may keep
// versions of its own, so that rotating them completes a shredding.
type KeyWrapper struct{ kr *keyring }

// NewKeyWrapper returns a key-encryption key from 32 random bytes.
func NewKeyWrapper(kek []byte) (*KeyWrapper, error) {
	if len(kek) != 32 {
		return nil, fmt.Errorf("a key-encryption key has 32 bytes: %w", ErrBadMasterKey)
	}
	w, err := newGCM(kek)
	if err != nil {
		return nil, err
	}
	return &KeyWrapper{kr: &keyring{wrap: w}}, nil
}

// KeyOwner names whose key seals an event's content (the subject's in
// one conversation, the subject's, the conversation's, or "system").
func KeyOwner(env *Envelope) string { return keyOwner(env) }

// ValidID reports whether id may stand in an envelope as a subject or
// conversation.
func ValidID(id string) bool { return validID(id) }

// Administrative reports whether events of this type are kept out of the
// conversation and subject indexes.
func Administrative(typ string) bool { return administrative(typ) }

// Invalid returns an error matching ErrInvalid with the message given.
func Invalid(format string, args ...any) error { return invalid(format, args...) }

// Signer signs checkpoints with the store's Ed25519 key.
type Signer struct {
	priv ed25519.PrivateKey
	pub  ed25519.PublicKey
}

// NewSigner makes a fresh signing key and returns it with its seed
// wrapped under the master key.
func (k *Keys) NewSigner() (*Signer, []byte, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("generate signing key: %w", err)
	}
	w, err := k.kr.wrapSecret(nil, signingKeyLabel, priv.Seed())
	if err != nil {
		return nil, nil, err
	}
	return &Signer{priv: priv, pub: pub}, w, nil
}

// OpenSigner unwraps the signing key.
func (k *Keys) OpenSigner(wrapped []byte) (*Signer, error) {
	seed, err := k.kr.unwrapSecret(signingKeyLabel, wrapped)
	if err != nil {
		return nil, fmt.Errorf("the master key does not open the signing key: %w", ErrSigningKey)
	}
	defer clear(seed)
	priv := ed25519.NewKeyFromSeed(seed)
	return &Signer{priv: priv, pub: priv.Public().(ed25519.PublicKey)}, nil
}

// Public is the signer's public key.
func (s *Signer) Public() ed25519.PublicKey { return s.pub }

// Checkpoint signs event seq's hash head at now, and returns the
// checkpoint and the envelope of the checkpoint event that records it in
// the chain, promising the next within every events.
func (s *Signer) Checkpoint(seq uint64, head [32]byte, now time.Time, every uint64) (Checkpoint, Envelope) {
	return signCheckpoint(s.priv, s.pub, seq, head, now, every)
}

func signCheckpoint(priv ed25519.PrivateKey, pub ed25519.PublicKey, seq uint64, head [32]byte, now time.Time, every uint64) (Checkpoint, Envelope) {
	cp := Checkpoint{
		Seq:         seq,
		Head:        HashString(head),
		Time:        now,
		PublicKey:   hex.EncodeToString(pub),
		Signature:   hex.EncodeToString(ed25519.Sign(priv, checkpointMessage(seq, head, now))),
		Fingerprint: Fingerprint(pub),
	}
	env := Envelope{Time: now, Type: TypeCheckpoint, Attrs: map[string]string{
		"seq": strconv.FormatUint(cp.Seq, 10), "head": cp.Head, "public_key": cp.PublicKey, "signature": cp.Signature,
		"every": strconv.FormatUint(every, 10),
	}}
	return cp, env
}

// DueAfter is the last event that may follow a checkpoint of seq with
// cadence every before the next is due; 0 when none is.
func DueAfter(seq, every uint64) uint64 { return dueAfter(seq, every) }

// ContentKeyWrapper is the key-encryption key the embedded store wraps
// content keys with, derived from the master key.
func (k *Keys) ContentKeyWrapper() *KeyWrapper { return &KeyWrapper{kr: &keyring{wrap: k.kr.wrap}} }

// Match reports whether the filter selects an event with this envelope.
func (f *Filter) Match(e *Envelope) bool { return f.match(e) }
