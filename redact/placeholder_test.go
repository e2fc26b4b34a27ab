package redact

import (
	"fmt"
	"testing"
)

func TestPlaceholdersManyValues(t *testing.T) {
	ph := NewPlaceholders()
	// More values than the linear scan handles, so the indexes are used.
	for i := range 30 {
		l := ph.label(Email, fmt.Sprintf("u%d@example.com", i), fmt.Sprintf("U%d@example.com", i))
		if want := fmt.Sprintf("<EMAIL_%d>", i+1); l != want {
			t.Fatalf("value %d labelled %s, want %s", i, l, want)
		}
	}
	if l := ph.label(Email, "u7@example.com", "u7@EXAMPLE.com"); l != "<EMAIL_8>" {
		t.Fatalf("repeated value labelled %s, want <EMAIL_8>", l)
	}
	if l := ph.label(Phone, "+4520123456", "20 12 34 56"); l != "<PHONE_1>" {
		t.Fatalf("first phone labelled %s", l)
	}
	if ph.Len() != 31 {
		t.Fatalf("Len = %d, want 31", ph.Len())
	}
	if got := ph.Restore("mail <EMAIL_25>, call <PHONE_1>, not <EMAIL_99>"); got != "mail U24@example.com, call 20 12 34 56, not <EMAIL_99>" {
		t.Fatalf("Restore = %q", got)
	}
}

func TestRemovePlaceholders(t *testing.T) {
	if got := RemovePlaceholders("return <PERSON_1>'s chair to <ADDRESS_12> <not one>"); got != "return  's chair to   <not one>" {
		t.Fatalf("RemovePlaceholders = %q", got)
	}
}

func TestPlaceholderAt(t *testing.T) {
	for _, tt := range []struct {
		s    string
		typ  Type
		size int
	}{
		{"<PERSON_1> here", Person, 10},
		{"<EMAIL_12>", Email, 10},
		{"<person_1>", "", 0},
		{"<PERSON_>", "", 0},
		{"< 3", "", 0},
		{"hi <PERSON_1>", "", 0},
	} {
		if typ, n := PlaceholderAt(tt.s); typ != tt.typ || n != tt.size {
			t.Errorf("PlaceholderAt(%q) = %q, %d; want %q, %d", tt.s, typ, n, tt.typ, tt.size)
		}
	}
}
