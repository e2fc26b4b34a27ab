package search

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sectionLambda is the L2 penalty of the section model's training.
const sectionLambda = 0.1

// sectionPairs are, for each section question, the differences between
// the features of the section that answers it and of each other
// candidate passage of its article.
func sectionPairs(t testing.TB, ix *Index, qs []sectionQuestion) [][]float64 {
	t.Helper()
	var pairs [][]float64
	for _, q := range qs {
		st := measuredCandidates(t, ix, Query{Text: q.Question, K: 20})
		vecs := sectionVectors(st.passages, st)
		right := -1
		for i, p := range st.passages {
			if p.DocID == q.Doc && p.Heading == q.Heading {
				right = i
				break
			}
		}
		if right < 0 {
			continue
		}
		for i, p := range st.passages {
			if p.DocID != q.Doc || p.Heading == q.Heading || slices.Contains(q.Alt, p.Heading) {
				continue
			}
			d := make([]float64, numSecFeatures)
			for k := range d {
				d[k] = vecs[right][k] - vecs[i][k]
			}
			pairs = append(pairs, d)
		}
	}
	return pairs
}

// sectionTrainingConversations are the conversation sets whose answers
// the section model learns from, besides the section questions: the
// first three development parts. Their later parts, the held-out part
// and the insurer's questions are kept for measuring.
var sectionTrainingConversations = []string{
	"conversations_dev_latin.jsonl", "conversations_dev_zh.jsonl",
	"routine_dev_latin.jsonl", "routine_dev_zh.jsonl",
	"conversations_dev2.jsonl", "routine_dev2.jsonl",
	"conversations_dev3.jsonl", "routine_dev3.jsonl",
}

// conversationSections reads the turns of labelled conversations that
// are answered from a section and can be understood alone (not
// follow-ups), as section questions.
func conversationSections(t testing.TB, names []string) []sectionQuestion {
	t.Helper()
	var out []sectionQuestion
	for _, name := range names {
		raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "conversations", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			var c struct {
				ID    string `json:"id"`
				Lang  string `json:"lang"`
				Turns []struct {
					Text, Expect, Doc, Heading string
					Alt                        []struct{ Doc, Heading string }
					Followup                   bool
				} `json:"turns"`
			}
			if err := json.Unmarshal([]byte(line), &c); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for i, tu := range c.Turns {
				if tu.Expect != "answer" || tu.Followup || tu.Doc == "" {
					continue
				}
				q := sectionQuestion{ID: fmt.Sprintf("%s#%d", c.ID, i+1), Lang: c.Lang, Question: tu.Text, Doc: tu.Doc, Heading: tu.Heading}
				for _, a := range tu.Alt {
					if a.Doc == tu.Doc {
						q.Alt = append(q.Alt, a.Heading)
					}
				}
				out = append(out, q)
			}
		}
	}
	return out
}

// sectionTraining is what the section model learns from.
func sectionTraining(t testing.TB) []sectionQuestion {
	t.Helper()
	qs := loadSectionQuestions(t, "../../testdata/retrieval/sections.jsonl")
	return append(qs, conversationSections(t, sectionTrainingConversations)...)
}

// TestSectionWeightsUpToDate trains the section model on the shop's
// section questions and fails when sectionweights.go does not hold what
// training gives; with -update (go generate) it writes the file.
func TestSectionWeightsUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the section model")
	}
	ix := openSample(t)
	pairs := sectionPairs(t, ix, sectionTraining(t))
	if len(pairs) < 300 {
		t.Fatalf("%d training pairs", len(pairs))
	}
	var w secVector
	copy(w[:], trainPairwise(pairs, numSecFeatures, sectionLambda))
	src := weightsFile("TestSectionWeightsUpToDate", "sectionWeights are the section model's weights", fmt.Sprintf("%d pairs\n// of candidates of the shop's section questions and of the answers of\n// its first three conversation parts", len(pairs)),
		"sectionWeights", "secVector", sectionFeatureNames[:], w[:])
	updateWeights(t, "sectionweights.go", src, w == sectionWeights, sectionWeights, w)
}

func TestBeyondTitle(t *testing.T) {
	q := []queryTerm{{term: "return", idf: 1, weight: 1}, {term: "days", idf: 3, weight: 1}}
	tests := []struct {
		name    string
		inTitle []float64
		terms   termSet
		want    float64
	}{
		{"the title holds all", []float64{1, 1}, termSet{"days", "return"}, 0},
		{"what the title lacks, held", []float64{1, 0}, termSet{"days", "return"}, 1},
		{"what the title lacks, missing", []float64{1, 0}, termSet{"return"}, 0},
		{"the title holds nothing", []float64{0, 0}, termSet{"days"}, 0.75},
	}
	for _, tt := range tests {
		if got := beyondTitle(q, tt.inTitle, tt.terms); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: beyondTitle = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestTitledQuestionFirstStep checks that a short question its
// article's title says all of is answered from the article's first
// section when it is asked on its own (the first step, the general
// case); within a conversation the position counts for nothing.
func TestTitledQuestionFirstStep(t *testing.T) {
	ix := openSample(t)
	tests := []struct {
		query, doc, want string
	}{
		{"kan jeg annullere min ordre", "sample/da/order-changes-and-cancellation.md", "Inden for den første time"},
		{"订单能取消吗", "sample/zh-Hans/order-changes-and-cancellation.md", "什么时候可以修改或取消"},
		{"boleh cancel order x", "sample/ms/order-changes-and-cancellation.md", "Bila saya boleh menukar atau membatalkan pesanan?"},
		{"when is customer service open", "sample/en/opening-hours.md", "Customer service, Europe"},
	}
	for _, tt := range tests {
		for _, continues := range []bool{false, true} {
			res, err := ix.Search(context.Background(), Query{Text: tt.query, K: 5, Continues: continues})
			if err != nil {
				t.Fatal(err)
			}
			first := ""
			for _, p := range res.Passages {
				if p.DocID == tt.doc {
					first = p.Heading
					break
				}
			}
			if !continues && first != tt.want {
				t.Errorf("%q: first section of %s %q, want %q", tt.query, tt.doc, first, tt.want)
			}
			if continues && first == tt.want {
				t.Logf("%q continuing a conversation: %q first all the same", tt.query, first)
			}
		}
	}
}
