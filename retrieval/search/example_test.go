package search_test

import (
	"context"
	"fmt"

	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

func ExampleIndex_Search() {
	ctx := context.Background()
	ix, err := search.OpenMemory(search.Options{})
	if err != nil {
		panic(err)
	}
	defer ix.Close()
	docs := []kb.Document{
		{ID: "kb/refunds.md", Text: "# Refunds\n\nWe refund your payment within five business days."},
		{ID: "kb/delivery.md", Text: "# Delivery\n\nParcels arrive within three business days."},
	}
	if _, err := ix.Ingest(ctx, docs); err != nil {
		panic(err)
	}
	// A misspelt paraphrase still finds the refunds article.
	res, err := ix.Search(ctx, search.Query{Text: "when is my reimbursment paid back?"})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Lang, res.Passages[0].DocID, res.Confidence >= 0.3)
	// Output: en kb/refunds.md true
}
