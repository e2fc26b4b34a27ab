package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isAlpha(c byte) bool { return isUpper(c) || isLower(c) }
func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }

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
		// punctuation directly after an address, say), or is CJK: Chinese
		// text runs on after an address (qq.com就行).
		domain := t[at+1 : end]
		if k := strings.IndexFunc(domain, func(r rune) bool { return r >= utf8.RuneSelf && (!unicode.IsLetter(r) || isCJK(r)) }); k >= 0 {
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

// roleMailboxes are the local parts of the addresses a business answers
// at, not a person: support@, help@, kundeservice@, privacy@. Customers
// quote them ("I wrote to support@shop.example"); they are no one's
// personal data.
var roleMailboxes = map[string]bool{"support": true, "help": true, "helpdesk": true, "info": true, "service": true,
	"customerservice": true, "customer.service": true, "customercare": true, "care": true, "contact": true, "sales": true,
	"billing": true, "privacy": true, "dpo": true, "noreply": true, "no-reply": true, "donotreply": true, "orders": true,
	"returns": true, "enquiries": true, "inquiries": true, "feedback": true, "kundeservice": true,
	"kontakt": true, "hjaelp": true, "hjælp": true, "ordre": true, "faktura": true, "invoice": true, "invoices": true,
	"bantuan": true, "khidmat": true, "cs": true, "complaints": true, "klage": true, "webshop": true, "shop": true}

// dropRoleMailboxes removes the e-mail addresses of a business's role
// mailboxes. It runs after the tagger, which reads every address.
func (s *scan) dropRoleMailboxes() {
	kept := s.found[:0]
	for _, f := range s.found {
		if f.Type == Email {
			if local, _, ok := strings.Cut(strings.ToLower(s.text[f.Start:f.End]), "@"); ok && roleMailboxes[local] {
				continue
			}
		}
		kept = append(kept, f)
	}
	s.found = kept
}
