package triage

import (
	"errors"
	"math"
	"testing"
)

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		ok   bool
	}{
		{"zero value", Options{}, true},
		{"threshold", Options{Thresholds: map[Trigger]float64{Anger: 0.7}}, true},
		{"threshold one", Options{Thresholds: map[Trigger]float64{Anger: 1}}, true},
		{"threshold zero", Options{Thresholds: map[Trigger]float64{Anger: 0}}, false},
		{"threshold above one", Options{Thresholds: map[Trigger]float64{Anger: 1.5}}, false},
		{"threshold NaN", Options{Thresholds: map[Trigger]float64{Anger: math.NaN()}}, false},
		{"threshold unknown", Options{Thresholds: map[Trigger]float64{"sadness": 0.5}}, false},
		{"threshold not classified", Options{Thresholds: map[Trigger]float64{RepeatedFailure: 0.5}}, false},
		{"disable unknown", Options{Disabled: []Trigger{"sadness"}}, false},
		{"empty teams", Options{Teams: map[string][]string{}}, false},
		{"team with space", Options{Teams: map[string][]string{"bill ing": {"pay"}}, DefaultTeam: "x"}, false},
		{"bad keyword", Options{Teams: map[string][]string{"billing": {"~2 pay"}}, DefaultTeam: "billing"}, false},
		{"own teams", Options{Teams: map[string][]string{"money": {"pay*"}, "privacy": {"gdpr"}}, DefaultTeam: "money"}, true},
		{"trigger team missing", Options{Teams: map[string][]string{"money": {"pay*"}}, DefaultTeam: "money"}, false},
		{"trigger team is default", Options{Teams: map[string][]string{"money": {"pay*"}}, DefaultTeam: "general",
			TriggerTeams: map[Trigger]string{DataAccessRequest: "general"}}, true},
		{"trigger team unknown trigger", Options{TriggerTeams: map[Trigger]string{"x": "privacy"}}, false},
		{"model threshold", Options{ModelThresholds: map[Trigger]float64{PersonRequested: 0.8}}, true},
		{"model threshold one", Options{ModelThresholds: map[Trigger]float64{SelfHarm: 1}}, true},
		{"model threshold zero", Options{ModelThresholds: map[Trigger]float64{PersonRequested: 0}}, false},
		{"model threshold negative", Options{ModelThresholds: map[Trigger]float64{PersonRequested: -0.1}}, false},
		{"model threshold above one", Options{ModelThresholds: map[Trigger]float64{Anger: 1.01}}, false},
		{"model threshold NaN", Options{ModelThresholds: map[Trigger]float64{Anger: math.NaN()}}, false},
		{"model threshold unknown", Options{ModelThresholds: map[Trigger]float64{"sadness": 0.5}}, false},
		{"model threshold not classified", Options{ModelThresholds: map[Trigger]float64{RepeatedFailure: 0.5}}, false},
		{"lexicon only", Options{LexiconOnly: true}, true},
	}
	for _, tc := range tests {
		err := tc.opts.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("%s: Validate() = %v, want ok %v", tc.name, err, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrInvalidOptions) {
			t.Errorf("%s: error %v does not wrap ErrInvalidOptions", tc.name, err)
		}
		if _, nerr := New(tc.opts); (nerr == nil) != tc.ok {
			t.Errorf("%s: New error = %v, want ok %v", tc.name, nerr, tc.ok)
		}
	}
}

func TestThresholdsAndDisabled(t *testing.T) {
	const text = "this is ridiculous!!!" // 1-(0.55*0.7) = 0.615
	def, err := New(Options{LexiconOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if !has(def.Classify(text, "en"), Anger) {
		t.Fatalf("default policy: no anger in %q", text)
	}
	strict, err := New(Options{LexiconOnly: true, Thresholds: map[Trigger]float64{Anger: 0.7}})
	if err != nil {
		t.Fatal(err)
	}
	if has(strict.Classify(text, "en"), Anger) {
		t.Errorf("threshold 0.7: anger still fires on %q", text)
	}
	loose, err := New(Options{LexiconOnly: true, Thresholds: map[Trigger]float64{Anger: 0.4}})
	if err != nil {
		t.Fatal(err)
	}
	if !has(loose.Classify("ridiculous", "en"), Anger) {
		t.Error("threshold 0.4: a single weak cue should fire")
	}
	// Disabling a trigger silences the model for it too.
	off, err := New(Options{Disabled: []Trigger{PersonRequested}})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"talk to a human", "humna plz"} {
		if got := off.Classify(text, "en"); has(got, PersonRequested) {
			t.Errorf("disabled person_requested: %q -> %v", text, got)
		}
	}
}
