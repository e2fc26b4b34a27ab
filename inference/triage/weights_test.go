package triage

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestWeightsUpToDate trains the model on the embedded training set and
// checks that weights.bin.gz holds exactly that model. Run
// `go generate ./inference/triage` (-update) after changing the training
// set or the features.
func TestWeightsUpToDate(t *testing.T) {
	samples, err := ReadSamples(bytes.NewReader(trainingSet))
	if err != nil {
		t.Fatal(err)
	}
	want, err := encodeModel(train(samples, defaultTraining))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("weights.bin.gz", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(weightsFile, want) {
		t.Fatal("weights.bin.gz is not what training gives: run go generate ./inference/triage")
	}
}

func TestWeightsRoundTrip(t *testing.T) {
	samples, err := ReadSamples(bytes.NewReader(trainingSet))
	if err != nil {
		t.Fatal(err)
	}
	m := train(samples, defaultTraining)
	b, err := encodeModel(m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeModel(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"talk to a human", "jeg vil tale med en medarbejder", "转人工", "where is my parcel"} {
		if a, b := m.predict(text).prob, got.predict(text).prob; !slices.Equal(a, b) {
			t.Errorf("%q: trained %v, decoded %v", text, a, b)
		}
	}
}

func TestDecodeModelRefusesBadInput(t *testing.T) {
	good, err := encodeModel(&model{triggers: Triggers(), rows: []int32{-1}, bias: make([]float64, len(Triggers()))})
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": good[:len(good)-10],
	} {
		if _, err := decodeModel(b); err == nil {
			t.Errorf("%s: decoded", name)
		}
	}
}

func TestVersion(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	explicit, err := New(Options{Thresholds: map[Trigger]float64{Anger: DefaultThreshold}})
	if err != nil {
		t.Fatal(err)
	}
	lower, err := New(Options{Thresholds: map[Trigger]float64{Anger: 0.4}})
	if err != nil {
		t.Fatal(err)
	}
	lexOnly, err := New(Options{LexiconOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case !strings.HasPrefix(a.Version(), "triage-"):
		t.Errorf("version %q", a.Version())
	case a.Version() != b.Version() || a.Version() != explicit.Version():
		t.Error("the same classifier has two versions")
	case a.Version() == lower.Version() || a.Version() == lexOnly.Version():
		t.Error("another threshold or model keeps the version")
	}
}
