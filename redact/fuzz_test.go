package redact

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds start the fuzzers: structured identifiers, names and
// addresses in the four languages, full-width forms, placeholders.
var fuzzSeeds = []string{
	"mail jane@example.com or call +45 20 12 34 56",
	"card 4111 1111 1111 1111, IBAN DK50 0040 0440 1162 43",
	"身份证 11010519491231002X 电话 13812345678",
	"CPF: 386.417.205-53, NIC 852671234V, HKID K538126 (6), CURP GOML870315MJCNRS04",
	"IC 880512-14-5673 CPR 070761-4285 ip 10.0.0.1 ::1",
	"ｍａｉｌ：ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ ０９１２３４５６７８",
	"order 12345678 LH123456789DK 14:30 2024-05-01 v1.2.3.4",
	"Hi, my name is Olivia Pemberton, 14 Kingsley Road, Leeds LS6 2AB. Born 12/03/1985.",
	"Mvh\nHjalte Brøndum\nVesterbrogade 112, 2. th., 1620 København V\nCPR 070761-4285",
	"Nama saya Nur Aisyah binti Rahman, No. 12, Jalan Bukit Bintang, 55100 Kuala Lumpur",
	"收件人：欧阳娜娜，地址：台北市信義區信義路五段7號，HKID A123456(3)，身分證 A123456789",
	"SSN 078-05-1120, NI AB 12 34 56 C, https://shop.example.com/reset?token=abc and my IP 2001:db8::1",
	"Tarikh lahir saya 12 Mac 1985, bukan 16/09/2024. <PERSON_1> <PHONE_2> 5.812,00 kr.",
	"They had 3: Anna, Mikkel and Sune. Apt. 4\n\nGreece 79976\n(790)091-7442x12 fax",
}

// FuzzRedact checks the redactor's invariants on any input: it does not
// panic, offsets are valid, redacting twice equals redacting once, and no
// value it found survives in the output.
func FuzzRedact(f *testing.F) {
	for _, s := range fuzzSeeds {
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
			if len(v) >= 6 && containsWhole(once.Text, v) {
				t.Fatalf("found value %q (%s) survives in %q", v, fd.Type, once.Text)
			}
		}
	})
}

// containsWhole reports whether v occurs in s other than as part of a
// longer word or number: "1000000000" inside "10000000000" is another
// value, not the one that was redacted.
func containsWhole(s, v string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], v)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(v)
		before := i > 0 && isAlnum(s[i-1]) && isAlnum(v[0])
		after := end < len(s) && isAlnum(s[end]) && isAlnum(v[len(v)-1])
		if !before && !after {
			return true
		}
		off = i + 1
	}
}
