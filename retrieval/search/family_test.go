package search

import (
	"context"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// TestLanguageByKnowledgeBase checks that a query with none of the words
// detection knows is told by the words of the knowledge base.
func TestLanguageByKnowledgeBase(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct {
		text string
		want lang.Tag
	}{
		{"skifte mailadresse", lang.Danish},
		{"lupa katalaluan", lang.Malay},
	} {
		if lang.Detect(tt.text).Sure {
			t.Fatalf("%q: detection is sure; the test needs a query it is not sure of", tt.text)
		}
		res, err := ix.Search(context.Background(), Query{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if res.Lang != tt.want {
			t.Errorf("%q: language %s, want %s", tt.text, res.Lang, tt.want)
		}
	}
}
