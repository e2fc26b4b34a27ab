package search

import (
	"context"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// TestAnsweredInOwnLanguage: a question in a known language whose best
// article is another language's version is answered from the version in
// its own, in the translation's best section or the one in the same
// place.
func TestAnsweredInOwnLanguage(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct {
		query   string
		l       lang.Tag
		wantDoc string
	}{
		{"camne nk claim", lang.Malay, "sample/ms/warranty.md"},
		{"How do I make a warranty claim?", lang.English, "sample/en/warranty.md"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tt.query, Lang: tt.l, K: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Passages) == 0 || res.Passages[0].DocID != tt.wantDoc {
			t.Errorf("%q: %+v, want %s first", tt.query, res.Passages, tt.wantDoc)
		}
		if len(res.Passages) > 0 && res.Passages[0].Heading == "" {
			t.Errorf("%q: the lead, want a section", tt.query)
		}
	}
	// Without a language the query's own words decide.
	res, err := ix.Search(context.Background(), Query{Text: "how do i make a warranty claim", K: 5})
	if err != nil || len(res.Passages) == 0 || res.Passages[0].Lang != lang.English {
		t.Fatalf("%+v, %v", res.Passages, err)
	}
}

// TestEverydayWords: the support vocabulary's everyday words find the
// articles' own: the English words Malaysians mix into Malay ("download",
// "claim"), asking for something faster (express delivery, searched
// within the delivery article as a follow-up is), everyday Chinese for a
// price, tax, a failed payment and a breakage, and a device that died
// (a faulty one).
func TestEverydayWords(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct {
		query   string
		l       lang.Tag
		within  string // search within this article only
		doc     string // the article wanted first
		heading string // and its section, when set
	}{
		{"camne nk download invois", lang.Malay, "", "sample/ms/invoices-and-receipts.md", "Muat turun invois PDF"},
		{"camne nk claim waranti", lang.Malay, "", "sample/ms/warranty.md", "Cara membuat tuntutan waranti"},
		{"anything faster than that?", lang.English, "sample/en/delivery.md", "sample/en/delivery.md", "Express delivery"},
		{"kan det gaa hurtigere", lang.Danish, "sample/da/delivery.md", "sample/da/delivery.md", "Ekspreslevering"},
		{"ada yg lagi cepat x", lang.Malay, "sample/ms/delivery.md", "sample/ms/delivery.md", "Penghantaran ekspres"},
		{"價錢含唔含稅", lang.ChineseTraditional, "", "sample/zh-Hant/payment.md", ""},
		{"付唔到款呀", lang.ChineseTraditional, "", "sample/zh-Hant/payment.md", ""},
		{"付不了款怎么回事", lang.ChineseSimplified, "", "sample/zh-Hans/payment.md", ""},
		{"收到嘅玻璃杯爆咗", lang.ChineseTraditional, "", "sample/zh-Hant/tracking-late-or-damaged.md", ""},
		{"min elkedel er død efter 3 måneder", lang.Danish, "", "sample/da/warranty.md", ""},
		{"cerek sy dah mati, baru guna 3 bulan", lang.Malay, "", "sample/ms/warranty.md", ""},
		{"快煮壺死咗，先用咗三個月", lang.ChineseTraditional, "", "sample/zh-Hant/warranty.md", ""},
	} {
		q := Query{Text: tt.query, Lang: tt.l, K: 3}
		if tt.within != "" {
			q.Within = []string{tt.within}
		}
		res, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Passages) == 0 || res.Passages[0].DocID != tt.doc || tt.heading != "" && res.Passages[0].Heading != tt.heading {
			t.Errorf("%q: %+v, want %s > %q first", tt.query, res.Passages, tt.doc, tt.heading)
		}
	}
}
