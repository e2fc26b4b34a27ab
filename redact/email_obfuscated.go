package redact

import (
	"strings"
	"unicode/utf8"
)

// People write e-mail addresses so that machines do not read them:
// "pia.juul AT gmail DOT com", "lin(at)126(dot)com", "zhao_yt2008#163.com"
// (with # for @, as Chinese sites ask), "navn snabel-a firma punktum dk".
// An address is read from such a form when the separators are there and
// the address ends in a known top-level domain; "#" counts only before a
// domain of a mail provider.

// atForms are the ways of writing @, longest first; dotForms those of the
// dot in a domain.
var (
	atForms  = []string{" snabel-a ", " (at) ", " [at] ", " {at} ", "(at)", "[at]", "{at}", " at ", "#"}
	dotForms = []string{" punktum ", " (dot) ", " [dot] ", " {dot} ", "(dot)", "[dot]", "{dot}", " dot ", " titik ", " prik ", "."}
)

// mailTLDs are the top-level domains an obfuscated address may end in.
var mailTLDs = map[string]bool{"com": true, "net": true, "org": true, "dk": true, "my": true, "cn": true, "hk": true,
	"tw": true, "uk": true, "de": true, "se": true, "no": true, "io": true, "edu": true, "gov": true, "co": true,
	"sg": true, "au": true, "info": true, "me": true, "nl": true, "fr": true, "eu": true, "us": true, "ca": true}

// mailProviders are domains that "#" may stand before.
var mailProviders = []string{"163.com", "126.com", "qq.com", "gmail.com", "hotmail.com", "outlook.com", "yahoo.com",
	"sina.com", "sohu.com", "foxmail.com", "yeah.net", "live.com", "icloud.com", "139.com", "189.cn", "sina.cn",
	"aliyun.com", "netvigator.com", "hinet.net", "pchome.com.tw", "yahoo.com.hk", "yahoo.com.tw", "yahoo.co.uk",
	"hotmail.co.uk", "live.co.uk", "btinternet.com", "sky.com", "ymail.com", "aol.com", "protonmail.com", "proton.me",
	"gmx.com", "gmx.de", "web.de", "mail.ru", "yandex.ru", "naver.com", "hanmail.net", "rediffmail.com",
	"bigpond.com", "xtra.co.nz", "tm.net.my", "streamyx.com", "mail.dk", "jubii.dk", "ofir.dk", "live.dk", "hotmail.dk",
	"msn.com", "me.com", "mac.com", "zoho.com"}

// detectObfuscatedEmails finds e-mail addresses written with words or
// signs for @ and the dots.
func detectObfuscatedEmails(s *scan) {
	l := s.lower
	if strings.IndexByte(l, '#') < 0 && !strings.Contains(l, "at") && !strings.Contains(l, "snabel") {
		return
	}
	for _, at := range atForms {
		for off := 0; ; {
			i := strings.Index(l[off:], at)
			if i < 0 {
				break
			}
			i += off
			off = i + len(at)
			start := i
			for start > 0 && isLocalByte(l[start-1]) {
				start--
			}
			for start < i && (l[start] == '.' || l[start] == '-') {
				start++
			}
			local := l[start:i]
			if at != "#" && start < i {
				// The dots of the local part written out too: "rohit dot
				// malhotra at gmail dot com", "anna dot k at ...".
				start, local = localPartBack(l, start, local)
			}
			if len(local) < 2 || start > 0 && l[start-1] >= 0x80 && !s.cjkBefore(start) {
				continue
			}
			end, ok := domainEnd(l, i+len(at), at == "#")
			if !ok && at == "#" && strings.ContainsAny(l[start:i], "._") {
				// "ulrik.kragh#webspeed.dk": a local part shaped like an
				// address's before any domain with a mail TLD.
				end, ok = domainEnd(l, i+len(at), false)
			}
			if !ok {
				continue
			}
			// "look at example.com" is no address: with a plain "at",
			// the dots too must be written out, or the local part must
			// look like one (pia.juul, lin_88), or the domain be a mail
			// provider's.
			if at == " at " && !strings.ContainsAny(local, "._-+0123456789") && !strings.Contains(l[i:end], " dot ") &&
				!isProvider(canonDomain(l[i+len(at):end])) {
				continue
			}
			canon := local + "@" + canonDomain(l[i+len(at):end])
			s.add(Email, start, end, 0.9, canon)
			off = end
		}
	}
}

// cjkBefore reports whether a CJK character ends at i.
func (s *scan) cjkBefore(i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s.text[:i])
	return isCJK(r)
}

func isProvider(d string) bool {
	for _, p := range mailProviders {
		if d == p {
			return true
		}
	}
	return false
}

func isLocalByte(c byte) bool { return isAlnum(c) || c == '.' || c == '_' || c == '-' || c == '+' }

// domainEnd reads a domain written with dot forms from i and returns its
// end, if it is one: labels of letters, digits and hyphens, at least two,
// the last a known top-level domain.
func domainEnd(l string, i int, provider bool) (int, bool) {
	if provider {
		// The longest provider that ends there: "yahoo.com.tw", not
		// "yahoo.com".
		best := 0
		for _, p := range mailProviders {
			if len(p) > best && strings.HasPrefix(l[i:], p) && domainEndsAt(l, i+len(p)) {
				best = len(p)
			}
		}
		return i + best, best > 0
	}
	labels, end, j := 0, 0, i
	for {
		k := j
		for k < len(l) && (isAlnum(l[k]) || l[k] == '-') {
			k++
		}
		if k == j {
			break
		}
		labels++
		if labels >= 2 && mailTLDs[l[j:k]] && (k == len(l) || !isAlnum(l[k])) {
			end = k
		}
		next := -1
		for _, d := range dotForms {
			if strings.HasPrefix(l[k:], d) {
				next = k + len(d)
				break
			}
		}
		if next < 0 {
			break
		}
		j = next
	}
	return end, end > 0
}

// domainEndsAt reports whether a domain can end at i: no letter or digit
// follows, nor a dot and another label.
func domainEndsAt(l string, i int) bool {
	if i < len(l) && isAlnum(l[i]) {
		return false
	}
	return i+1 >= len(l) || l[i] != '.' || !isAlnum(l[i+1])
}

// canonDomain writes a domain with dots.
func canonDomain(d string) string {
	for _, f := range dotForms[:len(dotForms)-1] {
		d = strings.ReplaceAll(d, f, ".")
	}
	return d
}

// localPartBack extends a local part that starts at start back over the
// dots written as words before it ("rohit dot malhotra"), and returns its
// new start and its canonical form (with the dots).
func localPartBack(l string, start int, local string) (int, string) {
	for {
		moved := false
		for _, df := range dotForms[:len(dotForms)-1] {
			p, ok := strings.CutSuffix(l[:start], df)
			if !ok {
				continue
			}
			q := len(p)
			for q > 0 && isLocalByte(l[q-1]) {
				q--
			}
			if q < len(p) {
				local = l[q:len(p)] + "." + local
				start, moved = q, true
			}
			break
		}
		if !moved {
			return start, local
		}
	}
}
