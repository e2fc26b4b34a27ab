package redact

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestOwnNumbering checks that a text redacted without Placeholders is
// numbered as a new Placeholders numbers it.
func TestOwnNumbering(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	types := []Type{Email, Phone, Person}
	for range 2000 {
		var own ownNumbering
		ph := NewPlaceholders()
		for range rng.IntN(12) {
			typ := types[rng.IntN(len(types))]
			canon, value := fmt.Sprint(rng.IntN(4)), fmt.Sprint("v", rng.IntN(4))
			if rng.IntN(3) == 0 {
				canon = ""
			}
			got, ok := own.label(typ, canon, value)
			want := ph.label(typ, canon, value)
			if !ok {
				if ph.Len() <= len(own.keys) {
					t.Fatalf("own numbering full at %d values", ph.Len())
				}
				break
			}
			if got != want {
				t.Fatalf("own label %s, Placeholders %s", got, want)
			}
		}
	}
}

// TestReplacementsMapBack checks that the replacements replaceFindings
// makes are the ones replacementsOf reports.
func TestReplacementsMapBack(t *testing.T) {
	text := "call 20 12 34 56 or mail a@b.dk, or 20 12 34 56 again"
	found := []Finding{{Type: Phone, Start: 5, End: 16, canon: "+4520123456"}, {Type: Email, Start: 25, End: 31},
		{Type: Phone, Start: 36, End: 47, canon: "+4520123456"}}
	ph := NewPlaceholders()
	out, _, ok := replaceFindings(text, found, ph, nil, nil)
	if !ok || out != "call <PHONE_1> or mail <EMAIL_1>, or <PHONE_1> again" {
		t.Fatalf("replaceFindings = %q, %v", out, ok)
	}
	for _, r := range replacementsOf(text, found, ph) {
		if got := out[r.at : r.at+r.n]; got[0] != '<' || got[len(got)-1] != '>' {
			t.Errorf("replacement %+v points at %q", r, got)
		}
	}
}
