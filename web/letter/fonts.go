package letter

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The PDF's fonts: the Go fonts for Latin script (Danish and Malay
// included), and Droid Sans Fallback for Chinese, which has no Latin
// letters at all. Each character is set in the first of them that has it,
// so a line can mix both.

//go:embed fonts/DroidSansFallbackFull.ttf.gz
var fontFiles embed.FS

// face is one font as the typesetter measures it and the PDF embeds it.
type face struct {
	family, style string // the font's name and style in the PDF writer
	ttf           []byte
	has           [65536 / 64]uint64 // the characters of the BMP it has a glyph for
	// advance is each character's width in thousandths of an em, rounded
	// as the PDF writer rounds them; missing is the width of the glyph
	// drawn for a character the font lacks.
	advance [65536]uint16
	missing uint16
}

// covers reports whether f has a glyph for r.
func (f *face) covers(r rune) bool {
	return r >= 0 && r < 65536 && f.has[r/64]&(1<<(r%64)) != 0
}

// width is the width of r in thousandths of an em.
func (f *face) width(r rune) float64 {
	if !f.covers(r) {
		return float64(f.missing)
	}
	return float64(f.advance[r])
}

// newFace reads the character widths of a TrueType font.
func newFace(family, style string, ttf []byte) (*face, error) {
	fnt, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("read font %s: %w", family, err)
	}
	f := &face{family: family, style: style, ttf: ttf}
	var buf sfnt.Buffer
	upem := fixed.Int26_6(fnt.UnitsPerEm()) << 6 // advances come back in font units
	scale := 1000 / float64(fnt.UnitsPerEm())
	adv := func(g sfnt.GlyphIndex) (uint16, error) {
		a, err := fnt.GlyphAdvance(&buf, g, upem, font.HintingNone)
		if err != nil {
			return 0, fmt.Errorf("read font %s: glyph %d: %w", family, g, err)
		}
		return uint16(math.Round(scale * float64(a) / 64)), nil
	}
	if f.missing, err = adv(0); err != nil {
		return nil, err
	}
	for r := rune(32); r < 65536; r++ {
		g, err := fnt.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			continue
		}
		if f.advance[r], err = adv(g); err != nil {
			return nil, err
		}
		f.has[r/64] |= 1 << (r % 64)
	}
	return f, nil
}

// latinFaces are the Go fonts, regular and bold.
var latinFaces = sync.OnceValues(func() ([2]*face, error) {
	regular, err := newFace("go", "", goregular.TTF)
	if err != nil {
		return [2]*face{}, err
	}
	bold, err := newFace("go", "B", gobold.TTF)
	return [2]*face{regular, bold}, err
})

// hanFace is Droid Sans Fallback, decompressed and measured the first time
// a letter needs it (it is 4 MB unpacked, 2 MB as shipped).
var hanFace = sync.OnceValues(func() (*face, error) {
	gz, err := fontFiles.ReadFile("fonts/DroidSansFallbackFull.ttf.gz")
	if err != nil {
		return nil, fmt.Errorf("read font: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("unpack font: %w", err)
	}
	ttf, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("unpack font: %w", err)
	}
	return newFace("han", "", ttf)
})
