package audit

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/audit/role"
	bolt "go.etcd.io/bbolt"
)

// Token is an access token for the HTTP API, without its secret.
type Token struct {
	ID    string    `json:"id"`
	Role  role.Role `json:"role"`
	Label string    `json:"label"`
	// Name is the name customers see when the token's holder, an agent,
	// joins their conversation ("Mette", "Agent 12"). The holder chose to
	// show it; it is kept as given.
	Name string `json:"name,omitempty"`
	// Team is the team an agent works in, whose queue they see first.
	Team    string    `json:"team,omitempty"`
	Created time.Time `json:"created"`
}

// TokenOption sets a property of a new token.
type TokenOption func(*Token)

// DisplayName gives a token the name customers see when its holder joins
// their conversation.
func DisplayName(name string) TokenOption {
	return func(t *Token) { t.Name = strings.TrimSpace(name) }
}

// InTeam puts a new token's holder, an agent, in a team.
func InTeam(team string) TokenOption {
	return func(t *Token) { t.Team = strings.TrimSpace(team) }
}

// MaxDisplayName bounds a display name, in characters.
const MaxDisplayName = 60

// storedToken is a token as kept: the secret only as a keyed hash.
type storedToken struct {
	Token
	Hash      []byte `json:"hash"`
	Bootstrap bool   `json:"bootstrap,omitempty"`
}

// tokenCache holds the live tokens, loaded at Open and kept in step by
// the writes, so that a lookup needs no disk access.
type tokenCache struct {
	mu   sync.RWMutex
	live []storedToken
}

func (s *Store) tokenHash(secret string) []byte {
	m := hmac.New(sha256.New, s.keys.tokens)
	m.Write([]byte(secret))
	return m.Sum(nil)
}

func (s *Store) loadTokens() error {
	var live []storedToken
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTokens)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var t storedToken
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("decode token: %w", err)
			}
			live = append(live, t)
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("read tokens: %w", err)
	}
	s.tokens.mu.Lock()
	s.tokens.live = live
	s.tokens.mu.Unlock()
	return nil
}

// CreateToken makes a token with a fresh secret (256 random bits) and
// returns the secret, which is not kept: only a keyed hash of it is.
func (s *Store) CreateToken(ctx context.Context, r role.Role, label, actor string, opts ...TokenOption) (string, Token, error) {
	var props Token
	for _, o := range opts {
		o(&props)
	}
	if err := checkDisplayName(props.Name); err != nil {
		return "", Token{}, err
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", Token{}, fmt.Errorf("generate token: %w", err)
	}
	secret := "hd_" + base64.RawURLEncoding.EncodeToString(raw)
	t, err := s.addToken(ctx, secret, Token{Role: r, Label: label, Name: props.Name, Team: props.Team}, actor, false)
	if err != nil {
		return "", Token{}, err
	}
	return secret, t, nil
}

// EnsureToken makes sure secret is a live token with role, for the
// bootstrap admin token given in the environment. It does nothing when the
// token exists; when the secret is new it is stored and any earlier token
// seeded this way is revoked, so a changed environment takes effect.
func (s *Store) EnsureToken(ctx context.Context, secret string, r role.Role, label string) error {
	if secret == "" {
		return invalid("empty token")
	}
	if err := s.writable(); err != nil {
		return err
	}
	if _, err := s.LookupToken(ctx, secret); err == nil {
		return nil
	}
	if len(secret) < MinBootstrapToken {
		return invalid("the bootstrap token has %d characters; use at least %d random characters", len(secret), MinBootstrapToken)
	}
	if _, err := s.addToken(ctx, secret, Token{Role: r, Label: label}, "bootstrap", true); err != nil {
		return err
	}
	s.tokens.mu.RLock()
	var old []string
	for _, t := range s.tokens.live {
		if t.Bootstrap && !hmac.Equal(t.Hash, s.tokenHash(secret)) {
			old = append(old, t.ID)
		}
	}
	s.tokens.mu.RUnlock()
	for _, id := range old {
		if err := s.RevokeToken(ctx, id, "bootstrap"); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) addToken(ctx context.Context, secret string, props Token, actor string, bootstrap bool) (Token, error) {
	if err := s.writable(); err != nil {
		return Token{}, err
	}
	r := props.Role
	if _, err := role.Parse(string(r)); err != nil {
		return Token{}, invalid("role %q is not agent, compliance or admin", r)
	}
	id := make([]byte, 8)
	rand.Read(id)
	t := storedToken{
		Token:     Token{ID: "t_" + hex.EncodeToString(id), Role: r, Label: props.Label, Name: props.Name, Team: props.Team, Created: s.now().UTC()},
		Hash:      s.tokenHash(secret),
		Bootstrap: bootstrap,
	}
	v, err := json.Marshal(t)
	if err != nil {
		return Token{}, fmt.Errorf("encode token: %w", err)
	}
	env := Envelope{Time: t.Created, Type: TypeTokenCreated, Actor: actor,
		Attrs: map[string]string{"token_id": t.ID, "role": string(r)}}
	s.tokens.mu.Lock() // a lookup never sees a token the log does not hold
	defer s.tokens.mu.Unlock()
	_, err = s.append(ctx, env, nil, appendOpts{
		apply: func(tx *bolt.Tx, _ uint64) error { return tx.Bucket(bucketTokens).Put([]byte(t.ID), v) },
	})
	if err != nil {
		return Token{}, fmt.Errorf("create token: %w", err)
	}
	s.tokens.live = append(s.tokens.live, t)
	return t.Token, nil
}

// LookupToken returns the live token whose secret this is, or ErrNoToken.
// The secret's keyed hash is compared with every live token's in constant
// time.
func (s *Store) LookupToken(ctx context.Context, secret string) (Token, error) {
	if s.keys == nil {
		return Token{}, ErrReadOnly
	}
	h := s.tokenHash(secret)
	s.tokens.mu.RLock()
	defer s.tokens.mu.RUnlock()
	found := -1
	for i := range s.tokens.live {
		if subtle.ConstantTimeCompare(s.tokens.live[i].Hash, h) == 1 {
			found = i
		}
	}
	if found < 0 {
		return Token{}, ErrNoToken
	}
	return s.tokens.live[found].Token, nil
}

// MinBootstrapToken is the shortest bootstrap token accepted, in
// characters.
const MinBootstrapToken = 32

// Token returns the live token with this id, or ErrNoToken: a console
// session checks with it, at every request, that its token still lives
// and keeps its role.
func (s *Store) Token(ctx context.Context, id string) (Token, error) {
	s.tokens.mu.RLock()
	defer s.tokens.mu.RUnlock()
	for _, t := range s.tokens.live {
		if t.ID == id {
			return t.Token, nil
		}
	}
	return Token{}, fmt.Errorf("%q: %w", id, ErrNoToken)
}

// RevokeToken ends a token, or fails with ErrNoToken.
func (s *Store) RevokeToken(ctx context.Context, id, actor string) error {
	if err := s.writable(); err != nil {
		return err
	}
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	i := slices.IndexFunc(s.tokens.live, func(t storedToken) bool { return t.ID == id })
	if i < 0 {
		return fmt.Errorf("%q: %w", id, ErrNoToken)
	}
	env := Envelope{Type: TypeTokenRevoked, Actor: actor,
		Attrs: map[string]string{"token_id": id, "role": string(s.tokens.live[i].Role)}}
	_, err := s.append(ctx, env, nil, appendOpts{
		apply: func(tx *bolt.Tx, _ uint64) error { return tx.Bucket(bucketTokens).Delete([]byte(id)) },
	})
	if err != nil {
		return fmt.Errorf("revoke token: %w", err)
	}
	s.tokens.live = slices.Delete(s.tokens.live, i, i+1)
	return nil
}

// Tokens lists the live tokens, oldest first.
func (s *Store) Tokens(ctx context.Context) ([]Token, error) {
	s.tokens.mu.RLock()
	defer s.tokens.mu.RUnlock()
	out := make([]Token, 0, len(s.tokens.live))
	for _, t := range s.tokens.live {
		out = append(out, t.Token)
	}
	slices.SortFunc(out, func(a, b Token) int { return a.Created.Compare(b.Created) })
	return out, nil
}

// CheckDisplayName refuses a display name that is too long or not
// printable.
func CheckDisplayName(name string) error { return checkDisplayName(name) }

func checkDisplayName(name string) error {
	if n := utf8.RuneCountInString(name); n > MaxDisplayName || !utf8.ValidString(name) || strings.ContainsFunc(name, unicode.IsControl) {
		return invalid("a display name has at most %d printable characters", MaxDisplayName)
	}
	return nil
}

// TokenChange is a change to a live token: a new display name or team
// for its holder. Nil fields stay as they are.
type TokenChange struct {
	Name *string
	Team *string
}

// UpdateToken renames a token's holder or moves them to another team
// (the caller checks the team exists), recording a token.updated event
// that names the fields changed, not their values.
func (s *Store) UpdateToken(ctx context.Context, id string, ch TokenChange, actor string) (Token, error) {
	if err := s.writable(); err != nil {
		return Token{}, err
	}
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	i := slices.IndexFunc(s.tokens.live, func(t storedToken) bool { return t.ID == id })
	if i < 0 {
		return Token{}, fmt.Errorf("%q: %w", id, ErrNoToken)
	}
	t := s.tokens.live[i]
	var fields []string
	if ch.Name != nil {
		name := strings.TrimSpace(*ch.Name)
		if err := checkDisplayName(name); err != nil {
			return Token{}, err
		}
		t.Name = name
		fields = append(fields, "name")
	}
	if ch.Team != nil {
		t.Team = strings.TrimSpace(*ch.Team)
		fields = append(fields, "team")
	}
	if len(fields) == 0 {
		return Token{}, invalid("nothing to change: give a name or a team")
	}
	v, err := json.Marshal(t)
	if err != nil {
		return Token{}, fmt.Errorf("encode token: %w", err)
	}
	env := Envelope{Type: TypeTokenUpdated, Actor: actor,
		Attrs: map[string]string{"token_id": id, "role": string(t.Role), "changed": strings.Join(fields, ",")}}
	_, err = s.append(ctx, env, nil, appendOpts{
		apply: func(tx *bolt.Tx, _ uint64) error { return tx.Bucket(bucketTokens).Put([]byte(id), v) },
	})
	if err != nil {
		return Token{}, fmt.Errorf("update token: %w", err)
	}
	s.tokens.live[i] = t
	return t.Token, nil
}
