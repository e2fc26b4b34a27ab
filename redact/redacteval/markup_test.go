package redacteval

import (
	"errors"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/redact"
)

func TestParseMarkup(t *testing.T) {
	tests := []struct {
		in, text string
		spans    []Span
		err      bool
	}{
		{in: "Ring [[PERSON|Anna]] on [[PHONE|20 12 34 56]].", text: "Ring Anna on 20 12 34 56.",
			spans: []Span{{Type: "PERSON", Value: "Anna", Start: 5, End: 9}, {Type: "PHONE", Value: "20 12 34 56", Start: 13, End: 24}}},
		{in: "请帮我查一下[[PERSON|邹美玲]]的订单", text: "请帮我查一下邹美玲的订单",
			spans: []Span{{Type: "PERSON", Value: "邹美玲", Start: 6, End: 9}}},
		{in: "Hej [[PERSON|Søren]], [[PERSON|Ærø|x]]", text: "Hej Søren, Ærø|x",
			spans: []Span{{Type: "PERSON", Value: "Søren", Start: 4, End: 9}, {Type: "PERSON", Value: "Ærø|x", Start: 11, End: 16}}},
		{in: "no marks at all", text: "no marks at all", spans: []Span{}},
		{in: "[[PERSON|Anna]", err: true},
		{in: "[[person|Anna]]", err: true},
		{in: "[[PERSON|]]", err: true},
		{in: "x ]] y [[", err: true},
		{in: "[[PERSON|\x8e\xb2]]", err: true},
	}
	for _, tt := range tests {
		s, err := ParseMarkup(tt.in)
		if tt.err {
			if !errors.Is(err, ErrBadMarkup) {
				t.Errorf("ParseMarkup(%q) error = %v, want ErrBadMarkup", tt.in, err)
			}
			continue
		}
		if err != nil || s.Text != tt.text || len(s.Spans) != len(tt.spans) {
			t.Errorf("ParseMarkup(%q) = %q %+v, %v; want %q %+v", tt.in, s.Text, s.Spans, err, tt.text, tt.spans)
			continue
		}
		for i, sp := range s.Spans {
			if sp != tt.spans[i] {
				t.Errorf("ParseMarkup(%q) span %d = %+v, want %+v", tt.in, i, sp, tt.spans[i])
			}
			runes := []rune(s.Text)
			if got := string(runes[sp.Start:sp.End]); got != sp.Value {
				t.Errorf("span %d covers %q, want %q", i, got, sp.Value)
			}
		}
	}
}

func TestLoadSniffsMarkup(t *testing.T) {
	in := `{"id":"a1","lang":"da","kind":"chat","text":"Ring til [[PERSON|Mette]] på [[PHONE|20 12 34 56]]"}

{"id":"a2","lang":"zh-Hans","kind":"routine","text":"我想退货"}
`
	samples, err := Load(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(samples) != 2 || samples[0].Lang() != "da" || samples[0].Kind() != "chat" || len(samples[1].Spans) != 0 {
		t.Fatalf("samples = %+v", samples)
	}
	if _, err := Load(strings.NewReader(`{"text":"[[PERSON|x"}`)); !errors.Is(err, ErrBadGold) {
		t.Errorf("bad markup: error %v, want ErrBadGold", err)
	}
}

func TestFoundPrecision(t *testing.T) {
	const text = "Call Anna at 20 12 34 56 or John Lewis."
	samples := []Sample{{Text: text, Spans: []Span{
		{Type: "PERSON", Value: "Anna", Start: 5, End: 9},
		{Type: "PHONE_NUMBER", Value: "20 12 34 56", Start: 13, End: 24},
	}, Metadata: map[string]any{"lang": "en"}}}
	f := fixed{text: {
		{Type: redact.Person, Start: 5, End: 9},
		{Type: redact.Phone, Start: 13, End: 24},
		{Type: redact.Person, Start: 28, End: 38}, // John Lewis, a shop
	}}
	rep := Evaluate(samples, f, Options{})
	got := map[string]FoundScore{}
	for _, fs := range rep.Found {
		got[fs.Type] = fs
	}
	if p := got["PERSON"]; p.Findings != 2 || p.Matched != 1 || p.Precision != 0.5 || p.Spurious != 1 || p.SpuriousPer50 != 50 {
		t.Errorf("PERSON = %+v", p)
	}
	if p := got["PHONE"]; p.Precision != 1 || p.Spurious != 0 {
		t.Errorf("PHONE = %+v (a PHONE finding on a PHONE_NUMBER span is right)", p)
	}
	if len(rep.Langs) != 1 || len(rep.Langs[0].Found) != 2 || rep.Total.SpuriousPer50 != 50 {
		t.Errorf("langs = %+v, total spurious/50 = %v", rep.Langs, rep.Total.SpuriousPer50)
	}
}

// FuzzParseMarkup checks the markup reader on any input: it does not
// panic, and every span it returns covers exactly its value in the text.
func FuzzParseMarkup(f *testing.F) {
	for _, s := range []string{"Ring [[PERSON|Anna]] on [[PHONE|20 12 34 56]].", "请帮我查一下[[PERSON|邹美玲]]的订单",
		"[[ADDRESS|12 Elm St\nLeeds]]", "[[X|]]", "]] [[", "[[PERSON|a|b]]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseMarkup(in)
		if err != nil {
			return
		}
		runes := []rune(s.Text)
		for _, sp := range s.Spans {
			if sp.Start < 0 || sp.End > len(runes) || sp.Start >= sp.End {
				t.Fatalf("span %+v outside %q", sp, s.Text)
			}
			if got := string(runes[sp.Start:sp.End]); got != sp.Value {
				t.Fatalf("span %+v covers %q", sp, got)
			}
		}
	})
}
