package letter

import (
	"slices"
	"strings"
	"testing"
)

// joined is s without its spaces: lines break where spaces were.
func joined(s string) string { return strings.Join(strings.Fields(s), "") }

func newSetter(t *testing.T) *setter {
	t.Helper()
	latin, err := latinFaces()
	if err != nil {
		t.Fatal(err)
	}
	return &setter{latin: latin}
}

func TestUnits(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string // each unit, "_" after one a space follows
	}{
		{"Hello  world ", []string{"Hello_", "world"}},
		{"  Hej på dig", []string{"Hej_", "på_", "dig"}},
		{"你好，我想退货。", []string{"你", "好，", "我", "想", "退", "货。"}},
		{"我的邮箱是 [电子邮箱]。", []string{"我", "的", "邮", "箱", "是_", "[电", "子", "邮", "箱]。"}},
		{"（已无法读取）", []string{"（已", "无", "法", "读", "取）"}},
		{"Larkspur Home 持有的", []string{"Larkspur_", "Home_", "持", "有", "的"}},
		{"2026年4月14日", []string{"2026", "年", "4", "月", "14", "日"}},
		{"a\u00a0b", []string{"a\u00a0b"}},
		{"", nil},
	} {
		var got []string
		for _, u := range units(tt.text) {
			s := string(u.runes)
			if u.space {
				s += "_"
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("units(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLines: lines keep within the width, break Latin at spaces and
// Chinese anywhere but before a closing mark, and lose no character.
func TestLines(t *testing.T) {
	s := newSetter(t)
	for _, tt := range []struct {
		name, text string
		width      float64
		lines      int // 0: any number over one
	}{
		{"short", "Side 1 af 2", 100, 1},
		{"danish", strings.Repeat("Jeg bor på Østerbrogade i København. ", 8), 80, 0},
		{"chinese", strings.Repeat("您可以在收货后三十天内退货，请在订单页面发起退货。", 6), 60, 0},
		{"mixed", strings.Repeat("Larkspur Home 持有的关于您的数据 ", 6), 50, 0},
		{"a word wider than the line", strings.Repeat("x", 200), 40, 0},
		{"line breaks kept, blank lines once", "one\n\n\n\ntwo\nthree", 100, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ls := s.lines(tt.text, 11, false, tt.width)
			if tt.lines > 0 && len(ls) != tt.lines || tt.lines == 0 && len(ls) < 2 {
				t.Fatalf("%d lines", len(ls))
			}
			var all strings.Builder
			for i, l := range ls {
				if l.width > tt.width+1e-9 {
					t.Errorf("line %d is %.1f mm wide, over %.0f", i, l.width, tt.width)
				}
				var text strings.Builder
				for _, r := range l.runs {
					text.WriteString(r.text)
				}
				if rs := []rune(text.String()); i > 0 && len(rs) > 0 && strings.ContainsRune("，。、）」", rs[0]) {
					t.Errorf("line %d starts with a closing mark: %q", i, text.String())
				}
				if strings.HasPrefix(text.String(), " ") || strings.HasSuffix(text.String(), " ") {
					t.Errorf("line %d has a space at an end: %q", i, text.String())
				}
				all.WriteString(text.String())
			}
			if joined(all.String()) != joined(tt.text) {
				t.Errorf("lines say %q, want %q", all.String(), tt.text)
			}
		})
	}
}

// TestFontsPerCharacter: a line mixing Danish and Chinese is set in runs
// of the font that has each character, and characters that neither has
// (past the Basic Multilingual Plane) are set as U+FFFD.
func TestFontsPerCharacter(t *testing.T) {
	s := newSetter(t)
	ls := s.lines("Tak, Søren 谢谢 😀!", 11, true, 170)
	if len(ls) != 1 {
		t.Fatalf("%d lines", len(ls))
	}
	var got []string
	for _, r := range ls[0].runs {
		got = append(got, r.face.family+r.face.style+":"+r.text)
	}
	want := []string{"goB:Tak, Søren ", "han:谢谢", "goB: \uFFFD!"}
	if !slices.Equal(got, want) {
		t.Errorf("runs = %q, want %q", got, want)
	}
}
