package redact

import "strings"

// Many addresses have no street word to grow from: an Irish townland
// ("Baile an Fheirtéaraigh, Trá Lí, Co. Chiarraí V92 E8T5"), a house name
// ("The Old Manse, Kirkton of Glenisla, Blairgowrie PH11 8PH"), a
// Malaysian lot ("Lot 1123, Kampung Baru Sungai Buloh, 47000 Sungai
// Buloh"), an Indian house number ("House No. 56, Lane 3, Sainikpuri,
// Telangana 500094"). What they end in is a postcode of a form few other
// things take. An address is grown from such a postcode back over the
// comma-separated parts before it, to the one holding the house number.

// maxPostcodeParts is how many comma-separated parts an address grown
// from its postcode reaches back over.
const maxPostcodeParts = 5

// maxPartWords is the most words a part of such an address holds.
const maxPartWords = 5

// postcodeScore is the confidence of an address grown from a postcode.
const postcodeScore = 0.8

// detectPostcodeAddresses finds addresses that end in a postcode of a
// distinctive form and have at least one part before the postcode's.
func detectPostcodeAddresses(s *scan) {
	for k := 0; k < len(s.words); k++ {
		last, ok := s.strongPostcode(k)
		if !ok {
			continue
		}
		from := s.postcodePartStart(k)
		first := s.postcodeAddressStart(from)
		if first == from {
			k = last
			continue // a postcode alone, or a town and its postcode: a place
		}
		to := s.growRight(last, false)
		start, end := s.words[first].start, s.words[to].end
		s.add(Address, start, end, postcodeScore, "")
		k = to
	}
}

// strongPostcode reports whether word k starts a postcode of a form
// little else takes, and returns its last word: British (PH11 8PH),
// Irish (V92 E8T5), Canadian (M5S 1G5), Polish (80-827 and a town), four
// or five digits that begin a part before a town (47000 Sungai Buloh), or
// six digits after a region's name (Telangana 500094).
func (s *scan) strongPostcode(k int) (int, bool) {
	w := s.words[k]
	next := k + 1
	spaced := next < len(s.words) && s.gap(next) == " "
	switch w.kind {
	case wMixed:
		t := s.tw(k)
		if !spaced || len(t) < 2 || len(t) > 4 || !isUpper(t[0]) {
			return 0, false
		}
		if s.ukInward(next) || eircodeUnique(s.tw(next)) && eircodeRouting(t) {
			return next, true
		}
	case wDigits:
		t := s.tw(k)
		// 80-827 Gdańsk
		if len(t) == 2 && next+1 < len(s.words) && s.gap(next) == "-" && s.words[next].kind == wDigits &&
			len(s.tw(next)) == 3 && s.gap(next+1) == " " && s.words[next+1].cap && s.words[next+1].kind == wLetters {
			return next + 1, true
		}
		// 47000 Sungai Buloh, 2100 København Ø: a part that begins with
		// a postcode and its town
		if (len(t) == 4 || len(t) == 5) && k > 0 && s.partBreak(k) && spaced && s.words[next].cap &&
			s.words[next].kind == wLetters && s.lex(next)&lxStop == 0 {
			return next, true
		}
		// Telangana 500094, at the end of the part
		if len(t) == 6 && k > 0 && s.gap(k) == " " && s.words[k-1].cap && s.words[k-1].kind == wLetters &&
			s.lex(k-1)&lxStop == 0 && (next >= len(s.words) || s.gap(next) != " ") {
			return k, true
		}
	}
	return 0, false
}

// eircodeRouting reports whether t is the routing key of an Irish
// Eircode: a letter and two digits (V92), or D6W.
func eircodeRouting(t string) bool {
	return len(t) == 3 && isUpper(t[0]) && (isDigit(t[1]) && isDigit(t[2]) || t == "D6W")
}

// eircodeUnique reports whether t is the unique identifier of an Eircode:
// four letters and digits, with at least one of each (E8T5, HX7T).
func eircodeUnique(t string) bool {
	if len(t) != 4 {
		return false
	}
	digits, letters := 0, 0
	for i := 0; i < len(t); i++ {
		switch {
		case isDigit(t[i]):
			digits++
		case isUpper(t[i]):
			letters++
		default:
			return false
		}
	}
	return digits > 0 && letters > 0
}

// postcodePartStart returns the first word of the part holding the
// postcode at k: the town or region written before it on the same part
// (Blairgowrie PH11 8PH, Co. Donegal F92 HX7T).
func (s *scan) postcodePartStart(k int) int {
	from := k
	for n := 0; from > 0 && n < maxPartWords; n++ {
		if !s.partGap(from) || !s.partWord(from-1) {
			break
		}
		from--
	}
	return from
}

// postcodeAddressStart reaches back from the part starting at from over
// the parts before it, each after a comma or a line break, and returns
// where the address starts: the furthest part holding a number, or, when
// none does, the furthest part, if a lower-case word or the start of the
// text stands before it (a list of names does not end in a postcode).
func (s *scan) postcodeAddressStart(from int) int {
	var starts []int
	cur := from
	for len(starts) < maxPostcodeParts && cur > 0 && s.partBreak(cur) {
		start, ok := s.partBefore(cur)
		if !ok {
			break
		}
		starts = append(starts, start)
		cur = start
	}
	if len(starts) == 0 {
		return from
	}
	for i := len(starts) - 1; i >= 0; i-- {
		end := from - 1
		if i > 0 {
			end = starts[i-1] - 1
		}
		if s.hasDigits(starts[i], end) {
			return starts[i]
		}
	}
	first := starts[len(starts)-1]
	if first == 0 || s.words[first-1].kind == wLetters && !s.words[first-1].cap && !s.words[first-1].upper {
		return first
	}
	return from
}

// partBefore returns the first word of the part that ends just before
// word k, if every word of it can belong to an address.
func (s *scan) partBefore(k int) (int, bool) {
	j := k - 1
	if !s.partWord(j) {
		return 0, false
	}
	lower := -1 // the last lower-case word taken for a place name's particle
	for n := 1; j > 0 && s.partGap(j); n++ {
		if n >= maxPartWords {
			if lower >= 0 {
				// "... Niels Brandt-Møller på Vesterbro 41": too long for
				// a part, so the lower-case word was the sentence's, and
				// the part starts after it.
				return lower + 1, true
			}
			return 0, false
		}
		if w := s.words[j]; w.kind == wLetters && !w.cap && !w.upper && lower < 0 && !s.addrWord(j) {
			lower = j
		}
		if !s.partWord(j - 1) {
			// A lower-case word before the part is the sentence's ("I
			// live at", "He's my son"), which the part starts after.
			if w := s.words[j-1]; w.kind == wLetters && !w.cap && !w.upper {
				break
			}
			return 0, false
		}
		j--
	}
	if w := s.words[j]; w.kind == wLetters && !w.cap && !w.upper && s.lex(j)&lxStreetPre == 0 {
		return 0, false
	}
	return j, true
}

// partBreak reports whether the text before word k separates two parts
// of an address: a comma, or a single line break.
func (s *scan) partBreak(k int) bool {
	g := strings.TrimRight(s.gap(k), " \t\r")
	return g == "," || g == "\n" || g == ",\n" || g == ", \n"
}

// partGap reports whether the text before word k joins two words of one
// part of an address: a space, an abbreviation's dot (Co. Donegal), a
// slash or a hyphen (14/3, Mensah-Bonsu).
func (s *scan) partGap(k int) bool {
	switch s.gap(k) {
	case " ", ". ", ".", "/", "-":
		return true
	}
	return false
}

// partWord reports whether word k can be part of such an address:
// what addrWord takes, a capitalised word even when it is a common one
// elsewhere (Kampung Baru), and the lower-case particles of place names
// (Kirkton of Glenisla, Baile an Fheirtéaraigh) between capitalised
// words.
func (s *scan) partWord(k int) bool {
	if k < 0 || k >= len(s.words) {
		return false
	}
	w := s.words[k]
	if s.addrWord(k) {
		return true
	}
	if w.kind != wLetters {
		return false
	}
	if w.cap || w.upper {
		return s.lex(k)&(lxGreeting|lxSignOff|lxMonth|lxNotName) == 0 && !s.sentenceStart(k)
	}
	return w.end-w.start <= 3 && k > 0 && k+1 < len(s.words) && s.words[k-1].cap && s.words[k+1].cap &&
		s.gap(k) == " " && s.gap(k+1) == " "
}
