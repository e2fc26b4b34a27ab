package redact

import "strings"

// ibanLengths holds the IBAN length of each country that issues them.
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
	"BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
	"EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
	"GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
	"IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
	"LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
	"NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
	"SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
	"TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}

// detectIBANs finds IBANs written plain or in groups of four, checked by
// their country's length and mod 97.
func detectIBANs(s *scan) {
	t := s.text
	if s.marks&markIBAN == 0 {
		return
	}
	next := 0
	for _, w := range s.words {
		i := w.start
		if w.marks&markIBAN == 0 || i < next {
			continue
		}
		cc := strings.ToUpper(t[i : i+2])
		want, ok := ibanLengths[cc]
		if !ok {
			continue
		}
		var b [34]byte
		n := 0
		j := i
		for j < len(t) && n < want {
			c := t[j]
			switch {
			case isAlnum(c):
				if isLower(c) {
					c -= 'a' - 'A'
				}
				b[n] = c
				n++
				j++
			case c == ' ' && j+1 < len(t) && isAlnum(t[j+1]) && n%4 == 0:
				j++
			default:
				goto done
			}
		}
	done:
		if n != want || (j < len(t) && isAlnum(t[j])) {
			continue
		}
		if iban := string(b[:n]); ibanValid(iban) {
			s.add(IBAN, i, j, 0.95, iban)
			next = j
		}
	}
}
