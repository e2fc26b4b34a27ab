package search

import (
	"context"
	"testing"

	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// TestSearchGivesDocumentURL checks that a passage carries its document's
// URL, and that a new URL is a new version of the document.
func TestSearchGivesDocumentURL(t *testing.T) {
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	doc, err := kb.ParseDocument(context.Background(), "kb/pigeons.md", []byte("---\nurl: https://help.example.com/pigeons\n---\n# Pigeon post\n\nCarrier pigeons fly for free."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Ingest(ctx, []kb.Document{doc}); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Text: "carrier pigeons", Lang: "en"})
	if err != nil || len(res.Passages) == 0 || res.Passages[0].URL != "https://help.example.com/pigeons" {
		t.Fatalf("passages %+v, %v", res.Passages, err)
	}
	doc.URL = "https://help.example.com/post/pigeons"
	if rep, err := ix.Ingest(ctx, []kb.Document{doc}); err != nil || rep.Updated != 1 {
		t.Fatalf("new URL: %+v, %v", rep, err)
	}
	if res, _ := ix.Search(ctx, Query{Text: "carrier pigeons", Lang: "en"}); len(res.Passages) == 0 || res.Passages[0].URL != doc.URL {
		t.Fatalf("after the new URL: %+v", res.Passages)
	}
}
