package redact

import "strings"

// Places, streets and shops are named after people: Jomo Kenyatta
// airport, Taras Shevchenko park, Av. Benito Juárez, Karl Johans gate, the
// David Jones on George Street, a Gul Ahmed lawn suit. What stands next to
// such a name says it names a place or a business, not a person: a noun
// of a place after it, a street's word before it, an article before it
// (people are not "the Albert Heijn"), or a verb of travel before it
// ("flying into Humberto Delgado"). And a nationality is no name: "I'm
// Norwegian". These are dropped after every detector has run.

// placeNouns follow the name of a place: "Jomo Kenyatta airport", "Lotte
// Mall", "Ho Chi Minh City".
var placeNouns = wordSet(`airport airports park station mall city town village district province county state
bridge square market stadium arena university college school academy hospital clinic museum gallery
library cathedral church mosque temple tower centre center plaza harbour harbor port pier beach bay
lake river mountain island metro terminal hotel resort gate
lufthavn station stationen torv park parken
lapangan bandar stesen pasar taman universiti hospital masjid`)

// articles before a name, after a preposition of place, make it a
// place's or a business's: people are not "at the Albert Heijn".
var (
	articles   = wordSet(`the a an`)
	placePreps = wordSet(`at from in via through near inside outside into`)
	// workNouns name a person's work: "the Takuda novel", "a Robert
	// Fukunaga concert", "the Peter Pham version".
	workNouns = wordSet(`novel novels book books version versions concert concerts song songs album albums film
films movie movies painting paintings play plays show shows biography poem poems opera symphony
recording recordings interview interviews lecture lectures speech case cases method theorem prize award
collection exhibition tour era years family`)
)

// travelVerbs, followed by "from", "into", "to", "via", "out of" or "at",
// put a place after them: "flying into Humberto Delgado", "landed at
// Francisco Sá Carneiro".
var (
	travelVerbs = wordSet(`fly flying flew flown flies land landed landing lands depart departing departed
transit transiting transited connect connecting arrive arriving arrived`)
	travelPreps = wordSet(`from into to via out of at through in`)
)

// paidVerbs, before "at", say where a card was used: a shop.
var paidVerbs = wordSet(`paid pay paying declined refused rejected failed works worked work charged used use
using shop shopped shopping bought buy tried swiped tapped`)

// demonyms name a nationality or a people, not a person.
var demonyms = wordSet(`american british english scottish welsh irish canadian australian indian pakistani
bangladeshi nepali chinese japanese korean vietnamese thai malaysian singaporean indonesian
filipino taiwanese iranian iraqi turkish syrian lebanese egyptian moroccan nigerian ghanaian kenyan
ugandan tanzanian ethiopian somali zimbabwean brazilian mexican argentinian argentine
chilean colombian peruvian venezuelan cuban danish norwegian swedish finnish icelandic german dutch
belgian french spanish portuguese italian greek polish czech slovak hungarian romanian bulgarian
serbian croatian bosnian slovenian ukrainian russian belarusian lithuanian latvian estonian georgian
armenian austrian swiss israeli palestinian jordanian saudi emirati qatari kuwaiti omani yemeni
afghan uzbek kazakh mongolian burmese cambodian laotian malay tamil punjabi bengali arab african asian
european latino hispanic`)

// dropPlaceNames removes the names outside Chinese text that name a
// place or a business by what stands next to them, and nationalities.
func (s *scan) dropPlaceNames() { s.dropNames(s.namesPlace) }

// namesPlace reports whether f, taken for a person, names a place, a
// business or a nationality.
func (s *scan) namesPlace(f Finding) bool {
	first := s.wordAt(f.Start)
	last := first
	for last+1 < len(s.words) && s.words[last+1].start < f.End {
		last++
	}
	if first >= len(s.words) {
		return false
	}
	if first == last && demonyms[s.lw(first)] {
		return true
	}
	if last > first && placeNouns[s.lw(last)] && s.lex(last)&(lxGiven|lxListGiven|lxSurname|lxListSurname) == 0 {
		return true // "Lotte Mall", "Ho Chi Minh City": the place's noun taken in
	}
	if next := last + 1; next < len(s.words) && s.gap(next) == " " && s.words[next].kind == wLetters &&
		(placeNouns[s.lw(next)] || s.streetWordAfter(next)) && s.lex(next)&(lxGiven|lxListGiven|lxStop) == 0 {
		return true // "Taras Shevchenko park", "Hùng Vương street", "Karl Johans gate"
	}
	prev := first - 1
	if prev < 0 || s.gap(first) != " " && s.gap(first) != ". " {
		return false
	}
	switch p := s.lw(prev); {
	case s.lex(prev)&lxStreetPre != 0 && s.gap(first) == " ", p == "av" && s.gap(first) == ". ":
		return true // "Av. Benito Juárez", "Jalan Tun Razak"
	case articles[p] && s.gap(first) == " ":
		// "at the David Jones on George Street", "via the Albert Heijn
		// pickup point": a place where one is or goes. Not "the Takuda
		// novel", "a Robert Fukunaga concert": a person's work.
		if prev > 0 && s.gap(prev) == " " && placePreps[s.lw(prev-1)] {
			return true
		}
		next := last + 1
		return next >= len(s.words) || s.gap(next) != " " || !workNouns[s.lw(next)] && s.words[next].kind == wLetters && !s.words[next].cap
	case p == "at" && s.gap(first) == " " && prev > 0 && s.gap(prev) == " " &&
		(paidVerbs[s.lw(prev-1)] || prev > 1 && s.gap(prev-1) == " " && paidVerbs[s.lw(prev-2)]):
		return true // "declined at William Hill", "works fine at AB Vasilopoulos"
	case travelPreps[p] && s.gap(first) == " ":
		k := prev - 1
		if k >= 0 && s.lw(prev) == "of" && s.lw(k) == "out" {
			k--
		}
		return k >= 0 && travelVerbs[s.lw(k)]
	}
	return false
}

// wordSet makes a set of the words of a list.
func wordSet(list string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(list) {
		out[w] = true
	}
	return out
}

// streetWordAfter reports whether word k, after a name, is a street's
// word: written out ("street", "gate") or, abbreviated ("St", "Rd"),
// capitalised; "dr" in lower case is Malay chat's "dari" more often than
// a drive.
func (s *scan) streetWordAfter(k int) bool {
	return s.lex(k)&lxStreet != 0 && (s.words[k].cap || s.words[k].end-s.words[k].start >= 4)
}
