package pgstore_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
)

// Two replicas share one log: what one appends, the other verifies.
// (Compiled, not run: it needs a database.)
func Example() {
	ctx := context.Background()
	url := os.Getenv("HUSHDESK_STORE") // postgres://hushdesk@db.internal/hushdesk
	opts := pgstore.Options{MasterKey: os.Getenv("HUSHDESK_MASTER_KEY"), KEKFile: "/etc/hushdesk/kek.keys"}
	a, err := pgstore.Open(ctx, url, opts)
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()
	b, err := pgstore.Open(ctx, url, opts)
	if err != nil {
		log.Fatal(err)
	}
	defer b.Close()
	seq, err := a.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Conversation: a.ConversationRef("c_capability"), Decision: "answer"},
		&audit.Content{Question: "Where is my parcel?", Answer: "It left the warehouse this morning."})
	if err != nil {
		log.Fatal(err)
	}
	res, err := b.Verify(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(seq <= res.Events, res.OK)
}
