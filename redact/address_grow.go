package redact

import (
	"strings"
	"unicode/utf8"
)

// growLeft extends an address from its anchor at k to the words before
// it on the same line: the street name before "Street", the house number
// before "Rue", "P.O." before "Box". A unit ("Apt. 4") also takes the line
// before it when that line holds the street, and a street's name the
// house number written before it after a comma ("House No. 12, Osu Badu
// Street").
func (s *scan) growLeft(k int, kind anchorKind) int {
	from := k
grow:
	for n := 0; from > 0 && n < 5; n++ {
		g := s.gap(from)
		if strings.IndexByte(g, '\n') >= 0 || !s.gapInside(from) || !s.addrWord(from-1) {
			break
		}
		prev := s.words[from-1]
		switch kind {
		case anchorStreet, anchorNumber:
			if g != " " && g != "-" && !(g == ". " && prev.end-prev.start <= 3) &&
				!(g == "/" && prev.kind == wDigits && s.words[from].kind == wDigits) { // 3/17 Māngere Road
				break grow
			}
		case anchorPrefix:
			if prev.kind == wLetters && s.lw(from-1) != "no" && s.lex(from-1)&lxUnit == 0 && prev.end-prev.start > 1 {
				return from
			}
		}
		from--
	}
	if kind == anchorStreet && from > 0 && strings.TrimRight(s.gap(from), " ") == "," {
		from = s.houseNumberPart(from)
	}
	if kind == anchorUnit && from > 0 && strings.Count(s.gap(from), "\n") == 1 && s.gapInside(from) {
		if prev := s.lineStart(from - 1); s.addressLine(prev, false) && s.streetLine(prev, from-1, s.military(k)) {
			from = prev
		}
	}
	return from
}

// houseNumberPart returns the first word of the part before word k (a
// street's name after a comma) when that part is a house's number: "House
// No. 12, Osu Badu Street", "Flat 3, Beech Road"; else k.
func (s *scan) houseNumberPart(k int) int {
	start, ok := s.partBefore(k)
	if !ok || k-start > 4 {
		return k
	}
	for j := start; j < k; j++ {
		if w := s.words[j]; (w.kind == wDigits || w.kind == wMixed) && w.end-w.start <= 4 {
			return start
		}
	}
	return k
}

// lineStart returns the first word of the line holding word k.
func (s *scan) lineStart(k int) int {
	for k > 0 && strings.IndexByte(s.gap(k), '\n') < 0 {
		k--
	}
	return k
}

// streetLine reports whether words [from, to] look like the street line
// of an address: a house number first, or a street word.
func (s *scan) streetLine(from, to int, any bool) bool {
	if any || s.words[from].kind != wLetters {
		return true
	}
	for k := from; k <= to; k++ {
		if s.lex(k)&(lxStreet|lxStreetPre|lxUnit) != 0 || s.compoundStreet(k) {
			return true
		}
	}
	return false
}

// growRight extends an address from word k over the words that can
// belong to it, across at most six lines.
func (s *scan) growRight(k int, cue bool) int {
	j := k
	lines := 0
	for j+1 < len(s.words) && j-k < maxAddressWords {
		if !s.gapInside(j + 1) {
			break
		}
		if n := s.countryLen(j + 1); n > 1 {
			j += n
			continue
		}
		if addressEndWords[s.lw(j+1)] {
			break // "FAO Alasdair Crichton", "Attention Rachel Tay": whom it is for
		}
		if !s.addrWord(j + 1) {
			if n := s.andStreet(j + 1); n > 0 {
				j += n
				continue
			}
			break
		}
		if g := s.gap(j + 1); strings.IndexByte(g, '\n') >= 0 {
			blank := strings.Count(g, "\n") > 1
			if lines >= 6 || !s.addressLine(j+1, blank) {
				break
			}
			// A line that ends a sentence, or holds the postcode, ends
			// the address but for a country on the next line: what
			// follows is the letter's (a signature, "Lucía").
			if (s.sentenceEndAt(j+1) || s.postcodeLine(k, j)) && !s.countryLine(j+1) {
				break
			}
			lines++
		}
		j++
	}
	// An address does not end in a particle or a bare unit word.
	for j > k && s.lex(j)&(lxParticle|lxUnit) != 0 && s.words[j].kind == wLetters {
		j--
	}
	return j
}

// sentenceEndAt reports whether the gap before word k holds a full stop
// that ends a sentence: after a word of four letters or more that is no
// street or unit word (Madrid., not th., Rd. or Ave.).
func (s *scan) sentenceEndAt(k int) bool {
	if k == 0 || strings.IndexByte(s.gap(k), '.') < 0 {
		return false
	}
	w := s.words[k-1]
	return w.kind == wLetters && utf8.RuneCountInString(s.text[w.start:w.end]) >= 4 && s.lex(k-1)&(lxStreet|lxStreetPre|lxUnit) == 0
}

// postcodeLine reports whether the line of the address that ends at word
// to (and starts at from or after) is its postcode line: a number of four
// digits or more, or a word of letters and digits (SA32, 2DU), and no
// street word (8830 Pinecrest Ln is a house number).
func (s *scan) postcodeLine(from, to int) bool {
	start := to
	for start > from && strings.IndexByte(s.gap(start), '\n') < 0 {
		start--
	}
	code := false
	for k := start; k <= to && k < len(s.words); k++ {
		if s.lex(k)&(lxStreet|lxStreetPre|lxUnit) != 0 {
			return false
		}
		switch w := s.words[k]; w.kind {
		case wDigits:
			code = code || w.end-w.start >= 4
		case wMixed:
			code = true
		}
	}
	return code
}

// countryLine reports whether the line starting at word k is a country's
// name alone.
func (s *scan) countryLine(k int) bool {
	n := s.countryLen(k)
	return n > 0 && (k+n >= len(s.words) || strings.IndexByte(s.gap(k+n), '\n') >= 0 || !s.gapInside(k+n))
}

// addressEndWords open the line of whom a letter is for, after its
// address.
var addressEndWords = map[string]bool{"fao": true, "attention": true, "attn": true, "att": true}

// andStreet returns how many words from k (an "and") lead to a street
// word, for "the corner of Main Street and Elm Street"; 0 if none.
func (s *scan) andStreet(k int) int {
	switch s.lw(k) {
	case "and", "og", "dan":
	default:
		return 0
	}
	for j := k + 1; j < len(s.words) && j <= k+5; j++ {
		if s.gap(j) != " " || !s.addrWord(j) {
			return 0
		}
		if s.lex(j)&(lxStreet|lxStreetPre) != 0 || s.compoundStreet(j) {
			return j - k + 1
		}
	}
	return 0
}

// addressLine reports whether the line starting at word k continues an
// address: address words up to its end, or up to a country or postcode
// after which the sentence goes on; no e-mail, no long numbers. After a
// blank line only a short line with a country or a postcode does.
func (s *scan) addressLine(k int, afterBlank bool) bool {
	n, country, postcode, whole := 0, false, false, false
	digitRun := 0 // digits in consecutive number words: a phone number
	for j := k; ; j++ {
		if j >= len(s.words) || j > k && strings.IndexByte(s.gap(j), '\n') >= 0 {
			whole = true
			break
		}
		if j > k && !s.gapInside(j) {
			whole = true // punctuation ends the address here
			break
		}
		if !s.addrWord(j) || n >= 8 {
			break
		}
		if s.countryLen(j) > 0 {
			country = true
		}
		if w := s.words[j]; w.kind == wDigits {
			postcode = postcode || w.end-w.start >= 4
			digitRun += w.end - w.start
			if digitRun >= 8 {
				return false
			}
		} else {
			digitRun = 0
		}
		n++
	}
	if n == 0 || (!whole && !country && !postcode) {
		return false
	}
	if line := s.text[s.words[k].start:s.words[k+n-1].end]; strings.IndexByte(line, '@') >= 0 {
		return false
	}
	return !afterBlank || (n <= 4 && (country || postcode))
}

// countryLen returns how many words from k name a country, or 0.
func (s *scan) countryLen(k int) int {
	if s.lex(k)&lxCountry == 0 {
		return 0
	}
	best := 0
	for j := k; j < len(s.words) && j-k < 5; j++ {
		if j > k && s.gap(j) != " " {
			break
		}
		// With single spaces between, the lower-case text is the name.
		if countries[s.lower[s.words[k].start:s.words[j].end]] {
			best = j - k + 1
		}
	}
	return best
}

// postcodeAt reports whether word k starts a postcode of the kind written
// with letters: Canadian (M5S 1G5), Irish (D06 K2W7), British (SW1A 1AA),
// or a number of four or five digits.
func (s *scan) postcodeAt(k int) bool {
	w := s.words[k]
	n := w.end - w.start
	switch w.kind {
	case wDigits:
		return n == 4 || n == 5
	case wMixed:
		return n >= 2 && n <= 4 && isUpper(s.text[w.start]) && k+1 < len(s.words) && s.gap(k+1) == " " &&
			s.words[k+1].kind == wMixed && s.words[k+1].end-s.words[k+1].start <= 4
	}
	return false
}

// ukInward reports whether word k is the inward half of a UK postcode
// (the 1AA of SW1A 1AA).
func (s *scan) ukInward(k int) bool {
	w := s.tw(k)
	return len(w) == 3 && isDigit(w[0]) && isUpper(w[1]) && isUpper(w[2])
}

// addressEvidence is what the words of a candidate address hold.
type addressEvidence struct {
	street, number, unit, postcode, country, numberPostcode bool
	// parts counts the commas between its words.
	capitals, lines, countryWords, parts int
}

func (s *scan) addressEvidence(from, to int) addressEvidence {
	var ev addressEvidence
	for k := from; k <= to; k++ {
		w := s.words[k]
		if k > from && strings.IndexByte(s.gap(k), '\n') >= 0 {
			ev.lines++
		}
		if k > from && strings.IndexByte(s.gap(k), ',') >= 0 {
			ev.parts++
		}
		switch w.kind {
		case wDigits:
			n := w.end - w.start
			if n <= 5 {
				ev.number = true
			}
			if (n == 4 || n == 5) && k+1 <= to && s.words[k+1].cap {
				ev.postcode = true
			}
			if n == 5 && k > from && s.words[k-1].upper && s.words[k-1].end-s.words[k-1].start == 2 {
				ev.postcode = true // IL 62704
			}
			if s.streetNumberPostcode(k) {
				ev.numberPostcode = true
			}
			continue
		case wMixed:
			ev.number = true
			if k+1 <= to && s.ukInward(k+1) {
				ev.postcode = true
			}
			continue
		}
		f := s.lex(k)
		switch {
		case f&(lxStreet|lxStreetPre) != 0 || s.compoundStreet(k):
			ev.street = true
		case f&lxUnit != 0 && k < to && s.words[k+1].kind != wLetters:
			ev.unit = true
		}
		if n := s.countryLen(k); n > 0 {
			ev.country = true
			ev.countryWords += n
		}
		if w.cap || w.upper || s.caseless && f&lxStop == 0 {
			ev.capitals++
		}
	}
	return ev
}

// score turns the evidence into a confidence.
func (ev addressEvidence) score(cue bool) float64 {
	extra := ev.postcode || ev.country || ev.unit
	switch {
	case ev.street && ev.number && extra:
		return 0.9
	case ev.numberPostcode:
		return 0.85
	case cue && (ev.number || ev.street) && ev.capitals >= 1:
		return 0.85
	case ev.street && ev.number:
		return 0.8
	case ev.unit && ev.number && (ev.country || ev.postcode || ev.lines > 0):
		return 0.8
	case ev.unit && ev.number:
		return 0.7
	case ev.postcode && (ev.country || ev.lines > 0) && ev.capitals >= 2:
		return 0.7
	case cue && ev.capitals-ev.countryWords >= 3 && (ev.parts > 0 || ev.lines > 0):
		return 0.65 // more than places: "do you ship to New Zealand?" is none
	case cue && ev.capitals-ev.countryWords >= 2:
		// A town after "delivery to" ("Alice Springs", "Kota Bharu") is a
		// place the parcel goes, no one's address: evidence for the
		// tagger, below the threshold.
		return presenceScore
	}
	return 0
}
