package audit

import (
	"context"
	"errors"
	"testing"

	"github.com/hushdesk/hushdesk/audit/role"
)

func TestTokens(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	ctx := context.Background()
	secret, tok, err := s.CreateToken(ctx, role.Compliance, "officer laptop", "t_admin")
	if err != nil || len(secret) < 3+22 || tok.Role != role.Compliance || tok.ID == "" {
		t.Fatalf("CreateToken = %q, %+v, %v", secret, tok, err)
	}
	if got, err := s.LookupToken(ctx, secret); err != nil || got != tok {
		t.Fatalf("LookupToken = %+v, %v", got, err)
	}
	for _, wrong := range []string{"", secret[:len(secret)-1], secret + "x", tok.ID} {
		if _, err := s.LookupToken(ctx, wrong); !errors.Is(err, ErrNoToken) {
			t.Errorf("LookupToken(%q) = %v, want ErrNoToken", wrong, err)
		}
	}
	if _, _, err := s.CreateToken(ctx, "root", "x", "t_admin"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("unknown role = %v", err)
	}

	// A short bootstrap token is refused: it would be guessable.
	if err := s.EnsureToken(ctx, "short-secret", role.Admin, "bootstrap"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("short bootstrap token = %v", err)
	}
	// The bootstrap token: seeded once, replaced when the secret changes.
	const boot1, boot2 = "bootstrap-secret-one-0123456789ab", "bootstrap-secret-two-0123456789ab"
	for range 2 {
		if err := s.EnsureToken(ctx, boot1, role.Admin, "bootstrap"); err != nil {
			t.Fatal(err)
		}
	}
	if toks, _ := s.Tokens(ctx); len(toks) != 2 {
		t.Fatalf("Tokens after seeding twice = %+v", toks)
	} else if got, err := s.Token(ctx, toks[1].ID); err != nil || got != toks[1] {
		t.Fatalf("Token(%s) = %+v, %v", toks[1].ID, got, err)
	}
	if _, err := s.Token(ctx, "t_none"); !errors.Is(err, ErrNoToken) {
		t.Fatalf("Token(t_none) = %v", err)
	}
	if toks, _ := s.Tokens(ctx); len(toks) != 2 {
		t.Fatalf("Tokens after seeding twice = %+v", toks)
	}
	if err := s.EnsureToken(ctx, boot2, role.Admin, "bootstrap"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LookupToken(ctx, boot1); !errors.Is(err, ErrNoToken) {
		t.Fatalf("the replaced bootstrap token still works: %v", err)
	}
	if err := s.RevokeToken(ctx, tok.ID, "t_admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LookupToken(ctx, secret); !errors.Is(err, ErrNoToken) {
		t.Fatalf("revoked token = %v", err)
	}
	if err := s.RevokeToken(ctx, tok.ID, "t_admin"); !errors.Is(err, ErrNoToken) {
		t.Fatalf("revoking twice = %v", err)
	}
	created, revoked := eventsOfType(t, s, TypeTokenCreated), eventsOfType(t, s, TypeTokenRevoked)
	if len(created) != 3 || len(revoked) != 2 {
		t.Fatalf("%d creations, %d revocations on record", len(created), len(revoked))
	}

	s.Close()
	for _, sec := range []string{secret, boot1, boot2} {
		if hits := filesContaining(t, dir, []byte(sec)); len(hits) > 0 {
			t.Errorf("token secret stored in clear in %v", hits)
		}
	}
	s = openTestStore(t, dir)
	if got, err := s.LookupToken(ctx, boot2); err != nil || got.Role != role.Admin {
		t.Fatalf("bootstrap token after reopen = %+v, %v", got, err)
	}
}
