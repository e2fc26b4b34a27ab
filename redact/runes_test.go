package redact

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeRune checks the inline decoders against the utf8 package on
// every lead byte with every pair of following bytes.
func TestDecodeRune(t *testing.T) {
	var buf [4]byte
	for c0 := 0; c0 < 256; c0++ {
		for c1 := 0; c1 < 256; c1++ {
			for _, c2 := range []int{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF} {
				buf = [4]byte{byte(c0), byte(c1), byte(c2), 'x'}
				s := string(buf[:])
				wr, wsize := utf8.DecodeRuneInString(s)
				if r, size := decodeRune(s, 0); r != wr || size != wsize {
					t.Fatalf("decodeRune(% x) = %U %d, want %U %d", s, r, size, wr, wsize)
				}
				if r, size := hanRune(s, 0); r != wr || size != wsize {
					t.Fatalf("hanRune(% x) = %U %d, want %U %d", s, r, size, wr, wsize)
				}
				if want := wsize == 3 && wr >= 0x4E00 && wr <= 0x9FFF; hanAt(s, 0) != want {
					t.Fatalf("hanAt(% x) = %v, want %v", s, !want, want)
				}
			}
		}
	}
	if hanAt("中"[:2], 0) {
		t.Fatal("hanAt read past the end")
	}
}
