package search

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// sectionQuestion is a question labelled with the section of the sample
// knowledge base that answers it (testdata/retrieval/sections.jsonl).
type sectionQuestion struct {
	ID       string `json:"id"`
	Lang     string `json:"lang"`
	Question string `json:"question"`
	Doc      string `json:"doc"`
	Heading  string `json:"heading"`
	// Alt are other sections of the article that answer as well.
	Alt []string `json:"alt,omitempty"`
}

func loadSectionQuestions(t testing.TB, path string) []sectionQuestion {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sectionQuestion
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var q sectionQuestion
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSectionChoice measures how often the passage a search ranks first
// within the right article is the section that answers the question:
// the passage an extractive answer quotes, and with the one after it
// what the model reads of that article. It reports the shares for the
// first passage and the first two, overall and by language:
//
//	go test ./retrieval/search -run TestSectionChoice -v
func TestSectionChoice(t *testing.T) {
	qs := loadSectionQuestions(t, "../../testdata/retrieval/sections.jsonl")
	ix := openSample(t)
	all := sectionChoice(t, ix, qs)
	// Floors a little under what the labelled set measured (0.970, 0.740
	// and 0.845), so that a change that loses sections is noticed.
	if f := float64(all.doc) / float64(all.n); f < 0.93 {
		t.Errorf("the right article was among the passages for %.3f of the questions, want >= 0.93", f)
	}
	if f := float64(all.first) / float64(all.n); f < 0.70 {
		t.Errorf("the right section came first for %.3f of the questions, want >= 0.70", f)
	}
	if f := float64(all.two) / float64(all.n); f < 0.81 {
		t.Errorf("the right section was in the first two for %.3f of the questions, want >= 0.81", f)
	}
}

// TestSectionChoiceInsurer measures the same on the insurer's
// development questions, with the engine's vocabulary alone: figures to
// read, not to tune to (testdata/retrieval/insurer/README.md).
func TestSectionChoiceInsurer(t *testing.T) {
	qs := loadSectionQuestions(t, "../../testdata/retrieval/insurer/sections_dev.jsonl")
	h, err := kb.Sample("insurer")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := h.Documents()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Ingest(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if all := sectionChoice(t, ix, qs); all.n != len(qs) || all.n == 0 {
		t.Errorf("%d of %d questions measured", all.n, len(qs))
	}
}

// tally counts section questions: how many, how many found their
// article, and how many the right section first or in the first two.
type tally struct{ n, doc, first, two int }

// sectionChoice searches each question and logs the shares, overall and
// by language; it returns the overall tally.
func sectionChoice(t *testing.T, ix *Index, qs []sectionQuestion) tally {
	t.Helper()
	by := map[string]*tally{"all": {}}
	for _, q := range qs {
		res, err := ix.Search(context.Background(), Query{Text: q.Question, K: 5})
		if err != nil {
			t.Fatal(err)
		}
		var ranks []string // headings of the right article's passages, in order
		for _, p := range res.Passages {
			if p.DocID == q.Doc {
				ranks = append(ranks, p.Heading)
			}
		}
		if by[q.Lang] == nil {
			by[q.Lang] = &tally{}
		}
		for _, tl := range []*tally{by["all"], by[q.Lang]} {
			tl.n++
			if len(ranks) > 0 {
				tl.doc++
			}
			if len(ranks) > 0 && ranks[0] == q.Heading {
				tl.first++
			}
			if len(ranks) > 0 && ranks[0] == q.Heading || len(ranks) > 1 && ranks[1] == q.Heading {
				tl.two++
			}
		}
		if testing.Verbose() && (len(ranks) == 0 || ranks[0] != q.Heading) {
			t.Logf("%s %q: want %q, got %q", q.ID, q.Question, q.Heading, ranks)
		}
	}
	for _, lang := range []string{"all", "da", "en", "ms", "zh-Hans", "zh-Hant"} {
		tl := by[lang]
		if tl == nil || tl.n == 0 {
			continue
		}
		share := func(k int) float64 { return float64(k) / float64(tl.n) }
		t.Logf("%-8s %3d questions: article found %.3f, right section first %.3f, in the first two %.3f",
			lang, tl.n, share(tl.doc), share(tl.first), share(tl.two))
	}
	return *by["all"]
}
