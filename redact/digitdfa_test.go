package redact

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// TestDigitDFAMatchesRegexp checks the automata against the regexp
// package on the patterns of every numbering plan, for digit strings of
// every length a phone number has, random and taken from the plans' own
// example numbers.
func TestDigitDFAMatchesRegexp(t *testing.T) {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	patterns, compiled := 0, 0
	for _, m := range coll.GetMetadata() {
		for _, d := range []*phonenumbers.PhoneNumberDesc{m.GetGeneralDesc(), m.GetFixedLine(), m.GetMobile(),
			m.GetTollFree(), m.GetPremiumRate(), m.GetVoip()} {
			if d == nil || d.GetNationalNumberPattern() == "" {
				continue
			}
			pattern := "^(?:" + d.GetNationalNumberPattern() + ")$"
			re := regexp.MustCompile(pattern)
			dfa := compileDigitDFA(pattern)
			patterns++
			if dfa == nil {
				continue
			}
			compiled++
			inputs := []string{"", d.GetExampleNumber()}
			for range 200 {
				var b strings.Builder
				for range rng.IntN(18) {
					b.WriteByte(byte('0' + rng.IntN(10)))
				}
				inputs = append(inputs, b.String())
			}
			// Mutations of the example reach the pattern's edges.
			if ex := d.GetExampleNumber(); ex != "" {
				for i := range len(ex) {
					for c := byte('0'); c <= '9'; c++ {
						inputs = append(inputs, ex[:i]+string(c)+ex[i+1:], ex[:i]+ex[i+1:], ex[:i]+string(c)+ex[i:])
					}
				}
			}
			for _, in := range inputs {
				got, ok := dfa.match(in)
				if !ok {
					t.Fatalf("%s: match(%q) not decided", m.GetId(), in)
				}
				if want := re.MatchString(in); got != want {
					t.Fatalf("%s %q: dfa says %v for %q, regexp %v", m.GetId(), pattern, got, in, want)
				}
			}
		}
	}
	t.Logf("%d of %d patterns compiled", compiled, patterns)
	if compiled < patterns*9/10 {
		t.Errorf("only %d of %d patterns compiled to automata", compiled, patterns)
	}
	if _, ok := compileDigitDFA(`^\d+$`).match("12a"); ok {
		t.Errorf("a letter must leave the decision to the regexp")
	}
}
