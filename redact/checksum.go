package redact

import "time"

// luhn reports whether the digits pass the Luhn check used by payment cards.
func luhn(digits string) bool {
	sum, double := 0, false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// ibanValid checks an IBAN (upper case, no spaces) by mod 97.
func ibanValid(iban string) bool {
	if len(iban) < 15 || len(iban) > 34 {
		return false
	}
	rem := 0
	feed := func(c byte) {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			v := int(c-'A') + 10
			rem = (rem*100 + v) % 97
		}
	}
	for i := 4; i < len(iban); i++ {
		feed(iban[i])
	}
	for i := 0; i < 4; i++ {
		feed(iban[i])
	}
	return rem == 1
}

// cnIDCheck computes the ISO 7064 MOD 11-2 check character of the first 17
// digits of a Chinese resident identity number.
func cnIDCheck(d17 string) byte {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(d17[i]-'0') * weights[i]
	}
	return "10X98765432"[sum%11]
}

// cprMod11 reports whether a Danish CPR number passes the old modulus-11
// check. Numbers issued since 2007 need not pass it; a pass only raises
// confidence.
func cprMod11(d10 string) bool {
	weights := [10]int{4, 3, 2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i := 0; i < 10; i++ {
		sum += int(d10[i]-'0') * weights[i]
	}
	return sum%11 == 0
}

// num parses a run of ASCII digits.
func num(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// validDate reports whether y-m-d is a real calendar day.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// cprYear returns the full birth year of a CPR number from its two-digit
// year and the first digit of its sequence number, by the CPR office's
// century table; ok is false for impossible combinations.
func cprYear(yy int, seq0 byte) (int, bool) {
	switch {
	case seq0 <= '3':
		return 1900 + yy, true
	case seq0 == '4' || seq0 == '9':
		if yy <= 36 {
			return 2000 + yy, true
		}
		return 1900 + yy, true
	case seq0 >= '5' && seq0 <= '8':
		if yy <= 57 {
			return 2000 + yy, true
		}
		return 1800 + yy, true
	}
	return 0, false
}

// myStates holds the place-of-birth codes used in Malaysian NRICs: the
// states (01-16, 21-59) and the foreign-born codes.
var myStates = func() [100]bool {
	var ok [100]bool
	for c := 1; c <= 16; c++ {
		ok[c] = true
	}
	for c := 21; c <= 59; c++ {
		ok[c] = true
	}
	for _, c := range []int{60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 74, 75, 76, 77, 78, 79,
		82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 98, 99} {
		ok[c] = true
	}
	return ok
}()
