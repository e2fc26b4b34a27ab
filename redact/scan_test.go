package redact

import (
	"fmt"
	"testing"
)

// TestFindingsOutliveTheScan checks that what Find returns does not share
// memory with the buffers the next scans reuse: the canonical values of
// the first text's findings (which name the placeholders of a
// conversation) must stay as they were while other texts are read.
func TestFindingsOutliveTheScan(t *testing.T) {
	texts := []string{
		"Hi, my name is Olivia Pemberton; mail OLIVIA@Example.com, call +45 20 12 34 56.",
		"收件人：欧阳娜娜，電話：０９１２３４５６７８，身份证 11010519491231002X",
		"card 4111 1111 1111 1111, IBAN DK50 0040 0440 1162 43, CPR 070761-4285",
		"ＳＳＮ ０７８-０５-１１２０ and ｍａｉｌ：ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ from Ａａｒｈｕｓ",
		"Best regards,\nTamsin Ashcroft\n14 Kingsley Road, Leeds LS6 2AB",
	}
	r := New(Options{})
	var kept [][]Finding
	var want []string
	for _, text := range texts {
		found := r.Find(text)
		if len(found) == 0 {
			t.Fatalf("Find(%q) found nothing", text)
		}
		kept = append(kept, found)
		want = append(want, fmt.Sprint(found))
	}
	for range 3 {
		for _, text := range texts {
			r.Redact(text+" "+text, nil)
		}
	}
	for i, found := range kept {
		if got := fmt.Sprint(found); got != want[i] {
			t.Errorf("findings of %q changed:\n was %s\n now %s", texts[i], want[i], got)
		}
	}
}
