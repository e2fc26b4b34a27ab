package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// dataDir is the evaluation set of the sample knowledge base.
var dataDir = filepath.Join("..", "..", "testdata", "retrieval")

// querySets are the labelled question sets of the sample knowledge base:
// the first set, and two written later in customers' own phrasing
// (paraphrases, Cantonese, Malaysian chat shorthand, Danish with English
// words, place names).
var querySets = []struct{ queries, qrels string }{
	{"queries.jsonl", "qrels.tsv"},
	{"queries_dev2.jsonl", "qrels_dev2.tsv"},
	{"queries_dev3.jsonl", "qrels_dev3.tsv"},
}

func readSet(t testing.TB) ([]CorpusDoc, []EvalQuery, Qrels) {
	return readQuerySet(t, querySets[0].queries, querySets[0].qrels)
}

func readQuerySet(t testing.TB, queriesName, qrelsName string) ([]CorpusDoc, []EvalQuery, Qrels) {
	t.Helper()
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join(dataDir, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	corpus, err := ReadCorpus(open("corpus.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	queries, err := ReadQueries(open(queriesName))
	if err != nil {
		t.Fatal(err)
	}
	qrels, err := ReadQrels(open(qrelsName))
	if err != nil {
		t.Fatal(err)
	}
	return corpus, queries, qrels
}

// TestSampleCorpusUpToDate fails when a corpus file no longer matches
// the embedded articles; regenerate it with gencorpus.
func TestSampleCorpusUpToDate(t *testing.T) {
	for _, c := range []struct{ sample, file string }{
		{"shop", "corpus.jsonl"},
		{"insurer", filepath.Join("insurer", "corpus.jsonl")},
	} {
		corpus, err := SampleCorpus(c.sample)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := WriteCorpus(&want, corpus); err != nil {
			t.Fatal(err)
		}
		have, err := os.ReadFile(filepath.Join(dataDir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(have, want.Bytes()) {
			t.Errorf("testdata/retrieval/%s is out of date: go run ./retrieval/eval/gencorpus -sample %s > testdata/retrieval/%s",
				filepath.ToSlash(c.file), c.sample, filepath.ToSlash(c.file))
		}
	}
}

// TestSampleEvaluation runs each question set through the production
// index and the plain BM25 baseline, and holds the production figures to
// the targets: nDCG@10 at least 1.10 times the baseline's, and, at the
// default confidence threshold 0.3, at least 90% of the answerable
// questions answered and most unanswerable ones abstained on.
func TestSampleEvaluation(t *testing.T) {
	ctx := context.Background()
	corpus, _, _ := readSet(t)
	shop, err := kb.Sample("shop")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.OpenMemory(search.Options{Vocabulary: func() (*search.Vocabulary, error) {
		return search.ReadVocabulary(shop.Vocabulary())
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := Load(ctx, ix, corpus, nil); err != nil {
		t.Fatal(err)
	}
	base, err := NewBaseline(ctx, corpus)
	if err != nil {
		t.Fatal(err)
	}
	defer base.Close()
	for _, set := range querySets {
		t.Run(set.queries, func(t *testing.T) {
			_, queries, qrels := readQuerySet(t, set.queries, set.qrels)
			evaluateSet(t, ix, base, queries, qrels)
		})
	}
}

// evaluateSet scores one question set and checks it against the targets.
func evaluateSet(t *testing.T, ix *search.Index, base *Baseline, queries []EvalQuery, qrels Qrels) {
	ctx := context.Background()
	run, conf, err := Answer(ctx, ix, queries, 10)
	if err != nil {
		t.Fatal(err)
	}
	brun, err := base.Search(ctx, queries, 10)
	if err != nil {
		t.Fatal(err)
	}
	prod, bl := Score(run, qrels, nil), Score(brun, qrels, nil)
	t.Logf("production nDCG@10 %.3f R@5 %.3f MRR %.3f (%d queries)", prod.NDCG10, prod.Recall5, prod.MRR10, prod.Queries)
	t.Logf("baseline   nDCG@10 %.3f R@5 %.3f MRR %.3f", bl.NDCG10, bl.Recall5, bl.MRR10)
	lang := map[string]string{}
	for _, q := range queries {
		lang[q.ID] = q.Metadata.Lang
	}
	for _, l := range []string{"en", "da", "zh-Hans", "zh-Hant", "ms"} {
		only := func(qid string) bool { return lang[qid] == l }
		p, b := Score(run, qrels, only), Score(brun, qrels, only)
		t.Logf("%-8s n=%2d production %.3f / %.3f / %.3f   baseline %.3f / %.3f / %.3f", l, p.Queries, p.NDCG10, p.Recall5, p.MRR10, b.NDCG10, b.Recall5, b.MRR10)
	}
	var js []Judged
	unanswerable := 0
	for _, q := range queries {
		switch {
		case q.Unanswerable():
			js = append(js, Judged{Confidence: conf[q.ID], Answerable: false})
			unanswerable++
		case hasRelevant(qrels[q.ID]):
			js = append(js, Judged{Confidence: conf[q.ID], Answerable: true})
		}
	}
	a := AbstentionAt(js, 0.3)
	best := BestThreshold(js)
	t.Logf("confidence at 0.30: precision %.3f recall %.3f abstained %.3f; best F1 %.3f at %.3f", a.Precision, a.Recall, a.Abstained, best.F1, best.Threshold)
	if testing.Verbose() {
		for _, q := range queries {
			top := ""
			if len(run[q.ID]) > 0 {
				top = run[q.ID][0].DocID
			}
			if !q.Unanswerable() && qrels[q.ID][top] < 2 {
				var rel []string
				for d := range qrels[q.ID] {
					rel = append(rel, d)
				}
				sort.Strings(rel)
				t.Logf("miss %s %q conf %.2f top %s want %v", q.ID, q.Text, conf[q.ID], top, rel)
			}
		}
	}
	if prod.NDCG10 < 1.10*bl.NDCG10 {
		t.Errorf("production nDCG@10 %.3f is below 1.10 x the baseline's %.3f", prod.NDCG10, bl.NDCG10)
	}
	if a.Recall < 0.9 {
		t.Errorf("at confidence 0.3, %.1f%% of the answerable questions are answered, want at least 90%%", 100*a.Recall)
	}
	if unanswerable > 0 && a.Abstained < 0.5 {
		t.Errorf("at confidence 0.3, %.1f%% of the unanswerable questions are abstained on, want more than half", 100*a.Abstained)
	}
}
