// Package lettertest reads a letter's PDF back as a reader would, for
// tests: the text of each page, the font each character is set in, and
// whether that font's embedded file has a real glyph for it. It parses
// the PDF with a library of its own (github.com/ledongthuc/pdf), not the
// writer's.
//
// It is for tests only: nothing of the binary imports it.
package lettertest

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// PDF is a PDF as read back.
type PDF struct {
	Pages []string
	// Fonts lists, for each character shown, the fonts (their base
	// names) it is set in.
	Fonts  map[rune]map[string]bool
	glyphs map[string]func(rune) bool
}

// Text is all pages' text with every space removed: lines are broken
// where spaces were, so compare it with NoSpace of a sentence.
func (p PDF) Text() string { return NoSpace(strings.Join(p.Pages, "")) }

// HasGlyph reports whether font draws r with a glyph that has an outline
// (not the empty box of a missing one).
func (p PDF) HasGlyph(font string, r rune) bool {
	g := p.glyphs[font]
	return g != nil && g(r)
}

// NoSpace is s without its spaces.
func NoSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// identityToUnicode is the one range of the writer's ToUnicode maps: each
// two-byte code is the UTF-16 code unit of the same value.
const identityToUnicode = "1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange"

// Read reads a PDF written by the letter's writer. The library reads a
// ToUnicode range only within its last byte, so the strings shown are
// decoded here as each font's ToUnicode map (checked to be the identity)
// says: as UTF-16.
func Read(t testing.TB, b []byte) PDF {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("read the PDF: %v", err)
	}
	out := PDF{Fonts: map[rune]map[string]bool{}, glyphs: map[string]func(rune) bool{}}
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		fonts := p.Resources().Key("Font")
		for _, name := range fonts.Keys() {
			f := fonts.Key(name)
			base := f.Key("BaseFont").Name()
			if cmap := string(readAll(t, f.Key("ToUnicode"))); !strings.Contains(cmap, identityToUnicode) {
				t.Fatalf("font %s maps its codes to text with %q", base, cmap)
			}
			if out.glyphs[base] == nil {
				out.glyphs[base] = glyphs(t, f.Key("DescendantFonts").Index(0))
			}
		}
		var page strings.Builder
		font := ""
		pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
			args := make([]pdf.Value, stk.Len())
			for i := len(args) - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
			switch op {
			case "Tf":
				font = fonts.Key(args[0].Name()).Key("BaseFont").Name()
			case "Tj":
				raw := args[0].RawString()
				units := make([]uint16, len(raw)/2)
				for i := range units {
					units[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
				}
				for _, c := range utf16.Decode(units) {
					page.WriteRune(c)
					if out.Fonts[c] == nil {
						out.Fonts[c] = map[string]bool{}
					}
					out.Fonts[c][font] = true
				}
			case "TJ", "'", "\"":
				t.Errorf("text shown with %s, which this reader does not follow", op)
			}
		})
		out.Pages = append(out.Pages, page.String())
	}
	return out
}

func readAll(t testing.TB, v pdf.Value) []byte {
	t.Helper()
	rc := v.Reader()
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("read a PDF stream: %v", err)
	}
	return b
}

// glyphs reads a CID font's CIDToGIDMap (the writer's CIDs are Unicode
// code points) and its embedded TrueType file.
func glyphs(t testing.TB, cid pdf.Value) func(rune) bool {
	t.Helper()
	gids := readAll(t, cid.Key("CIDToGIDMap"))
	fnt, err := sfnt.Parse(readAll(t, cid.Key("FontDescriptor").Key("FontFile2")))
	if err != nil {
		t.Fatalf("the embedded font %s: %v", cid.Key("BaseFont").Name(), err)
	}
	var buf sfnt.Buffer
	return func(r rune) bool {
		if r < 0 || int(r)*2+1 >= len(gids) {
			return false
		}
		gid := sfnt.GlyphIndex(int(gids[2*r])<<8 | int(gids[2*r+1]))
		segs, err := fnt.LoadGlyph(&buf, gid, fixed.I(12), nil)
		return gid != 0 && err == nil && len(segs) > 0
	}
}
