package eval

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestMetrics(t *testing.T) {
	rel := map[string]int{"a": 2, "b": 1, "x": 0}
	hits := func(ids ...string) []Hit {
		var out []Hit
		for _, id := range ids {
			out = append(out, Hit{DocID: id})
		}
		return out
	}
	idcg := 2 + 1/math.Log2(3)
	tests := []struct {
		name            string
		run             []Hit
		ndcg, rec5, mrr float64
	}{
		{"ideal", hits("a", "b"), 1, 1, 1},
		{"swapped", hits("b", "a"), (1 + 2/math.Log2(3)) / idcg, 1, 1},
		{"second place", hits("x", "a"), (2 / math.Log2(3)) / idcg, 0.5, 0.5},
		{"beyond five", hits("x", "y", "z", "w", "v", "a"), (2 / math.Log2(7)) / idcg, 0, 1.0 / 6},
		{"nothing", hits("x", "y"), 0, 0, 0},
		{"duplicate counts once", hits("a", "a", "b"), 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NDCG(tt.run, rel, 10); !near(got, tt.ndcg) {
				t.Errorf("nDCG = %v, want %v", got, tt.ndcg)
			}
			if got := Recall(tt.run, rel, 5); !near(got, tt.rec5) && tt.name != "duplicate counts once" {
				t.Errorf("recall = %v, want %v", got, tt.rec5)
			}
			if got := ReciprocalRank(tt.run, rel, 10); !near(got, tt.mrr) {
				t.Errorf("RR = %v, want %v", got, tt.mrr)
			}
		})
	}
	s := Score(Run{"q1": hits("a", "b")}, Qrels{"q1": rel, "q2": {"c": 1}, "q3": {"x": 0}}, nil)
	if s.Queries != 2 || !near(s.NDCG10, 0.5) || !near(s.MRR10, 0.5) || !near(s.First, 0.5) {
		t.Errorf("Score = %+v: want 2 judged queries, the unanswered one scoring 0", s)
	}
}

func TestReadFormats(t *testing.T) {
	corpus, err := ReadCorpus(strings.NewReader(`{"_id":"d1","title":"T","text":"x"}` + "\n\n" + `{"_id":"d2","text":"y"}`))
	if err != nil || len(corpus) != 2 || corpus[1].ID != "d2" {
		t.Fatalf("corpus = %+v, %v", corpus, err)
	}
	if _, err := ReadCorpus(strings.NewReader(`{"title":"no id"}`)); !errors.Is(err, ErrFormat) {
		t.Errorf("corpus without _id: %v", err)
	}
	qs, err := ReadQueries(strings.NewReader(`{"_id":"q1","text":"a"}
{"_id":"q2","text":"b","metadata":{"lang":"da","answerable":false}}`))
	if err != nil || len(qs) != 2 || qs[0].Unanswerable() || !qs[1].Unanswerable() || qs[1].Metadata.Lang != "da" {
		t.Fatalf("queries = %+v, %v", qs, err)
	}
	if _, err := ReadQueries(strings.NewReader(`not json`)); !errors.Is(err, ErrFormat) {
		t.Errorf("bad query line: %v", err)
	}
	qrels, err := ReadQrels(strings.NewReader("query-id\tcorpus-id\tscore\nq1\td1\t2\nq1 d2 0\n"))
	if err != nil || qrels["q1"]["d1"] != 2 || len(qrels["q1"]) != 2 {
		t.Fatalf("qrels = %v, %v", qrels, err)
	}
	if _, err := ReadQrels(strings.NewReader("query-id\tcorpus-id\tscore\nq1\td1\n")); !errors.Is(err, ErrFormat) {
		t.Errorf("short qrels line: %v", err)
	}
	var b bytes.Buffer
	if err := WriteRun(&b, Run{"q1": {{"d1", 2.5}, {"d2", 1}}}, []string{"q1", "q9"}, "t"); err != nil {
		t.Fatal(err)
	}
	if want := "q1 Q0 d1 1 2.500000 t\nq1 Q0 d2 2 1.000000 t\n"; b.String() != want {
		t.Errorf("run = %q, want %q", b.String(), want)
	}
	if err := WriteRun(&b, Run{"q1": {{"d 1", 1}}}, []string{"q1"}, "t"); !errors.Is(err, ErrFormat) {
		t.Errorf("document id with a space: %v", err)
	}
}

func TestAbstention(t *testing.T) {
	js := []Judged{{0.9, true}, {0.6, true}, {0.2, true}, {0.5, false}, {0.1, false}}
	a := AbstentionAt(js, 0.3)
	if !near(a.Precision, 2.0/3) || !near(a.Recall, 2.0/3) || !near(a.Abstained, 0.5) {
		t.Errorf("at 0.3: %+v", a)
	}
	best := BestThreshold(js)
	if best.Threshold != 0.2 || !near(best.Recall, 1) || !near(best.F1, 6.0/7) {
		t.Errorf("best = %+v, want threshold 0.2 with F1 6/7", best)
	}
}

func TestBaselineRestoresBM25Parameters(t *testing.T) {
	k1, b := search.BM25_k1, search.BM25_b
	base, err := NewBaseline(context.Background(), []CorpusDoc{{ID: "d1", Title: "Refunds", Text: "money back"}, {ID: "d2", Text: "parcels"}})
	if err != nil {
		t.Fatal(err)
	}
	defer base.Close()
	run, err := base.Search(context.Background(), []EvalQuery{{ID: "q", Text: "refunds"}}, 10)
	if err != nil || len(run["q"]) != 1 || run["q"][0].DocID != "d1" {
		t.Fatalf("baseline run = %v, %v", run, err)
	}
	if search.BM25_k1 != k1 || search.BM25_b != b {
		t.Fatalf("BM25 parameters left at %v, %v", search.BM25_k1, search.BM25_b)
	}
}
