package kb

import (
	"context"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

func TestDocumentURLAndFrontMatter(t *testing.T) {
	tests := []struct {
		name, id, data         string
		title, url, lang, text string // text: a prefix of the document's text
		wantErr                bool
	}{
		{"no front matter", "a.md", "# Returns\n\nWithin 30 days.", "", "", "", "# Returns", false},
		{"front matter", "a.md", "---\ntitle: Returns\nurl: https://help.example.com/returns\nlang: da\n---\n# Returnering\n\nInden for 30 dage.",
			"Returns", "https://help.example.com/returns", "da", "# Returnering", false},
		{"CRLF front matter", "a.md", "---\r\nurl: https://help.example.com/x\r\n---\r\nText here.", "", "https://help.example.com/x", "", "Text here.", false},
		{"a rule, not front matter", "a.md", "---\n\nNo closing line, just a rule.", "", "", "", "---", false},
		{"script url", "a.md", "---\nurl: javascript:alert(1)\n---\nText.", "", "", "", "", true},
		{"relative url", "a.md", "---\nurl: /returns\n---\nText.", "", "", "", "", true},
		{"unknown language", "a.md", "---\nlang: klingon\n---\nText.", "", "", "", "", true},
		{"bad yaml", "a.md", "---\nurl: [unclosed\n---\nText.", "", "", "", "", true},
		{"html canonical", "a.html", `<html><head><title>Delivery</title><link rel="canonical" href="https://help.example.com/delivery"/></head><body><p>Free over 499.</p></body></html>`,
			"Delivery", "https://help.example.com/delivery", "", "Free over 499.", false},
		{"html relative canonical", "a.html", `<html><head><link rel="canonical" href="/delivery"><title>Delivery</title></head><body><p>Free.<br/>Fast.</p></body></html>`,
			"Delivery", "", "", "Free.\nFast.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseDocument(context.Background(), tt.id, []byte(tt.data))
			if tt.wantErr {
				if err == nil {
					t.Fatalf("no error; document %+v", doc)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title || doc.URL != tt.url || doc.Lang != lang.Tag(tt.lang) || !strings.HasPrefix(doc.Text, tt.text) {
				t.Fatalf("got title %q url %q lang %q text %q", doc.Title, doc.URL, doc.Lang, doc.Text)
			}
		})
	}
}
