package web

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"
)

// SessionStore keeps console sessions. A session is stored under a hash
// of its id, which only the browser holds, and its contents (principal,
// CSRF token, what the provider said) sealed under a key derived from
// the id: whoever reads the store can neither use a session nor read one.
// The default keeps them in memory; a shared store lets several replicas
// serve one console.
type SessionStore interface {
	SaveSession(ctx context.Context, key []byte, r SessionRecord) error
	// LoadSession returns the session stored under key, if any.
	LoadSession(ctx context.Context, key []byte) (SessionRecord, bool, error)
	// EndSessions ends the session stored under key, or, when key is nil,
	// every session of tokenID.
	EndSessions(ctx context.Context, key []byte, tokenID string) error
}

// SessionRecord is one session as a SessionStore keeps it.
type SessionRecord struct {
	TokenID  string
	Expires  time.Time
	LastSeen time.Time
	// Sealed is the session's contents, sealed (AES-GCM) under a key
	// derived from the session id.
	Sealed []byte
}

// sessionKey is what a session is stored under.
func sessionKey(id string) []byte {
	h := sha256.Sum256([]byte("hushdesk console session key\x00" + id))
	return h[:]
}

// sessionAEAD seals a session's contents; its key is derived from the
// id, not the stored key.
func sessionAEAD(id string) (cipher.AEAD, error) {
	k := sha256.Sum256([]byte("hushdesk console session seal\x00" + id))
	b, err := aes.NewCipher(k[:])
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

// storedSession is the sealed part of a session.
type storedSession struct {
	Principal Principal  `json:"principal"`
	CSRF      string     `json:"csrf"`
	SSO       *storedSSO `json:"sso,omitempty"`
}

type storedSSO struct {
	Refresh string    `json:"refresh,omitempty"`
	IDToken string    `json:"id_token,omitempty"`
	Until   time.Time `json:"until"`
	CheckAt time.Time `json:"check_at"`
}

func sealSession(id string, s *session) (SessionRecord, error) {
	st := storedSession{Principal: s.principal, CSRF: s.csrf}
	if x := s.sso; x != nil {
		st.SSO = &storedSSO{Refresh: x.refresh, IDToken: x.idToken, Until: x.until, CheckAt: x.checkAt}
	}
	plain, err := json.Marshal(st)
	if err != nil {
		return SessionRecord{}, err
	}
	aead, err := sessionAEAD(id)
	if err != nil {
		return SessionRecord{}, err
	}
	nonce := make([]byte, aead.NonceSize())
	rand.Read(nonce)
	return SessionRecord{TokenID: s.principal.TokenID, Expires: s.expires, LastSeen: s.lastSeen,
		Sealed: aead.Seal(nonce, nonce, plain, []byte(s.principal.TokenID))}, nil
}

var errSessionSeal = errors.New("session does not open")

func openSession(id string, r SessionRecord) (session, error) {
	aead, err := sessionAEAD(id)
	if err != nil {
		return session{}, err
	}
	n := aead.NonceSize()
	if len(r.Sealed) < n {
		return session{}, errSessionSeal
	}
	plain, err := aead.Open(nil, r.Sealed[:n], r.Sealed[n:], []byte(r.TokenID))
	if err != nil {
		return session{}, errSessionSeal
	}
	var st storedSession
	if err := json.Unmarshal(plain, &st); err != nil {
		return session{}, fmt.Errorf("%w: %w", errSessionSeal, err)
	}
	s := session{principal: st.Principal, csrf: st.CSRF, expires: r.Expires, lastSeen: r.LastSeen}
	if x := st.SSO; x != nil {
		s.sso = &ssoSession{refresh: x.Refresh, idToken: x.IDToken, until: x.Until, checkAt: x.CheckAt}
	}
	return s, nil
}

// memorySessions keep sessions in the process.
type memorySessions struct {
	mu  sync.Mutex
	m   map[string]SessionRecord
	now func() time.Time
}

func newMemorySessions() *memorySessions {
	return &memorySessions{m: map[string]SessionRecord{}, now: time.Now}
}

func (ms *memorySessions) SaveSession(_ context.Context, key []byte, r SessionRecord) error {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	if _, ok := ms.m[string(key)]; !ok { // a new session: forget the ended ones
		now := ms.now()
		for k, v := range ms.m {
			if now.After(v.Expires) || now.Sub(v.LastSeen) > sessionIdle {
				delete(ms.m, k)
			}
		}
	}
	ms.m[string(key)] = r
	return nil
}

func (ms *memorySessions) LoadSession(_ context.Context, key []byte) (SessionRecord, bool, error) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	r, ok := ms.m[string(key)]
	return r, ok, nil
}

func (ms *memorySessions) EndSessions(_ context.Context, key []byte, tokenID string) error {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	if key != nil {
		delete(ms.m, string(key))
		return nil
	}
	for k, v := range ms.m {
		if v.TokenID == tokenID {
			delete(ms.m, k)
		}
	}
	return nil
}
