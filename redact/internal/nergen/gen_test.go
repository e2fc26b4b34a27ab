package nergen

import (
	"os"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	fsys := os.DirFS("../../names")
	a := Generate(1, 500, fsys)
	b := Generate(1, 500, fsys)
	if len(a) != 500 {
		t.Fatalf("%d messages", len(a))
	}
	names, langs := 0, map[string]int{}
	for i, m := range a {
		if m.Text != b[i].Text {
			t.Fatalf("message %d differs between two runs with one seed", i)
		}
		if strings.ContainsAny(m.Text, "{}") {
			t.Errorf("unfilled slot in %q", m.Text)
		}
		langs[m.Lang]++
		prev := 0
		for _, sp := range m.Names {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(m.Text) {
				t.Fatalf("bad span %+v in %q", sp, m.Text)
			}
			prev = sp.End
			names++
		}
	}
	if names < 300 || len(langs) != 4 {
		t.Errorf("%d names, languages %v", names, langs)
	}
	if Generate(2, 50, fsys)[0].Text == a[0].Text && Generate(2, 50, fsys)[1].Text == a[1].Text {
		t.Error("another seed gives the same messages")
	}
}
