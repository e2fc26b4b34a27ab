package policy

import (
	"strings"
	"testing"
)

func TestReasonsAndMessages(t *testing.T) {
	all := append(Triggers(), RepeatedFailure)
	seen := map[string]bool{}
	for _, tr := range all {
		r := Reason(tr)
		if r == "" || seen[r] || !strings.HasSuffix(r, ".") {
			t.Errorf("Reason(%s) = %q: empty, repeated or not a sentence", tr, r)
		}
		seen[r] = true
		for _, lang := range []string{"en", "da", "zh-Hans", "zh-Hant", "ms"} {
			m, ok := customerMessages[lang][tr]
			if !ok || m == "" {
				t.Errorf("no %s customer message for %s", lang, tr)
			}
			if lang != "en" && m == customerMessages["en"][tr] {
				t.Errorf("%s message for %s is the English one", lang, tr)
			}
		}
	}
	if Reason("nonsense") == "" {
		t.Error("Reason of an unknown trigger is empty")
	}
	if CustomerMessage("nonsense", "da") != customerMessages["da"][PersonRequested] {
		t.Error("unknown trigger does not fall back to the person hand-off")
	}
	if !strings.Contains(CustomerMessage(SelfHarm, "en"), "112") {
		t.Error("self-harm message does not point to an emergency number")
	}
	if !strings.Contains(CustomerMessage(DataErasureRequest, "en"), "privacy team") {
		t.Error("erasure message does not name the privacy team")
	}
}

func TestMessageLang(t *testing.T) {
	tests := map[string]string{
		"": "en", "en": "en", "en-GB": "en", "fr": "en", "da": "da", "da-DK": "da", "nb": "da",
		"ms": "ms", "ms-MY": "ms", "zh": "zh-Hans", "zh-Hans": "zh-Hans", "zh-CN": "zh-Hans",
		"zh-Hant": "zh-Hant", "zh-TW": "zh-Hant", "zh_HK": "zh-Hant",
	}
	for in, want := range tests {
		if got := messageLang(in); got != want {
			t.Errorf("messageLang(%q) = %q, want %q", in, got, want)
		}
	}
}
