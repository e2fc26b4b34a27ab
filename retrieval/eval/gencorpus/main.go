// Command gencorpus writes a sample help centre as a BEIR corpus, the
// corpus of its retrieval evaluation sets:
//
//	go run ./retrieval/eval/gencorpus > testdata/retrieval/corpus.jsonl
//	go run ./retrieval/eval/gencorpus -sample insurer > testdata/retrieval/insurer/corpus.jsonl
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/hushdesk/hushdesk/retrieval/eval"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

func main() {
	name := flag.String("sample", kb.DefaultSample, "the sample help centre to write")
	flag.Parse()
	corpus, err := eval.SampleCorpus(*name)
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
