package redact

import "strings"

// Names of people also name places and institutions: Hospital Sultanah
// Aminah, Universiti Tunku Abdul Rahman, Masjid Sultan Salahuddin, King
// Edward Street. A name right after the word for an institution (with
// titles between) names the institution, not a person.

// institutionWords are the words, lower case, that name an institution
// before its name.
var institutionWords = map[string]bool{
	"hospital": true, "universiti": true, "university": true, "masjid": true, "mosque": true, "sekolah": true,
	"school": true, "kolej": true, "college": true, "stadium": true, "muzium": true, "museum": true, "hotel": true,
	"restoran": true, "klinik": true, "clinic": true, "church": true, "gereja": true, "kirke": true, "skole": true,
	"institut": true, "institute": true, "politeknik": true, "dewan": true, "menara": true, "wisma": true, "plaza": true,
	"pusat": true, "fort": true, "port": true, "mount": true, "lake": true, "saint": true, "st": true, "sankt": true,
	"skt": true, "bandar": true, "kampung": true, "kg": true, "pulau": true, "bukit": true, "sungai": true,
	// streets, bridges and stations named after people (jalan Tuanku
	// Abdul Rahman, Jambatan Sultan Abdul Halim)
	"jalan": true, "jln": true, "lorong": true, "lebuh": true, "lebuhraya": true, "persiaran": true,
	"jambatan": true, "bridge": true, "stesen": true, "station": true, "airport": true, "lapangan": true,
}

// streetWordsLower are the institution words that name a street or a
// bridge even in lower case ("kat jalan Tun Razak", "guna jambatan Sultan
// Abdul Halim").
var streetWordsLower = map[string]bool{"jalan": true, "jln": true, "lorong": true, "lebuh": true, "persiaran": true,
	"lebuhraya": true, "jambatan": true}

// institutionTitles may stand between an institution word and the name.
var institutionTitles = map[string]bool{
	"sultan": true, "sultanah": true, "tunku": true, "tun": true, "dato": true, "datuk": true, "dr": true,
	"haji": true, "raja": true, "tengku": true, "king": true, "queen": true, "prince": true, "princess": true,
	"kong": true, "dronning": true, "sir": true, "lady": true, "tuanku": true,
}

// afterInstitution reports whether word k follows the word for an
// institution, with at most five titles or capitalised words of the
// same name between (Masjid Sultan Salahuddin Abdul Aziz Shah).
func (s *scan) afterInstitution(k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if g := s.gap(j + 1); g != " " && g != ". " && g != "' " {
			return false
		}
		lw := s.lw(j)
		if institutionWords[lw] && (s.words[j].cap || s.caseless || streetWordsLower[lw]) {
			return true
		}
		if !institutionTitles[lw] && (s.caseless || !s.words[j].cap || s.words[j].kind != wLetters || s.lex(j)&lxStop != 0) {
			return false
		}
	}
	return false
}

// travelCues come before the place a trip goes to, or goods are sent
// to: a name there, or in a list that follows one ("going to Petra and
// Wadi Rum", "stopping in Santorini, Mykonos and Dubrovnik"), names a
// place. Only words that take a place, not a person ("visiting" and
// "send to" take both).
var travelCues = newSuffixCues(
	"going to", "go to", "travel to", "travelling to", "traveling to", "trip to", "flight to", "flights to",
	"fly to", "flying to", "cruise to", "holiday in", "holiday to", "holidays in", "vacation in", "stopping in",
	"stopping at", "stop in", "stopover in", "layover in", "transit in", "arriving in", "landing in",
	"ship to", "shipping to", "deliver to", "delivery to",
	"rejse til", "rejser til", "rejst til", "tur til", "ferie i", "ferie på", "fly til", "flyver til",
	"levere til", "leverer til", "levering til",
	"pergi ke", "melancong ke", "bercuti di", "bercuti ke", "terbang ke", "penerbangan ke", "hantar ke",
	"penghantaran ke", "pos ke", "singgah di",
)

// listJoins join the places of a list: the gaps between them, and the
// words.
var (
	listJoins     = map[string]bool{", ": true, " & ": true, " / ": true, "/": true}
	listJoinWords = map[string]bool{"and": true, "or": true, "og": true, "eller": true, "dan": true, "atau": true}
)

// afterTravelCue reports whether word k names a place after a travel
// cue, alone or in a list of capitalised places after one.
func (s *scan) afterTravelCue(k int) bool {
	for item := 0; item < 6 && k > 0; item++ {
		if s.gap(k) == " " && travelCues.endsCtx(strings.TrimRight(s.wordsBefore(s.words[k].start), " "), s.lw(k-1)) {
			return true
		}
		// Step over the join before this item: ", ", " & ", " and ", ", and ".
		j := k
		if s.gap(j) == " " && listJoinWords[s.lw(j-1)] {
			j--
			if g := s.gap(j); g != " " && g != ", " {
				return false
			}
		} else if !listJoins[s.gap(j)] {
			return false
		}
		if j < 1 || !s.words[j-1].cap {
			return false
		}
		// The first word of the item before: Wadi of Wadi Rum.
		for k = j - 1; k > 0 && j-k <= 3 && s.gap(k) == " " && s.words[k-1].cap && s.lex(k-1)&lxStop == 0; k-- {
		}
	}
	return false
}

// dropInstitutionNames removes the Latin-script names that name an
// institution or a place.
func (s *scan) dropInstitutionNames() {
	kept := s.found[:0]
	for _, f := range s.found {
		if f.Type == Person && !s.cjkAt(f.Start) {
			if k := s.wordAt(f.Start); k < len(s.words) && (s.afterInstitution(k) || s.afterTravelCue(k) ||
				institutionWords[s.lw(k)] && k+1 < len(s.words) && s.words[k+1].start < f.End) {
				continue // or the institution's word begins it: Jambatan Sultan Abdul Halim
			}
		}
		kept = append(kept, f)
	}
	s.found = kept
}
