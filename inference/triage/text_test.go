package triage

import (
	"errors"
	"testing"
)

func tokenTexts(s string) []string {
	var out []string
	for _, t := range analyse(s).tokens {
		out = append(out, t.text)
	}
	return out
}

func TestAnalyse(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Don't  SHOUT", []string{"dont", "shout"}},
		{"human-readable", []string{"human", "readable"}},
		{"转人工！", []string{"转", "人", "工"}},
		{"ＡＢＣ，ok", []string{"abc", "ok"}},
		{"mail <EMAIL_1> now", []string{"mail", "<ph>", "now"}},
		{"<not_a_placeholder>", []string{"not", "a", "placeholder"}},
		{"1,000 kr", []string{"1,000", "kr"}},
		{"I nak cakap", []string{"i", "nak", "cakap"}},
	}
	for _, tc := range tests {
		got := tokenTexts(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("analyse(%q) = %q, want %q", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("analyse(%q) = %q, want %q", tc.in, got, tc.want)
				break
			}
		}
	}
	a := analyse("stop. operator, please")
	if a.tokens[0].clause == a.tokens[1].clause || a.tokens[1].clause == a.tokens[2].clause {
		t.Errorf("clauses not split: %+v", a.tokens)
	}
	if !analyse("human-readable").tokens[1].joinPrev {
		t.Error("hyphenated word not joined")
	}
	f := analyse("WHERE IS MY PARCEL!!!").feat
	if f.upper < 8 || f.bangRun != 3 || f.capsWords != 2 {
		t.Errorf("features = %+v", f)
	}
}

func TestPlaceholderLen(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"<EMAIL_1>", 9},
		{"<CREDIT_CARD_12> x", 16},
		{"<EMAIL_>", 0},
		{"<EMAIL1>", 0},
		{"<email_1>", 0},
		{"<_1>", 0},
		{"<EMAIL_1", 0},
	}
	for _, tc := range tests {
		if got := placeholderLen(tc.in); got != tc.want {
			t.Errorf("placeholderLen(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestCompilePattern(t *testing.T) {
	bad := []string{"", "~2 human", "?a human", "talk ~x human", "talk ~2", "ab* human", "talk to ~99 human"}
	for _, src := range bad {
		if _, err := compilePattern(src, 0); !errors.Is(err, ErrPattern) {
			t.Errorf("compilePattern(%q) err = %v, want ErrPattern", src, err)
		}
	}
	tests := []struct {
		pattern, text string
		want          bool
	}{
		{"talk|speak to ~2 human", "can I talk to a real human", true},
		{"talk|speak to ~1 human", "can I talk to a real live human", false},
		{"real ?live human", "a real human", true},
		{"real ?live human", "a real live human", true},
		{"idiot*", "you idiots", true},
		{"idiot*", "idiom", false},
		{"human", "human-readable", false},
		{"human", "non-human", false},
		{"talk_to human", "talk to human", true},
		{"转人工", "请帮我转人工谢谢", true},
		{"^agent$", "agent", true},
		{"^agent$", "stop. agent!", true},
		{"^agent$", "travel agent", false},
		{"talk to human", "talk to. human", false}, // no match across clauses
	}
	for _, tc := range tests {
		x := newIndex()
		if err := x.add(tc.pattern, 0); err != nil {
			t.Fatalf("add(%q): %v", tc.pattern, err)
		}
		got := len(x.scan(analyse(tc.text).tokens, nil)) > 0
		if got != tc.want {
			t.Errorf("%q in %q = %v, want %v", tc.pattern, tc.text, got, tc.want)
		}
	}
}

// TestLexiconCompiles guards every built-in pattern, including the ones
// New would only reject at start-up.
func TestLexiconCompiles(t *testing.T) {
	n := 0
	for _, lx := range lexicons() {
		if !known(lx.trigger) {
			t.Errorf("lexicon for unknown trigger %q", lx.trigger)
		}
		for _, c := range lx.cues {
			if c.w <= 0 || c.w > 1 {
				t.Errorf("%s: weight %v out of range", lx.trigger, c.w)
			}
			for _, src := range c.p {
				if _, err := compilePattern(src, 0); err != nil {
					t.Error(err)
				}
				n++
			}
		}
	}
	if n < 300 {
		t.Errorf("only %d cue patterns", n)
	}
}
