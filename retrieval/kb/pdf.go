package kb

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/ledongthuc/pdf"
)

// ErrNoText is returned for a file from which no text can be read, such
// as a PDF of scanned pages (the knowledge base does not read images).
var ErrNoText = fault.New(fault.Invalid, "no text could be extracted")

// pdfToText extracts a PDF's title (from its metadata) and text, page by
// page. A PDF the library cannot read, or that makes it panic, is an
// error, never a crash.
func pdfToText(data []byte) (title, text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			title, text, err = "", "", fmt.Errorf("read pdf: malformed file (%v)", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", "", fmt.Errorf("read pdf: %w", err)
	}
	if t := r.Trailer().Key("Info").Key("Title"); !t.IsNull() {
		// A title in UTF-16 with a byte missing comes back as it is.
		title = strings.TrimSpace(strings.ToValidUTF8(t.Text(), "\uFFFD"))
	}
	var b strings.Builder
	fonts := map[string]*pdf.Font{}
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		for _, name := range p.Fonts() {
			if _, ok := fonts[name]; !ok {
				f := p.Font(name)
				fonts[name] = &f
			}
		}
		pt, err := p.GetPlainText(fonts)
		if err != nil {
			return "", "", fmt.Errorf("read pdf page %d: %w", i, err)
		}
		if pt = tidy(strings.ToValidUTF8(pt, "\uFFFD")); pt != "" {
			b.WriteString(pt)
			b.WriteString("\n\n")
		}
	}
	text = strings.TrimSpace(b.String())
	if text == "" {
		return "", "", ErrNoText
	}
	return title, text, nil
}
