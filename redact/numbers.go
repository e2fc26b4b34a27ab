package redact

import (
	"strings"
	"time"
)

// numberRun is a candidate number: digit groups joined by short separators,
// as people write phone numbers, card numbers and identifiers.
type numberRun struct {
	plus   bool   // written with a leading +
	groups []span // digit groups, offsets into the scanned text
	seps   []string
	x      int // offset just after a trailing check character X, or -1
}

type span struct{ start, end int }

const maxGroups = 12

// isSep reports whether c may separate the digit groups of one number.
func isSep(c byte) bool { return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' }

// detectNumbers finds numeric personal data: payment cards, national
// identifiers and phone numbers. Each candidate run is tried whole and then
// as shorter runs of its groups, longest first.
func detectNumbers(s *scan) {
	t := s.text
	for i := 0; i < len(t); {
		if !isDigit(t[i]) || (i > 0 && (isDigit(t[i-1]) || isAlpha(t[i-1]))) {
			i++
			continue
		}
		run := readRun(t, i)
		last := run.groups[len(run.groups)-1]
		// A number glued to letters (LH123456789DK, 3kg) is a code or
		// a quantity, not one of ours; the check-character X is the one
		// exception.
		if run.x < 0 && last.end < len(t) && isAlpha(t[last.end]) {
			i = last.end + 1
			continue
		}
		matchRun(s, run)
		if run.x >= 0 {
			i = run.x
		} else {
			i = last.end
		}
	}
}

func readRun(t string, i int) numberRun {
	run := numberRun{x: -1}
	if i > 0 && t[i-1] == '+' {
		run.plus = true
	}
	for len(run.groups) < maxGroups {
		j := i
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		run.groups = append(run.groups, span{i, j})
		// Look for a separator of at most three characters, then a digit.
		k := j
		for k < len(t) && k-j < 3 && isSep(t[k]) {
			k++
		}
		if k == j || k >= len(t) || !isDigit(t[k]) || strings.Count(t[j:k], " ") > 1 {
			break
		}
		run.seps = append(run.seps, t[j:k])
		i = k
	}
	last := run.groups[len(run.groups)-1].end
	if last < len(t) && (t[last] == 'X' || t[last] == 'x') && (last+1 == len(t) || !isAlnum(t[last+1])) {
		run.x = last + 1
	}
	return run
}

// matchRun tries every sub-run of groups, longest first from the left, and
// records the first validator that accepts each.
func matchRun(s *scan, run numberRun) {
	n := len(run.groups)
	for a := 0; a < n; {
		matched := false
		for b := n - 1; b >= a && !matched; b-- {
			if (a > 0 || b < n-1) && !run.splittable(a, b) {
				continue
			}
			c := candidate(s.text, run, a, b)
			if len(c.digits) < 6 {
				continue
			}
			if f, ok := validateNumber(s.text, c); ok {
				s.found = append(s.found, f)
				matched = true
				a = b + 1
			}
		}
		if !matched {
			a++
		}
	}
}

// splittable reports whether groups a..b may be read as a number of their
// own: the run must break there at a space, and must not be written in the
// even blocks of four that cards, IBANs and account numbers use.
func (run numberRun) splittable(a, b int) bool {
	blocks := len(run.groups) >= 3
	for i, g := range run.groups[:len(run.groups)-1] {
		if g.end-g.start != 4 || run.seps[i] != " " {
			blocks = false
		}
	}
	if blocks {
		return false
	}
	if a > 0 && run.seps[a-1] != " " {
		return false
	}
	return b == len(run.groups)-1 || run.seps[b] == " "
}

// numCandidate is one sub-run of a numberRun, ready for the validators.
type numCandidate struct {
	start, end int
	digits     string
	groups     []int // lengths of the digit groups
	seps       string
	plus       bool
	checkX     bool
}

func candidate(t string, run numberRun, a, b int) numCandidate {
	c := numCandidate{start: run.groups[a].start, end: run.groups[b].end}
	var d strings.Builder
	for g := a; g <= b; g++ {
		d.WriteString(t[run.groups[g].start:run.groups[g].end])
		c.groups = append(c.groups, run.groups[g].end-run.groups[g].start)
		if g < b {
			c.seps += run.seps[g]
		}
	}
	c.digits = d.String()
	if a == 0 && run.plus {
		c.plus = true
		c.start--
	}
	if b == len(run.groups)-1 && run.x >= 0 {
		c.checkX = true
		c.end = run.x
	}
	if a == 0 && c.start > 0 && t[c.start-1] == '(' {
		c.start--
	}
	return c
}

func (c numCandidate) grouped(lengths ...int) bool {
	if len(c.groups) != len(lengths) {
		return false
	}
	for i, l := range lengths {
		if c.groups[i] != l {
			return false
		}
	}
	return true
}

func (c numCandidate) sepsOnly(chars string) bool {
	for i := 0; i < len(c.seps); i++ {
		if strings.IndexByte(chars, c.seps[i]) < 0 {
			return false
		}
	}
	return true
}

// validateNumber returns the best reading of a candidate.
func validateNumber(t string, c numCandidate) (Finding, bool) {
	ctx := contextBefore(t, c.start)
	var best Finding
	try := func(typ Type, score float64, canon string) {
		if score > best.Score {
			best = Finding{Type: typ, Start: c.start, End: c.end, Score: score, canon: canon}
		}
	}
	if c.checkX {
		if score, ok := cnResidentID(c, ctx); ok {
			try(CNResidentID, score, c.digits+"X")
		}
		return best, best.Score > 0
	}
	if score, ok := cnResidentID(c, ctx); ok {
		try(CNResidentID, score, c.digits)
	}
	if score, ok := paymentCard(c); ok {
		try(CreditCard, score, c.digits)
	}
	if score, ok := myNRIC(c, ctx); ok {
		try(MYNRIC, score, c.digits)
	}
	if score, ok := dkCPR(c, ctx); ok {
		try(DKCPR, score, c.digits)
	}
	if best.Score < 0.9 {
		if score, canon, ok := phoneNumber(t, c, ctx); ok {
			try(Phone, score, canon)
		}
	}
	return best, best.Score > 0
}

// contextBefore returns the lower-cased text just before offset i, without
// placeholders (so that a redacted <PHONE_1> is not read as the word phone).
func contextBefore(t string, i int) string {
	from := max(0, i-40)
	for from > 0 && from < i && t[from]&0xC0 == 0x80 {
		from--
	}
	ctx := t[from:i]
	if strings.IndexByte(ctx, '<') >= 0 {
		ctx = stripPlaceholders(ctx)
	}
	return strings.ToLower(ctx)
}

// stripPlaceholders removes <TYPE_n> placeholders from s.
func stripPlaceholders(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 || !isPlaceholder(s[i:i+j+1]) {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// isPlaceholder reports whether s has the form <TYPE_n>.
func isPlaceholder(s string) bool {
	if len(s) < 5 || s[0] != '<' || s[len(s)-1] != '>' {
		return false
	}
	u := strings.LastIndexByte(s, '_')
	if u < 2 || u == len(s)-2 {
		return false
	}
	for i := 1; i < u; i++ {
		if !isUpper(s[i]) && s[i] != '_' {
			return false
		}
	}
	for i := u + 1; i < len(s)-1; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func hasAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// notPersonalContext reports whether the words before a number say it is an
// order, invoice, tracking or product number.
func notPersonalContext(ctx string) bool {
	return hasAny(ctx, "order", "ordre", "bestilling", "invoice", "faktura", "sku", "tracking",
		"track", "sporing", "pesanan", "invois", "订单", "訂單", "单号", "單號", "发票", "發票",
		"#", "no.", "nr.", "ref", "serial", "serienummer", "model", "version", "版本")
}

func cnResidentID(c numCandidate, ctx string) (float64, bool) {
	d := c.digits
	switch {
	case len(d) == 17 && c.checkX, len(d) == 18 && !c.checkX:
	case len(d) == 15 && !c.checkX:
		if !c.grouped(15) && !c.grouped(6, 6, 3) {
			return 0, false
		}
		if d[0] < '1' || d[0] > '8' || !validDate(1900+num(d[6:8]), num(d[8:10]), num(d[10:12])) {
			return 0, false
		}
		if hasAny(ctx, "身份证", "身份證", "identity", "id card", "id no", "id number") {
			return 0.85, true
		}
		return 0.55, true
	default:
		return 0, false
	}
	if !c.grouped(len(d)) && !c.grouped(6, 8, 4) && !c.grouped(6, 8, 3) {
		return 0, false
	}
	y, m, day := num(d[6:10]), num(d[10:12]), num(d[12:14])
	if d[0] < '1' || d[0] > '8' || y < 1900 || y > time.Now().Year() || !validDate(y, m, day) {
		return 0, false
	}
	want := cnIDCheck(d[:17])
	got := byte('X')
	if len(d) == 18 {
		got = d[17]
	}
	if got != want {
		return 0, false
	}
	return 0.95, true
}

func paymentCard(c numCandidate) (float64, bool) {
	d := c.digits
	if len(d) < 12 || len(d) > 19 || !c.sepsOnly(" -") {
		return 0, false
	}
	if len(c.groups) > 1 {
		ok := c.grouped(4, 6, 4) || c.grouped(4, 6, 5)
		if !ok {
			ok = true
			for i, g := range c.groups {
				if g != 4 && !(i == len(c.groups)-1 && g >= 1 && g <= 4) {
					ok = false
				}
			}
		}
		if !ok {
			return 0, false
		}
	}
	if strings.Count(d, d[:1]) == len(d) || !luhn(d) {
		return 0, false
	}
	switch {
	case knownCardPrefix(d):
		return 0.9, true
	case d[0] == '0':
		return 0, false
	}
	return 0.55, true
}

// knownCardPrefix reports whether the number starts with the issuer prefix
// of a major card network.
func knownCardPrefix(d string) bool {
	p2, p4 := num(d[:2]), num(d[:4])
	switch {
	case d[0] == '4': // Visa
		return true
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720: // Mastercard
		return true
	case p2 == 34 || p2 == 37: // American Express
		return true
	case p2 == 36 || p2 == 38 || p2 == 39 || (p4 >= 3000 && p4 <= 3059): // Diners
		return true
	case p2 == 35: // JCB
		return true
	case p2 == 62 || p2 == 60 || p2 == 64 || p2 == 65: // UnionPay, Discover
		return true
	case p2 == 50 || (p2 >= 56 && p2 <= 69): // Maestro
		return true
	}
	return false
}

func myNRIC(c numCandidate, ctx string) (float64, bool) {
	d := c.digits
	if len(d) != 12 {
		return 0, false
	}
	dashed := c.grouped(6, 2, 4) && c.sepsOnly("- ")
	if !dashed && !c.grouped(12) {
		return 0, false
	}
	yy, m, day := num(d[0:2]), num(d[2:4]), num(d[4:6])
	if !validDate(1900+yy, m, day) && !validDate(2000+yy, m, day) {
		return 0, false
	}
	if !myStates[num(d[6:8])] {
		return 0, false
	}
	ictx := hasAny(ctx, "ic", "nric", "mykad", "kad pengenalan", "no. kp", "kp", "identity", "身份证", "身份證")
	switch {
	case dashed:
		return 0.9, true
	case ictx:
		return 0.85, true
	case notPersonalContext(ctx):
		return 0, false
	}
	return 0.55, true
}

func dkCPR(c numCandidate, ctx string) (float64, bool) {
	d := c.digits
	if len(d) != 10 {
		return 0, false
	}
	dashed := c.grouped(6, 4) && c.sepsOnly("- ")
	if !dashed && !c.grouped(10) {
		return 0, false
	}
	y, ok := cprYear(num(d[4:6]), d[6])
	if !ok || y > time.Now().Year() || !validDate(y, num(d[2:4]), num(d[0:2])) {
		return 0, false
	}
	score := 0.6
	if dashed {
		score = 0.85
	}
	if cprMod11(d) {
		score += 0.05
	}
	if hasAny(ctx, "cpr", "personnummer", "person nr", "personnr") {
		score = 0.95
	} else if notPersonalContext(ctx) {
		return 0, false
	}
	return score, true
}
