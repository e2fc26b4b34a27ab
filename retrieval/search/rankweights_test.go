package search

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "write the ranking weights learnt from the labelled questions (go generate)")

// trainingDir holds the labelled questions of the shop sample.
var trainingDir = filepath.Join("..", "..", "testdata", "retrieval")

// trainingSets are the shop's question sets the ranking model learns
// from: the first three (the fresh set, written by another author, is
// kept for measuring), and the section questions, for their article.
var trainingSets = []struct{ queries, qrels string }{
	{"queries.jsonl", "qrels.tsv"},
	{"queries_dev2.jsonl", "qrels_dev2.tsv"},
	{"queries_dev3.jsonl", "qrels_dev3.tsv"},
}

// labelled is a question and the documents that answer it.
type labelled struct {
	text     string
	relevant map[string]bool
}

// readLabelled reads the training questions.
func readLabelled(t testing.TB) []labelled {
	t.Helper()
	var out []labelled
	lines := func(name string, each func([]byte)) {
		t.Helper()
		raw, err := os.ReadFile(filepath.Join(trainingDir, name))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(raw))
		for sc.Scan() {
			if len(bytes.TrimSpace(sc.Bytes())) > 0 {
				each(sc.Bytes())
			}
		}
	}
	for _, set := range trainingSets {
		rel := map[string]map[string]bool{}
		lines(set.qrels, func(l []byte) {
			f := strings.Fields(string(l))
			if len(f) == 3 && f[2] != "0" && f[0] != "query-id" {
				if rel[f[0]] == nil {
					rel[f[0]] = map[string]bool{}
				}
				rel[f[0]][f[1]] = true
			}
		})
		lines(set.queries, func(l []byte) {
			var q struct {
				ID   string `json:"_id"`
				Text string `json:"text"`
			}
			if err := json.Unmarshal(l, &q); err != nil {
				t.Fatal(err)
			}
			if rel[q.ID] != nil {
				out = append(out, labelled{text: q.Text, relevant: rel[q.ID]})
			}
		})
	}
	lines("sections.jsonl", func(l []byte) {
		var q struct {
			Question string `json:"question"`
			Doc      string `json:"doc"`
		}
		if err := json.Unmarshal(l, &q); err != nil {
			t.Fatal(err)
		}
		out = append(out, labelled{text: q.Question, relevant: map[string]bool{q.Doc: true}})
	})
	return out
}

// trainingPairs are, for each training question, the differences between
// the features of an article that answers it and of each candidate in the
// same language that does not.
func trainingPairs(t testing.TB, ix *Index, qs []labelled) []docVector {
	t.Helper()
	var pairs []docVector
	for _, q := range qs {
		st := measuredCandidates(t, ix, Query{Text: q.text, K: 20})
		vecs := docVectors(st.passages, st)
		langOf := map[string]string{}
		for _, p := range st.passages {
			langOf[p.DocID] = string(p.Lang)
		}
		// In the order of the ids, so that the sums of training do not
		// depend on the order of a map.
		for _, r := range slices.Sorted(maps.Keys(q.relevant)) {
			xr, ok := vecs[r]
			if !ok {
				continue
			}
			for _, n := range slices.Sorted(maps.Keys(vecs)) {
				xn := vecs[n]
				if q.relevant[n] || langOf[n] != langOf[r] {
					continue
				}
				var d docVector
				for i := range d {
					d[i] = xr[i] - xn[i]
				}
				pairs = append(pairs, d)
			}
		}
	}
	return pairs
}

// measuredCandidates are a query's first-pass candidates, each measured
// against it: what the learnt models are trained on.
func measuredCandidates(t testing.TB, ix *Index, q Query) *question {
	t.Helper()
	st, err := ix.firstPass(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	for i := range st.passages {
		st.passages[i].measure(st.terms, st.lang)
	}
	return st
}

// rankLambda is the L2 penalty of the ranking model's training.
const rankLambda = 1.0

// trainRanking fits the ranking model: trainPairwise over docVectors.
func trainRanking(pairs []docVector) docVector {
	rows := make([][]float64, len(pairs))
	for i := range pairs {
		rows[i] = pairs[i][:]
	}
	var w docVector
	copy(w[:], trainPairwise(rows, numFeatures, rankLambda))
	return w
}

// trainPairwise fits a pairwise logistic model, w·(x_relevant - x_other),
// over pairs of n features, with an L2 penalty, by Newton's method from
// zero: deterministic. The weights are scaled to sum to 1 in absolute
// value (the order they give does not change) and rounded to four
// digits.
func trainPairwise(pairs [][]float64, n int, lambda float64) []float64 {
	w := make([]float64, n)
	for range 30 {
		grad := make([]float64, n)
		hess := make([][]float64, n)
		for i := range hess {
			hess[i] = make([]float64, n)
		}
		for _, d := range pairs {
			z := 0.0
			for i := range d {
				z += w[i] * d[i]
			}
			p := 1 / (1 + math.Exp(-z)) // the chance the pair is ordered right
			for i := range d {
				grad[i] += (p - 1) * d[i]
				for j := range d {
					hess[i][j] += p * (1 - p) * d[i] * d[j]
				}
			}
		}
		for i := range grad {
			grad[i] += lambda * w[i]
			hess[i][i] += lambda
		}
		step := solve(hess, grad)
		for i := range w {
			w[i] -= step[i]
		}
	}
	sum := 0.0
	for _, x := range w {
		sum += math.Abs(x)
	}
	for i := range w {
		w[i] = math.Round(w[i]/sum*1e4) / 1e4
	}
	return w
}

// solve solves a x = b by Gaussian elimination with partial pivoting;
// it changes a and b.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		x[r] = s / a[r][r]
	}
	return x
}

// TestRankWeightsUpToDate trains the ranking model on the shop's
// labelled questions and fails when rankweights.go does not hold what
// training gives; with -update (go generate) it writes the file.
func TestRankWeightsUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the ranking model")
	}
	ix := openSample(t)
	pairs := trainingPairs(t, ix, readLabelled(t))
	if len(pairs) < 1000 {
		t.Fatalf("%d training pairs", len(pairs))
	}
	w := trainRanking(pairs)
	src := weightsFile("TestRankWeightsUpToDate", "rankWeights are the ranking model's weights", fmt.Sprintf("%d pairs of\n// the shop's labelled questions' candidates", len(pairs)),
		"rankWeights", "docVector", featureNames[:], w[:])
	updateWeights(t, "rankweights.go", src, w == rankWeights, rankWeights, w)
}

// weightsFile is the source of a generated weights file: the test that
// generates it, what the weights are and what they were learnt from, each
// weight with its feature's name, and the variable of type typ.
func weightsFile(test, what, from, variable, typ string, names []string, w []float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// Code generated by %s -update (go generate); DO NOT EDIT.\n\npackage search\n\n", test)
	fmt.Fprintf(&b, "// %s, learnt from %s:", what, from)
	for i, x := range w {
		fmt.Fprintf(&b, " %s %g", names[i], x)
		if i < len(w)-1 {
			b.WriteString(",")
		}
	}
	fmt.Fprintf(&b, ".\nvar %s = %s{", variable, typ)
	for i, x := range w {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%g", x)
	}
	b.WriteString("}\n")
	return b.String()
}

// updateWeights writes a weights file's source with -update (go
// generate); otherwise it fails when the committed weights (have) are not
// what training gives (want).
func updateWeights(t *testing.T, file, src string, same bool, have, want any) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !same {
		t.Fatalf("%s is not what training gives (%v, want %v): go generate ./retrieval/search", file, have, want)
	}
}
