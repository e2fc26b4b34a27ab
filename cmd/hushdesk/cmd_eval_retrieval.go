package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/inference/ollama"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/eval"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// runEvalRetrieval builds a throw-away index from a BEIR corpus, answers
// every query through the production search (Index.Search, as the
// assistant calls it), writes a TREC run file and, given relevance
// judgements, prints nDCG@10, Recall@5 and MRR@10 beside those of a plain
// BM25 baseline, per language when the queries say theirs, and how well
// the confidence tells answerable queries from the rest.
func runEvalRetrieval(ctx context.Context, e env) error {
	fs := newFlagSet("eval retrieval", e.stderr, "ollama", "log-level", "log-format", "sample", "vocabulary")
	corpusPath := fs.String("corpus", "", "BEIR corpus, JSON lines {_id, title, text} (required)")
	queriesPath := fs.String("queries", "", "BEIR queries, JSON lines {_id, text} (required)")
	qrelsPath := fs.String("qrels", "", "relevance judgements, TSV query-id corpus-id score with a header line")
	runPath := fs.String("run", "", "TREC run file to write (required)")
	k := fs.Int("k", 10, "documents per query in the run")
	tag := fs.String("tag", "hushdesk", "run tag in the TREC file")
	baseline := fs.Bool("baseline", true, "also score plain BM25 (k1 0.9, b 0.4, standard analyzer) when qrels are given")
	minConf := fs.Float64("min-confidence", 0.3, "threshold at which to score the confidence as an answer/abstain decision")
	embedModel := fs.String("embed-model", "", "Ollama embedding model for hybrid search (default: BM25 only)")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if *corpusPath == "" || *queriesPath == "" || *runPath == "" || *k < 1 || fs.NArg() > 0 {
		return fmt.Errorf("%w: eval retrieval --corpus C --queries Q [--qrels R] --run OUT [--k 10] [--sample NAME] [--vocabulary DIR]", errUsage)
	}
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return err
	}
	corpus, err := readWith(*corpusPath, eval.ReadCorpus)
	if err != nil {
		return err
	}
	queries, err := readWith(*queriesPath, eval.ReadQueries)
	if err != nil {
		return err
	}
	var qrels eval.Qrels
	if *qrelsPath != "" {
		if qrels, err = readWith(*qrelsPath, eval.ReadQrels); err != nil {
			return err
		}
	}
	// The vocabulary is the sample's (--sample) and the folder's, when
	// one is given (--vocabulary): no data directory's.
	vocab, err := readVocabulary(c.Sample, c.Vocabulary)
	if err != nil {
		return err
	}
	opts := search.Options{
		Logger:     newLogger(e.stderr, c.LogLevel, c.LogFormat, redact.New(redact.Options{Allow: sampleContacts(c.Sample)})),
		Vocabulary: func() (*search.Vocabulary, error) { return vocab, nil },
	}
	if *embedModel != "" {
		emb, err := ollama.NewEmbedder(ollama.EmbedOptions{Host: c.ollamaHosts()[0], Model: *embedModel})
		if err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		opts.Embedder = emb
	}
	ix, err := search.OpenMemory(opts)
	if err != nil {
		return err
	}
	defer ix.Close()
	start := time.Now()
	bar := newProgressLine(e.stderr)
	rep, err := eval.Load(ctx, ix, corpus, bar.update)
	bar.finish()
	if err != nil {
		return err
	}
	if opts.Embedder != nil && rep.Embedded < rep.Chunks {
		return fmt.Errorf("embedded %d of %d passages with %s: is the model pulled and Ollama running?", rep.Embedded, rep.Chunks, *embedModel)
	}
	fmt.Fprintf(e.stdout, "corpus: %d documents, %d passages, indexed in %s\n", len(corpus), rep.Chunks, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "vocabulary: %s\n", strings.Join(vocab.Files(), ", "))
	start = time.Now()
	run, conf, err := eval.Answer(ctx, ix, queries, *k)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "queries: %d answered in %s\n", len(queries), time.Since(start).Round(time.Millisecond))
	if err := writeRun(*runPath, run, queries, *tag); err != nil {
		return err
	}
	if qrels == nil {
		return nil
	}
	var brun eval.Run
	if *baseline {
		b, err := eval.NewBaseline(ctx, corpus)
		if err != nil {
			return err
		}
		defer b.Close()
		if brun, err = b.Search(ctx, queries, *k); err != nil {
			return err
		}
	}
	printScores(e.stdout, run, brun, qrels, queries)
	printAbstention(e.stdout, conf, qrels, queries, *minConf)
	return nil
}

// readWith opens a file and reads it with read.
func readWith[T any](path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, fmt.Errorf("%w: %w", errUsage, err)
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

func writeRun(path string, run eval.Run, queries []eval.EvalQuery, tag string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("run file: %w", err)
	}
	order := make([]string, len(queries))
	for i, q := range queries {
		order[i] = q.ID
	}
	if err := eval.WriteRun(f, run, order, tag); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("run file: %w", err)
	}
	return nil
}

// printScores prints the metrics of the run and the baseline, overall and
// per query language.
func printScores(w io.Writer, run, brun eval.Run, qrels eval.Qrels, queries []eval.EvalQuery) {
	lang := map[string]string{}
	langs := map[string]bool{}
	for _, q := range queries {
		if q.Metadata.Lang != "" {
			lang[q.ID] = q.Metadata.Lang
			langs[q.Metadata.Lang] = true
		}
	}
	groups := []string{""}
	for l := range langs {
		groups = append(groups, l)
	}
	sort.Strings(groups[1:])
	fmt.Fprintf(w, "\n%-10s %-9s %8s %9s %7s %7s %7s\n", "language", "system", "queries", "nDCG@10", "R@5", "MRR@10", "first")
	for _, g := range groups {
		var only func(string) bool
		name := "all"
		if g != "" {
			g := g
			only = func(qid string) bool { return lang[qid] == g }
			name = g
		}
		s := eval.Score(run, qrels, only)
		fmt.Fprintf(w, "%-10s %-9s %8d %9.3f %7.3f %7.3f %7.3f\n", name, "hushdesk", s.Queries, s.NDCG10, s.Recall5, s.MRR10, s.First)
		if brun != nil {
			b := eval.Score(brun, qrels, only)
			ratio := 0.0
			if b.NDCG10 > 0 {
				ratio = s.NDCG10 / b.NDCG10
			}
			fmt.Fprintf(w, "%-10s %-9s %8d %9.3f %7.3f %7.3f %7.3f   nDCG@10 ratio %.3f\n", "", "bm25", b.Queries, b.NDCG10, b.Recall5, b.MRR10, b.First, ratio)
		}
	}
}

// printAbstention scores the confidence as the assistant uses it: answer
// at or above the threshold, abstain below. Judged queries are the
// answerable ones; queries marked "answerable": false the others.
func printAbstention(w io.Writer, conf map[string]float64, qrels eval.Qrels, queries []eval.EvalQuery, threshold float64) {
	var js []eval.Judged
	for _, q := range queries {
		switch {
		case q.Unanswerable():
			js = append(js, eval.Judged{Confidence: conf[q.ID], Answerable: false})
		case len(qrels[q.ID]) > 0:
			js = append(js, eval.Judged{Confidence: conf[q.ID], Answerable: true})
		}
	}
	unanswerable := 0
	for _, j := range js {
		if !j.Answerable {
			unanswerable++
		}
	}
	if unanswerable == 0 {
		return
	}
	a, best := eval.AbstentionAt(js, threshold), eval.BestThreshold(js)
	fmt.Fprintf(w, "\nconfidence (%d answerable, %d unanswerable queries):\n", len(js)-unanswerable, unanswerable)
	for _, x := range []eval.Abstention{a, best} {
		fmt.Fprintf(w, "  threshold %.3f: answer precision %.3f, recall %.3f, F1 %.3f; abstains on %.1f%% of unanswerable\n",
			x.Threshold, x.Precision, x.Recall, x.F1, 100*x.Abstained)
	}
}
