package redact

// After the tagger, the words around a name say what it is when no list
// knows it: the one the writer does something with ("Fen and I both
// signed", "Mette og jeg"), and the one who works for the business
// ("emeka from your team", "Priya from billing").

// coSubjects are the words for "I" after which a name and "and" stand
// together as the subject: "Fen and I".
var coSubjects = map[string]bool{"i": true, "jeg": true, "saya": true, "sy": true, "aku": true}

// andWords join two subjects.
var andWords = map[string]bool{"and": true, "og": true, "dan": true, "n": true}

// teamWords follow "from" (or "fra", "dari") after the name of someone
// who works for the business: "from your team", "from billing"; placeWords
// do only after "your" ("from your store": "kuih makmur dari kedai" is a
// cake from a shop).
var (
	teamWords = map[string]bool{
		"team": true, "support": true, "billing": true, "accounts": true, "sales": true, "claims": true, "returns": true,
		"refunds": true, "customer": true, "service": true, "services": true, "department": true, "helpdesk": true,
		"kundeservice": true, "afdelingen": true, "pasukan": true, "jabatan": true, "cs": true,
	}
	placeWords = map[string]bool{"store": true, "shop": true, "branch": true, "office": true, "warehouse": true,
		"butik": true, "butikken": true, "kedai": true, "cawangan": true}
)

// ownerWords stand between "from" and a team word: "from your team",
// "from the returns team".
var ownerWords = map[string]bool{"your": true, "the": true, "ur": true, "jeres": true, "din": true, "korang": true, "awak": true, "anda": true}

// detectRoleNames adds the names that "and I" or "from your team" place.
func detectRoleNames(s *scan) {
	for k := 0; k+2 < len(s.words); k++ {
		if s.covered(k, cuedNameScore) || !s.roleNameWord(k) {
			continue
		}
		if s.coSubjectAfter(k) || s.teamAfter(k) {
			s.add(Person, s.words[k].start, s.words[k].end, cuedNameScore, s.lowerCanon(s.words[k].start, s.words[k].end))
		}
	}
}

// roleNameWord reports whether word k may be a name that only its place
// in the sentence tells: not an everyday word (Mum, Support), not a
// function word, not of a brand, shop or place; capitalised, or in lower
// case a word no dictionary knows.
func (s *scan) roleNameWord(k int) bool {
	w := s.words[k]
	if w.kind != wLetters || w.end-w.start < 3 || !s.cuedNameWord(k, cueStrong) {
		return false
	}
	f := s.lex(k)
	if f&lxDict != 0 && f&(lxGiven|lxListGiven) == 0 || f&lxCommon != 0 {
		return false
	}
	return w.cap || w.upper || s.caseless && f&lxDict == 0
}

// coSubjectAfter reports whether "and I" follows word k: "Fen and I".
func (s *scan) coSubjectAfter(k int) bool {
	return s.gap(k+1) == " " && andWords[s.lw(k+1)] && s.gap(k+2) == " " && coSubjects[s.lw(k+2)] &&
		(s.lw(k+2) != "i" || s.words[k+2].upper)
}

// teamAfter reports whether "from your team" and the like follow word k.
func (s *scan) teamAfter(k int) bool {
	if s.gap(k+1) != " " {
		return false
	}
	switch s.lw(k + 1) {
	case "from", "fra", "dari", "drp", "daripada":
	default:
		return false
	}
	j := k + 2
	owned := false
	if j < len(s.words) && ownerWords[s.lw(j)] && s.gap(j) == " " {
		owned = s.lw(j) != "the"
		j++
	}
	// "from the returns team": one more word before the team's.
	for n := 0; n < 2 && j < len(s.words) && s.gap(j) == " "; n++ {
		if teamWords[s.lw(j)] || owned && placeWords[s.lw(j)] {
			return true
		}
		j++
	}
	return false
}
