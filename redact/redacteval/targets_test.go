package redacteval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/redact"
)

// structured are the gold types of identifiers with a fixed form.
var structured = map[string]bool{
	"EMAIL": true, "PHONE": true, "CREDIT_CARD": true, "IBAN": true, "IP_ADDRESS": true, "URL": true,
	"DK_CPR": true, "CN_RESIDENT_ID": true, "MY_NRIC": true, "HK_ID": true, "TW_ID": true, "US_SSN": true,
	"UK_NINO": true, "DATE_OF_BIRTH": true,
}

// TestMultilingualTargets holds the redactor to the project's targets on
// its own multilingual sets (the tuning set and the held-out one): span
// recall of at least 0.98 for every structured identifier, 0.85 for
// names, 0.80 for addresses, and at most one spurious finding per 20
// messages.
func TestMultilingualTargets(t *testing.T) {
	for _, name := range []string{"multilingual.json", "multilingual_holdout.json"} {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(filepath.Join("..", "..", "testdata", "redact", name))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			samples, err := Load(f)
			if err != nil {
				t.Fatal(err)
			}
			rep := Evaluate(samples, Redacted(redact.New(redact.Options{})), Options{})
			var out bytes.Buffer
			if err := WriteText(&out, rep, 10); err != nil {
				t.Fatal(err)
			}
			t.Log("\n" + out.String())
			for _, ts := range rep.Types {
				var want float64
				switch {
				case structured[ts.Type]:
					want = 0.98
				case ts.Type == "PERSON":
					want = 0.85
				case ts.Type == "ADDRESS":
					want = 0.80
				default:
					continue
				}
				if ts.SpanRecall < want {
					t.Errorf("%s span recall %.3f, want at least %.2f", ts.Type, ts.SpanRecall, want)
				}
			}
			if rep.Total.SpuriousPer20 > 1 {
				t.Errorf("%.2f spurious findings per 20 messages, want at most 1", rep.Total.SpuriousPer20)
			}
			if !strings.Contains(out.String(), "token F2") {
				t.Errorf("text report lacks the F2 line")
			}
		})
	}
}
