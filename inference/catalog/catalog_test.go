package catalog

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
)

var placeholderRE = regexp.MustCompile(`\{[a-z_]+\}`)

// TestEveryLanguageHasEverySentence: the catalogue of each language has
// exactly the English keys, no empty sentence, and the same placeholders.
func TestEveryLanguageHasEverySentence(t *testing.T) {
	en := texts[lang.English]
	for _, tag := range lang.Supported() {
		m := texts[tag]
		for k, s := range en {
			got, ok := m[k]
			switch {
			case !ok:
				t.Errorf("%s: no %q", tag, k)
			case strings.TrimSpace(got) == "":
				t.Errorf("%s: %q is empty", tag, k)
			case !slices.Equal(sortedPlaceholders(got), sortedPlaceholders(s)):
				t.Errorf("%s: %q has placeholders %v, English %v", tag, k, sortedPlaceholders(got), sortedPlaceholders(s))
			}
		}
		for k := range m {
			if _, ok := en[k]; !ok {
				t.Errorf("%s: %q is not in the English catalogue", tag, k)
			}
		}
	}
}

func sortedPlaceholders(s string) []string {
	p := placeholderRE.FindAllString(s, -1)
	slices.Sort(p)
	return p
}

// TestReasonsExplained: every reason code has a reviewer's sentence, and
// every reason a person takes over for has a customer's sentence.
func TestReasonsExplained(t *testing.T) {
	for _, r := range decision.Reasons() {
		if !Has(Reason(r)) {
			t.Errorf("no reviewer sentence for %s", r)
		}
	}
	for _, r := range []decision.Reason{decision.PersonRequested, decision.Anger, decision.Complaint, decision.LegalThreat,
		decision.SelfHarm, decision.Bereavement, decision.FinancialHardship, decision.Health, decision.DataAccessRequest,
		decision.DataErasureRequest, decision.PromptInjection, decision.RepeatedFailure} {
		if !Has(Handoff(r)) {
			t.Errorf("no customer sentence for %s", r)
		}
	}
}

func TestTextFallsBack(t *testing.T) {
	if Text("fr", Disclosure) != Text(lang.English, Disclosure) {
		t.Error("an unknown language does not fall back to English")
	}
	if Text(lang.Danish, "no.such.key") != "no.such.key" {
		t.Error("an unknown key")
	}
	if got := Textf(lang.English, ErrorTooLong, "max", "4000"); !strings.Contains(got, "4000") || strings.Contains(got, "{max}") {
		t.Errorf("Textf = %q", got)
	}
}

func TestClient(t *testing.T) {
	c := Client(lang.Danish)
	if c["person"] == "" || c["disclosure"] != Text(lang.Danish, Disclosure) {
		t.Errorf("client sentences: %v", c)
	}
	if _, ok := c["answer.abstain"]; ok {
		t.Error("server-only sentence in the client's")
	}
	if Version() == "" {
		t.Error("no version")
	}
}

func TestDate(t *testing.T) {
	day := time.Date(2027, time.January, 7, 23, 0, 0, 0, time.UTC)
	for l, want := range map[lang.Tag]string{
		lang.English: "7 January 2027", lang.Danish: "7. januar 2027", lang.Malay: "7 Januari 2027",
		lang.ChineseSimplified: "2027年1月7日", lang.ChineseTraditional: "2027年1月7日",
	} {
		if got := Date(l, day); got != want {
			t.Errorf("Date(%s) = %q, want %q", l, got, want)
		}
	}
}
