package policy

import (
	"strings"
	"testing"
)

func TestHelpLinesAreTheOnesInTheMessages(t *testing.T) {
	var all strings.Builder
	for _, msgs := range customerMessages {
		for _, m := range msgs {
			all.WriteString(m)
		}
	}
	for _, n := range HelpLines() {
		if !strings.Contains(all.String(), n) {
			t.Errorf("help line %q appears in no message", n)
		}
	}
}
