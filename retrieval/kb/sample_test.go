package kb

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

func TestSamples(t *testing.T) {
	tests := []struct {
		name, company, prefix string
		topics                int // articles per language
		vocabulary            bool
	}{
		{"shop", "Larkspur Home", "sample/", 16, true},
		{"insurer", "Fjordvik Mutual", "insurer/", 18, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Sample(tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if h.Name != tt.name || h.Company != tt.company || h.Prefix != tt.prefix || len(h.Contacts) == 0 {
				t.Fatalf("sample %+v", h)
			}
			if v := h.Vocabulary(); (v != nil) != tt.vocabulary {
				t.Errorf("vocabulary %v, want one: %v", v, tt.vocabulary)
			}
			docs, err := h.Documents()
			if err != nil {
				t.Fatal(err)
			}
			id := regexp.MustCompile(`^` + regexp.QuoteMeta(tt.prefix) + `(en|da|zh-Hans|zh-Hant|ms)/[a-z-]+\.md$`)
			byLang := map[lang.Tag]int{}
			for _, d := range docs {
				if !id.MatchString(d.ID) {
					t.Errorf("document id %q", d.ID)
				}
				if !d.Lang.Known() || !strings.HasPrefix(strings.TrimSpace(d.Text), "# ") {
					t.Errorf("%s: language %q, no title heading", d.ID, d.Lang)
				}
				byLang[d.Lang]++
			}
			for _, l := range lang.Supported() {
				if byLang[l] != tt.topics {
					t.Errorf("%d articles in %s, want %d", byLang[l], l, tt.topics)
				}
			}
		})
	}
	for _, bad := range []string{"", ".", "..", "shop/articles", "nosuch"} {
		if _, err := Sample(bad); !errors.Is(err, ErrNoSample) {
			t.Errorf("Sample(%q): err = %v, want ErrNoSample", bad, err)
		}
	}
}
