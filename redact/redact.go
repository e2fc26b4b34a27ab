package redact

import (
	"sort"
	"strings"
)

// Type names a kind of personal data. The names appear in placeholders, in
// findings and in audit counts; they never change meaning once published.
type Type string

// The types this package detects.
const (
	Email        Type = "EMAIL"
	Phone        Type = "PHONE"
	CreditCard   Type = "CREDIT_CARD"
	IBAN         Type = "IBAN"
	IPAddress    Type = "IP_ADDRESS"
	URL          Type = "URL"
	DKCPR        Type = "DK_CPR"
	CNResidentID Type = "CN_RESIDENT_ID"
	MYNRIC       Type = "MY_NRIC"
	HKID         Type = "HK_ID"
	TWID         Type = "TW_ID"
	USSSN        Type = "US_SSN"
	UKNINO       Type = "UK_NINO"
	DateOfBirth  Type = "DATE_OF_BIRTH"
	Address      Type = "ADDRESS"
	Person       Type = "PERSON"
)

// Finding is one piece of personal data found in a text.
type Finding struct {
	Type Type `json:"type"`
	// Start and End are UTF-8 byte offsets into the original text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Score is the detector's confidence, between 0 and 1.
	Score float64 `json:"score"`

	// canon is the value in a canonical form (digits only, lower case ...),
	// used to give equal values the same placeholder. Never exported.
	canon string
}

// Options configures a Redactor. The zero value is usable.
type Options struct {
	// MinScore is the lowest score a finding needs to be reported.
	// Default 0.5.
	MinScore float64
	// Allow lists values that are never personal data here, such as the
	// organisation's own published e-mail addresses and phone numbers.
	// Matching ignores case, spaces and punctuation.
	Allow []string
}

// Redactor finds and replaces personal data. It is safe for concurrent use.
type Redactor struct {
	minScore float64
	allow    map[string]bool
}

// New returns a Redactor with the given options.
func New(opts Options) *Redactor {
	if opts.MinScore <= 0 {
		opts.MinScore = 0.5
	}
	r := &Redactor{minScore: opts.MinScore, allow: make(map[string]bool)}
	for _, v := range opts.Allow {
		if k := allowKey(v); k != "" {
			r.allow[k] = true
		}
	}
	return r
}

// allowKey reduces a value to lower-case letters and digits, so that an
// allowed phone number matches however it is spaced.
func allowKey(v string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(normalize(v).text) {
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '@' || c > 0x7f {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Find returns the personal data in text, sorted by position and not
// overlapping.
func (r *Redactor) Find(text string) []Finding {
	if text == "" {
		return nil
	}
	n := normalize(text)
	s := &scan{text: n.text}
	detectEmails(s)
	detectIPs(s)
	detectIBANs(s)
	detectNumbers(s)
	found := resolve(s.found, r.minScore)
	out := found[:0]
	for _, f := range found {
		if len(r.allow) > 0 && r.allow[allowKey(n.text[f.Start:f.End])] {
			continue
		}
		f.Start, f.End = n.origStart(f.Start), n.origEnd(f.End)
		out = append(out, f)
	}
	return out
}

// Result is the outcome of redacting one text.
type Result struct {
	// Text is the input with every finding replaced by its placeholder.
	Text     string
	Findings []Finding
}

// Counts returns how many findings of each type the result holds.
func (res Result) Counts() map[Type]int {
	if len(res.Findings) == 0 {
		return nil
	}
	m := make(map[Type]int)
	for _, f := range res.Findings {
		m[f.Type]++
	}
	return m
}

// Redact replaces the personal data in text with placeholders. When ph is
// nil each call numbers its placeholders afresh; pass the conversation's
// Placeholders to keep them stable across messages.
func (r *Redactor) Redact(text string, ph *Placeholders) Result {
	found := r.Find(text)
	if len(found) == 0 {
		return Result{Text: text}
	}
	if ph == nil {
		ph = NewPlaceholders()
	}
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, f := range found {
		b.WriteString(text[last:f.Start])
		b.WriteString(ph.label(f.Type, f.canon, text[f.Start:f.End]))
		last = f.End
	}
	b.WriteString(text[last:])
	return Result{Text: b.String(), Findings: found}
}

// scan is the state shared by the detectors during one Find.
type scan struct {
	text  string
	found []Finding
}

func (s *scan) add(t Type, start, end int, score float64, canon string) {
	s.found = append(s.found, Finding{Type: t, Start: start, End: end, Score: score, canon: canon})
}

// resolve keeps, among overlapping findings, the one with the highest score
// (then the longest, then the earliest), and drops those below min.
func resolve(found []Finding, min float64) []Finding {
	cands := found[:0]
	for _, f := range found {
		if f.Score >= min && f.End > f.Start {
			cands = append(cands, f)
		}
	}
	if len(cands) < 2 {
		return cands
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
			return la > lb
		}
		return a.Start < b.Start
	})
	kept := make([]Finding, 0, len(cands))
	for _, f := range cands {
		overlaps := false
		for _, k := range kept {
			if f.Start < k.End && k.Start < f.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, f)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
	return kept
}
