package lang

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Tag
		ok   bool
	}{
		{"da-DK", Danish, true},
		{"da", Danish, true},
		{"nb", Danish, true},
		{"nb-NO", Danish, true},
		{"nn", Danish, true},
		{"zh-TW", ChineseTraditional, true},
		{"zh-HK", ChineseTraditional, true},
		{"zh-MO", ChineseTraditional, true},
		{"zh-Hant", ChineseTraditional, true},
		{"zh-Hant-HK", ChineseTraditional, true},
		{"yue", ChineseTraditional, true},
		{"zh-CN", ChineseSimplified, true},
		{"zh-SG", ChineseSimplified, true},
		{"zh", ChineseSimplified, true},
		{"ms-MY", Malay, true},
		{"ms", Malay, true},
		{"id", Malay, true},
		{"en-GB", English, true},
		{"EN-us", English, true},
		{"fr", "", false},
		{"", "", false},
		{"not a tag!", "", false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseAcceptLanguage(t *testing.T) {
	tests := []struct {
		header string
		want   Tag
		ok     bool
	}{
		{"da-DK,da;q=0.9,en;q=0.8", Danish, true},
		{"fr-FR,fr;q=0.9,zh-TW;q=0.8,en;q=0.7", ChineseTraditional, true},
		{"en;q=0.5,ms-MY;q=0.9", Malay, true}, // q-values, not order, decide
		{"de,fr", "", false},
		{"", "", false},
		{"*", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseAcceptLanguage(tt.header)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseAcceptLanguage(%q) = %q, %v; want %q, %v", tt.header, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTag(t *testing.T) {
	if !Danish.Known() || Tag("fr").Known() || Tag("").Known() {
		t.Error("Known")
	}
	if Danish.Name() != "Danish" || Tag("xx").Name() != "English" {
		t.Error("Name")
	}
	if Tag("").Or(Malay) != Malay || Danish.Or(Malay) != Danish {
		t.Error("Or")
	}
	if got := Supported(); len(got) != 5 || got[0] != English {
		t.Errorf("Supported() = %v", got)
	}
	s := Supported()
	s[0] = "xx"
	if Supported()[0] != English {
		t.Error("Supported returns the package's own slice")
	}
}
