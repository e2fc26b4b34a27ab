package redact

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// The phone-number library checks a number against its region's patterns
// by building and looking up a regular expression for each number type on
// every call. The rules below are the same patterns from the library's
// metadata, compiled once per region (to automata over digits, which the
// numbers asked about are), and give the same answer as its
// IsValidNumberForRegion: the general pattern and at least one type.

// numberDesc is one pattern of a region's numbering plan.
type numberDesc struct {
	lengths []int32
	re      *regexp.Regexp
	dfa     *digitDFA // re for digit strings, when it compiles to one
	// company is set for the types that companies, not people, hold:
	// toll-free, premium-rate, shared-cost and universal access numbers.
	company bool
}

func newNumberDesc(d *phonenumbers.PhoneNumberDesc) numberDesc {
	if d == nil || d.GetNationalNumberPattern() == "" {
		return numberDesc{}
	}
	pattern := "^(?:" + d.GetNationalNumberPattern() + ")$"
	return numberDesc{lengths: d.GetPossibleLength(), re: regexp.MustCompile(pattern), dfa: compileDigitDFA(pattern)}
}

// match reports whether a national significant number fits the pattern,
// checking the cheap lengths first.
func (d numberDesc) match(nsn string) bool {
	if d.re == nil {
		return false
	}
	if len(d.lengths) > 0 {
		ok := false
		for _, l := range d.lengths {
			if int(l) == len(nsn) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if d.dfa != nil {
		if matched, ok := d.dfa.match(nsn); ok {
			return matched
		}
	}
	return d.re.MatchString(nsn)
}

// numberRules are a region's general pattern and its number types, the
// common ones (fixed line, mobile) first, and how its numbers are grouped
// when written the national way.
type numberRules struct {
	general numberDesc
	types   []numberDesc
	formats []numberFormat
	region  string
}

// numberFormat is one way the region groups its numbers: for national
// significant numbers starting like lead and matching pattern, the
// pattern's groups, with breakAfter[i] set where the format puts a
// separator after group i.
type numberFormat struct {
	lead       *regexp.Regexp
	pattern    *regexp.Regexp
	breakAfter []bool
}

// breaks returns the offsets in nsn where its national format puts a
// separator, or nil when no format applies.
func (r *numberRules) breaks(nsn string) []int {
	if r == nil {
		return nil
	}
	for _, f := range r.formats {
		if f.lead != nil && !f.lead.MatchString(nsn) {
			continue
		}
		m := f.pattern.FindStringSubmatchIndex(nsn)
		if m == nil {
			continue
		}
		var out []int
		for g := 1; g < len(m)/2 && g-1 < len(f.breakAfter); g++ {
			if f.breakAfter[g-1] && m[2*g+1] > 0 {
				out = append(out, m[2*g+1])
			}
		}
		return out
	}
	return nil
}

func newNumberFormat(f *phonenumbers.NumberFormat) (numberFormat, bool) {
	pat, err := regexp.Compile("^(?:" + f.GetPattern() + ")$")
	if err != nil {
		return numberFormat{}, false
	}
	nf := numberFormat{pattern: pat}
	if leads := f.GetLeadingDigitsPattern(); len(leads) > 0 {
		if nf.lead, err = regexp.Compile("^(?:" + leads[len(leads)-1] + ")"); err != nil {
			return numberFormat{}, false
		}
	}
	// "$1 $2-$3": a separator after group i when anything but the next
	// group reference follows it.
	format := f.GetFormat()
	for g := 1; g < pat.NumSubexp(); g++ {
		ref := "$" + strconv.Itoa(g)
		i := strings.Index(format, ref)
		nf.breakAfter = append(nf.breakAfter, i < 0 || !strings.HasPrefix(format[i+len(ref):], "$"+strconv.Itoa(g+1)))
	}
	return nf, true
}

// valid reports whether nsn is a valid number of the region.
func (r *numberRules) valid(nsn string) bool {
	if r == nil || !r.general.match(nsn) {
		return false
	}
	for _, t := range r.types {
		if t.match(nsn) {
			return true
		}
	}
	return false
}

var (
	metaOnce   sync.Once
	metaByID   map[string]*phonenumbers.PhoneMetadata
	rulesCache sync.Map // region -> *numberRules
)

// rulesFor returns the compiled rules of a region, building them the first
// time they are needed.
func rulesFor(region string) *numberRules {
	if r, ok := rulesCache.Load(region); ok {
		return r.(*numberRules)
	}
	metaOnce.Do(func() {
		metaByID = make(map[string]*phonenumbers.PhoneMetadata)
		if coll, err := phonenumbers.MetadataCollection(); err == nil {
			for _, m := range coll.GetMetadata() {
				metaByID[m.GetId()] = m
			}
		}
	})
	m := metaByID[region]
	if m == nil {
		rulesCache.Store(region, (*numberRules)(nil))
		return nil
	}
	r := &numberRules{general: newNumberDesc(m.GetGeneralDesc())}
	for i, d := range []*phonenumbers.PhoneNumberDesc{m.GetFixedLine(), m.GetMobile(), m.GetTollFree(),
		m.GetPremiumRate(), m.GetSharedCost(), m.GetVoip(), m.GetPersonalNumber(), m.GetPager(),
		m.GetUan(), m.GetVoicemail()} {
		if nd := newNumberDesc(d); nd.re != nil {
			nd.company = i == 2 || i == 3 || i == 4 || i == 8
			r.types = append(r.types, nd)
		}
	}
	r.region = region
	for _, f := range m.GetNumberFormat() {
		if nf, ok := newNumberFormat(f); ok {
			r.formats = append(r.formats, nf)
		}
	}
	actual, _ := rulesCache.LoadOrStore(region, r)
	return actual.(*numberRules)
}

// company reports whether a valid number of the region is one that
// companies hold: every type it matches is toll-free, premium-rate,
// shared-cost or a universal access number. Danish numbers starting with
// 70 are companies' service numbers too, though the plan files them with
// the others.
func (r *numberRules) company(nsn string) bool {
	if r == nil {
		return false
	}
	if r.region == "DK" && strings.HasPrefix(nsn, "70") {
		return true
	}
	matched := false
	for _, t := range r.types {
		if t.match(nsn) {
			if !t.company {
				return false
			}
			matched = true
		}
	}
	return matched
}

// possible reports whether nsn has a length the region's numbers have.
func (r *numberRules) possible(nsn string) bool {
	if r == nil {
		return false
	}
	for _, l := range r.general.lengths {
		if int(l) == len(nsn) {
			return true
		}
	}
	return false
}

// internationalParts splits digits written after + (or 00) into a country
// calling code and a national significant number valid there, trying
// codes of one to three digits. valid is false when only the length fits.
func internationalParts(raw string) (cc int, nsn string, valid, possible bool) {
	for l := 1; l <= 3 && l < len(raw); l++ {
		code, err := strconv.Atoi(raw[:l])
		if err != nil {
			return 0, "", false, false
		}
		regions := phonenumbers.GetRegionCodesForCountryCode(code)
		if len(regions) == 0 {
			continue
		}
		rest := raw[l:]
		for _, region := range regions {
			if rulesFor(region).valid(rest) {
				return code, rest, true, true
			}
		}
		for _, region := range regions {
			if rulesFor(region).possible(rest) {
				return code, rest, false, true
			}
		}
		return 0, "", false, false
	}
	return 0, "", false, false
}
