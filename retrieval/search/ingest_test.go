package search

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// emailScrub stands in for the redactor: it replaces words with an @.
func emailScrub(text string, _ bool) (string, map[string]int, map[string]int) {
	n := 0
	words := strings.Fields(text)
	for i, w := range words {
		if strings.Contains(w, "@") {
			words[i] = "<EMAIL>"
			n++
		}
	}
	if n == 0 {
		return text, nil, nil
	}
	return strings.Join(words, " "), map[string]int{"EMAIL": n}, nil
}

func TestIngestPersonalDataPolicy(t *testing.T) {
	clean := kb.Document{ID: "kb/clean.md", Text: "# Delivery\n\nWe deliver in three days."}
	dirty := kb.Document{ID: "kb/dirty.md", Text: "# Contact\n\nWrite to jane.doe@example.com for help."}
	tests := []struct {
		name      string
		policy    string // Options.OnPersonalData
		override  string // IngestOptions.OnPersonalData
		wantErr   error
		wantDocs  int
		wantFound bool // the e-mail address is searchable
	}{
		{"default redacts", "", "", nil, 2, false},
		{"redact", kb.PersonalDataRedact, "", nil, 2, false},
		{"refuse", kb.PersonalDataRefuse, "", kb.ErrPersonalData, 0, false},
		{"refuse for one ingest", kb.PersonalDataRedact, kb.PersonalDataRefuse, kb.ErrPersonalData, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, err := OpenMemory(Options{Scrub: emailScrub, OnPersonalData: tt.policy})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			rep, err := ix.IngestWith(context.Background(), []kb.Document{clean, dirty}, IngestOptions{OnPersonalData: tt.override})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				// Refused: the caller's fault, with what was found and no
				// values.
				var pd *kb.PersonalDataError
				if !fault.Is(err, fault.Unprocessable) || !errors.As(err, &pd) || pd.Found[dirty.ID]["EMAIL"] != 1 ||
					strings.Contains(err.Error(), "jane.doe") || !strings.Contains(err.Error(), "EMAIL 1") {
					t.Errorf("refusal = %v", err)
				}
			}
			if got := rep.PersonalData[dirty.ID]["EMAIL"]; got != 1 {
				t.Errorf("personal data reported = %v", rep.PersonalData)
			}
			if got := len(ix.Documents()); got != tt.wantDocs {
				t.Errorf("%d documents indexed, want %d", got, tt.wantDocs)
			}
			res, err := ix.Search(context.Background(), Query{Text: "jane.doe@example.com help", K: 10})
			if err != nil {
				t.Fatalf("search: %v", err)
			}
			for _, p := range res.Passages {
				if strings.Contains(p.Text, "jane.doe") {
					t.Errorf("raw personal data indexed: %q", p.Text)
				}
			}
		})
	}
	if _, err := OpenMemory(Options{OnPersonalData: "ignore"}); err == nil {
		t.Error("an unknown policy was accepted")
	}
}

func TestIngestProgress(t *testing.T) {
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := []kb.Document{
		{ID: "a.md", Text: "# A\n\nalpha"}, {ID: "b.md", Text: "# B\n\nbeta"}, {ID: "c.md", Text: "# C\n\ngamma"},
	}
	var seen []IngestProgress
	if _, err := ix.IngestWith(context.Background(), docs, IngestOptions{Progress: func(p IngestProgress) { seen = append(seen, p) }}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 || seen[2].Done != 3 || seen[2].Total != 3 || seen[0].Phase != "index" {
		t.Fatalf("progress = %+v", seen)
	}
}

func TestChunksExcludesSynonyms(t *testing.T) {
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.Chunks(); n != 0 {
		t.Fatalf("empty index counts %d passages", n)
	}
	if _, err := ix.Ingest(context.Background(), []kb.Document{{ID: "a.md", Text: "# A\n\none\n\n## B\n\ntwo"}}); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Chunks(); n != 2 {
		t.Fatalf("chunks = %d, want 2", n)
	}
}

func TestOpenOnDiskKeepsDocuments(t *testing.T) {
	path := filepath.Join(t.TempDir(), DirName)
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := kb.Document{ID: "kb/refunds.md", Text: "# Refunds\n\nWe refund within five business days."}
	if _, err := ix.Ingest(context.Background(), []kb.Document{doc}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rep, err := ix.Ingest(context.Background(), []kb.Document{doc})
	if err != nil || rep.Unchanged != 1 {
		t.Fatalf("re-ingest after reopening = %+v, %v", rep, err)
	}
	res, err := ix.Search(context.Background(), Query{Text: "reimbursement"})
	if err != nil || len(res.Passages) == 0 || res.Passages[0].DocID != doc.ID {
		t.Fatalf("synonym search after reopening = %+v, %v", res, err)
	}
}
