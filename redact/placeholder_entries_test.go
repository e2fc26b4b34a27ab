package redact

import "testing"

// TestPlaceholdersSurviveAsEntries: a mapping kept as entries and put
// back numbers the next values as the first would have, and restores the
// same values.
func TestPlaceholdersSurviveAsEntries(t *testing.T) {
	r := New(Options{})
	first := NewPlaceholders()
	r.Redact("mail me at ann@example.com or call +45 20 12 34 56", first)
	kept := first.Entries(0)
	if len(kept) != 2 || kept[0].Label != "<EMAIL_1>" || kept[0].Value != "ann@example.com" {
		t.Fatalf("entries = %+v", kept)
	}
	again := NewPlaceholders()
	again.Add(kept...)
	res := r.Redact("it is ANN@example.com, and bob@example.com too", again)
	if res.Text != "it is <EMAIL_1>, and <EMAIL_2> too" {
		t.Fatalf("after restoring: %q", res.Text)
	}
	if got := again.Restore("<PHONE_1>"); got != "+45 20 12 34 56" {
		t.Fatalf("restore = %q", got)
	}
	if n := len(again.Entries(2)); n != 1 {
		t.Fatalf("entries added by the second message = %d", n)
	}
	again.Add(kept...) // adding twice changes nothing
	if again.Len() != 3 {
		t.Fatalf("len = %d", again.Len())
	}
}
