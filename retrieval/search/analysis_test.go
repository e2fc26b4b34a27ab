package search

import (
	"context"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// TestSearchRealPhrasing checks the parts that find an article however it
// is asked for: synonyms, phrases, near matches of misspelt words, and
// Chinese in either script.
func TestSearchRealPhrasing(t *testing.T) {
	docs := []kb.Document{
		{ID: "en/refunds.md", Lang: lang.English, Text: "# Refunds\n\nWe refund the price within five business days."},
		{ID: "en/delivery.md", Lang: lang.English, Text: "# Delivery\n\nParcels arrive within three days."},
		{ID: "en/password.md", Lang: lang.English, Text: "# Password\n\nUse the reset link to choose a new password."},
		{ID: "zh-Hans/returns.md", Lang: lang.ChineseSimplified, Text: "# 退货说明\n\n收到商品后三十天内可以退货。"},
		{ID: "zh-Hant/warranty.md", Lang: lang.ChineseTraditional, Text: "# 保固說明\n\n電子產品享有一年保固。"},
		{ID: "da/kodeord.md", Lang: lang.Danish, Text: "# Adgangskode\n\nBrug linket til at vælge en ny adgangskode."},
		{ID: "ms/refund.md", Lang: lang.Malay, Text: "# Bayaran balik\n\nBayaran balik dibuat dalam lima hari bekerja."},
	}
	ix, err := OpenMemory(Options{Vocabulary: shopVocabulary}) // 保修 and 保固 are the shop's
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Ingest(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query, lang, want string
	}{
		{"synonym", "reimbursement", "en", "en/refunds.md"},
		{"phrase synonym", "when do I get my money back", "en", "en/refunds.md"},
		{"misspelt", "pasword reset", "en", "en/password.md"},
		{"swapped letters", "delviery", "en", "en/delivery.md"},
		{"traditional finds simplified", "如何退貨", "zh-Hant", "zh-Hans/returns.md"},
		{"simplified finds traditional", "电子产品保固多久", "zh-Hans", "zh-Hant/warranty.md"},
		{"chinese synonym across scripts", "保修", "zh-Hans", "zh-Hant/warranty.md"},
		{"danish synonym", "glemt kodeord", "da", "da/kodeord.md"},
		{"malay phrase", "bila duit balik masuk", "ms", "ms/refund.md"},
		{"language without articles", "jeg vil have pengene tilbage refund", "", "en/refunds.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Query{Text: tt.query, Lang: lang.Tag(tt.lang)})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Passages) == 0 || res.Passages[0].DocID != tt.want {
				t.Fatalf("%q found %+v, want %s first", tt.query, res.Passages, tt.want)
			}
			if res.Confidence <= 0 || res.Confidence > 1 {
				t.Errorf("confidence %.2f out of (0, 1]", res.Confidence)
			}
		})
	}
}

func TestPhraseFilter(t *testing.T) {
	v, err := ReadVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	f := phraseFilter{phrases: newPhraseSet("en", v.synonyms["en"])}
	tests := map[string]string{
		"I want my Money  Back now": "I want my Money  Back money_back  now",
		"log-in problems":           "log-in log_in  problems",
		"moneyback":                 "moneyback",
		"summoney back":             "summoney back",
		"Money, back":               "Money, back",
		"log in, log in":            "log in log_in , log in log_in ",
	}
	for in, want := range tests {
		if got := string(f.Filter([]byte(in))); got != want {
			t.Errorf("Filter(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFoldChinese(t *testing.T) {
	tests := map[string]string{"退貨運費": "退货运费", "请问": "请问", "refund 退款": "refund 退款", "": ""}
	for in, want := range tests {
		if got := foldChinese(in); got != want {
			t.Errorf("foldChinese(%q) = %q, want %q", in, got, want)
		}
	}
}
