package redact

import (
	"strings"
	"time"
)

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
		if cnIDCues.has(ctx) {
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

func paymentCard(c numCandidate, ctx string) (float64, bool) {
	d := c.digits
	if len(d) < 12 || len(d) > 19 || !c.sepsOnly(" -") {
		return 0, false
	}
	if len(c.groups) > 1 {
		ok := c.grouped(4, 6, 4) || c.grouped(4, 6, 5) || len(d) >= 15 && knownCardPrefix(d) && c.groups[0] >= 4 && minGroup(c.groups) >= 3 ||
			// "update my card to 416580 0986 55 4935": after the word
			// for a card, any grouping of a card network's number.
			len(d) >= 15 && knownCardPrefix(d) && c.groups[0] >= 4 && cardCueEnds(ctx)
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
	case len(c.groups) == 1 && labelledNotPersonal(ctx):
		// "Tracking 630018829311": a tenth of all numbers pass the
		// Luhn check, and the label says what this one is.
		return 0, false
	case knownCardPrefix(d):
		return 0.9, true
	case d[0] == '0' || notPersonalAfter(ctx, lastCue(ctx, "card", "kort", "kad", "卡")):
		return 0, false
	}
	return 0.55, true
}

// cardCueEnds reports whether the text before a number ends with the
// word for a card a few words before it ("my card to", "kortnummer:",
// "kad saya").
func cardCueEnds(ctx string) bool {
	i := lastCue(ctx, "card", "kort", "kad", "卡", "visa", "mastercard", "amex")
	return i >= 0 && len(ctx)-i <= 24 && !labelledNotPersonal(ctx)
}

// minGroup returns the length of the shortest group.
func minGroup(groups []int) int {
	m := groups[0]
	for _, g := range groups[1:] {
		m = min(m, g)
	}
	return m
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
	ictx := nricCues.has(ctx)
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
	if cprCues.has(ctx) {
		score = 0.95
	} else if notPersonalContext(ctx) {
		return 0, false
	}
	return score, true
}

// usSSN reads a candidate as a US social security number: area 001-899
// except 666, group 01-99, serial 0001-9999, written 123-45-6789 (or
// plain after words that name it).
func usSSN(c numCandidate, ctx string) (float64, bool) {
	d := c.digits
	if len(d) != 9 {
		return 0, false
	}
	dashed := c.grouped(3, 2, 4) && c.sepsOnly("- ")
	if !dashed && !c.grouped(9) {
		return 0, false
	}
	area := num(d[:3])
	if area == 0 || area == 666 || area >= 900 || num(d[3:5]) == 0 || num(d[5:]) == 0 {
		return 0, false
	}
	switch {
	case ssnCues.has(ctx):
		return 0.95, true
	case dashed && !notPersonalContext(ctx):
		return 0.7, true
	}
	return 0, false
}

// Words that name an identifier in the text before it.
var (
	cnIDCues = newCueSet("身份证", "身份證", "identity", "id card", "id no", "id number")
	nricCues = newCueSet("ic", "nric", "mykad", "kad pengenalan", "no. kp", "kp", "identity", "身份证", "身份證")
	cprCues  = newCueSet("cpr", "personnummer", "person nr", "personnr")
	ssnCues  = newCueSet("ssn", "social security", "social sec", "ss#", "ss no", "ss number")
)
