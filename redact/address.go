package redact

import "strings"

// Addresses in Latin script are grown from an anchor (a street word such
// as "Street", "Jalan" or the -gade of "Vesterbrogade", a unit such as
// "Apt. 4", a "Street 12, 1234 City" pattern, or a cue such as "my
// address is") over the words an address is made of: numbers, capitalised
// words, particles, unit words, across commas and line breaks, until a
// word that cannot belong to it.

const maxAddressWords = 30

// detectAddresses finds street addresses written in Latin script.
func detectAddresses(s *scan) {
	covered := -1 // last word index already inside an address
	for k := 0; k < len(s.words); k++ {
		if k <= covered {
			continue
		}
		w := s.words[k]
		if w.kind == wLetters && !w.cap && !w.upper && !s.caseless && (k == 0 || !s.words[k-1].cap && s.words[k-1].kind != wDigits) &&
			!(s.lex(k)&lxStreetPre != 0 && k+1 < len(s.words) && strings.HasPrefix(s.gap(k+1), ".")) {
			continue // a lower-case word after a lower-case one starts nothing
		}
		kind := s.addressAnchor(k)
		cue := kind == anchorNone && s.addressCueBefore(k)
		if kind == anchorNone && (!cue || !s.addrWord(k)) {
			continue
		}
		if cue && s.postcodeCueBefore(k) {
			if s.words[k].kind == wDigits || s.words[k].kind == wMixed {
				end := s.words[k].end
				if k+1 < len(s.words) && s.gap(k+1) == " " && s.ukInward(k+1) {
					end = s.words[k+1].end
				}
				s.add(Address, s.words[k].start, end, 0.75, "")
			}
			continue
		}
		from, to := k, k
		if !cue {
			from = s.growLeft(k, kind)
		}
		to = s.growRight(k, cue)
		ev := s.addressEvidence(from, to)
		score := ev.score(cue || s.addressCueBefore(from))
		if score <= 0 {
			continue
		}
		if cue && k > 0 && s.addressedToReader(k-1) && !s.hasDigits(from, to) {
			// "Do you ship to Saint Helena?": a place asked of the
			// business, no one's address; kept below the threshold as
			// the tagger's evidence of a place.
			score = min(score, presenceScore)
		}
		start, end := s.words[from].start, s.words[to].end
		if end < len(s.text) && s.text[end] == '.' && s.lex(to)&(lxStreet|lxUnit) != 0 {
			end++ // St. Apt.
		}
		s.add(Address, start, end, score, "")
		covered = to
	}
}

type anchorKind uint8

const (
	anchorNone   anchorKind = iota
	anchorStreet            // a street word after the name: Street, Vej
	anchorPrefix            // a street word before the name: Rue, Jalan
	anchorUnit              // Apt, Suite, Box with its number
	anchorNumber            // "Name 12, 1234 City"
)

// addressAnchor says whether word k can start an address.
func (s *scan) addressAnchor(k int) anchorKind {
	w := s.words[k]
	if w.kind == wDigits && s.streetNumberPostcode(k) {
		return anchorNumber
	}
	if w.kind != wLetters {
		return anchorNone
	}
	f := s.lex(k)
	capital := w.cap || s.caseless
	// A word that ends street names and starts others (Avenue, Place)
	// ends one when a name stands before it: 22 Rathgar Avenue.
	after := f&lxStreet != 0 && k > 0 && s.words[k-1].cap && s.words[k-1].kind == wLetters && s.gap(k) == " " &&
		s.lex(k-1)&(lxStop|lxStreetPre) == 0
	switch {
	case after && capital && s.addrWord(k-1):
		return anchorStreet
	case f&lxStreetPre != 0 && !capital && k > 0 && s.words[k-1].kind == wDigits && s.gap(k) == " " &&
		k+1 < len(s.words) && s.addrWord(k+1) && (s.words[k+1].cap || s.lex(k+1)&lxParticle != 0 && k+2 < len(s.words) && s.words[k+2].cap):
		return anchorPrefix // 14 rue des Lilas, 8 allée des Tilleuls
	case f&lxStreetPre != 0 && !capital && w.end-w.start <= 3 && k+1 < len(s.words) && strings.HasPrefix(s.gap(k+1), ".") &&
		s.words[k+1].cap && s.addrWord(k+1):
		return anchorPrefix // ul. Długa, al. Jerozolimskie
	case f&lxStreetPre != 0 && capital && k+1 < len(s.words) && s.addrWord(k+1):
		if s.lw(k) == "ul" && s.gap(k+1) != ". " && s.gap(k+1) != "." {
			return anchorNone
		}
		return anchorPrefix
	case f&lxStreet != 0 && k > 0 && (capital || s.words[k-1].cap) && s.gapInside(k) && s.addrWord(k-1) &&
		s.words[k-1].kind != wDigits:
		return anchorStreet
	case f&lxUnit != 0 && capital && k+1 < len(s.words) && s.words[k+1].kind != wLetters && s.gapInside(k+1):
		return anchorUnit
	case s.military(k):
		return anchorUnit
	case capital && s.compoundStreet(k):
		return anchorStreet
	}
	return anchorNone
}

// military reports whether word k opens the last line of a US military
// address: APO AE 09012.
func (s *scan) military(k int) bool {
	switch s.lw(k) {
	case "apo", "fpo", "dpo":
	default:
		return false
	}
	return k+2 < len(s.words) && s.gap(k+1) == " " && s.gap(k+2) == " " && s.words[k+1].end-s.words[k+1].start == 2 &&
		s.words[k+2].kind == wDigits && s.words[k+2].end-s.words[k+2].start == 5
}

// compoundStreet reports whether word k is a street name written as one
// word: Vesterbrogade, Bahnhofstraße, Koskikatu.
func (s *scan) compoundStreet(k int) bool {
	lw := s.lw(k)
	if len(lw) < 6 {
		return false
	}
	for _, suf := range streetSuffixIndex[lw[len(lw)-1]] {
		if len(lw) >= len(suf)+3 && strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// streetSuffixIndex holds the street suffixes by their last byte.
var streetSuffixIndex = func() (m [256][]string) {
	for _, suf := range streetSuffixes {
		m[suf[len(suf)-1]] = append(m[suf[len(suf)-1]], suf)
	}
	return m
}()

// streetNumberPostcode reports whether the number at k follows a
// capitalised word and is followed by a postcode and a town: the
// "Nyhavn 17, 1051 København K" form.
func (s *scan) streetNumberPostcode(k int) bool {
	if k == 0 || k+2 >= len(s.words) || len(s.tw(k)) > 4 {
		return false
	}
	if !s.words[k-1].cap || s.words[k-1].kind != wLetters || s.gap(k) != " " || s.lex(k-1)&lxStop != 0 {
		return false
	}
	g := s.gap(k + 1)
	if g != ", " && g != "," && g != " " {
		return false
	}
	pc := s.words[k+1]
	n := pc.end - pc.start
	if pc.kind == wDigits && (n == 4 || n == 5) && s.gap(k+2) == " " && s.words[k+2].cap {
		return true
	}
	// "Tylova 1036, Recco, Guyana": a town and a country follow.
	if g == " " || !pc.cap || pc.kind != wLetters {
		return false
	}
	for j := k + 1; j < len(s.words) && j <= k+6; j++ {
		if strings.IndexByte(s.gap(j), '\n') >= 0 || !s.addrWord(j) {
			return false
		}
		if s.countryLen(j) > 0 && j > k+1 {
			return true
		}
	}
	return false
}

// addrWord reports whether word k can be part of an address.
func (s *scan) addrWord(k int) bool {
	w := s.words[k]
	switch w.kind {
	case wDigits:
		return w.end-w.start <= 6
	case wMixed:
		return w.end-w.start <= 8 && !currencyAmount(s.lw(k))
	case wCJK:
		return false
	}
	f := s.lex(k)
	if f&(lxStreet|lxStreetPre|lxUnit|lxParticle) != 0 {
		return true
	}
	if s.lw(k) == "no" || s.lw(k) == "nr" {
		return k+1 < len(s.words) && s.words[k+1].kind != wLetters && (strings.HasPrefix(s.gap(k+1), ".") || strings.HasPrefix(s.gap(k+1), ":"))
	}
	if s.caseless {
		return f&lxStop == 0
	}
	if w.upper && w.end-w.start == 2 && k+1 < len(s.words) && s.words[k+1].kind == wDigits && s.words[k+1].end-s.words[k+1].start == 5 {
		return true // a US state before its ZIP code: OR 97205
	}
	if w.upper && w.end-w.start <= 3 && k+1 < len(s.words) && s.gap(k+1) == " " && s.postcodeAt(k+1) {
		return true // a state or province before its postcode: ON M5S 1G5, WA 6000
	}
	if w.upper && w.end-w.start == 2 && k > 0 && s.gap(k) == " " && s.words[k-1].kind == wDigits && s.words[k-1].end-s.words[k-1].start == 4 {
		return true // a Dutch postcode's letters: 1017 KH
	}
	if w.cap || w.upper {
		return f&(lxStop|lxNotName|lxGreeting|lxSignOff|lxMonth) == 0
	}
	// A short lower-case word between two capitalised ones: Via dalla
	// Staziun, Kámen u Pacova.
	return f&lxStop == 0 && w.end-w.start <= 6 && k > 0 && k+1 < len(s.words) && s.gap(k) == " " &&
		s.gap(k+1) == " " && s.words[k-1].cap && (s.words[k+1].cap || s.words[k+1].kind == wDigits)
}

// gapInside reports whether the text before word k can sit inside an
// address: spaces, commas, abbreviation dots, hyphens, slashes, line
// breaks (at most one blank line), and the quote marks some mail clients
// put at the start of lines.
func (s *scan) gapInside(k int) bool {
	g := s.gap(k)
	if len(g) == 0 || len(g) > 10 {
		return len(g) == 0 && k > 0 && s.words[k-1].kind != s.words[k].kind
	}
	newlines := 0
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case ' ', '\t', ',', '.', '-', '/', '#', '\r':
		case '\n':
			newlines++
		case '>', '?':
			if newlines == 0 {
				return false
			}
		case ':':
			// "No: 48", the house number after its label.
			if k == 0 || s.words[k].kind != wDigits || s.lw(k-1) != "no" && s.lw(k-1) != "nr" {
				return false
			}
		default:
			return false
		}
	}
	if newlines > 2 || strings.Count(g, ",") > 1 || strings.Count(g, ".") > 1 {
		return false
	}
	// ". Word" ends a sentence unless the dot ends an abbreviation.
	if i := strings.IndexByte(g, '.'); i >= 0 && newlines == 0 && k > 0 && strings.IndexByte(g[i:], ' ') >= 0 {
		prev := s.words[k-1]
		abbrev := prev.end-prev.start <= 2 && prev.kind != wDigits || prev.end-prev.start <= 3 && prev.cap && prev.kind == wLetters ||
			s.lex(k-1)&(lxStreet|lxUnit|lxStreetPre) != 0 || prev.kind == wDigits && prev.end-prev.start <= 3
		if !abbrev {
			return false
		}
	}
	return true
}

// hasDigits reports whether any of words [from, to] holds a digit.
func (s *scan) hasDigits(from, to int) bool {
	for k := from; k <= to && k < len(s.words); k++ {
		if s.words[k].kind == wDigits || s.words[k].kind == wMixed {
			return true
		}
	}
	return false
}

// currencyCodes begin an amount written as one word: RM25, kr499, S$12.
var currencyCodes = []string{"rm", "kr", "dkk", "usd", "sgd", "hkd", "rmb", "eur", "gbp", "myr", "aud", "nzd", "twd", "ntd"}

// currencyAmount reports whether a lower-case word is an amount with its
// currency before it: a price, not a house number.
func currencyAmount(lw string) bool {
	for _, c := range currencyCodes {
		if len(lw) > len(c) && strings.HasPrefix(lw, c) && isDigit(lw[len(c)]) {
			return true
		}
	}
	return false
}

// dropVersionAddresses removes the addresses that are a unit word and a
// version number: "APP 8.4.1版本" is an app's version, though "app" opens
// a flat's number in Swedish and French ("app 3"). A number with two dots
// or more numbers no flat. So are the codes a reference's label stands
// before: "Order FL-2201" is an order, not a floor.
func (s *scan) dropVersionAddresses() {
	kept := s.found[:0]
	for _, f := range s.found {
		if f.Type == Address && (versionOnly(s.text[f.Start:f.End]) || s.referenceCode(f)) {
			continue
		}
		kept = append(kept, f)
	}
	s.found = kept
}

// versionOnly reports whether an address's text is at most two words, the
// last a version number (digits with two dots or more: 8.4.1).
func versionOnly(t string) bool {
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	last := words[len(words)-1]
	dots := 0
	for i := 0; i < len(last); i++ {
		switch {
		case last[i] == '.':
			if i == 0 || i == len(last)-1 || !isDigit(last[i-1]) {
				return false
			}
			dots++
		case !isDigit(last[i]):
			return false
		}
	}
	return dots >= 2
}

// referenceLabels name the codes of orders, cases and bookings.
var referenceLabels = map[string]bool{"order": true, "ordre": true, "ordren": true, "pesanan": true, "ref": true,
	"reference": true, "case": true, "sag": true, "policy": true, "police": true, "polis": true, "booking": true,
	"invoice": true, "faktura": true, "invois": true, "tracking": true, "ticket": true, "claim": true, "ordrenummer": true}

// referenceCode reports whether an address of one or two words follows a
// reference's label: "Order FL-2201".
func (s *scan) referenceCode(f Finding) bool {
	k := s.wordAt(f.Start)
	if k <= 0 || k >= len(s.words) || len(strings.Fields(s.text[f.Start:f.End])) > 2 {
		return false
	}
	g := strings.TrimSpace(s.gap(k))
	return (g == "" || g == ":" || g == "#" || g == "no." || g == "nr.") && referenceLabels[s.lw(k-1)]
}
