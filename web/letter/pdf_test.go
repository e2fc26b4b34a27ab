package letter

import (
	"bytes"
	"html"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/web/letter/lettertest"
)

// hanFont is the name under which the PDF embeds Droid Sans Fallback.
const hanFont = "utf8han"

// TestPDFInEveryLanguage: the letter is a PDF in each language whose text
// a reader extracts, saying everything the HTML page says, with Chinese
// set in Droid Sans Fallback with real glyphs and everything else in the
// Go fonts, and each page numbered.
func TestPDFInEveryLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang lang.Tag
		want []string // beyond the sentences of the catalogue
	}{
		{lang.English, []string{"What Larkspur Home holds about you", "My e-mail is [e-mail address]"}},
		{lang.Danish, []string{"Hvad Larkspur Home har registreret om dig", "Jeg bor på Østerbrogade i København"}},
		{lang.ChineseSimplified, []string{"Larkspur Home 持有的关于您的数据", "你好，我买的台灯坏了，可以退货吗？"}},
		{lang.ChineseTraditional, []string{"Larkspur Home 持有的關於您的資料", "你好，我買的檯燈壞了，可以退貨嗎？"}},
		{lang.Malay, []string{"Data tentang anda yang disimpan oleh Larkspur Home", "Helo, cerek saya rosak selepas dua minggu."}},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			d := Build(tt.lang, "Larkspur Home", sampleExport(string(tt.lang), 6))
			b, err := d.PDF()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Fatalf("not a PDF: %q", b[:min(len(b), 16)])
			}
			rb := lettertest.Read(t, b)
			if len(rb.Pages) < 2 {
				t.Errorf("%d pages, want several", len(rb.Pages))
			}
			for i, page := range rb.Pages {
				foot := catalog.Textf(tt.lang, "letter.page", "page", strconv.Itoa(i+1), "pages", strconv.Itoa(len(rb.Pages)))
				if !strings.HasSuffix(lettertest.NoSpace(page), lettertest.NoSpace(foot)) {
					t.Errorf("page %d does not end with %q", i+1, foot)
				}
			}
			want := append(tt.want, d.Meta, d.Intro, d.Summary, d.Hidden, d.ErasedText, d.WhyHeading, d.RequestsHeading,
				d.Disclosure, d.Rights, catalog.Text(tt.lang, "letter.you"), "Mette", "Hej! Jeg har sendt dig en returlabel. 谢谢 – Mette")
			for _, cv := range d.Conversations {
				want = append(want, cv.Heading)
				for _, m := range cv.Messages {
					want = append(want, m.Who, m.Text)
				}
			}
			want = append(want, d.Requests...)
			for _, f := range d.Statement {
				want = append(want, f.Name)
			}
			htmlPage, err := d.HTML()
			if err != nil {
				t.Fatal(err)
			}
			text, pageText := rb.Text(), html.UnescapeString(string(htmlPage))
			for _, w := range want {
				if !strings.Contains(text, lettertest.NoSpace(w)) {
					t.Errorf("the PDF's text lacks %q", w)
				}
				if !strings.Contains(pageText, w) {
					t.Errorf("the HTML page lacks %q", w)
				}
			}
			han := 0
			for r, fonts := range rb.Fonts {
				switch {
				case unicode.Is(unicode.Han, r):
					han++
					if !fonts[hanFont] || len(fonts) != 1 {
						t.Errorf("%q is set in %v, want Droid Sans Fallback alone", r, fonts)
					} else if !rb.HasGlyph(hanFont, r) {
						t.Errorf("%q has no glyph in the embedded Chinese font", r)
					}
				case strings.ContainsRune("æøåÆØÅ", r) || r >= 'a' && r <= 'z':
					if fonts[hanFont] {
						t.Errorf("%q is set in the Chinese font, which has no Latin letters", r)
					}
				}
			}
			if han < 20 {
				t.Errorf("only %d Chinese characters found", han)
			}
			if rb.HasGlyph(hanFont, 'a') || rb.HasGlyph(hanFont, '靐') {
				t.Error("the Chinese font has glyphs for characters the letter does not use")
			}
		})
	}
}

// TestPDFWithoutChinese: a letter with no Chinese in it embeds only the Go
// fonts, and is small.
func TestPDFWithoutChinese(t *testing.T) {
	exp := sampleExport("en", 1)
	exp.Events = exp.Events[:1] // no agent reply, which has Chinese in it
	b, err := Build(lang.Danish, "Larkspur Home", exp).PDF()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("/BaseFont /"+hanFont)) {
		t.Error("the Chinese font is embedded in a letter without Chinese")
	}
	if !strings.Contains(lettertest.Read(t, b).Text(), lettertest.NoSpace("Hvad Larkspur Home har registreret om dig")) {
		t.Error("the title is missing")
	}
	if len(b) > 60_000 {
		t.Errorf("%d bytes", len(b))
	}
}

// TestPDFIsStable: the same letter gives the same bytes, also when
// letters are written at once (they share the fonts).
func TestPDFIsStable(t *testing.T) {
	d := Build(lang.ChineseTraditional, "Larkspur Home", sampleExport("zh-Hant", 4))
	out := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() {
			b, err := d.PDF()
			if err != nil {
				t.Error(err)
			}
			out[i] = b
		})
	}
	wg.Wait()
	for i := range out[1:] {
		if len(out[0]) == 0 || !bytes.Equal(out[0], out[i+1]) {
			t.Fatal("two PDFs of one letter differ")
		}
	}
}

// BenchmarkLetterPDF writes a letter of 50 messages (25 questions and
// their answers, two in five of them in Chinese) and reports its size.
func BenchmarkLetterPDF(b *testing.B) {
	d := Build(lang.English, "Larkspur Home", sampleExport("en", 25))
	out, err := d.PDF()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := d.PDF(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(out)), "pdf_bytes")
}
