package redact

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// phonePlan is how a region's numbers are written without a country
// code: the trunk prefix dialled before them, and their lengths.
type phonePlan struct {
	region     string
	code       int32
	trunk      string // "0", "1" or none
	trunkOpt   bool   // the number may also be written without the trunk prefix
	minN, maxN int    // digits of the national significant number
}

// phonePlans are the numbering plans a national number (one written
// without a country code) is tried against, in order.
var phonePlans = []phonePlan{
	{"DK", 45, "", false, 8, 8},
	{"MY", 60, "0", false, 8, 10},
	{"CN", 86, "0", true, 9, 11},
	{"HK", 852, "", false, 8, 8},
	{"TW", 886, "0", false, 8, 9},
	{"SG", 65, "", false, 8, 8},
	{"GB", 44, "0", false, 9, 10},
	// Countries English-writing customers often come from, written the
	// national way with their trunk 0.
	{"IE", 353, "0", false, 7, 9},
	{"AU", 61, "0", false, 9, 9},
	{"NZ", 64, "0", false, 8, 10},
	{"IN", 91, "0", true, 10, 10},
	{"PH", 63, "0", false, 10, 10},
	{"NG", 234, "0", false, 8, 10},
	{"FR", 33, "0", false, 9, 9},
	{"ZA", 27, "0", false, 9, 9},
	{"US", 1, "1", true, 10, 10},
	// Further countries of writers in English, each written the national
	// way: with the trunk 0 where the plan has one, else as dialled. A
	// number a company holds in an earlier plan and a person in one of
	// these (0300-4415297, a Pakistani mobile, a British shared-cost
	// line) is taken for a person's: a hotline kept is worth less than a
	// number leaked.
	{"KE", 254, "0", false, 9, 9},
	{"GH", 233, "0", false, 9, 9},
	{"PK", 92, "0", false, 10, 10},
	{"JP", 81, "0", false, 9, 10},
	{"TR", 90, "0", false, 10, 10},
	{"BR", 55, "0", true, 10, 11},
	{"MX", 52, "", false, 10, 10},
	{"PT", 351, "", false, 9, 9},
	{"ES", 34, "", false, 9, 9},
	{"PL", 48, "", false, 9, 9},
}

// national returns the national significant number of digits written the
// national way in the plan's region, or "" when they cannot be one.
func (p phonePlan) national(d string) string {
	nsn := d
	switch {
	case p.trunk != "" && strings.HasPrefix(d, p.trunk) && len(d)-1 >= p.minN:
		nsn = d[1:]
	case p.trunk != "" && !p.trunkOpt:
		return ""
	}
	if len(nsn) < p.minN || len(nsn) > p.maxN || nsn[0] == '0' {
		return ""
	}
	return nsn
}

// numberWords say a number follows, of whatever kind.
var numberWords = []string{"number", "nummer", "nombor", "号码", "號碼"}

// phoneCueWords are words that say a phone number follows.
var phoneCueWords = []string{"phone", "call", "tel", "mobile", "cell", "whatsapp", "sms", "text me",
	"my no", "mobile no", "phone no", "contact no", "office no", "tel no", "hp no", "my line", "line is", "portable",
	"my number", "new number", "registered", "stop messages", "text me on", "hp", "handphone", "ph:", "ph.",
	"ring", "telefon", "tlf", "mobil", "电话", "電話", "手机", "手機",
	"联系", "聯絡", "致电", "telefon bimbit", "hubungi", "no. tel", "h/p", "answering",
	"reach me", "reach us", "dial", "fax", "landline", "contact"}

// idCueWords name identifiers that are not phone numbers.
var idCueWords = []string{"cpr", "personnummer", "nric", "mykad", "ic", "kad pengenalan", "ssn", "social security",
	"iban", "card", "kort", "kad", "身份证", "身份證", "身分證", "卡号", "卡號", "passport", "license", "licence"}

// phoneContextAfter reports whether the words right after a number label
// it as a phone number: "-Office", " fax", " (mobile)".
func phoneContextAfter(after string) bool {
	for after != "" && (after[0] == ' ' || after[0] == '-' || after[0] == '(' || after[0] == ',') {
		after = after[1:]
	}
	if after == "" || !phoneLabelFirst[after[0]] {
		return false
	}
	for _, w := range phoneLabels {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// phoneLabels are the words after a number that say it is a phone's, and
// phoneLabelFirst their first letters.
var (
	phoneLabels     = []string{"office", "fax", "mobile", "cell", "home", "work", "tel", "mobil", "kontor", "pejabat", "rumah"}
	phoneLabelFirst = func() (m [256]bool) {
		for _, w := range phoneLabels {
			m[w[0]] = true
		}
		return m
	}()
)

// startsWithDate reports whether the first groups are a written date, as
// in "1994-06-17 08:11".
func (c numCandidate) startsWithDate() bool {
	if len(c.groups) < 4 || c.seps[0] != c.seps[1] || len(c.seps[0]) != 1 || strings.IndexByte("-./", c.seps[0][0]) < 0 {
		return false
	}
	g := c.groups
	return g[0] == 4 && g[1] <= 2 && g[2] <= 2 || g[0] <= 2 && g[1] <= 2 && g[2] == 4
}

// looksLikeIPv4 reports whether the candidate is an IPv4 address
// (127.0.0.1, 10.20.1.200) rather than a number grouped with dots, as
// Danish numbers are (12.34.56.78: four groups of two).
func (c numCandidate) looksLikeIPv4(t string) bool {
	if len(c.groups) != 4 || !c.sepsOnly(".") || c.grouped(2, 2, 2, 2) {
		return false
	}
	addr, err := netip.ParseAddr(t[c.start:c.end])
	return err == nil && addr.Is4()
}

// looksLikeDate reports whether the grouping is that of a written date.
func (c numCandidate) looksLikeDate() bool {
	if !c.sepsOnly("-./") {
		return false
	}
	return c.grouped(2, 2, 4) || c.grouped(4, 2, 2) || c.grouped(2, 2, 2) || c.grouped(1, 2, 4) ||
		c.grouped(2, 1, 4) || c.grouped(1, 1, 4) || c.grouped(4, 1, 1) || c.grouped(4, 2, 1) || c.grouped(4, 1, 2)
}

// phoneNumber reads a candidate as a phone number: validated by the
// numbering plan of its country code, or of one of the regions customers
// write from; or, failing that, shaped like a phone number and labelled as
// one by the words around it.
func phoneNumber(s *scan, c numCandidate, after string) (float64, string, bool) {
	t := s.text
	d := c.digits
	if len(d) < 6 || len(d) > 15 || c.looksLikeDate() || c.startsWithDate() || c.looksLikeIPv4(t) {
		return 0, "", false
	}
	last := s.cuesBefore(c.start)
	pc, npc, idc := max(last[phoneCue], last[numberCue]), last[notPersonalCue], last[idCue]
	if n := last[numberCue]; n > last[phoneCue] && npc >= 0 && npc < n && n-npc <= maxCueCompound {
		pc = last[phoneCue] // "order number", "contract number": the number of an order
	}
	if npc >= 0 && last[phoneCue] >= 0 && phoneNumberWord(s.wordsBefore(c.start), npc) {
		npc = -1 // "mobile no.", "my no.": the number of a phone
	}
	// "number" alone says little; an unvalidated number needs a word
	// that names a phone.
	labelled := phoneContextAfter(after)
	specific := last[phoneCue] >= 0 || labelled
	context := pc >= 0 || labelled
	shaped := c.sepsOnly(" -.()")
	if len(d) < 7 {
		if specific && shaped && len(c.groups) > 1 {
			return 0.6, d, true
		}
		return 0, "", false
	}
	if companyLine(s.wordsBefore(c.start)) {
		s.company = true // "客服熱線2888 1888", "your hotline 2233 3000"
		return 0, "", false
	}
	if c.plus || (len(d) > 9 && d[0] == '0' && d[1] == '0') {
		score, canon, ok := internationalNumber(c, context)
		if !ok && canon == "company" {
			s.company = true
		}
		return score, canon, ok
	}
	// The nearest cue decides: an order number, or an identifier (a
	// mistyped CPR number is not a phone number either).
	if npc > pc || idc > pc || labelledAccount(s.wordsBefore(c.start)) || codePrefixed(t, c.start) {
		return 0, "", false
	}
	if hotline(c, d) {
		s.company = true
		return 0, "", false
	}
	canon, hotlineToo := "", false
	for _, pr := range phonePlans {
		nsn := pr.national(d)
		if pr.region == "MY" && nsn == "" && d[0] == '1' {
			nsn = d // 1-300-88-6688: Malaysian toll-free numbers are written without the 0
		}
		if nsn == "" || !rulesFor(pr.region).valid(nsn) {
			continue
		}
		// Written without grouping, the first plan the number is valid
		// in decides whether it is a company's hotline (70123456), which
		// is no one's personal data.
		if rulesFor(pr.region).company(nsn) {
			if len(c.groups) > 1 {
				// Grouped, another plan may hold it as a person's, as
				// written (0806 214 7781); if none does, it is a hotline.
				hotlineToo = true
				continue
			}
			s.company = true
			return 0, "", false
		}
		// Grouping only matters when no word says this is a phone.
		if !context && !groupsFit(c, pr.region, nsn, false) {
			continue
		}
		canon = "+" + strconv.Itoa(int(pr.code)) + nsn
		break
	}
	if canon == "" && hotlineToo {
		s.company = true
		return 0, "", false
	}
	if canon == "" {
		if specific && shaped {
			return 0.65, d, true
		}
		return 0, "", false
	}
	bracketed := c.start < len(t) && t[c.start] == '('
	switch {
	case context:
		return 0.85, canon, true
	case bracketed:
		return 0.75, canon, true
	case len(c.groups) > 1:
		return 0.7, canon, true
	case len(d) >= 10 && (d[0] == '0' || d[0] == '1'):
		return 0.65, canon, true
	}
	return 0.45, canon, true
}

// accountLabels name the number right after them as an account's, a
// policy's or a claim's ("Account 7200-3318", "policy no. 771-2209-41"):
// only right before it, as "the contact number on my account" names the
// account the number is changed on.
var accountLabels = []string{"account", "acct", "a/c", "akaun", "policy", "polis", "police", "claim", "member",
	"membership", "meter", "保单", "保單"}

// labelledAccount reports whether the words before a number end with an
// account label, a "no." or "number" and punctuation allowed after it.
func labelledAccount(before string) bool {
	b := strings.TrimRight(before, " :#.-")
	for _, w := range []string{"number", "nummer", "nombor", "num", "no", "nr", "id"} {
		if strings.HasSuffix(b, w) && (len(b) == len(w) || !isWordByte(b[len(b)-len(w)-1])) {
			b = strings.TrimRight(b[:len(b)-len(w)], " :#.-")
			break
		}
	}
	for _, w := range accountLabels {
		if strings.HasSuffix(b, w) && (len(b) == len(w) || !isWordByte(b[len(b)-len(w)-1])) {
			return true
		}
	}
	return false
}

// codePrefixed reports whether a number is joined by a hyphen to the
// capitals of a code before it ("KSK-2209183", "MX-7710293"): a
// reference, not a phone number.
func codePrefixed(t string, start int) bool {
	if start < 3 || t[start-1] != '-' {
		return false
	}
	n := 0
	for i := start - 2; i >= 0 && (t[i] >= 'A' && t[i] <= 'Z' || t[i] >= '0' && t[i] <= '9'); i-- {
		n++
	}
	return n >= 2 && (start-2-n < 0 || !isWordByte(t[start-2-n]))
}

// isWordByte reports whether b is an ASCII letter or digit.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// maxCueCompound is how far, in bytes, a word naming a kind of number may
// stand after the word that says whose it is ("order number", "contract
// no"): the two are one label.
const maxCueCompound = 12

// hotline reports whether a national number, as grouped, is a company's
// toll-free, shared-cost or premium number in a plan whose grouping it
// has, and a person's in none (1-800-555-0199, 1 (800) 432-1000, 0860 123
// 000): the way it is written says which country's it is, before any
// other plan in which the digits happen to be valid.
func hotline(c numCandidate, d string) bool {
	if len(c.groups) < 2 {
		return false
	}
	company := false
	for _, pr := range phonePlans {
		nsn := pr.national(d)
		// A person's number in another plan only when written as that
		// plan writes it: a shared-cost line split the way people
		// split long groups is still the company's.
		if nsn == "" || !rulesFor(pr.region).valid(nsn) || !groupsFit(c, pr.region, nsn, true) {
			continue
		}
		if !rulesFor(pr.region).company(nsn) {
			return false // a person's number, as written, in some plan
		}
		company = true
	}
	return company
}

// internationalNumber reads a number written with its country code, after
// + or 00.
func internationalNumber(c numCandidate, context bool) (float64, string, bool) {
	raw := withoutBracketedTrunk(c)
	if !c.plus {
		raw = raw[2:]
	}
	cc, nsn, valid, possible := internationalParts(raw)
	canon := "+" + strconv.Itoa(cc) + nsn
	for _, region := range phonenumbers.GetRegionCodesForCountryCode(cc) {
		if valid && rulesFor(region).valid(nsn) && rulesFor(region).company(nsn) {
			return 0, "company", false
		}
	}
	switch {
	case valid:
		return 0.95, canon, true
	case context && possible:
		return 0.7, canon, true
	}
	return 0, "", false
}

// groupsFit reports whether a number written in groups breaks its digits
// only where the numbering plan's own national format does: "2012 3456"
// fits Danish "20 12 34 56", but "620472-7768" does not fit American
// "(620) 472-7768", so it is no American number. A break right after the
// trunk prefix is allowed, and so is one that splits a long group of the
// format into parts of three or more ("07700 912 667" of British
// "07700 912667", "012-345 67 89"): people write long groups in shorter
// ones, unless strict.
func groupsFit(c numCandidate, region, nsn string, strict bool) bool {
	if len(c.groups) < 2 {
		return true
	}
	shift := 0
	switch len(c.digits) - len(nsn) {
	case 0:
	case 1:
		shift = 1 // written with the trunk prefix
	default:
		return true // written in a way the format cannot judge
	}
	breaks := rulesFor(region).breaks(nsn)
	if breaks == nil {
		return true
	}
	at := 0
	for _, g := range c.groups[:len(c.groups)-1] {
		at += g
		if shift == 1 && at == 1 {
			continue
		}
		if !breakFits(breaks, len(nsn), at-shift, strict) {
			return false
		}
	}
	return true
}

// minSplitGroup is the shortest part a long group of a national format
// may be written in.
const minSplitGroup = 3

// breakFits reports whether a break written after the at-th digit of a
// national number of n digits is one of the format's breaks, or splits
// one of the format's groups into parts of minSplitGroup digits or more
// (unless strict).
func breakFits(breaks []int, n, at int, strict bool) bool {
	start := 0
	for _, b := range append(breaks, n) {
		if b == at {
			return true
		}
		if start < at && at < b {
			return !strict && at-start >= minSplitGroup && b-at >= minSplitGroup
		}
		start = b
	}
	return false
}

// phoneNumberWord reports whether the "no." or "nr." at offset i of ctx
// follows a word that makes it a phone's: mobile no., my no., tel nr.
func phoneNumberWord(ctx string, i int) bool {
	if !strings.HasPrefix(ctx[i:], "no") && !strings.HasPrefix(ctx[i:], "nr") {
		return false
	}
	before := strings.TrimRight(ctx[:i], " ")
	for _, w := range []string{"mobile", "phone", "contact", "my", "office", "tel", "hp", "cell", "handphone", "telefon", "tlf", "mobil"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// onlyDigits returns the digits of s, with a leading plus kept: the
// canonical form of a phone number no plan validated.
func onlyDigits(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= '0' && r <= '9' || r == '+' && i == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// withoutBracketedTrunk returns a candidate's digits without a trunk
// prefix written in brackets after the country code, which is not dialled
// from abroad: "+44 (0)7911 238 604", "+45 (0) 28 14 67 93".
func withoutBracketedTrunk(c numCandidate) string {
	at := 0
	for g := 0; g+1 < len(c.groups) && g < len(c.seps); g++ {
		at += c.groups[g]
		if g+1 < len(c.seps) && c.groups[g+1] == 1 && c.digits[at] == '0' &&
			strings.Contains(c.seps[g], "(") && strings.Contains(c.seps[g+1], ")") {
			return c.digits[:at] + c.digits[at+1:]
		}
	}
	return c.digits
}

// companyLines name the company's own line right before its number: the
// number a customer rings to reach the shop is no one's personal data.
var companyLines = []string{"客服熱線", "客服热线", "客服電話", "客服电话", "熱線", "热线", "打過去", "打过去", "打咗去",
	"hotline", "helpline", "your number", "your line", "customer service number", "customer service line",
	"called you on", "rang you on", "kundeservice", "jeres nummer", "talian khidmat pelanggan", "nombor korang"}

// companyLine reports whether the words before a number end with the
// name of the company's line, perhaps with "is" or a colon after it
// ("你哋客服熱線係咪2388 6120", "your hotline is").
func companyLine(before string) bool {
	b := strings.TrimRight(before, " :：(")
	for _, cop := range []string{"係咪", "係唔係", "是不是", "係", "是", "为", "為", "is", "er", "ialah", "="} {
		if t := strings.TrimSuffix(b, cop); t != b && (cop[0] >= 0x80 || t == "" || t[len(t)-1] == ' ') {
			b = strings.TrimRight(t, " :：")
			break
		}
	}
	for _, w := range companyLines {
		if strings.HasSuffix(b, w) && (len(b) == len(w) || w[0] >= 0x80 || !isWordByte(b[len(b)-len(w)-1])) {
			return true
		}
	}
	return false
}
