package redact

import (
	"reflect"
	"testing"
)

func TestResolve(t *testing.T) {
	text := "abcdefghijklmnopqrstuvwxyz"
	f := func(typ Type, s, e int, score float64) Finding {
		return Finding{Type: typ, Start: s, End: e, Score: score}
	}
	tests := []struct {
		name string
		in   []Finding
		want []Finding
	}{
		{"below minimum dropped", []Finding{f(Phone, 0, 5, 0.4)}, []Finding{}},
		{"disjoint kept in order", []Finding{f(Email, 10, 12, 0.9), f(Phone, 0, 5, 0.9)},
			[]Finding{f(Phone, 0, 5, 0.9), f(Email, 10, 12, 0.9)}},
		{"higher score wins", []Finding{f(Phone, 0, 6, 0.7), f(CreditCard, 2, 8, 0.9)}, []Finding{f(CreditCard, 2, 8, 0.9)}},
		{"structured before prose, prose keeps its outside", []Finding{f(Address, 0, 20, 0.95), f(Phone, 5, 10, 0.6)},
			[]Finding{f(Address, 0, 5, 0.95), f(Phone, 5, 10, 0.6), f(Address, 10, 20, 0.95)}},
		{"name inside a longer address gives way", []Finding{f(Person, 4, 8, 0.9), f(Address, 0, 12, 0.7)},
			[]Finding{f(Address, 0, 12, 0.7)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resolve(text, append([]Finding(nil), tt.in...), 0.5)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("resolve = %+v\nwant      %+v", got, tt.want)
			}
		})
	}
}

// TestResolveManyFindings guards against work that grows with the square
// of the number of findings.
func TestResolveManyFindings(t *testing.T) {
	var found []Finding
	text := make([]byte, 40000)
	for i := range text {
		text[i] = 'a'
	}
	for i := 0; i+3 < len(text); i += 4 {
		found = append(found, Finding{Type: Person, Start: i, End: i + 3, Score: 0.9},
			Finding{Type: Person, Start: i + 1, End: i + 2, Score: 0.8})
	}
	got := resolve(string(text), found, 0.5)
	if len(got) != len(text)/4 {
		t.Fatalf("resolve kept %d findings, want %d", len(got), len(text)/4)
	}
}

func TestResolveTrimsLeftovers(t *testing.T) {
	text := "nama nurul binti hamdan ye"
	found := []Finding{
		{Type: Person, Start: 5, End: 23, Score: 0.9},  // nurul binti hamdan
		{Type: Person, Start: 17, End: 26, Score: 0.6}, // hamdan ye
	}
	got := resolve(text, found, 0.5)
	if len(got) != 2 || text[got[1].Start:got[1].End] != "ye" {
		var vs []string
		for _, f := range got {
			vs = append(vs, text[f.Start:f.End])
		}
		t.Errorf("resolve = %q, want the leftover %q without its space", vs, "ye")
	}
}
