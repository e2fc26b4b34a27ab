package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/retrieval/kb"
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
	folder := t.TempDir()
	if err := os.WriteFile(filepath.Join(folder, "contact.md"), []byte("# Contact\n\nAsk Jane at jane.doe@example.com about pigeons."), 0o600); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Base(folder) + "/contact.md"
	tests := []struct {
		policy  string
		wantErr error
		want    string
	}{
		{"redact", nil, "personal data redacted in " + doc},
		{"refuse", kb.ErrPersonalData, "personal data found in " + doc},
	}
	for _, tt := range tests {
		t.Run(tt.policy, func(t *testing.T) {
			data := t.TempDir()
			var stdout, stderr bytes.Buffer
			err := runIngest(context.Background(), env{args: []string{"--data", data, "--personal-data", tt.policy, filepath.Join(folder, "contact.md")}, stdout: &stdout, stderr: &stderr})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(stdout.String(), tt.want) || !strings.Contains(stdout.String(), "EMAIL") {
				t.Fatalf("output %q lacks %q", stdout.String(), tt.want)
			}
		})
	}
}

// TestIngestDocumentIDs checks the ids documents are filed under: the
// folder's name and the path inside it, the same whether the folder or
// one file is given and wherever the folder lies; another folder of the
// same name is refused unless named with --as; the ids older versions
// gave (absolute paths) are replaced.
func TestIngestDocumentIDs(t *testing.T) {
	data := t.TempDir()
	write := func(dir, name, body string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ingest := func(args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := runIngest(context.Background(), env{args: append([]string{"--data", data}, args...), stdout: &stdout, stderr: &stderr})
		return stdout.String(), err
	}
	ids := func() []string {
		t.Helper()
		m := NewMain(Config{Data: data}, io.Discard)
		defer m.Close()
		if err := m.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range m.Index.Documents() {
			if !strings.HasPrefix(d.ID, "sample/") {
				out = append(out, d.ID)
			}
		}
		slices.Sort(out)
		return out
	}

	first := filepath.Join(t.TempDir(), "help")
	write(first, "returns.md", "# Pigeon returns\n\nSend the pigeon back within 30 days.")
	write(first, "shipping/rates.md", "# Pigeon post\n\nA pigeon flies for free.")
	if _, err := ingest(first); err != nil {
		t.Fatal(err)
	}
	want := []string{"help/returns.md", "help/shipping/rates.md"}
	if got := ids(); !slices.Equal(got, want) {
		t.Fatalf("ids %v, want %v", got, want)
	}
	// One file of the folder: the same id, nothing new.
	if out, err := ingest(filepath.Join(first, "returns.md")); err != nil || !strings.HasPrefix(out, "0 added, 0 updated, 1 unchanged, 0 removed") {
		t.Fatalf("the file again: %q, %v", out, err)
	}
	// Another folder named help is refused, and nothing changes ...
	second := filepath.Join(t.TempDir(), "help")
	write(second, "hours.md", "# Loft hours\n\nOpen from nine to five.")
	if _, err := ingest(second); !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "--as") {
		t.Fatalf("a second folder named help: err = %v", err)
	}
	if got := ids(); !slices.Equal(got, want) {
		t.Fatalf("after the refusal: ids %v, want %v", got, want)
	}
	// ... unless it is filed under another name, or replaces the first.
	if _, err := ingest("--as", "loft", second); err != nil {
		t.Fatal(err)
	}
	if out, err := ingest("--as", "help", second); err != nil || !strings.HasPrefix(out, "1 added, 0 updated, 0 unchanged, 2 removed") {
		t.Fatalf("replacing help: %q, %v", out, err)
	}
	if got, want := ids(), []string{"help/hours.md", "loft/hours.md"}; !slices.Equal(got, want) {
		t.Fatalf("ids %v, want %v", got, want)
	}
	if _, err := ingest("--as", "a/b", second); !errors.Is(err, errUsage) {
		t.Fatalf("--as with a slash: err = %v", err)
	}

	// A folder ingested by an older version, under absolute paths.
	m := NewMain(Config{Data: data}, io.Discard)
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	legacy := filepath.Join(first, "returns.md")
	if _, err := m.Index.Ingest(context.Background(), []kb.Document{{ID: legacy, Text: "# Old\n\nOld pigeons."}}); err != nil {
		t.Fatal(err)
	}
	m.Close()
	// help/hours.md (the second folder's) and the old id go; two are added.
	if out, err := ingest("--as", "help", first); err != nil || !strings.HasPrefix(out, "2 added, 0 updated, 0 unchanged, 2 removed") {
		t.Fatalf("over the old ids: %q, %v", out, err)
	}
	if got, want := ids(), []string{"help/returns.md", "help/shipping/rates.md", "loft/hours.md"}; !slices.Equal(got, want) {
		t.Fatalf("ids %v, want %v", got, want)
	}
}
