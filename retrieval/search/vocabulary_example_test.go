package search_test

import (
	"fmt"
	"testing/fstest"

	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

func ExampleReadVocabulary() {
	shop, err := kb.Sample("shop")
	if err != nil {
		panic(err)
	}
	// The engine's file, the shop's files, and an operator's folder
	// whose places.yaml replaces the shop's.
	operator := fstest.MapFS{"places.yaml": {Data: []byte("places:\n  - region: norway\n    words: {en: [norway]}\n    latin: [bergen, oslo]\n")}}
	v, err := search.ReadVocabulary(shop.Vocabulary(), operator)
	if err != nil {
		panic(err)
	}
	fmt.Println(v.Files())
	// Output: [paraphrases.yaml places.yaml support.yaml synonyms.yaml]
}
