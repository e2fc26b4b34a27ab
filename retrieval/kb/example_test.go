package kb_test

import (
	"context"
	"fmt"

	"github.com/hushdesk/hushdesk/retrieval/kb"
)

func ExampleParseDocument() {
	doc, err := kb.ParseDocument(context.Background(), "help/returns.md", []byte("---\ntitle: Returns\nlang: da\n---\n# Returnering\n\nInden for 30 dage."))
	if err != nil {
		panic(err)
	}
	p := kb.Prepare(doc, nil)
	fmt.Println(doc.Title, doc.Lang, len(p.Passages), p.Passages[0].ID)
	// Output: Returns da 1 help/returns.md#0
}

func ExampleSample() {
	for _, name := range kb.SampleNames() {
		h, err := kb.Sample(name)
		if err != nil {
			panic(err)
		}
		docs, err := h.Documents()
		if err != nil {
			panic(err)
		}
		fmt.Println(name, h.Company, h.Prefix, len(docs), h.Vocabulary() != nil)
	}
	// Output:
	// insurer Fjordvik Mutual insurer/ 90 false
	// shop Larkspur Home sample/ 80 true
}
