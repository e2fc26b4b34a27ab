package pgstore

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
)

// storedToken is a token as kept, as in audit.db: the secret only as a
// keyed hash.
type storedToken struct {
	audit.Token
	Hash      []byte `json:"hash"`
	Bootstrap bool   `json:"bootstrap,omitempty"`
}

// Tokens are read from the table at every lookup, never cached, so that a
// token revoked on one replica is refused by every other from the commit
// of its revocation on.

// CreateToken makes a token with a fresh secret and returns the secret,
// which is not kept.
func (s *Store) CreateToken(ctx context.Context, r role.Role, label, actor string, opts ...audit.TokenOption) (string, audit.Token, error) {
	var props audit.Token
	for _, o := range opts {
		o(&props)
	}
	if n := utf8.RuneCountInString(props.Name); n > audit.MaxDisplayName || !utf8.ValidString(props.Name) || strings.ContainsFunc(props.Name, unicode.IsControl) {
		return "", audit.Token{}, audit.Invalid("a display name has at most %d printable characters", audit.MaxDisplayName)
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", audit.Token{}, fmt.Errorf("generate token: %w", err)
	}
	secret := "hd_" + base64.RawURLEncoding.EncodeToString(raw)
	t, err := s.addToken(ctx, secret, audit.Token{Role: r, Label: label, Name: props.Name}, actor, false)
	if err != nil {
		return "", audit.Token{}, err
	}
	return secret, t, nil
}

// EnsureToken makes sure secret is a live token with role (the bootstrap
// admin token), revoking any other bootstrap token.
func (s *Store) EnsureToken(ctx context.Context, secret string, r role.Role, label string) error {
	if secret == "" {
		return audit.Invalid("empty token")
	}
	if _, err := s.LookupToken(ctx, secret); err == nil {
		return nil
	}
	if len(secret) < audit.MinBootstrapToken {
		return audit.Invalid("the bootstrap token has %d characters; use at least %d random characters", len(secret), audit.MinBootstrapToken)
	}
	if _, err := s.addToken(ctx, secret, audit.Token{Role: r, Label: label}, "bootstrap", true); err != nil && !errors.Is(err, errTokenExists) {
		return err
	}
	live, err := s.stored(ctx)
	if err != nil {
		return err
	}
	h := s.keys.TokenHash(secret)
	for _, t := range live {
		if t.Bootstrap && !hmac.Equal(t.Hash, h) {
			if err := s.RevokeToken(ctx, t.ID, "bootstrap"); err != nil && !errors.Is(err, audit.ErrNoToken) {
				return err
			}
		}
	}
	return nil
}

var errTokenExists = errors.New("token exists")

func (s *Store) addToken(ctx context.Context, secret string, props audit.Token, actor string, bootstrap bool) (audit.Token, error) {
	if _, err := role.Parse(string(props.Role)); err != nil {
		return audit.Token{}, audit.Invalid("role %q is not agent, compliance or admin", props.Role)
	}
	id := make([]byte, 8)
	rand.Read(id)
	t := storedToken{
		Token:     audit.Token{ID: "t_" + hex.EncodeToString(id), Role: props.Role, Label: props.Label, Name: props.Name, Created: s.now().UTC()},
		Hash:      s.keys.TokenHash(secret),
		Bootstrap: bootstrap,
	}
	body, err := json.Marshal(t)
	if err != nil {
		return audit.Token{}, err
	}
	env := audit.Envelope{Time: t.Created, Type: audit.TypeTokenCreated, Actor: actor,
		Attrs: map[string]string{"token_id": t.ID, "role": string(props.Role)}}
	_, err = s.append(ctx, env, nil, extra{
		check: func(ctx context.Context, tx pgx.Tx, _ *audit.Envelope) error {
			var n int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM audit_tokens WHERE hash = $1`, t.Hash).Scan(&n); err != nil {
				return err
			}
			if n > 0 { // another replica seeded the same bootstrap token
				return errTokenExists
			}
			return nil
		},
		apply: func(ctx context.Context, tx pgx.Tx, _ uint64) error {
			_, err := tx.Exec(ctx, `INSERT INTO audit_tokens (id, hash, body) VALUES ($1, $2, $3)`, t.ID, t.Hash, body)
			return err
		},
	})
	if err != nil {
		return audit.Token{}, fmt.Errorf("create token: %w", err)
	}
	return t.Token, nil
}

// LookupToken returns the live token whose secret this is, or
// audit.ErrNoToken.
func (s *Store) LookupToken(ctx context.Context, secret string) (audit.Token, error) {
	return s.tokenWhere(ctx, `hash = $1`, s.keys.TokenHash(secret))
}

// Token returns the live token with this id, or audit.ErrNoToken.
func (s *Store) Token(ctx context.Context, id string) (audit.Token, error) {
	return s.tokenWhere(ctx, `id = $1`, id)
}

func (s *Store) tokenWhere(ctx context.Context, where string, arg any) (audit.Token, error) {
	var body []byte
	err := s.pool.QueryRow(ctx, `SELECT body FROM audit_tokens WHERE `+where, arg).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return audit.Token{}, audit.ErrNoToken
	}
	if err != nil {
		return audit.Token{}, fmt.Errorf("read token: %w", err)
	}
	var t storedToken
	if err := json.Unmarshal(body, &t); err != nil {
		return audit.Token{}, fmt.Errorf("decode token: %w", err)
	}
	return t.Token, nil
}

// RevokeToken ends a token, or fails with audit.ErrNoToken.
func (s *Store) RevokeToken(ctx context.Context, id, actor string) error {
	t, err := s.Token(ctx, id)
	if err != nil {
		return fmt.Errorf("%q: %w", id, err)
	}
	env := audit.Envelope{Type: audit.TypeTokenRevoked, Actor: actor,
		Attrs: map[string]string{"token_id": id, "role": string(t.Role)}}
	_, err = s.append(ctx, env, nil, extra{
		check: func(ctx context.Context, tx pgx.Tx, _ *audit.Envelope) error {
			tag, err := tx.Exec(ctx, `DELETE FROM audit_tokens WHERE id = $1`, id)
			if err == nil && tag.RowsAffected() == 0 {
				err = fmt.Errorf("%q: %w", id, audit.ErrNoToken) // revoked elsewhere meanwhile
			}
			return err
		},
	})
	if err != nil {
		return fmt.Errorf("revoke token: %w", err)
	}
	return nil
}

// Tokens lists the live tokens, oldest first.
func (s *Store) Tokens(ctx context.Context) ([]audit.Token, error) {
	live, err := s.stored(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]audit.Token, 0, len(live))
	for _, t := range live {
		out = append(out, t.Token)
	}
	slices.SortFunc(out, func(a, b audit.Token) int { return a.Created.Compare(b.Created) })
	return out, nil
}

func (s *Store) stored(ctx context.Context) ([]storedToken, error) {
	rows, err := s.pool.Query(ctx, `SELECT body FROM audit_tokens`)
	if err != nil {
		return nil, err
	}
	bodies, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		return nil, err
	}
	out := make([]storedToken, 0, len(bodies))
	for _, b := range bodies {
		var t storedToken
		if err := json.Unmarshal(b, &t); err != nil {
			return nil, fmt.Errorf("decode token: %w", err)
		}
		out = append(out, t)
	}
	return out, nil
}

// UpdateToken renames a token's holder or moves them to another team, as
// audit.Store.UpdateToken does.
func (s *Store) UpdateToken(ctx context.Context, id string, ch audit.TokenChange, actor string) (audit.Token, error) {
	if ch.Name == nil && ch.Team == nil {
		return audit.Token{}, audit.Invalid("nothing to change: give a name or a team")
	}
	var fields []string
	if ch.Name != nil {
		if err := audit.CheckDisplayName(strings.TrimSpace(*ch.Name)); err != nil {
			return audit.Token{}, err
		}
		fields = append(fields, "name")
	}
	if ch.Team != nil {
		fields = append(fields, "team")
	}
	cur, err := s.Token(ctx, id)
	if err != nil {
		return audit.Token{}, fmt.Errorf("%q: %w", id, err)
	}
	var t storedToken
	env := audit.Envelope{Type: audit.TypeTokenUpdated, Actor: actor,
		Attrs: map[string]string{"token_id": id, "role": string(cur.Role), "changed": strings.Join(fields, ",")}}
	_, err = s.append(ctx, env, nil, extra{
		check: func(ctx context.Context, tx pgx.Tx, _ *audit.Envelope) error {
			var body []byte
			err := tx.QueryRow(ctx, `SELECT body FROM audit_tokens WHERE id = $1`, id).Scan(&body)
			if errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("%q: %w", id, audit.ErrNoToken) // revoked meanwhile
			}
			if err != nil {
				return err
			}
			if err := json.Unmarshal(body, &t); err != nil {
				return fmt.Errorf("decode token: %w", err)
			}
			if ch.Name != nil {
				t.Name = strings.TrimSpace(*ch.Name)
			}
			if ch.Team != nil {
				t.Team = strings.TrimSpace(*ch.Team)
			}
			return nil
		},
		apply: func(ctx context.Context, tx pgx.Tx, _ uint64) error {
			body, err := json.Marshal(t)
			if err != nil {
				return err
			}
			_, err = tx.Exec(ctx, `UPDATE audit_tokens SET body = $2 WHERE id = $1`, id, body)
			return err
		},
	})
	if err != nil {
		return audit.Token{}, fmt.Errorf("update token: %w", err)
	}
	return t.Token, nil
}
