package redact

import (
	"net/netip"
	"strings"
)

// detectIPs finds IPv4 and IPv6 addresses. Only word starts that run
// into a dot or a colon (and "::") are read, not every byte.
func detectIPs(s *scan) {
	t := s.text
	if s.marks&markIP != 0 {
		next := 0
		for _, w := range s.words {
			if w.marks&markIP != 0 && w.start >= next {
				next = s.ipAt(w.start)
			}
		}
	}
	for off := 0; ; {
		i := strings.Index(t[off:], "::")
		if i < 0 {
			return
		}
		i += off
		s.ipAt(i) // reads nothing inside another address: ipAt checks the byte before
		off = i + 2
	}
}

func allHex(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !isDigit(c) && !(c|0x20 >= 'a' && c|0x20 <= 'f') {
			return false
		}
	}
	return w != ""
}

// ipAt reads an address starting at i and returns where reading stopped.
func (s *scan) ipAt(i int) int {
	t := s.text
	if i > 0 && (isAlnum(t[i-1]) || t[i-1] == '.' || t[i-1] == ':') {
		return i + 1
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
		return j + 1
	}
	if colons == 1 { // an IPv4 address and a port: 10.0.0.12:8080
		c := strings.IndexByte(t[i:end], ':')
		if !allDigits(t[i+c+1 : end]) {
			return j + 1
		}
		end = i + c
	}
	// A loopback address names the machine it is written on, no one's.
	if addr, err := netip.ParseAddr(t[i:end]); err == nil && !addr.IsUnspecified() && !addr.IsLoopback() &&
		(addr.Is4() || len(t[i:end])-colons >= 4) {
		score := 0.85
		switch {
		case addr.Is4() && looksLikeVersion(t, i):
			score = 0.3
		case addr.Is4() && pairsOnly(t[i:end]) && s.cuesBefore(i)[phoneCue] >= 0:
			// "ring på 12.34.56.78": a Danish number in pairs, after a
			// word for a phone.
			score = 0.5
		}
		s.add(IPAddress, i, end, score, addr.String())
	}
	return j + 1
}

var versionCues = newCueSet("version", "ver.", "versi", "versjon", "app", "ios", "android", "firmware", "版本")

// looksLikeVersion reports whether the dotted number at i follows a word
// such as "version" or "v", so 1.2.3.4 there is not an address.
func looksLikeVersion(t string, i int) bool {
	from := max(0, i-12)
	for from > 0 && t[from]&0xC0 == 0x80 {
		from--
	}
	before := strings.ToLower(t[from:i])
	return strings.HasSuffix(before, "v") || versionCues.has(before)
}

// pairsOnly reports whether a dotted quad is four pairs of digits, as
// Danish phone numbers are written.
func pairsOnly(q string) bool {
	for _, part := range strings.Split(q, ".") {
		if len(part) != 2 {
			return false
		}
	}
	return true
}
