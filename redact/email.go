package redact

import (
	"net/netip"
	"strings"
	"unicode"
	"unicode/utf8"
)

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isAlpha(c byte) bool { return isUpper(c) || isLower(c) }
func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }

// wordRuneBefore reports whether the rune ending at i is a letter or digit.
func wordRuneBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordRuneAt reports whether the rune starting at i is a letter or digit.
func wordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isLocalPart(c byte) bool {
	return isAlnum(c) || strings.IndexByte("._%+-'", c) >= 0 || c >= utf8.RuneSelf
}

func isDomainPart(c byte) bool { return isAlnum(c) || c == '-' || c == '.' || c >= utf8.RuneSelf }

// detectEmails finds addresses of the form local@domain.tld.
func detectEmails(s *scan) {
	t := s.text
	for off := 0; ; {
		i := strings.IndexByte(t[off:], '@')
		if i < 0 {
			return
		}
		at := off + i
		off = at + 1
		start := at
		for start > 0 && isLocalPart(t[start-1]) {
			start--
		}
		for start < at && (t[start] == '.' || t[start] == '\'') {
			start++
		}
		end := at + 1
		for end < len(t) && isDomainPart(t[end]) {
			end++
		}
		for end > at+1 && (t[end-1] == '.' || t[end-1] == '-') {
			end--
		}
		if start == at || end == at+1 {
			continue
		}
		// Stop the domain at a non-ASCII rune that is not a letter (CJK
		// punctuation directly after an address, say).
		domain := t[at+1 : end]
		if k := strings.IndexFunc(domain, func(r rune) bool { return r >= utf8.RuneSelf && !unicode.IsLetter(r) }); k >= 0 {
			domain = domain[:k]
			end = at + 1 + k
		}
		// CJK text often runs straight into an address with no space.
		local := t[start:at]
		if k := strings.LastIndexFunc(local, func(r rune) bool { return r >= utf8.RuneSelf }); k >= 0 {
			_, size := utf8.DecodeRuneInString(local[k:])
			start += k + size
			local = t[start:at]
		}
		dot := strings.LastIndexByte(domain, '.')
		if local == "" || dot <= 0 || len(domain)-dot-1 < 2 {
			continue
		}
		tld := domain[dot+1:]
		if !isAllAlpha(tld) {
			continue
		}
		s.add(Email, start, end, 0.95, strings.ToLower(t[start:end]))
		off = end
	}
}

func isAllAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlpha(s[i]) {
			return false
		}
	}
	return s != ""
}

// detectIPs finds IPv4 and IPv6 addresses.
func detectIPs(s *scan) {
	t := s.text
	for i := 0; i < len(t); {
		c := t[i]
		if !(isDigit(c) || c == ':' || (c|0x20 >= 'a' && c|0x20 <= 'f')) || (i > 0 && (isAlnum(t[i-1]) || t[i-1] == '.' || t[i-1] == ':')) {
			i++
			continue
		}
		j := i
		colons, dots := 0, 0
		for j < len(t) && (isDigit(t[j]) || t[j] == ':' || t[j] == '.' || (t[j]|0x20 >= 'a' && t[j]|0x20 <= 'f')) {
			switch t[j] {
			case ':':
				colons++
			case '.':
				dots++
			}
			j++
		}
		end := j
		for end > i && (t[end-1] == '.' || t[end-1] == ':') && !strings.HasSuffix(t[i:end], "::") {
			end--
		}
		if colons < 2 {
			dots = strings.Count(t[i:end], ".")
		}
		if end < len(t) && isAlnum(t[end]) || (colons < 2 && dots != 3) {
			i = j + 1
			continue
		}
		if addr, err := netip.ParseAddr(t[i:end]); err == nil && !addr.IsUnspecified() &&
			(addr.Is4() || len(t[i:end])-colons >= 4) {
			score := 0.85
			if addr.Is4() && looksLikeVersion(t, i) {
				score = 0.3
			}
			s.add(IPAddress, i, end, score, addr.String())
		}
		i = j + 1
	}
}

// looksLikeVersion reports whether the dotted number at i follows a word
// such as "version" or "v", so 1.2.3.4 there is not an address.
func looksLikeVersion(t string, i int) bool {
	before := strings.ToLower(t[max(0, i-12):i])
	return strings.HasSuffix(before, "v") || strings.Contains(before, "version") || strings.Contains(before, "ver.")
}

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
	for i := 0; i+4 <= len(t); i++ {
		if !isAlpha(t[i]) || !isAlpha(t[i+1]) || !isDigit(t[i+2]) || !isDigit(t[i+3]) || (i > 0 && isAlnum(t[i-1])) {
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
			i = j - 1
		}
	}
}
