package triage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldDir holds the labelled sets.
var goldDir = filepath.Join("..", "..", "testdata", "decisions")

func readGold(t *testing.T, name string) []Sample {
	t.Helper()
	f, err := os.Open(filepath.Join(goldDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ReadSamples(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// TestLabelledSet checks that the main set is big and varied enough for
// its figures to mean something.
func TestLabelledSet(t *testing.T) {
	samples := readGold(t, "messages.jsonl")
	if len(samples) < 300 {
		t.Errorf("%d samples, want at least 300", len(samples))
	}
	langs, support, routine, lookalike := map[string]int{}, map[Trigger]int{}, 0, 0
	for _, s := range samples {
		langs[s.Lang]++
		for _, tr := range s.gold() {
			support[tr]++
		}
		if s.Expected == ExpectAnswer {
			routine++
		}
		if s.Kind == "lookalike" {
			lookalike++
		}
	}
	for _, l := range []string{"en", "da", "zh-Hans", "zh-Hant", "ms"} {
		if langs[l] < 50 {
			t.Errorf("%s: %d samples, want at least 50", l, langs[l])
		}
	}
	for _, tr := range Triggers() {
		if support[tr] < 10 {
			t.Errorf("%s: %d samples, want at least 10", tr, support[tr])
		}
	}
	if routine < 200 || lookalike < 80 {
		t.Errorf("%d routine and %d look-alike samples, want at least 200 and 80", routine, lookalike)
	}
}

// TestTargets holds the classifier to the targets on the labelled files
// it was built from. The lexicon was developed against them and the model
// is trained on them, so this is a regression check (an edit to the
// lexicon must not break what it got right), not an estimate of how the
// classifier does on new messages: TestHeldOut gives that.
func TestTargets(t *testing.T) {
	p := newTestPolicy(t)
	var extra []Sample
	for _, s := range readGold(t, extraFile) {
		if !heldOut(s.ID) {
			extra = append(extra, s)
		}
	}
	sets := map[string][]Sample{extraFile + " (training share)": extra}
	for _, name := range []string{"messages.jsonl", "holdout.jsonl", "test.jsonl"} {
		sets[name] = readGold(t, name)
	}
	for name, samples := range sets {
		rep := Evaluate(p, samples)
		if rep.PersonRecall < TargetPersonRecall || rep.FalseHandoffRate > TargetFalseHandoffRate || !rep.TargetsMet {
			t.Errorf("%s: person recall %.3f (want >= %.2f), false hand-off rate %.3f (want <= %.2f)",
				name, rep.PersonRecall, TargetPersonRecall, rep.FalseHandoffRate, TargetFalseHandoffRate)
		}
		for _, sc := range rep.Triggers {
			if sc.Recall < 0.8 || sc.Precision < 0.8 {
				t.Errorf("%s: %s precision %.3f recall %.3f, want both >= 0.8", name, sc.Trigger, sc.Precision, sc.Recall)
			}
		}
	}
}

func TestEvaluateCounts(t *testing.T) {
	p := newTestPolicy(t)
	samples := []Sample{
		{ID: "1", Lang: "en", Text: "talk to a human", Expected: ExpectHandoff, Trigger: PersonRequested},
		{ID: "2", Lang: "en", Text: "where is my parcel", Expected: ExpectAnswer},
		// Labelled wrongly on purpose: a missed person request ...
		{ID: "3", Lang: "en", Text: "a human-readable invoice", Expected: ExpectHandoff, Trigger: PersonRequested},
		// ... and a false hand-off.
		{ID: "4", Lang: "da", Text: "jeg vil ikke leve mere", Expected: ExpectAnswer},
	}
	rep := Evaluate(p, samples)
	if rep.PersonSupport != 2 || rep.PersonRecall != 0.5 {
		t.Errorf("person recall %v of %d, want 0.5 of 2", rep.PersonRecall, rep.PersonSupport)
	}
	if rep.Routine != 2 || rep.FalseHandoffs != 1 || rep.FalseHandoffRate != 0.5 {
		t.Errorf("false hand-offs %d of %d (%v), want 1 of 2", rep.FalseHandoffs, rep.Routine, rep.FalseHandoffRate)
	}
	if rep.DecisionAccuracy != 0.5 || len(rep.Errors) != 2 || rep.TargetsMet {
		t.Errorf("accuracy %v, %d errors, targets met %v", rep.DecisionAccuracy, len(rep.Errors), rep.TargetsMet)
	}
	for _, sc := range rep.Triggers {
		switch sc.Trigger {
		case PersonRequested:
			if sc.TruePositives != 1 || sc.FalseNegatives != 1 || sc.Precision != 1 || sc.Recall != 0.5 {
				t.Errorf("person: %+v", sc)
			}
		case SelfHarm:
			if sc.FalsePositives != 1 || sc.Support != 0 || sc.Precision != 0 {
				t.Errorf("self_harm: %+v", sc)
			}
		}
	}
	if len(rep.Languages) != 2 || rep.Languages[0].Lang != "da" || rep.Languages[1].PersonSupport != 2 {
		t.Errorf("languages: %+v", rep.Languages)
	}
}

func TestReadSamplesErrors(t *testing.T) {
	good := `{"id":"a","lang":"en","text":"hi","expected":"answer","trigger":"","kind":"routine"}`
	tests := []string{
		`not json`,
		`{"id":"a","lang":"en","text":"hi","expected":"answer","trigger":"","kind":"routine","extra":1}`,
		`{"lang":"en","text":"hi","expected":"answer","trigger":""}`,
		`{"id":"a","lang":"fr","text":"salut","expected":"answer","trigger":""}`,
		`{"id":"a","lang":"en","text":" ","expected":"answer","trigger":""}`,
		`{"id":"a","lang":"en","text":"hi","expected":"answer","trigger":"anger"}`,
		`{"id":"a","lang":"en","text":"hi","expected":"handoff","trigger":""}`,
		`{"id":"a","lang":"en","text":"hi","expected":"refuse","trigger":"person_requested"}`,
		`{"id":"a","lang":"en","text":"hi","expected":"handoff","trigger":"sadness"}`,
		`{"id":"a","lang":"en","text":"hi","expected":"maybe","trigger":""}`,
		good + "\n" + good,
	}
	for _, in := range tests {
		if _, err := ReadSamples(strings.NewReader(in)); !errors.Is(err, ErrBadSample) {
			t.Errorf("ReadSamples(%q) err = %v, want ErrBadSample", in, err)
		}
	}
	s, err := ReadSamples(strings.NewReader("\n" + good + "\n\n"))
	if err != nil || len(s) != 1 {
		t.Errorf("ReadSamples(good) = %v, %v", s, err)
	}
}
