package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference/ollamatest"
)

// evalSet is the sample knowledge base's evaluation set.
var evalSet = filepath.Join("..", "..", "testdata", "retrieval")

func TestEvalRetrievalSampleSet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "run.trec")
	var stdout, stderr bytes.Buffer
	err := runEvalRetrieval(context.Background(), env{args: []string{
		"--corpus", filepath.Join(evalSet, "corpus.jsonl"),
		"--queries", filepath.Join(evalSet, "queries.jsonl"),
		"--qrels", filepath.Join(evalSet, "qrels.tsv"),
		"--run", out, "--k", "10",
	}, stdout: &stdout, stderr: &stderr})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	t.Log("\n" + stdout.String())
	// Every query has a ranked list in TREC format.
	run, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`^\S+ Q0 \S+ ([0-9]+) -?[0-9.]+ hushdesk$`)
	qids := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(run)), "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("bad run line %q", l)
		}
		if r, _ := strconv.Atoi(m[1]); r < 1 || r > 10 {
			t.Fatalf("rank out of 1..10: %q", l)
		}
		qids[strings.Fields(l)[0]] = true
	}
	if len(qids) < 140 {
		t.Errorf("run holds %d queries", len(qids))
	}
	// The overall figures: production at least 1.10 x the baseline.
	all := regexp.MustCompile(`(?m)^all\s+hushdesk\s+(\d+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+[0-9.]+\n\s+bm25\s+\d+\s+([0-9.]+).*ratio ([0-9.]+)`).FindStringSubmatch(stdout.String())
	if all == nil {
		t.Fatalf("no overall figures in:\n%s", stdout.String())
	}
	if n, _ := strconv.Atoi(all[1]); n < 120 {
		t.Errorf("%d judged queries, want at least 120", n)
	}
	if ratio, _ := strconv.ParseFloat(all[6], 64); ratio < 1.10 {
		t.Errorf("nDCG@10 ratio to BM25 %.3f, want at least 1.10", ratio)
	}
	for _, lang := range []string{"en", "da", "zh-Hans", "zh-Hant", "ms"} {
		if !regexp.MustCompile(`(?m)^` + lang + `\s+hushdesk`).MatchString(stdout.String()) {
			t.Errorf("no figures for %s", lang)
		}
	}
	if !strings.Contains(stdout.String(), "threshold 0.300") {
		t.Error("no confidence figures at the default threshold")
	}
}

func TestEvalRetrievalHybrid(t *testing.T) {
	fake := ollamatest.NewServer("test-model:1b")
	defer fake.Close()
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	corpus := write("corpus.jsonl", `{"_id":"d1","title":"Refunds","text":"We refund within five days."}
{"_id":"d2","title":"Delivery","text":"Parcels arrive in three days."}
`)
	queries := write("queries.jsonl", `{"_id":"q1","text":"refund"}
{"_id":"q2","text":"when does my parcel arrive"}
`)
	qrels := write("qrels.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n")
	var stdout, stderr bytes.Buffer
	err := runEvalRetrieval(context.Background(), env{args: []string{
		"--corpus", corpus, "--queries", queries, "--qrels", qrels, "--run", filepath.Join(dir, "run"),
		"--ollama", fake.URL, "--embed-model", ollamatest.EmbedModel, "--baseline=false",
	}, stdout: &stdout, stderr: &stderr})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !regexp.MustCompile(`(?m)^all\s+hushdesk\s+2\s+1\.000`).MatchString(stdout.String()) {
		t.Errorf("hybrid run on a trivial set is not perfect:\n%s", stdout.String())
	}
	// An embedding model Ollama lacks is an error, not a silent BM25 run.
	err = runEvalRetrieval(context.Background(), env{args: []string{
		"--corpus", corpus, "--queries", queries, "--run", filepath.Join(dir, "run"),
		"--ollama", fake.URL, "--embed-model", "missing-embed",
	}, stdout: &stdout, stderr: &stderr})
	if err == nil {
		t.Error("no error for a missing embedding model")
	}
}

func TestEvalRetrievalUsage(t *testing.T) {
	tests := [][]string{
		{},
		{"--corpus", "c.jsonl", "--queries", "q.jsonl"},
		{"--corpus", "c.jsonl", "--queries", "q.jsonl", "--run", "out", "--k", "0"},
		{"--corpus", "missing.jsonl", "--queries", "missing.jsonl", "--run", "out"},
		{"--bogus"},
	}
	for _, args := range tests {
		var out bytes.Buffer
		err := runEvalRetrieval(context.Background(), env{args: args, stdout: &out, stderr: &out})
		if !errors.Is(err, errUsage) {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}
