package redact

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestStableRunes checks the shortcut that skips the normaliser: every
// rune it calls stable must be one NFKC leaves alone.
func TestStableRunes(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		if !stableRune(r) {
			continue
		}
		if s := string(r); norm.NFKC.String(s) != s {
			t.Errorf("stableRune(%U %q) but NFKC gives %q", r, s, norm.NFKC.String(s))
		}
	}
}

func TestNormalizeMapsOffsets(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain ascii", "plain ascii"},
		{"ａｂｃ１２３", "abc123"},
		{"电话：０９１２", "电话:0912"},
		{"Søren Kierkegaard", "Søren Kierkegaard"},
		{"ﬁle", "file"},
	}
	for _, tt := range tests {
		n := normalize(tt.in)
		if n.text != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, n.text, tt.want)
			continue
		}
		if n.origStart(0) != 0 || n.origEnd(len(n.text)) != len(tt.in) {
			t.Errorf("normalize(%q): ends map to %d, %d", tt.in, n.origStart(0), n.origEnd(len(n.text)))
		}
	}
}
