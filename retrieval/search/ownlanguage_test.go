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

// TestMalayMixedEnglish: the English words Malaysians mix into Malay
// ("download", "claim", "extend") find the Malay articles' own words.
func TestMalayMixedEnglish(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct{ query, heading string }{
		{"camne nk download invois", "Muat turun invois PDF"},
		{"camne nk claim waranti", "Cara membuat tuntutan waranti"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tt.query, Lang: lang.Malay, K: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Passages) == 0 || res.Passages[0].Heading != tt.heading {
			t.Errorf("%q: %+v, want %q first", tt.query, res.Passages, tt.heading)
		}
	}
}

// TestFasterIsExpress: asking for something faster, in any of the
// languages, finds the section on express delivery.
func TestFasterIsExpress(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct {
		query string
		l     lang.Tag
		doc   string
		want  string
	}{
		{"anything faster than that?", lang.English, "sample/en/delivery.md", "Express delivery"},
		{"kan det gaa hurtigere", lang.Danish, "sample/da/delivery.md", "Ekspreslevering"},
		{"ada yg lagi cepat x", lang.Malay, "sample/ms/delivery.md", "Penghantaran ekspres"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tt.query, Lang: tt.l, K: 3, Within: []string{tt.doc}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Passages) == 0 || res.Passages[0].Heading != tt.want {
			t.Errorf("%q: %+v, want %q first", tt.query, res.Passages, tt.want)
		}
	}
}

// TestColloquialChinese: everyday Chinese for a price, tax, a payment
// that fails and something that broke finds the articles' words.
func TestColloquialChinese(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct {
		query string
		l     lang.Tag
		doc   string
	}{
		{"價錢含唔含稅", lang.ChineseTraditional, "sample/zh-Hant/payment.md"},
		{"付唔到款呀", lang.ChineseTraditional, "sample/zh-Hant/payment.md"},
		{"付不了款怎么回事", lang.ChineseSimplified, "sample/zh-Hans/payment.md"},
		{"收到嘅玻璃杯爆咗", lang.ChineseTraditional, "sample/zh-Hant/tracking-late-or-damaged.md"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tt.query, Lang: tt.l, K: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Passages) == 0 || res.Passages[0].DocID != tt.doc {
			t.Errorf("%q: %+v, want %s first", tt.query, res.Passages, tt.doc)
		}
	}
}

// TestDiedIsFaulty: a thing that died, in any of the languages, is a
// faulty one: the warranty article answers.
func TestDiedIsFaulty(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct {
		query string
		l     lang.Tag
		doc   string
	}{
		{"min elkedel er død efter 3 måneder", lang.Danish, "sample/da/warranty.md"},
		{"cerek sy dah mati, baru guna 3 bulan", lang.Malay, "sample/ms/warranty.md"},
		{"快煮壺死咗，先用咗三個月", lang.ChineseTraditional, "sample/zh-Hant/warranty.md"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tt.query, Lang: tt.l, K: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Passages) == 0 || res.Passages[0].DocID != tt.doc {
			t.Errorf("%q: %+v, want %s first", tt.query, res.Passages, tt.doc)
		}
	}
}
