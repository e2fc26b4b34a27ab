package main

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// TestKnowledgeBaseOnPostgres serves two replicas on one PostgreSQL
// store, wired as the binary wires them: the first loads the sample into
// the empty knowledge base, the second loads nothing and is ready holding
// the same documents; an article uploaded through one is held by the
// other; the shared log records the sample once.
func TestKnowledgeBaseOnPostgres(t *testing.T) {
	ctx := context.Background()
	db := testDatabase(t)
	a := startReplica(t, db, nil)
	if n := len(a.Main.Index.Documents()); n < 60 {
		t.Fatalf("the first replica holds %d documents after loading the sample", n)
	}
	b := startReplica(t, db, nil) // ready: it has read the knowledge base
	if got, want := len(b.Main.Index.Documents()), len(a.Main.Index.Documents()); got != want {
		t.Fatalf("the second replica holds %d documents, want %d", got, want)
	}
	var samples int
	err := b.Main.Audit.Scan(ctx, audit.Filter{Types: []string{audit.TypeIngest}}, false, func(e audit.Event) error {
		if e.Attrs["action"] == "sample" {
			samples++
		}
		return nil
	})
	if err != nil || samples != 1 {
		t.Fatalf("the shared log records the sample %d times (%v); want once", samples, err)
	}
	doc := kb.Document{ID: "upload/geyser.md", Lang: lang.English, Text: "# Geyser kettle\n\nThe geyser kettle boils a litre in ninety seconds."}
	if _, err := a.Main.knowledge().Ingest(ctx, "admin", []kb.Document{doc}); err != nil {
		t.Fatal(err)
	}
	end := time.Now().Add(10 * time.Second)
	for !slices.ContainsFunc(b.Main.Index.Documents(), func(d kb.DocInfo) bool { return d.ID == doc.ID }) {
		if time.Now().After(end) {
			t.Fatal("the second replica does not hold the article uploaded through the first after 10s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
