// Package pgdbtest gives tests a fresh database on the throwaway
// PostgreSQL server that .ci/postgres starts.
package pgdbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Database returns the URL of a fresh database on the server
// HUSHDESK_TEST_POSTGRES names, dropped when the test ends. Without the
// server the test is skipped, except under CI=true, where it fails.
func Database(t testing.TB) string {
	t.Helper()
	base := os.Getenv("HUSHDESK_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("HUSHDESK_TEST_POSTGRES is not set: .ci/run starts PostgreSQL for these tests")
		}
		t.Skip("no PostgreSQL: set HUSHDESK_TEST_POSTGRES (source .ci/postgres)")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer admin.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	name := "hd_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			return
		}
		defer c.Close(context.Background())
		c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
