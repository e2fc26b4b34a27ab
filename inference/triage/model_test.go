package triage

import (
	"bytes"
	"slices"
	"testing"
)

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"humna", "human", true},            // swap
		{"persn", "person", true},           // deletion
		{"supervisior", "supervisor", true}, // insertion
		{"representitive", "representative", true},
		{"medarbjder", "medarbejder", true},
		{"manusai", "manusia", true},
		{"human", "human", false}, // equal is not an edit
		{"humans", "human", true},
		{"menske", "menneske", false}, // two edits
		{"hum", "human", false},
		{"employer", "employee", false}, // a real word
		{"advised", "adviser", false},
		{"agent", "agenda", false},
		{"kæreste", "kæresten", true}, // runes, not bytes
	}
	for _, tc := range tests {
		if got := oneEdit(tc.a, tc.b); got != tc.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestFuzzyPattern(t *testing.T) {
	tests := []struct {
		pattern, text string
		want          bool
	}{
		{"speak to %human", "speak to humna", true},
		{"speak to %human", "speak to hum", false},
		{"%human please", "huamn please", true},
		{"%human please", "human please", true},
		{"talk to ~2 %manager", "talk to your manger", false}, // a real word
	}
	for _, tc := range tests {
		x := newIndex()
		if err := x.add(tc.pattern, 0); err != nil {
			t.Fatalf("add(%q): %v", tc.pattern, err)
		}
		if got := len(x.scan(analyse(tc.text).tokens, nil)) > 0; got != tc.want {
			t.Errorf("%q in %q = %v, want %v", tc.pattern, tc.text, got, tc.want)
		}
	}
	for _, bad := range []string{"talk to %hum", "talk to %human*", "talk to %转人工"} {
		if _, err := compilePattern(bad, 0); err == nil {
			t.Errorf("compilePattern(%q) accepted a bad fuzzy word", bad)
		}
	}
}

func TestModelText(t *testing.T) {
	tests := []struct {
		in    string
		norm  string
		words []string
	}{
		{"Don't SHOUT", "dont shout", []string{"dont", "shout"}},
		{"call <PHONE_12> now", "call  <phone>  now", []string{"call", "<phone>", "now"}},
		{"<CREDIT_CARD_1>", " <credit_card> ", []string{"<credit_card>"}},
		{"ＴＡＬＫ　to 客服ok", "talk to 客服ok", []string{"talk", "to", "客服", "ok"}},
		{"转人工！", "转人工!", []string{"转人工"}},
	}
	for _, tc := range tests {
		norm, words := modelText(tc.in)
		var got []string
		for _, w := range words {
			got = append(got, norm[w.start:w.end])
		}
		if norm != tc.norm || !slices.Equal(got, tc.words) {
			t.Errorf("modelText(%q) = %q %q, want %q %q", tc.in, norm, got, tc.norm, tc.words)
		}
	}
}

func TestExtract(t *testing.T) {
	norm, feats := extract("talk to humna", nil)
	// 3 words, 2 pairs, and n-grams of 2 to 5 letters over " talk ",
	// " to " and " humna ".
	if want := 3 + 2 + (5 + 4 + 3 + 2) + (3 + 2 + 1) + (6 + 5 + 4 + 3); len(feats) != want {
		t.Errorf("%d features, want %d", len(feats), want)
	}
	for _, f := range feats {
		if f.h >= hashDim || f.start < 0 || f.end > len(norm) || f.start >= f.end {
			t.Fatalf("bad feature %+v in %q", f, norm)
		}
	}
	// Chinese: one feature per character, pair and triple.
	if _, feats := extract("转人工", nil); len(feats) != 3+2+1 {
		t.Errorf("转人工: %d features, want 6", len(feats))
	}
	// A placeholder is one word, whatever its number.
	_, a := extract("<PHONE_1>", nil)
	_, b := extract("<PHONE_2>", nil)
	if len(a) != 1 || len(b) != 1 || a[0].h != b[0].h {
		t.Errorf("placeholders: %v %v", a, b)
	}
}

// TestTrainDeterministic checks that training gives the same weights
// every time, so that a policy decides the same way in every process.
func TestTrainDeterministic(t *testing.T) {
	samples, err := ReadSamples(bytes.NewReader(trainingSet))
	if err != nil {
		t.Fatal(err)
	}
	a, b := train(samples, defaultTraining), train(samples, defaultTraining)
	if !slices.Equal(a.w, b.w) || !slices.Equal(a.bias, b.bias) || !slices.Equal(a.rows, b.rows) {
		t.Fatal("two trainings on the same set differ")
	}
	// That the built-in weights are this training's: TestWeightsUpToDate.
}

// TestModelAddsRecall checks messages the lexicon misses and the model
// finds. None of them is in the training set.
func TestModelAddsRecall(t *testing.T) {
	lex, err := New(Options{LexiconOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	full := newTestPolicy(t)
	tests := []struct {
		text string
		want Trigger
	}{
		{"put a person on this", PersonRequested},
		{"I want someone with a pulse", PersonRequested},
		{"carikan saya orang yg boleh bantu", PersonRequested},
		{"搵人啦", PersonRequested},
		{"jeg orker ikke mere at leve", SelfHarm},
	}
	for _, tc := range tests {
		if has(lex.Classify(tc.text, ""), tc.want) {
			t.Errorf("the lexicon finds %s in %q: pick a message only the model finds", tc.want, tc.text)
		}
		got := full.Classify(tc.text, "")
		if !has(got, tc.want) {
			t.Errorf("Classify(%q) = %v, want %s", tc.text, got, tc.want)
			continue
		}
		for _, s := range got {
			if s.Trigger == tc.want && (s.Evidence == "" || s.Score < full.modelThr[slices.Index(full.triggers, tc.want)]) {
				t.Errorf("model signal %+v: no evidence or below its threshold", s)
			}
		}
		off, err := New(Options{ModelThresholds: map[Trigger]float64{tc.want: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if has(off.Classify(tc.text, ""), tc.want) {
			t.Errorf("model threshold 1: %s still fires on %q", tc.want, tc.text)
		}
	}
}

// TestModelAnchors checks that the model does not find a request for a
// person in a message that names no person, call or machine, however
// polite: the model alone would.
func TestModelAnchors(t *testing.T) {
	p := newTestPolicy(t)
	pi := slices.Index(p.triggers, PersonRequested)
	above := 0
	for _, text := range []string{
		"please help me track my order",
		"tolong check status order saya",
		"tolong, saya tak boleh log masuk",
	} {
		if p.model.predict(text).prob[pi] >= p.modelThr[pi] {
			above++
		}
		if got := p.Classify(text, ""); has(got, PersonRequested) {
			t.Errorf("Classify(%q) = %v, want no person_requested", text, got)
		}
	}
	if above == 0 {
		t.Error("the model alone no longer flags any of these: pick messages that show what anchors do")
	}
}

// TestModelRuledOut checks that the lexicon's look-alikes, clause vetoes
// and negations keep the model from firing alone.
func TestModelRuledOut(t *testing.T) {
	p := newTestPolicy(t)
	for _, text := range []string{
		"Can I get a human-readable invoice?",
		"I don't need a human, just the refund time",
		"what are your opening hours if I want to talk to a person",
		"are you a bot?",
		"人工费怎么算",
		"tak payah sambung ke ejen, nak tanya pos je",
	} {
		if got := p.Classify(text, ""); has(got, PersonRequested) {
			t.Errorf("Classify(%q) = %v, want no person_requested", text, got)
		}
	}
}
