// Command gencorpus writes the sample knowledge base as a BEIR corpus, the
// corpus of the retrieval evaluation set:
//
//	go run ./retrieval/eval/gencorpus > testdata/retrieval/corpus.jsonl
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/hushdesk/hushdesk/retrieval/eval"
)

func main() {
	corpus, err := eval.SampleCorpus()
	if err == nil {
		w := bufio.NewWriter(os.Stdout)
		if err = eval.WriteCorpus(w, corpus); err == nil {
			err = w.Flush()
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
