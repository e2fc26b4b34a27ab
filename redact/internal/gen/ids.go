package main

import (
	"fmt"
	"math/big"
	"strings"
	"time"
)

// The identifiers below are valid by their own rules (check digits, dates,
// century digits, issuer ranges) and random otherwise. The invalid twins
// used as look-alikes differ in exactly the part the rule checks.

func (g *gen) date(fromYear, toYear int) time.Time {
	days := int(time.Date(toYear, 12, 31, 0, 0, 0, 0, time.UTC).Sub(time.Date(fromYear, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	return time.Date(fromYear, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.IntN(days+1))
}

func (g *gen) digits(n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + g.r.IntN(10)))
	}
	return b.String()
}

// luhnDigit returns the check digit that makes payload+digit pass Luhn.
func luhnDigit(payload string) byte {
	sum := 0
	double := true
	for i := len(payload) - 1; i >= 0; i-- {
		d := int(payload[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return byte('0' + (10-sum%10)%10)
}

// card returns a Luhn-valid Visa, Mastercard or Amex number, grouped in
// fours (Amex 4-6-5) or written plain.
func (g *gen) card(valid bool) string {
	var p string
	switch g.r.IntN(4) {
	case 0, 1:
		p = "4" + g.digits(14)
	case 2:
		p = fmt.Sprintf("5%d", 1+g.r.IntN(5)) + g.digits(13)
	default:
		p = []string{"34", "37"}[g.r.IntN(2)] + g.digits(12)
	}
	c := luhnDigit(p)
	if !valid {
		c = '0' + (c-'0'+1+byte(g.r.IntN(8)))%10
	}
	d := p + string(c)
	if g.r.IntN(3) == 0 {
		return d
	}
	sep := []string{" ", "-", " "}[g.r.IntN(3)]
	if len(d) == 15 {
		return d[:4] + sep + d[4:10] + sep + d[10:]
	}
	return d[:4] + sep + d[4:8] + sep + d[8:12] + sep + d[12:]
}

// iban returns an IBAN with correct mod-97 check digits (or wrong ones).
func (g *gen) iban(valid bool) string {
	var cc, bban string
	switch g.r.IntN(5) {
	case 0, 1:
		cc, bban = "DK", g.digits(14)
	case 2:
		cc, bban = "GB", g.letters(4)+g.digits(14)
	case 3:
		cc, bban = "DE", g.digits(18)
	default:
		cc, bban = "NL", g.letters(4)+g.digits(10)
	}
	check := ibanCheck(cc, bban)
	if !valid {
		check = fmt.Sprintf("%02d", (mustAtoi(check)+1+g.r.IntN(90))%97+2)
	}
	s := cc + check + bban
	if g.r.IntN(2) == 0 {
		var b strings.Builder
		for i := 0; i < len(s); i += 4 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[i:min(i+4, len(s))])
		}
		return b.String()
	}
	return s
}

func ibanCheck(cc, bban string) string {
	var b strings.Builder
	for _, c := range bban + cc + "00" {
		if c >= 'A' && c <= 'Z' {
			fmt.Fprintf(&b, "%d", c-'A'+10)
		} else {
			b.WriteRune(c)
		}
	}
	n, _ := new(big.Int).SetString(b.String(), 10)
	rem := new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("%02d", 98-rem)
}

func mustAtoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func (g *gen) letters(n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('A' + g.r.IntN(26)))
	}
	return b.String()
}

// cpr returns a Danish CPR number whose sequence digit fits the century of
// its date. About half pass the old modulus-11 check, as numbers issued
// before 2007 do.
func (g *gen) cpr() string {
	for {
		d := g.date(1940, 2012)
		var seq0 int
		switch y := d.Year(); {
		case y < 2000:
			seq0 = g.r.IntN(4) // 0-3: 1900-1999
		default:
			seq0 = 4 + 5*g.r.IntN(2) // 4 or 9: 2000-2036
		}
		s := d.Format("020106") + fmt.Sprint(seq0) + g.digits(3)
		if g.r.IntN(2) == 0 && !cprMod11(s) {
			continue
		}
		if g.r.IntN(3) == 0 {
			return s
		}
		return s[:6] + "-" + s[6:]
	}
}

func cprMod11(s string) bool {
	w := []int{4, 3, 2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i := range 10 {
		sum += int(s[i]-'0') * w[i]
	}
	return sum%11 == 0
}

// badCPR returns a CPR-shaped number with an impossible date.
func (g *gen) badCPR() string {
	return fmt.Sprintf("%02d%02d%02d-%s", 32+g.r.IntN(60), 1+g.r.IntN(12), g.r.IntN(100), g.digits(4))
}

var cnAreas = []string{"110101", "110105", "110108", "310101", "310115", "440103", "440305", "330106",
	"510104", "420102", "320102", "500103", "120101", "610103", "370202", "350203", "210102", "430104"}

// cnID returns an 18-digit Chinese resident identity number with its ISO
// 7064 MOD 11-2 check character, or the old 15-digit form.
func (g *gen) cnID(old bool) string {
	area := cnAreas[g.r.IntN(len(cnAreas))]
	d := g.date(1950, 2005)
	if old {
		return area + d.Format("060102") + g.digits(3)
	}
	s := area + d.Format("20060102") + g.digits(3)
	return s + string(cnCheck(s))
}

func cnCheck(d17 string) byte {
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 17 {
		sum += int(d17[i]-'0') * w[i]
	}
	return "10X98765432"[sum%11]
}

// badCNID returns an 18-digit number shaped like a resident ID whose check
// character is wrong.
func (g *gen) badCNID() string {
	id := g.cnID(false)
	c := id[17]
	for c == id[17] {
		c = byte('0' + g.r.IntN(10))
	}
	return id[:17] + string(c)
}

var myStates = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 21, 22, 24, 30, 38, 41, 47, 53, 59}

// nric returns a Malaysian MyKad number: birth date, place-of-birth code
// and four digits, dashed or plain.
func (g *gen) nric() string {
	d := g.date(1950, 2006)
	s := d.Format("060102") + fmt.Sprintf("%02d", myStates[g.r.IntN(len(myStates))]) + g.digits(4)
	if g.r.IntN(4) == 0 {
		return s
	}
	return s[:6] + "-" + s[6:8] + "-" + s[8:]
}

// hkID returns a Hong Kong identity card number with its check character
// in brackets: A123456(3).
func (g *gen) hkID() string {
	prefix := g.letters(1 + g.r.IntN(4)/3)
	d := g.digits(6)
	sum := 36 * 9
	if len(prefix) == 2 {
		sum = (int(prefix[0]-'A') + 10) * 9
	}
	sum += (int(prefix[len(prefix)-1]-'A') + 10) * 8
	for i := range 6 {
		sum += int(d[i]-'0') * (7 - i)
	}
	c := (11 - sum%11) % 11
	check := byte('0' + c)
	if c == 10 {
		check = 'A'
	}
	return prefix + d + "(" + string(check) + ")"
}

const twLetters = "ABCDEFGHJKLMNPQRSTUVXYWZIO"

// twID returns a Taiwan national identity number with its check digit.
func (g *gen) twID() string {
	l := twLetters[g.r.IntN(len(twLetters))]
	s := string(l) + fmt.Sprint(1+g.r.IntN(2)) + g.digits(7)
	code := strings.IndexByte(twLetters, l) + 10
	sum := code/10 + code%10*9
	for i := 1; i < 9; i++ {
		sum += int(s[i]-'0') * (9 - i)
	}
	return s + fmt.Sprint((10-sum%10)%10)
}

// ssn returns a US social security number outside the never-issued areas.
func (g *gen) ssn() string {
	area := 1 + g.r.IntN(898)
	if area == 666 {
		area = 667
	}
	return fmt.Sprintf("%03d-%02d-%04d", area, 1+g.r.IntN(99), 1+g.r.IntN(9999))
}

// nino returns a UK National Insurance number with an allowed prefix.
func (g *gen) nino() string {
	first, second := "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
	for {
		p := string(first[g.r.IntN(len(first))]) + string(second[g.r.IntN(len(second))])
		switch p {
		case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
			continue
		}
		d := g.digits(6)
		suf := string("ABCD"[g.r.IntN(4)])
		if g.r.IntN(2) == 0 {
			return p + d + suf
		}
		return p + " " + d[:2] + " " + d[2:4] + " " + d[4:] + " " + suf
	}
}

// ip returns a public IPv4 address or an IPv6 address.
func (g *gen) ip() string {
	if g.r.IntN(4) == 0 {
		return fmt.Sprintf("2001:db8:%x:%x::%x", g.r.IntN(65536), g.r.IntN(65536), 1+g.r.IntN(65535))
	}
	return fmt.Sprintf("%d.%d.%d.%d", 11+g.r.IntN(180), g.r.IntN(256), g.r.IntN(256), 1+g.r.IntN(254))
}
