package redact

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRedact checks the redactor's invariants on any input: it does not
// panic, offsets are valid, redacting twice equals redacting once, and no
// value it found survives in the output.
func FuzzRedact(f *testing.F) {
	for _, s := range []string{
		"mail jane@example.com or call +45 20 12 34 56",
		"card 4111 1111 1111 1111, IBAN DK50 0040 0440 1162 43",
		"身份证 11010519491231002X 电话 13812345678",
		"IC 880512-14-5673 CPR 070761-4285 ip 10.0.0.1 ::1",
		"ｍａｉｌ：ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ ０９１２３４５６７８",
		"order 12345678 LH123456789DK 14:30 2024-05-01 v1.2.3.4",
	} {
		f.Add(s)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		found := r.Find(text)
		prev := 0
		for _, fd := range found {
			if fd.Start < prev || fd.End <= fd.Start || fd.End > len(text) {
				t.Fatalf("bad span %+v in %q (len %d)", fd, text, len(text))
			}
			prev = fd.End
		}
		once := r.Redact(text, nil)
		twice := r.Redact(once.Text, nil)
		if twice.Text != once.Text {
			t.Fatalf("not idempotent:\n in   %q\n once %q\n twice %q", text, once.Text, twice.Text)
		}
		if !utf8.ValidString(text) {
			return
		}
		for _, fd := range found {
			v := text[fd.Start:fd.End]
			if len(v) >= 6 && strings.Contains(once.Text, v) {
				t.Fatalf("found value %q (%s) survives in %q", v, fd.Type, once.Text)
			}
		}
	})
}
