package main

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// TestSampleLoads opens an empty data directory with each sample help
// centre: its articles are loaded under its prefix, the company's
// published e-mail addresses and phone numbers in them are not taken for
// personal data, and the company's name is the default one.
func TestSampleLoads(t *testing.T) {
	for _, name := range kb.SampleNames() {
		t.Run(name, func(t *testing.T) {
			h, err := kb.Sample(name)
			if err != nil {
				t.Fatal(err)
			}
			m := NewMain(Config{Data: t.TempDir(), Sample: name}, io.Discard)
			defer m.Close()
			if err := m.Open(context.Background()); err != nil {
				t.Fatal(err)
			}
			if m.Config.Company != h.Company {
				t.Errorf("company %q, want %q", m.Config.Company, h.Company)
			}
			docs := m.Index.Documents()
			if len(docs) < 5*12 {
				t.Fatalf("%d documents", len(docs))
			}
			for _, d := range docs {
				if !strings.HasPrefix(d.ID, h.Prefix) {
					t.Errorf("document %s outside %s", d.ID, h.Prefix)
				}
				for _, typ := range []redact.Type{redact.Email, redact.Phone} {
					if n := d.Redactions[string(typ)]; n > 0 {
						t.Errorf("%s: %d %s redacted", d.ID, n, typ)
					}
				}
			}
		})
	}
}
