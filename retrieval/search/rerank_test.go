package search

import (
	"context"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

func TestTwinID(t *testing.T) {
	tests := []struct {
		id       string
		from, to lang.Tag
		want     string
	}{
		{"sample/zh-Hant/returns.md", lang.ChineseTraditional, lang.ChineseSimplified, "sample/zh-Hans/returns.md"},
		{"kb/da/faq/levering.md", lang.Danish, lang.English, "kb/en/faq/levering.md"},
		{"kb/data/returns.md", lang.Danish, lang.English, "kb/data/returns.md"}, // "data" is no language folder
		{"returns.md", lang.English, lang.Danish, "returns.md"},
	}
	for _, tt := range tests {
		if got := twinID(tt.id, tt.from, tt.to); got != tt.want {
			t.Errorf("twinID(%q, %s, %s) = %q, want %q", tt.id, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestPromoteTwins(t *testing.T) {
	rank := map[string]float64{"zh-Hant/a.md": 0.9, "zh-Hans/a.md": 0.5, "zh-Hans/b.md": 0.7, "zh-Hant/c.md": 0.8}
	docLang := map[string]lang.Tag{"zh-Hant/a.md": lang.ChineseTraditional, "zh-Hans/a.md": lang.ChineseSimplified,
		"zh-Hans/b.md": lang.ChineseSimplified, "zh-Hant/c.md": lang.ChineseTraditional}
	promoteTwins(rank, docLang, lang.ChineseSimplified)
	if !(rank["zh-Hans/a.md"] > rank["zh-Hant/a.md"]) {
		t.Errorf("the query-language twin stayed below: %v", rank)
	}
	if rank["zh-Hans/b.md"] != 0.7 || rank["zh-Hant/c.md"] != 0.8 {
		t.Errorf("documents without a twin moved: %v", rank)
	}
	// The other-script version follows its twin.
	first := map[string]int{"zh-Hant/a.md": 0, "zh-Hans/a.md": 1, "zh-Hans/b.md": 2, "zh-Hant/c.md": 3}
	pairTwins(rank, docLang, first, lang.ChineseSimplified)
	if !(rank["zh-Hans/a.md"] > rank["zh-Hant/a.md"] && rank["zh-Hant/a.md"] > rank["zh-Hant/c.md"] &&
		rank["zh-Hant/c.md"] > rank["zh-Hans/b.md"]) {
		t.Errorf("order after pairing twins: %v", rank)
	}
}

// TestSearchPutsQueryScriptFirst checks that a Chinese question finds
// the article in its own script first and its translation in the other
// script next, in both directions.
func TestSearchPutsQueryScriptFirst(t *testing.T) {
	ix := openSample(t)
	tests := []struct{ query, first, second string }{
		{"退货标签要钱吗", "sample/zh-Hans/returns.md", "sample/zh-Hant/returns.md"},
		{"客服電話幾多號", "sample/zh-Hant/contact-a-person.md", "sample/zh-Hans/contact-a-person.md"},
		{"保固期多久", "sample/zh-Hant/warranty.md", "sample/zh-Hans/warranty.md"},
		{"账号被锁了", "sample/zh-Hans/password.md", "sample/zh-Hant/password.md"},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Query{Text: tt.query, K: 6})
		if err != nil {
			t.Fatal(err)
		}
		var docs []string
		for _, p := range res.Passages {
			if len(docs) == 0 || docs[len(docs)-1] != p.DocID {
				docs = append(docs, p.DocID)
			}
		}
		if len(docs) < 2 || docs[0] != tt.first || docs[1] != tt.second {
			t.Errorf("%q (%s) found %v, want %s then %s", tt.query, res.Lang, docs, tt.first, tt.second)
		}
	}
}
