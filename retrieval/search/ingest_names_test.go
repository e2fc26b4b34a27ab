package search

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// TestIngestRefusesPersonalDataInNames: a document whose id or URL holds
// personal data is refused under either policy, told by its position
// and its redacted name, and the others of the ingest go in.
func TestIngestRefusesPersonalDataInNames(t *testing.T) {
	text := "# Delivery\n\nWe deliver in three days."
	clean := kb.Document{ID: "kb/delivery.md", Text: text, URL: "https://help.example.com/delivery"}
	tests := []struct {
		name   string
		policy string
		doc    kb.Document
	}{
		{"e-mail in the file name", kb.PersonalDataRedact, kb.Document{ID: "kb/complaint-jane.doe@example.com.md", Text: text}},
		{"e-mail in the folder", kb.PersonalDataRedact, kb.Document{ID: "kb/jane.doe@example.com/letter.md", Text: text}},
		{"e-mail in the url", kb.PersonalDataRedact, kb.Document{ID: "kb/letter.md", Text: text, URL: "https://help.example.com/jane.doe@example.com"}},
		{"under the refuse policy", kb.PersonalDataRefuse, kb.Document{ID: "kb/complaint-jane.doe@example.com.md", Text: text}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, err := OpenMemory(Options{Scrub: emailScrub, OnPersonalData: tt.policy})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			rep, err := ix.Ingest(context.Background(), []kb.Document{tt.doc, clean})
			var refused *kb.RefusedError
			if !errors.Is(err, kb.ErrPersonalDataInName) || !errors.As(err, &refused) || !fault.Is(err, fault.Unprocessable) {
				t.Fatalf("err = %v, want a refusal of kind unprocessable", err)
			}
			if strings.Contains(err.Error(), "jane.doe") || !strings.Contains(err.Error(), "EMAIL 1") {
				t.Errorf("refusal = %q: want the type and count, never the value", err)
			}
			if len(rep.Refused) != 1 || rep.Refused[0].Index != 0 || rep.Refused[0].PersonalData["EMAIL"] != 1 ||
				strings.Contains(rep.Refused[0].Name, "jane.doe") {
				t.Errorf("report's refusals = %+v", rep.Refused)
			}
			if rep.Added != 1 {
				t.Errorf("report = %+v, want the clean document added", rep)
			}
			docs := ix.Documents()
			if len(docs) != 1 || docs[0].ID != clean.ID {
				t.Errorf("documents = %+v, want only %s", docs, clean.ID)
			}
		})
	}
	t.Run("nothing refused without a scrubber", func(t *testing.T) {
		ix, err := OpenMemory(Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if _, err := ix.Ingest(context.Background(), []kb.Document{tests[0].doc, clean}); err != nil {
			t.Fatal(err)
		}
	})
}
