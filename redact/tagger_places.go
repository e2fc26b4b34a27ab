package redact

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
}

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
		if institutionWords[lw] && (s.words[j].cap || s.caseless) {
			return true
		}
		if !institutionTitles[lw] && (s.caseless || !s.words[j].cap || s.words[j].kind != wLetters || s.lex(j)&lxStop != 0) {
			return false
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
			if k := s.wordAt(f.Start); k < len(s.words) && s.afterInstitution(k) {
				continue
			}
		}
		kept = append(kept, f)
	}
	s.found = kept
}
