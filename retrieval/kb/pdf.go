package kb

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/ledongthuc/pdf"
)

// ErrNoText is returned for a file from which no text can be read, such
// as a PDF of scanned pages (the knowledge base does not read images).
var ErrNoText = fault.New(fault.Invalid, "no text could be extracted")

// ErrMalformed is returned for a file that is not what its type says:
// a PDF that cannot be read, or whose pages cannot be found.
var ErrMalformed = fault.New(fault.Invalid, "malformed document")

// Bounds of the walk of a PDF's page tree: a tree deeper or larger than
// this (or one whose pages hold themselves, which the PDF library would
// follow for ever) is malformed.
const (
	maxPageTreeDepth = 64
	maxPageTreeNodes = 20000
)

// pdfToText extracts a PDF's title (from its metadata) and text, page by
// page. A PDF the library cannot read, or that makes it panic, is an
// error, never a crash. It stops between pages when ctx ends.
func pdfToText(ctx context.Context, data []byte) (title, text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			title, text, err = "", "", fmt.Errorf("read pdf: %w (%v)", ErrMalformed, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", "", fmt.Errorf("read pdf: %w: %w", ErrMalformed, err)
	}
	if t := r.Trailer().Key("Info").Key("Title"); !t.IsNull() {
		// A title in UTF-16 with a byte missing comes back as it is.
		title = strings.TrimSpace(strings.ToValidUTF8(t.Text(), "\uFFFD"))
	}
	var b strings.Builder
	pages, err := pdfPages(r)
	if err != nil {
		return "", "", err
	}
	fonts := map[string]*pdf.Font{}
	for i, p := range pages {
		if ctx.Err() != nil {
			return "", "", fmt.Errorf("read pdf page %d: %w", i+1, context.Cause(ctx))
		}
		for _, name := range p.Fonts() {
			if _, ok := fonts[name]; !ok {
				f := p.Font(name)
				fonts[name] = &f
			}
		}
		pt, err := p.GetPlainText(fonts)
		if err != nil {
			return "", "", fmt.Errorf("read pdf page %d: %w: %w", i+1, ErrMalformed, err)
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

// pdfPages lists a PDF's pages in order, walking its page tree within
// bounds: the PDF library's own walk follows a tree whose pages hold
// themselves for ever.
func pdfPages(r *pdf.Reader) ([]pdf.Page, error) {
	var pages []pdf.Page
	nodes := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		if nodes++; nodes > maxPageTreeNodes || depth > maxPageTreeDepth {
			return fmt.Errorf("read pdf: %w: its page tree is too deep or too large, or holds itself", ErrMalformed)
		}
		switch v.Key("Type").Name() {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
		case "Page":
			pages = append(pages, pdf.Page{V: v})
		}
		return nil
	}
	return pages, walk(r.Trailer().Key("Root").Key("Pages"), 0)
}
