package redact

import (
	"fmt"
	"testing"
)

// checkRescan redacts text as Redact does and, when the scan of the result
// is made from the scan of text, checks it against reading the result
// afresh. It reports whether it was made so.
func checkRescan(t *testing.T, r *Redactor, text string) bool {
	t.Helper()
	if text == "" {
		return false
	}
	s, n := scanText(text)
	defer s.release()
	found := r.findIn(s, n)
	if len(found) == 0 {
		return false
	}
	found = withEchoes(text, found)
	out, labels, _ := replaceFindings(text, found, NewPlaceholders(), nil, nil)
	d, dn, ok := s.rescan(text, out, found, labels, n)
	if !ok {
		return false
	}
	defer d.release()
	f, fn := scanText(out)
	defer f.release()
	switch {
	case d.text != f.text || dn.text != fn.text:
		t.Fatalf("%q: rescan text %q, fresh %q", text, d.text, f.text)
	case d.lower != f.lower:
		t.Fatalf("%q: rescan lower %q, fresh %q", text, d.lower, f.lower)
	case d.caseless != f.caseless || d.has != f.has || d.marks != f.marks:
		t.Fatalf("%q: rescan caseless %v has %b marks %b, fresh %v %b %b", text, d.caseless, d.has, d.marks,
			f.caseless, f.has, f.marks)
	case fmt.Sprint(d.words) != fmt.Sprint(f.words):
		t.Fatalf("%q: rescan words %v, fresh %v", text, d.words, f.words)
	}
	for k := range d.words {
		if d.lex(k) != f.lex(k) {
			t.Fatalf("%q: word %q has flags %b, fresh %b", out, d.tw(k), d.lex(k), f.lex(k))
		}
	}
	if r.anyIn(d, dn) != r.findsAny(out) {
		t.Fatalf("%q: rescan and fresh reading disagree", out)
	}
	return true
}

// TestRescanIsFreshScan checks the scans made from the scan before the
// replacements on the support corpus, where most are.
func TestRescanIsFreshScan(t *testing.T) {
	msgs, _ := loadCorpus(t)
	r := New(Options{})
	made, redacted := 0, 0
	for _, m := range msgs {
		if len(r.Find(m)) > 0 {
			redacted++
		}
		if checkRescan(t, r, m) {
			made++
		}
	}
	t.Logf("made from the first scan for %d of %d redacted texts", made, redacted)
	if made < redacted/2 {
		t.Errorf("the scan was made from the first one for %d of %d redacted texts", made, redacted)
	}
}

// FuzzRescan checks the scans made from the scan before the replacements
// on any input.
func FuzzRescan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		checkRescan(t, r, text)
	})
}
