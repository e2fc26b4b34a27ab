package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/retrieval"
)

func TestIngestFolder(t *testing.T) {
	data := t.TempDir()
	kb := t.TempDir()
	files := map[string]string{
		"returns.md":       "# Pigeon returns\n\nSend the pigeon back within 30 days.",
		"hours.txt":        "Pigeon loft hours\n\nOpen from nine to five.",
		"page.html":        "<html><head><title>Pigeon food</title></head><body><p>Seeds only.</p></body></html>",
		"notes/.hidden.md": "# Hidden\n\nnot read",
		"image.png":        "\x89PNG",
	}
	for name, body := range files {
		p := filepath.Join(kb, name)
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ingest := func(args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := runIngest(context.Background(), env{args: append([]string{"--data", data}, args...), stdout: &stdout, stderr: &stderr})
		if stderr.Len() > 0 && strings.Contains(stderr.String(), "\r") {
			t.Errorf("progress line written to a non-terminal: %q", stderr.String())
		}
		return stdout.String(), err
	}
	out, err := ingest(kb)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "4 added, 0 updated, 0 unchanged, 0 removed") {
		t.Fatalf("first ingest: %s", out)
	}
	os.Remove(filepath.Join(kb, "hours.txt"))
	os.WriteFile(filepath.Join(kb, "returns.md"), []byte("# Pigeon returns\n\nSend the pigeon back within 60 days."), 0o600)
	out, err = ingest(kb)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "0 added, 1 updated, 2 unchanged, 1 removed") {
		t.Fatalf("second ingest: %s", out)
	}
	if _, err := ingest(filepath.Join(kb, "image.png")); !errors.Is(err, errUsage) {
		t.Fatalf("unsupported file: err = %v", err)
	}
	if _, err := ingest("--personal-data", "ignore", kb); !errors.Is(err, errUsage) {
		t.Fatalf("unknown policy: err = %v", err)
	}
}

func TestIngestPersonalData(t *testing.T) {
	kb := t.TempDir()
	doc := filepath.Join(kb, "contact.md")
	if err := os.WriteFile(doc, []byte("# Contact\n\nAsk Jane at jane.doe@example.com about pigeons."), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		policy  string
		wantErr error
		want    string
	}{
		{"redact", nil, "personal data redacted in " + doc},
		{"refuse", retrieval.ErrPersonalData, "personal data found in " + doc},
	}
	for _, tt := range tests {
		t.Run(tt.policy, func(t *testing.T) {
			data := t.TempDir()
			var stdout, stderr bytes.Buffer
			err := runIngest(context.Background(), env{args: []string{"--data", data, "--personal-data", tt.policy, doc}, stdout: &stdout, stderr: &stderr})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(stdout.String(), tt.want) || !strings.Contains(stdout.String(), "EMAIL") {
				t.Fatalf("output %q lacks %q", stdout.String(), tt.want)
			}
		})
	}
}
