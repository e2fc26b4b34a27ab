package main

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/retrieval/pgdb/pgdbtest"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// TestKnowledgeBaseOnPostgres opens the knowledge base of two processes
// on one PostgreSQL store (each with an audit log of its own here): the
// first loads the sample into the empty store, the second loads nothing
// and holds the same documents once it is ready.
func TestKnowledgeBaseOnPostgres(t *testing.T) {
	ctx := context.Background()
	db := pgdbtest.Database(t)
	open := func() *Main {
		m := NewMain(Config{Data: t.TempDir(), Store: db}, io.Discard)
		t.Cleanup(func() { m.Close() })
		var err error
		if m.Store, err = audit.Open(m.Config.Data, audit.Options{}); err != nil {
			t.Fatal(err)
		}
		if err := m.openKnowledgeBase(ctx, search.Options{Scrub: m.scrub, Logger: m.Log, Vocabulary: m.vocabulary}); err != nil {
			t.Fatal(err)
		}
		return m
	}
	a := open()
	if len(a.Index.Documents()) < 60 {
		t.Fatalf("the first process holds %d documents after loading the sample", len(a.Index.Documents()))
	}
	b := open()
	end := time.Now().Add(30 * time.Second)
	for b.Index.Ready(ctx) != nil {
		if time.Now().After(end) {
			t.Fatal("the second process is not ready after 30s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got, want := len(b.Index.Documents()), len(a.Index.Documents()); got != want {
		t.Fatalf("the second process holds %d documents, want %d", got, want)
	}
	var ingests int
	b.Store.Scan(ctx, audit.Filter{Types: []string{audit.TypeIngest}}, false, func(audit.Event) error { ingests++; return nil })
	if ingests != 0 {
		t.Fatalf("the second process recorded %d ingests; the sample was already in the store", ingests)
	}
}
