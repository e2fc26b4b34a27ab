package triage

import (
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
)

func TestHelpLinesAreTheOnesInTheMessages(t *testing.T) {
	var all strings.Builder
	for _, l := range lang.Supported() {
		for _, tr := range append(Triggers(), RepeatedFailure) {
			all.WriteString(catalog.Text(l, catalog.Handoff(tr)))
		}
	}
	for _, n := range HelpLines() {
		if !strings.Contains(all.String(), n) {
			t.Errorf("help line %q appears in no message", n)
		}
	}
}

// TestCustomerSentences: what the customer reads on the gravest triggers
// points to help.
func TestCustomerSentences(t *testing.T) {
	if !strings.Contains(catalog.Text(lang.English, catalog.Handoff(SelfHarm)), "112") {
		t.Error("self-harm message does not point to an emergency number")
	}
	if !strings.Contains(catalog.Text(lang.English, catalog.Handoff(DataErasureRequest)), "privacy team") {
		t.Error("erasure message does not name the privacy team")
	}
}
