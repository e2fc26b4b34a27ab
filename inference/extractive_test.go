package inference

import (
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/retrieval/search"
)

func TestExtractiveAnswerHeading(t *testing.T) {
	for _, tt := range []struct {
		heading, want string
	}{
		{"Payment methods", "Payment methods:\n"},
		{"Does a return cost anything?", "Does a return cost anything?\n"},
		{"退货运费要钱吗？", "退货运费要钱吗？\n"},
		{"Note:", "Note:\n"},
		{"", "Intro\n\nWe ship"},
	} {
		p := search.Passage{Lang: "en", Heading: tt.heading, Text: "We ship on weekdays."}
		got := extractiveAnswer("en", "when do you ship", []search.Passage{p}, "Intro")
		if !strings.Contains(got, tt.want) || !strings.HasSuffix(got, "We ship on weekdays. [1]") {
			t.Errorf("heading %q: answer %q, want it to hold %q", tt.heading, got, tt.want)
		}
	}
}
