package redact

import "unicode/utf8"

// decodeRune is utf8.DecodeRuneInString(t[i:]), with the three-byte runes
// of Chinese text (and of the full-width forms) decoded inline.
func decodeRune(t string, i int) (rune, int) {
	if i+2 < len(t) {
		if c0, c1, c2 := t[i], t[i+1], t[i+2]; c0-0xE1 <= 0xEF-0xE1 && c0 != 0xED && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(t[i:])
}

// hanAt reports whether a common Han character (U+4E00 to U+9FFF, most
// of Chinese text) is written at t[i].
func hanAt(t string, i int) bool {
	if i+2 >= len(t) {
		return false
	}
	c0, c1, c2 := t[i], t[i+1], t[i+2]
	return c0-0xE4 <= 0xE9-0xE4 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && (c0 != 0xE4 || c1 >= 0xB8)
}

// hanRune is decodeRune with the common Han characters decoded inline.
func hanRune(t string, i int) (rune, int) {
	if hanAt(t, i) {
		return rune(t[i]&0x0F)<<12 | rune(t[i+1]&0x3F)<<6 | rune(t[i+2]&0x3F), 3
	}
	return decodeRune(t, i)
}
