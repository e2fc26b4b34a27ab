package pgstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func receive(t *testing.T, ch <-chan []byte) string {
	t.Helper()
	select {
	case b := <-ch:
		return string(b)
	case <-time.After(10 * time.Second):
		t.Fatal("nothing relayed within 10s")
	}
	return ""
}

// TestRelayAcrossReplicas: what A publishes reaches B's subscriber, from
// the moment B subscribed, also when B's listening connection was cut
// meanwhile, and is sealed in the table.
func TestRelayAcrossReplicas(t *testing.T) {
	db := testDatabase(t)
	ctx := ctxT(t)
	a, b := openReplica(t, db), openReplica(t, db)
	onB, stop := b.Relay().Subscribe("k_conv1")
	defer stop()
	other, stopOther := b.Relay().Subscribe("k_conv2")
	defer stopOther()
	// No wait for B to listen: a message published once Subscribe has
	// returned reaches the subscriber.
	if err := a.Relay().Publish(ctx, "k_conv1", []byte(`{"text":"Hello from A"}`)); err != nil {
		t.Fatal(err)
	}
	if got := receive(t, onB); got != `{"text":"Hello from A"}` {
		t.Fatalf("B received %q", got)
	}
	select {
	case m := <-other:
		t.Fatalf("another topic received %q", m)
	default:
	}
	admin, err := pgx.Connect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	var sealed []byte
	admin.QueryRow(ctx, `SELECT sealed FROM relay_messages ORDER BY id DESC LIMIT 1`).Scan(&sealed)
	if len(sealed) == 0 || string(sealed) == `{"text":"Hello from A"}` || contains(sealed, "Hello") {
		t.Fatalf("the relayed message is stored in clear")
	}
	// Cut every listening connection, publish while they are down: B
	// catches up when it listens again.
	tag, err := admin.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE pid <> pg_backend_pid() AND application_name = 'hushdesk' AND state = 'idle'
		AND (query LIKE 'LISTEN hushdesk_relay%' OR query LIKE '%FROM relay_messages WHERE id >%')`)
	if err != nil || tag.RowsAffected() == 0 {
		t.Fatalf("no listening connection cut (%v)", err)
	}
	if err := a.Relay().Publish(ctx, "k_conv1", []byte("while B was away")); err != nil {
		t.Fatal(err)
	}
	if got := receive(t, onB); got != "while B was away" {
		t.Fatalf("B received %q", got)
	}
}

func contains(b []byte, s string) bool {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return true
		}
	}
	return false
}
