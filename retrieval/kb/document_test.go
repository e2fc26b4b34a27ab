package kb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// minimalPDF builds a one-page PDF with a title and lines of text in a
// standard font, with a correct cross-reference table.
func minimalPDF(title string, lines ...string) []byte {
	var content strings.Builder
	y := 720
	for _, l := range lines {
		fmt.Fprintf(&content, "BT /F1 12 Tf 72 %d Td (%s) Tj ET\n", y, l)
		y -= 20
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Title (%s) >>", title),
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}

// selfHoldingPDF is a minimal PDF whose page tree lists itself as its
// only kid: the PDF library would walk it for ever.
func selfHoldingPDF() []byte {
	return bytes.Replace(minimalPDF("T", "Hello"), []byte("/Kids [3 0 R]"), []byte("/Kids [2 0 R]"), 1)
}

func TestParseDocument(t *testing.T) {
	tests := []struct {
		name, id  string
		data      []byte
		wantTitle string
		wantText  []string // substrings
		wantErr   error
	}{
		{"markdown", "kb/a.md", []byte("# Returns\n\nSend it back within 30 days."), "", []string{"# Returns", "30 days"}, nil},
		{"markdown with BOM", "kb/a.MD", []byte("\xef\xbb\xbf# Returns\n\ntext"), "", []string{"# Returns"}, nil},
		{"plain text", "kb/b.txt", []byte("Opening hours\n\nWe open at nine."), "Opening hours", []string{"nine"}, nil},
		{"windows-1252 text", "kb/c.txt", []byte("Returnering af varer\n\nDu f\xe5r pengene tilbage p\xe5 5 dage."), "Returnering af varer", []string{"får pengene", "på 5"}, nil},
		{"html", "kb/d.html", []byte(`<html><head><title>Delivery</title><script>x()</script></head><body><nav>menu</nav><h2>Costs</h2><p>Free over 499.</p></body></html>`), "Delivery", []string{"## Costs", "Free over 499."}, nil},
		{"pdf", "kb/e.pdf", minimalPDF("Warranty terms", "Two years of warranty in the EU.", "Keep your receipt."), "Warranty terms", []string{"Two years of warranty", "Keep your receipt"}, nil},
		{"pdf with a broken UTF-16 title", "kb/i.pdf", minimalPDF("\xfe\xff\x00A\xd8", "Gift cards last three years."), "\uFFFD\x00A\uFFFD", []string{"three years"}, nil},
		{"pdf by content", "upload-17", minimalPDF("Sniffed", "Parcel lockers are free."), "Sniffed", []string{"Parcel lockers"}, nil},
		{"html by content", "upload-18", []byte("<!DOCTYPE html><html><body><p>Gift cards last three years.</p></body></html>"), "", []string{"three years"}, nil},
		{"unsupported", "kb/f.docx", []byte("PK\x03\x04"), "", nil, ErrUnsupported},
		{"binary without extension", "upload-19", []byte{0, 1, 2, 3, 0xff, 0xfe}, "", nil, ErrUnsupported},
		{"empty", "kb/g.md", []byte("  \n"), "", nil, ErrEmptyDocument},
		{"broken pdf", "kb/h.pdf", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"), "", nil, nil},
		{"pdf whose page tree holds itself", "kb/j.pdf", selfHoldingPDF(), "", nil, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseDocument(context.Background(), tt.id, tt.data)
			if tt.name == "broken pdf" {
				if err == nil {
					t.Fatalf("no error for a broken PDF: %+v", doc)
				}
				return
			}
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.ID != tt.id || doc.Title != tt.wantTitle {
				t.Errorf("id %q title %q, want %q %q", doc.ID, doc.Title, tt.id, tt.wantTitle)
			}
			for _, s := range tt.wantText {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("text %q lacks %q", doc.Text, s)
				}
			}
		})
	}
}

// FuzzParseDocument holds every parser to its contract on any bytes: an
// error or a document with text, never a panic, and text, title and URL
// that are valid UTF-8, whatever the input held (a replacement character
// in the text excuses nothing).
func FuzzParseDocument(f *testing.F) {
	f.Add("a.pdf", minimalPDF("T", "Hello"))
	f.Add("a.html", []byte("<p>hi</p>"))
	f.Add("a.md", []byte("# T\n\nbody"))
	f.Add("a.txt", []byte("caf\xe9"))
	f.Add("a.pdf", minimalPDF("\xfe\xff\x00A\xd8", "Hello"))
	f.Add("b.pdf", selfHoldingPDF())
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := ParseDocument(context.Background(), name, data)
		if err != nil {
			return
		}
		if strings.TrimSpace(doc.Text) == "" {
			t.Fatalf("document without text and without error: %+v", doc)
		}
		for field, s := range map[string]string{"text": doc.Text, "title": doc.Title, "url": doc.URL} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", field, s)
			}
		}
	})
}
