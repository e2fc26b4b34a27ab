package redact

import (
	"net/url"
	"strings"
)

// detectURLs finds web addresses and reports those with personal parts: a
// user name or password, query parameters that carry an e-mail address,
// a name, a phone number or a token, a profile path on a social network,
// or words around it that make it the customer's own ("my website").
// Other links (a product page, the shop's help centre) are left alone.
func detectURLs(s *scan) {
	t := s.lower
	for off := 0; off < len(t); {
		i := strings.Index(t[off:], "http")
		j := strings.Index(t[off:], "www.")
		switch {
		case i < 0 && j < 0:
			return
		case i < 0 || (j >= 0 && j < i):
			i = j
		}
		start := off + i
		if start > 0 && isAlnum(t[start-1]) {
			off = start + 4
			continue
		}
		if t[start] == 'h' && !strings.HasPrefix(t[start:], "http://") && !strings.HasPrefix(t[start:], "https://") {
			off = start + 4
			continue
		}
		end := urlEnd(s.text, start)
		off = end
		raw := s.text[start:end]
		if len(raw) < 8 || strings.IndexByte(raw, '.') < 0 {
			continue
		}
		if score := urlScore(raw, s.wordsBefore(start)); score > 0 {
			s.add(URL, start, end, score, strings.ToLower(raw))
		}
	}
}

// detectBareProfiles finds profile links written without http or www:
// linkedin.com/in/aisha-khan, instagram.com/pia.bakes.
func detectBareProfiles(s *scan) {
	t := s.lower
	if strings.IndexByte(t, '/') < 0 {
		return
	}
	for _, host := range socialHosts {
		for off := 0; ; {
			i := strings.Index(t[off:], host+"/")
			if i < 0 {
				break
			}
			start := off + i
			off = start + len(host)
			if start > 0 && (isAlnum(t[start-1]) || t[start-1] == '.' || t[start-1] == '/' || t[start-1] == '-') {
				continue // part of a longer host, or of a link with its scheme
			}
			end := urlEnd(s.text, start)
			if end-start <= len(host)+2 {
				continue // no handle after the host
			}
			s.add(URL, start, end, 0.85, t[start:end])
			off = end
		}
	}
}

// urlEnd returns where the URL starting at i ends: at white space, at a
// character that cannot be in a URL, or before trailing punctuation.
func urlEnd(t string, i int) int {
	j := i
	for j < len(t) {
		c := t[j]
		if c <= ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c >= 0x80 {
			break
		}
		j++
	}
	for j > i && strings.IndexByte(".,;:!?)]}'", t[j-1]) >= 0 {
		j--
	}
	return j
}

// personalParams are query parameter names whose values are personal.
var personalParams = map[string]bool{
	"email": true, "e-mail": true, "mail": true, "user": true, "username": true, "userid": true,
	"user_id": true, "uid": true, "name": true, "firstname": true, "lastname": true, "first_name": true,
	"last_name": true, "fname": true, "lname": true, "phone": true, "tel": true, "mobile": true,
	"token": true, "session": true, "sessionid": true, "sid": true, "auth": true, "key": true,
	"apikey": true, "code": true, "address": true, "zip": true, "dob": true, "ssn": true,
	"account": true, "customer": true, "customerid": true, "cpr": true, "ic": true,
}

// profilePaths are path segments after which comes a person's handle.
var profilePaths = []string{"/user/", "/users/", "/u/", "/profile/", "/profiles/", "/people/", "/member/",
	"/members/", "/customer/", "/customers/", "/account/", "/in/", "/~", "/@"}

// socialHosts carry a person's handle in their first path segment.
var socialHosts = []string{"facebook.com", "fb.com", "instagram.com", "twitter.com", "x.com", "linkedin.com",
	"tiktok.com", "github.com", "t.me", "wa.me", "weibo.com", "threads.net", "youtube.com"}

// urlScore says how personal a URL is.
func urlScore(raw, before string) float64 {
	if !mayBePersonalURL(raw, before) {
		return 0.3 // no part to parse says anything personal
	}
	s := raw
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return 0
	}
	if u.User != nil {
		return 0.95
	}
	for k, vs := range u.Query() {
		// Above an e-mail address's score, so that the whole link goes,
		// not only the address inside it.
		if personalParams[strings.ToLower(k)] {
			return 0.97
		}
		for _, v := range vs {
			if strings.Contains(v, "@") {
				return 0.97
			}
		}
	}
	path := strings.ToLower(u.EscapedPath())
	for _, p := range profilePaths {
		if strings.Contains(path, p) {
			return 0.85
		}
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	for _, h := range socialHosts {
		if host == h && len(strings.Trim(path, "/")) > 0 {
			return 0.85
		}
	}
	if urlContextCues.has(before) {
		return 0.8
	}
	return 0.3
}

// urlContextCues make a link the writer's own.
var urlContextCues = newCueSet("my website", "my site", "my blog", "my page", "my homepage", "my profile",
	"my portfolio", "my photo", "posted", "min hjemmeside", "min side", "min blog", "min profil",
	"laman web saya", "blog saya", "profil saya", "我的网站", "我的網站", "我的主页", "我的主頁", "我的博客")

// wordsBefore returns up to 40 bytes of lower-case text before offset i.
func (s *scan) wordsBefore(i int) string {
	from := max(0, i-40)
	for from > 0 && s.lower[from]&0xC0 == 0x80 {
		from--
	}
	return s.lower[from:i]
}

// mayBePersonalURL is a quick look at a URL before it is parsed: a query,
// user information, a profile path, a social network, or words before it
// that make it the writer's own.
func mayBePersonalURL(raw, before string) bool {
	if strings.ContainsAny(raw, "?@~") {
		return true
	}
	lower := strings.ToLower(raw)
	for _, p := range profilePaths {
		if strings.Contains(lower, p) {
			return true
		}
	}
	for _, h := range socialHosts {
		if strings.Contains(lower, h) {
			return true
		}
	}
	return urlContextCues.has(before)
}
