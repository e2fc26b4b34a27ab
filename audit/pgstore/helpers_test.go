package pgstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit/pgstore"
)

// testMasterKey is every test replica's master key.
const testMasterKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

// testDatabase returns the URL of a fresh database on the throwaway
// server .ci/run starts (HUSHDESK_TEST_POSTGRES), dropped when the test
// ends. Without the server the test is skipped, except under CI, where it
// fails.
func testDatabase(t testing.TB) string {
	t.Helper()
	base := os.Getenv("HUSHDESK_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("HUSHDESK_TEST_POSTGRES is not set: .ci/run starts PostgreSQL for these tests")
		}
		t.Skip("no PostgreSQL: set HUSHDESK_TEST_POSTGRES (see .ci/postgres)")
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

// openReplica opens one replica of the store at dbURL.
func openReplica(t testing.TB, dbURL string, mod ...func(*pgstore.Options)) *pgstore.Store {
	t.Helper()
	o := pgstore.Options{MasterKey: testMasterKey, DataDir: t.TempDir(), RetentionInterval: -1, CheckpointInterval: -1}
	for _, m := range mod {
		m(&o)
	}
	s, err := pgstore.Open(context.Background(), dbURL, o)
	if err != nil {
		t.Fatalf("open replica: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func conv(i int) string { return fmt.Sprintf("k_conv%04d", i) }
