package redacteval

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/redact"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Hi, Anna-Marie! 4111 1111", []string{"Hi", "Anna", "Marie", "4111", "1111"}},
		{"我叫王小明，tel 138", []string{"我", "叫", "王", "小", "明", "tel", "138"}},
		{"  ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokenize(tt.text) {
			got = append(got, tt.text[tok.start:tok.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// fixed finds the given byte spans, whatever the text.
type fixed map[string][]redact.Finding

func (f fixed) Find(text string) []redact.Finding { return f[text] }

func TestEvaluate(t *testing.T) {
	const a = "Call Anna Jensen on 20 12 34 56 about Larkspur Home."
	const b = "我叫王小明。"
	samples := []Sample{
		{Text: a, Spans: []Span{
			{Type: "PERSON", Value: "Anna Jensen", Start: 5, End: 16},
			{Type: "PHONE_NUMBER", Value: "20 12 34 56", Start: 20, End: 31},
			{Type: "ORGANIZATION", Value: "Larkspur Home", Start: 38, End: 51},
		}, Metadata: map[string]any{"lang": "en"}},
		{Text: b, Spans: []Span{{Type: "PERSON", Value: "王小明", Start: 2, End: 5}}, Metadata: map[string]any{"lang": "zh"}},
	}
	f := fixed{
		// Anna found, Jensen missed, the phone found, "Larkspur" flagged.
		a: {{Type: redact.Person, Start: 5, End: 9}, {Type: redact.Phone, Start: 20, End: 31}, {Type: redact.Person, Start: 38, End: 46}},
		// 王小 found (bytes 6..12), 明 missed.
		b: {{Type: redact.Person, Start: 6, End: 12}},
	}
	rep := Evaluate(samples, f, Options{})
	// Tokens: sample a has PII tokens Anna Jensen 20 12 34 56 (6), of
	// which 5 found; Larkspur is a false positive (ORGANIZATION is not
	// personal data). Sample b has 3 PII tokens, 2 found.
	if rep.Total.TruePositives != 7 || rep.Total.FalseNegatives != 2 || rep.Total.FalsePositives != 1 {
		t.Fatalf("tp/fn/fp = %d/%d/%d, want 7/2/1", rep.Total.TruePositives, rep.Total.FalseNegatives, rep.Total.FalsePositives)
	}
	p, r := 7.0/8, 7.0/9
	if f2 := 5 * p * r / (4*p + r); math.Abs(rep.Total.F-f2) > 1e-9 {
		t.Errorf("F2 = %v, want %v", rep.Total.F, f2)
	}
	if rep.Total.SpuriousSpans != 1 || rep.Total.SpuriousPer20 != 10 {
		t.Errorf("spurious = %d (%.1f per 20), want 1 (10 per 20)", rep.Total.SpuriousSpans, rep.Total.SpuriousPer20)
	}
	if len(rep.Leaks) != 2 || rep.Leaks[0].Missed != "Jensen" || rep.Leaks[1].Missed != "明" {
		t.Errorf("leaks = %+v", rep.Leaks)
	}
	types := map[string]TypeScore{}
	for _, ts := range rep.Types {
		types[ts.Type] = ts
	}
	if ts := types["PHONE_NUMBER"]; ts.SpanRecall != 1 || ts.TokenRecall != 1 {
		t.Errorf("phone recall = %+v", ts)
	}
	if ts := types["PERSON"]; ts.SpansFound != 0 || ts.TokensFound != 3 || ts.Tokens != 5 {
		t.Errorf("person recall = %+v", ts)
	}
	if len(rep.Langs) != 2 || rep.Langs[1].Lang != "zh" || rep.Langs[1].Recall != 2.0/3 {
		t.Errorf("langs = %+v", rep.Langs)
	}
}

func TestIgnoredAndSkippedTokens(t *testing.T) {
	const text = "Meet at 14:30 on Sunday, the corner of Elm Street"
	samples := []Sample{{Text: text, Spans: []Span{
		{Type: "DATE_TIME", Value: "14:30 on Sunday", Start: 8, End: 23},
		{Type: "ADDRESS", Value: "the corner of Elm Street", Start: 25, End: 49},
	}}}
	// The finder flags only "Elm": the date is ignored either way, and
	// "the", "corner", "of", "Street" are skip words.
	f := fixed{text: {{Type: redact.Address, Start: 39, End: 42}}}
	rep := Evaluate(samples, f, Options{})
	if rep.Total.TruePositives != 1 || rep.Total.FalseNegatives != 0 || rep.Total.FalsePositives != 0 {
		t.Fatalf("tp/fn/fp = %d/%d/%d, want 1/0/0", rep.Total.TruePositives, rep.Total.FalseNegatives, rep.Total.FalsePositives)
	}
	// Counting dates as personal data turns them into misses.
	m := DefaultMapping()
	m["DATE_TIME"] = PII
	rep = Evaluate(samples, f, Options{Mapping: m})
	if rep.Total.FalseNegatives != 3 {
		t.Errorf("with dates counted, fn = %d, want 3 (14, 30, Sunday)", rep.Total.FalseNegatives)
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
	}{
		{"good", `[{"full_text":"Anna","spans":[{"entity_type":"PERSON","entity_value":"Anna","start_position":0,"end_position":4}]}]`, true},
		{"code points", `[{"full_text":"王小明","spans":[{"entity_type":"PERSON","entity_value":"王小明","start_position":0,"end_position":3}]}]`, true},
		{"past the end", `[{"full_text":"Anna","spans":[{"entity_type":"PERSON","entity_value":"Anna","start_position":0,"end_position":5}]}]`, false},
		{"not json", `{`, false},
	}
	for _, tt := range tests {
		_, err := Load(strings.NewReader(tt.in))
		if (err == nil) != tt.ok {
			t.Errorf("%s: Load error = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}

// names is a NameModel that knows one name.
type names struct{ fail bool }

func (n names) FindNames(context.Context, string) ([]string, error) {
	if n.fail {
		return nil, errors.New("down")
	}
	return []string{"zorbu"}, nil
}

func TestModelFinder(t *testing.T) {
	samples := []Sample{{Text: "Ask the zorbu.", Spans: []Span{{Type: "PERSON", Value: "zorbu", Start: 8, End: 13}}}}
	for _, tt := range []struct {
		model  redact.NameModel
		recall float64
		errors int
	}{{nil, 0, 0}, {names{}, 1, 0}, {names{fail: true}, 0, 1}} {
		m := &ModelFinder{Ctx: context.Background(), Redactor: redact.New(redact.Options{Names: tt.model})}
		rep := Evaluate(samples, m, Options{})
		if rep.Total.Recall != tt.recall || m.Errors != tt.errors {
			t.Errorf("model %v: recall %.2f, errors %d; want %.2f, %d", tt.model, rep.Total.Recall, m.Errors, tt.recall, tt.errors)
		}
	}
}
