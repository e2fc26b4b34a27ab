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

	"github.com/hushdesk/hushdesk/inference/triage"
)

// decisionsSet is the labelled set of customer messages.
var decisionsSet = filepath.Join("..", "..", "testdata", "decisions", "messages.jsonl")

func TestEvalDecisions(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := runEvalDecisions(context.Background(), env{args: []string{"--gold", decisionsSet, "--check"}, stdout: &stdout, stderr: &stderr})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	t.Log("\n" + stdout.String())
	for _, want := range []string{"person_requested", "prompt_injection", "person-request recall:", "false hand-off rate:", "targets met: yes", "zh-Hant"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}

	stdout.Reset()
	if err := runEvalDecisions(context.Background(), env{args: []string{"--gold", decisionsSet, "--json"}, stdout: &stdout, stderr: &stderr}); err != nil {
		t.Fatal(err)
	}
	var rep triage.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("--json output: %v", err)
	}
	if rep.Samples < 300 || len(rep.Triggers) != len(triage.Triggers()) || len(rep.Languages) != 5 {
		t.Errorf("report: %d samples, %d triggers, %d languages", rep.Samples, len(rep.Triggers), len(rep.Languages))
	}
	if rep.PersonRecall < triage.TargetPersonRecall || rep.FalseHandoffRate > triage.TargetFalseHandoffRate {
		t.Errorf("person recall %.3f, false hand-off rate %.3f", rep.PersonRecall, rep.FalseHandoffRate)
	}
}

func TestEvalDecisionsCheckFails(t *testing.T) {
	// Every routine question labelled as a request for a person: recall
	// collapses, so --check must fail.
	path := filepath.Join(t.TempDir(), "bad.jsonl")
	lines := `{"id":"1","lang":"en","text":"how do I return an item","expected":"handoff","trigger":"person_requested","kind":"request"}
{"id":"2","lang":"en","text":"where is my parcel","expected":"answer","trigger":"","kind":"routine"}
`
	if err := os.WriteFile(path, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := runEvalDecisions(context.Background(), env{args: []string{"--gold", path, "--check"}, stdout: &out, stderr: &out})
	if !errors.Is(err, errFailed) {
		t.Errorf("err = %v, want errFailed\n%s", err, out.String())
	}
	if err := runEvalDecisions(context.Background(), env{args: []string{"--gold", path}, stdout: &out, stderr: &out}); err != nil {
		t.Errorf("without --check: %v", err)
	}
}

func TestEvalDecisionsErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id":"1","lang":"xx","text":"hi","expected":"answer","trigger":""}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	usage := [][]string{
		{},
		{"--gold", filepath.Join(dir, "missing.jsonl")},
		{"--gold", empty},
		{"--gold", decisionsSet, "extra"},
		{"--bogus"},
		{"--gold", decisionsSet, "--log-format", "xml"},
	}
	for _, args := range usage {
		var out bytes.Buffer
		if err := runEvalDecisions(context.Background(), env{args: args, stdout: &out, stderr: &out}); !errors.Is(err, errUsage) {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
	var out bytes.Buffer
	err := runEvalDecisions(context.Background(), env{args: []string{"--gold", bad}, stdout: &out, stderr: &out})
	if !errors.Is(err, triage.ErrBadSample) || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad sample: err = %v", err)
	}
}
