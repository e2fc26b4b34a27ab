package pgstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit/pgstore"
	"github.com/hushdesk/hushdesk/retrieval/pgdb/pgdbtest"
)

// testMasterKey is every test replica's master key.
const testMasterKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

// testDatabase returns the URL of a fresh database on the throwaway
// server .ci/run starts, dropped when the test ends (see pgdbtest).
func testDatabase(t testing.TB) string { return pgdbtest.Database(t) }

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
