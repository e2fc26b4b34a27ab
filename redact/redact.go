package redact

import (
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
	// Location is a place a person says they live in or come from: "I'm
	// from Aarhus", "saya tinggal di Ipoh". Where they are for now ("I'm
	// in Leeds") scores below the default threshold.
	Location Type = "LOCATION"
	// DriverLicense and Passport are document numbers, recognised by the
	// words before them.
	DriverLicense Type = "DRIVER_LICENSE"
	Passport      Type = "PASSPORT"
	// NationalID is an identity number of a country whose rules this
	// package does not check, recognised by the word before it (CPF,
	// PESEL, NIC, Aadhaar).
	NationalID Type = "NATIONAL_ID"
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
	// AllowDomains lists the organisation's own domains
	// ("larkspur.example"): an e-mail address or a link at one of them,
	// or at a subdomain, is the organisation's, not personal data.
	AllowDomains []string
	// Names, when set, is asked for the person names in a text by
	// RedactContext, on top of the rules. Default nil: no model is used.
	Names NameModel
	// Organisation lists the organisation's own names ("Larkspur
	// Home"): never a person's. A customer greeting the company by the
	// first word of its name ("Hello Larkspur,") greets no one; that
	// word is kept unless a name list holds it ("John" of "John Lewis"
	// may still be a person).
	Organisation []string
}

// Redactor finds and replaces personal data. It is safe for concurrent use.
type Redactor struct {
	minScore float64
	allow    map[string]bool
	domains  []string // lower case, without a leading @ or dot
	names    NameModel
}

// New returns a Redactor with the given options.
func New(opts Options) *Redactor {
	if opts.MinScore <= 0 {
		opts.MinScore = 0.5
	}
	r := &Redactor{minScore: opts.MinScore, allow: make(map[string]bool), names: opts.Names}
	for _, v := range opts.Allow {
		if k := allowKey(v); k != "" {
			r.allow[k] = true
		}
	}
	for _, name := range opts.Organisation {
		if k := allowKey(name); k != "" {
			r.allow[k] = true
		}
		if first, _, _ := strings.Cut(strings.TrimSpace(name), " "); first != "" {
			if f := lexTable.get(strings.ToLower(first)); f&(lxGiven|lxSurname|lxCommon|lxListGiven|lxListSurname) == 0 {
				r.allow[allowKey(first)] = true
			}
		}
	}
	for _, d := range opts.AllowDomains {
		if d = strings.Trim(strings.ToLower(strings.TrimSpace(d)), "@."); d != "" {
			r.domains = append(r.domains, d)
		}
	}
	return r
}

// Allowing returns a Redactor like r that also keeps the values given:
// what one document publishes (its own contacts) is kept in that
// document only.
func (r *Redactor) Allowing(values ...string) *Redactor {
	c := *r
	c.allow = make(map[string]bool, len(r.allow)+len(values))
	for k := range r.allow {
		c.allow[k] = true
	}
	for _, v := range values {
		if k := allowKey(v); k != "" {
			c.allow[k] = true
		}
	}
	return &c
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
	s, n := scanText(text)
	defer s.release()
	return r.findIn(s, n)
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
