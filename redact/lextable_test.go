package redact

import (
	"fmt"
	"testing"
)

// TestWordTable checks the table against the map it is made from: every
// word is found with its flags, and words that are not there (among them
// prefixes, extensions and near misses of those that are) are not.
func TestWordTable(t *testing.T) {
	m := map[string]lexFlags{}
	for i := range 3000 {
		m[fmt.Sprintf("w%d", i)] = lexFlags(i%7 + 1)
		m[fmt.Sprintf("longerword%dname", i)] = lexFlags(i%5 + 1)
	}
	m["a"], m["abcdefgh"], m["abcdefghi"], m["ø"] = lxGiven, lxSurname, lxStop, lxCommon
	tab := newWordTable(m)
	for w, f := range m {
		if got := tab.get(w); got != f {
			t.Fatalf("get(%q) = %v, want %v", w, got, f)
		}
		for _, miss := range []string{w + "x", w[:len(w)-1] + "#", "x" + w} {
			if _, ok := m[miss]; !ok && tab.get(miss) != 0 {
				t.Fatalf("get(%q) = %v for a word not in the table", miss, tab.get(miss))
			}
		}
	}
	if tab.get("") != 0 || tab.get("abcdefg") != 0 || tab.get("abcdefghij") != 0 {
		t.Fatal("found a word not in the table")
	}
}
