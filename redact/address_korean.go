package redact

import "strings"

// Korean addresses written in Latin letters name the road with a
// hyphenated suffix (Teheran-ro, Gwangnaru-ro 56-gil, Sejong-daero) and
// the district the same way (Gangnam-gu, Mapo-gu, Yeoksam-dong), in
// either order: "12F, 231 Teheran-ro, Gangnam-gu, Seoul 06142", "Seoul,
// Mapo-gu, Yanghwa-ro 19-gil 22-16, 3rd floor". No word list of streets
// holds them; the suffixes do.

// koreanRoads end a road's name; koreanAreas a district's or a town's.
var (
	koreanRoads  = []string{"-ro", "-gil", "-daero"}
	koreanAreas  = []string{"-gu", "-dong", "-si", "-gun", "-eup", "-myeon", "-do"}
	koreanCities = map[string]bool{"seoul": true, "busan": true, "incheon": true, "daegu": true, "daejeon": true,
		"gwangju": true, "ulsan": true, "sejong": true, "suwon": true, "seongnam": true, "goyang": true, "yongin": true,
		"jeju": true, "changwon": true, "cheongju": true, "jeonju": true}
	// koreanBareRoads are the suffixes as words of their own, after a
	// lane's number (19-gil).
	koreanBareRoads = map[string]bool{"gil": true, "ro": true, "daero": true}
)

// koreanAddressScore is the confidence of an address read by its road's
// suffix.
const koreanAddressScore = 0.85

// detectKoreanAddresses finds the addresses around a road named with a
// Korean suffix that a number goes with. It runs after the tagger.
func detectKoreanAddresses(s *scan) {
	for k := 0; k < len(s.words); k++ {
		if !s.koreanPart(k, koreanRoads) || !s.words[k].cap {
			continue
		}
		start, end := k, k
		// The numbers of the road: a building number before it (231
		// Teheran-ro), a lane and a number after it (56-gil, 22-16).
		if start > 0 && s.gap(start) == " " && s.numberish(start-1) {
			start--
		}
		for end+1 < len(s.words) {
			g, n := s.gap(end+1), end+1
			if g == " " && (s.numberish(n) || s.koreanPart(n, koreanRoads)) ||
				g == "-" && (s.words[n].kind == wDigits || koreanBareRoads[s.lw(n)]) {
				end = n // 19-gil read as 19, -, gil; 22-16
				continue
			}
			break
		}
		if start == k && end == k {
			continue // a road without a number is a place, not an address
		}
		// Before it, after commas: a flat (12F, 101-1502), a district,
		// a city.
		for start > 0 && strings.TrimSpace(s.gap(start)) == "," && (s.koreanPart(start-1, koreanAreas) ||
			koreanCities[s.lw(start-1)] || s.numberish(start-1) || s.floorWord(start-1)) {
			start--
			for start > 0 && s.gap(start) == "-" && s.words[start-1].kind == wDigits {
				start-- // 101-1502: a block's and a flat's numbers
			}
		}
		// After it: districts, a city, a postcode, a floor.
		for end+1 < len(s.words) {
			g := strings.TrimSpace(s.gap(end + 1))
			if g != "," && g != "" {
				break
			}
			n := end + 1
			switch {
			case s.koreanPart(n, koreanAreas), koreanCities[s.lw(n)] && s.words[n].cap, s.floorWord(n):
				end = n
			case s.words[n].kind == wDigits && len(s.tw(n)) == 5 && (g == "" || g == ","):
				end = n // the postcode
			case s.words[n].kind == wMixed && strings.HasSuffix(s.lw(n), "f") && n+1 < len(s.words) && s.lw(n+1) == "floor":
				end = n + 1
			default:
				n = -1
			}
			if n < 0 {
				break
			}
			if s.floorWord(end) && end+1 < len(s.words) && s.lw(end+1) == "floor" {
				end++
			}
		}
		s.add(Address, s.words[start].start, s.words[end].end, koreanAddressScore, "")
		k = end
	}
}

// koreanPart reports whether word k ends with one of the suffixes, after
// a name of two letters or more.
func (s *scan) koreanPart(k int, suffixes []string) bool {
	w := s.lw(k)
	for _, x := range suffixes {
		if name, ok := strings.CutSuffix(w, x); ok && len(name) >= 2 && isAlpha(name[len(name)-1]) {
			return true
		}
	}
	return false
}

// numberish reports whether word k is a building's, a flat's or a lane's
// number: digits, digits and a dash (22-16, 101-1502), or a floor (12F).
func (s *scan) numberish(k int) bool {
	w := s.lw(k)
	if w == "" || !isDigit(w[0]) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) && w[i] != '-' && !(i == len(w)-1 && (w[i] == 'f' || w[i] == 'b')) {
			return s.koreanPart(k, koreanRoads) // 56-gil
		}
	}
	return true
}

// floorWord reports whether word k says a floor: 3rd, 12th (before
// "floor"), 12F.
func (s *scan) floorWord(k int) bool {
	w := s.lw(k)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(w, suf); ok && n != "" && allDigits(n) && k+1 < len(s.words) && s.lw(k+1) == "floor" {
			return true
		}
	}
	return len(w) >= 2 && w[len(w)-1] == 'f' && allDigits(w[:len(w)-1])
}
