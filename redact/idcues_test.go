package redact

import (
	"slices"
	"testing"
)

// TestCuedIDs: an identity number of a country whose rules the package
// does not check is found by the word before it; a number after a word of
// a country whose rules it checks, failing them, is not, nor a number
// after other words.
func TestCuedIDs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a CPF", "the invoice was issued with my CPF 386.417.205-53 please fix", []string{"386.417.205-53"}},
		{"a KTP after its number word", "KTP number 3174054708920003, please verify", []string{"3174054708920003"}},
		{"a NIC with its letter", "NIC 852671234V", []string{"852671234V"}},
		{"an Aadhaar in groups", "my eKYC failed. Aadhaar 7392 6418 0523 was rejected", []string{"7392 6418 0523"}},
		{"a Ghana Card", "registration failed twice. Ghana Card GHA-713492085-6.", []string{"GHA-713492085-6"}},
		{"a CURP after a colon", "you asked for my CURP: GOML870315MJCNRS04", []string{"GOML870315MJCNRS04"}},
		{"a PPS number ending in a letter", "PPS number 4829173O", []string{"4829173O"}},
		{"an order id stays", "order id 12345678 has not shipped", nil},
		{"a word inside another stays", "the music 1234567 track", nil},
		{"too few digits stay", "my NIC 12345 is old", nil},
		{"a CPR failing its rules stays", "Jeg skrev forkert CPR: 490493-4983 er ikke mit nummer", nil},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[NationalID]
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Find(%q)[NATIONAL_ID] = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}
