package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference/ollamatest"
)

// redactGold is the project's multilingual gold set.
var redactGold = filepath.Join("..", "..", "testdata", "redact", "multilingual.json")

func TestEvalRedactText(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := runEvalRedact(context.Background(), env{args: []string{"--gold", redactGold, "--show-leaks", "3"},
		stdout: &stdout, stderr: &stderr})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"samples          800", "token F2", "DK_CPR", "spurious spans"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalRedactJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := runEvalRedact(context.Background(), env{args: []string{"--gold", redactGold, "--json", "--map", "PERSON=ignore"},
		stdout: &stdout, stderr: &stderr})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	var rep struct {
		Samples int `json:"samples"`
		Total   struct {
			Recall float64 `json:"recall"`
			F      float64 `json:"f"`
		} `json:"total"`
		Types []struct {
			Type  string `json:"type"`
			Class string `json:"class"`
		} `json:"types"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout.String())
	}
	if rep.Samples != 800 || rep.Total.F <= 0.5 {
		t.Errorf("samples %d, F2 %.3f", rep.Samples, rep.Total.F)
	}
	for _, ts := range rep.Types {
		if ts.Type == "PERSON" && ts.Class != "ignore" {
			t.Errorf("--map PERSON=ignore gave class %q", ts.Class)
		}
	}
}

func TestEvalRedactBadUsage(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`[{"full_text":"Anna","spans":[{"entity_type":"PERSON","start_position":0,"end_position":9}]}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		usage bool
	}{
		{"no gold", nil, true},
		{"bad map", []string{"--gold", redactGold, "--map", "PERSON=maybe"}, true},
		{"bad score", []string{"--gold", redactGold, "--min-score", "2"}, true},
		{"missing file", []string{"--gold", filepath.Join(t.TempDir(), "none.json")}, false},
		{"span outside text", []string{"--gold", bad}, false},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := runEvalRedact(context.Background(), env{args: tt.args, stdout: &stdout, stderr: &stderr})
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if errors.Is(err, errUsage) != tt.usage {
			t.Errorf("%s: error %v, usage error = %v, want %v", tt.name, err, errors.Is(err, errUsage), tt.usage)
		}
	}
}

func TestEvalRedactWithNameModel(t *testing.T) {
	fake := ollamatest.NewServer("names:1b")
	defer fake.Close()
	gold := filepath.Join(t.TempDir(), "gold.json")
	os.WriteFile(gold, []byte(`[{"full_text": "Hi, I am Sigrid Vang and my parcel is late", "spans": [{"entity_type": "PERSON", "entity_value": "Sigrid Vang", "start_position": 9, "end_position": 20}]}]`), 0o644)
	// A model that finds the name...
	fake.SetReply(func(_, user string) string { return `{"names": ["Sigrid Vang"]}` })
	code, out, stderr := cli(t, "eval", "redact", "--gold", gold, "--ollama", fake.URL, "--name-model", "names:1b", "--json")
	if code != 0 || !strings.Contains(out, `"recall": 1`) {
		t.Fatalf("with a name model: %d %s %s", code, out, stderr)
	}
	// ...and one that fails: the rules' findings stand and the failures
	// are counted.
	fake.SetBehaviour(ollamatest.NoModel)
	code, _, stderr = cli(t, "eval", "redact", "--gold", gold, "--ollama", fake.URL, "--name-model", "names:1b")
	if code != 0 || !strings.Contains(stderr, "failed on 1 of 1") {
		t.Fatalf("failing name model: %d %s", code, stderr)
	}
}
