package redact

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
		if s.coSubjectAfter(k) && s.coSubjectStart(k) || s.teamAfter(k) {
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

// coSubjectStart reports whether word k, before "and I", can begin the
// subject it is part of: a capitalised word anywhere ("today Fen and I
// signed"), a word in lower case only where a clause begins ("fen og jeg
// har begge skrevet under", "ok so fen and i"). Within a clause, a word
// in lower case before "og jeg" ends what goes before it: "min mor er
// gået bort og jeg skal returnere" (has passed away, and I must return).
func (s *scan) coSubjectStart(k int) bool {
	w := s.words[k]
	if w.cap || w.upper || k == 0 || s.sentenceStart(k) || strings.ContainsAny(s.gap(k), ",;") {
		return true
	}
	return clauseOpeners[s.lw(k-1)]
}

// clauseOpeners are the words after which a new subject begins.
var clauseOpeners = map[string]bool{"so": true, "but": true, "then": true, "and": true, "because": true, "when": true,
	"så": true, "men": true, "og": true, "fordi": true, "da": true, "når": true,
	"jadi": true, "tapi": true, "lepas": true, "sebab": true, "bila": true, "ok": true, "okay": true}

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

// detectCoordinated adds the names listed with a name: in "Kovalev, Lee
// and Phillips" or "Sousa and Ball", a capitalised word joined by "and",
// "&" or a comma to a name found is a name too, unless it is an everyday
// word or a function word, or of a brand, a shop or a place.
func detectCoordinated(s *scan) {
	if len(s.found) == 0 {
		return
	}
	for changed, rounds := true, 0; changed && rounds < 4; rounds++ {
		changed = false
		for _, f := range s.found {
			if f.Type != Person || f.Score < 0.5 || s.cjkAt(f.Start) {
				continue
			}
			first := s.wordAt(f.Start)
			last := first
			for last+1 < len(s.words) && s.words[last+1].start < f.End {
				last++
			}
			for _, k := range []int{s.coordinatedBefore(first), s.coordinatedAfter(last)} {
				if k >= 0 && !s.covered(k, 0.5) {
					// The whole name before "and": "Tamar Ben-Ami and
					// Yosef Hirschfeld".
					from := k
					for from > 0 && from > k-2 && (s.gap(from) == " " || s.gap(from) == "-") && s.shapeOf(from-1) == shCap &&
						s.lex(from-1)&(lxDict|lxCommon) == 0 && s.cuedNameWord(from-1, cueStrong) && k < first {
						from--
					}
					s.add(Person, s.words[from].start, s.words[k].end, cuedNameScore, s.lowerCanon(s.words[from].start, s.words[k].end))
					changed = true
				}
			}
		}
	}
}

// coordinatedWord reports whether word k, listed with a name, may be one
// itself: capitalised, no everyday or function word, nothing a list says
// is a brand, a shop or a place.
func (s *scan) coordinatedWord(k int) bool {
	if k < 0 || k >= len(s.words) || s.words[k].kind != wLetters || s.shapeOf(k) != shCap && !s.caseless || s.firmAfter(k) {
		return false // in a message without capitals, any case: "for tamsin, oisín and rua"
	}
	f := s.lex(k)
	if f&lxDict != 0 && f&(lxGiven|lxListGiven|lxSurname|lxListSurname) == 0 || f&lxCommon != 0 {
		return false
	}
	if s.sentenceStart(k) && f&nameFlags == 0 && !(k+2 < len(s.words) && andWords[s.lw(k+1)]) {
		return false // a sentence's first word, unless "and" joins it to the name: "Mahlet and Yonas have"
	}
	return s.cuedNameWord(k, cueStrong)
}

// firmWords follow the names of a firm's partners: "the Davis, Reynolds
// and Williamson office".
var firmWords = map[string]bool{"office": true, "offices": true, "firm": true, "llp": true, "ltd": true, "inc": true,
	"partners": true, "solicitors": true, "lawyers": true, "associates": true, "group": true, "company": true, "co": true}

// firmAfter reports whether a word of a firm follows word k within a few
// words of a list.
func (s *scan) firmAfter(k int) bool {
	for j := k + 1; j < len(s.words) && j <= k+4; j++ {
		if firmWords[s.lw(j)] || s.lex(j)&lxOrg != 0 {
			return true
		}
		if !s.gapInside(j) {
			break
		}
	}
	return false
}

// andList reports whether the list a comma after word k goes on with
// ends in "and" or "&" ("Kovalev, Lee and Phillips"): a comma alone
// joins many things that are no list of names ("Kühnemund, Tel.").
func (s *scan) andList(k int) bool {
	for j := k + 1; j < len(s.words) && j <= k+8; j++ {
		g := s.gap(j)
		switch {
		case g == " & " || g == " " && andWords[s.lw(j)]:
			return true
		case g != ", " && g != " ":
			return false
		}
	}
	return false
}

// coordinatedBefore returns the word before word k that a list joins to
// it as a name, or -1.
func (s *scan) coordinatedBefore(k int) int {
	switch {
	case k >= 1 && (s.gap(k) == ", " && s.andList(k-1) || s.gap(k) == " & "):
		if s.coordinatedWord(k - 1) {
			return k - 1
		}
	case k >= 2 && s.gap(k) == " " && andWords[s.lw(k-1)] && s.gap(k-1) == " ":
		if s.coordinatedWord(k - 2) {
			return k - 2
		}
	}
	return -1
}

// coordinatedAfter returns the word after word k that a list joins to it
// as a name, or -1.
func (s *scan) coordinatedAfter(k int) int {
	switch {
	case k+1 < len(s.words) && (s.gap(k+1) == ", " && s.andList(k) || s.gap(k+1) == " & "):
		if s.coordinatedWord(k + 1) {
			return k + 1
		}
	case k+2 < len(s.words) && s.gap(k+1) == " " && andWords[s.lw(k+1)] && s.gap(k+2) == " ":
		if s.coordinatedWord(k + 2) {
			return k + 2
		}
	}
	return -1
}

// ownedPersonal are what a person has that a message names after their
// name and "'s": their details, their things with the business, their
// family ("Tom's address", "Keziah's card", "Mary's daughter").
var ownedPersonal = map[string]bool{
	"address": true, "phone": true, "number": true, "mobile": true, "email": true, "e-mail": true, "card": true,
	"account": true, "details": true, "parcel": true, "package": true, "order": true, "claim": true, "policy": true,
	"contract": true, "booking": true, "refund": true, "payment": true, "password": true, "birthday": true,
	"daughter": true, "son": true, "wife": true, "husband": true, "mother": true, "father": true, "mum": true,
	"mom": true, "dad": true, "brother": true, "sister": true, "partner": true, "boyfriend": true, "girlfriend": true,
	"kids": true, "children": true, "baby": true, "grandmother": true, "grandfather": true, "carer": true,
}

// determiners before a name make it a shop's or a brand's: "my Tesco's
// order", "the Boots's card".
var determiners = map[string]bool{"my": true, "your": true, "our": true, "the": true, "a": true, "an": true, "min": true, "mit": true, "jeres": true}

// detectPossessiveNames adds the names that own personal details or
// family: a capitalised word, "'s", and one of ownedPersonal.
func detectPossessiveNames(s *scan) {
	for k := 0; k+2 < len(s.words); k++ {
		g := s.gap(k + 1)
		if (g != "'" && g != "’") || s.lw(k+1) != "s" || s.gap(k+2) != " " || !ownedPersonal[s.lw(k+2)] {
			continue
		}
		w := s.words[k]
		if w.kind != wLetters || !w.cap || s.covered(k, 0.5) || w.end-w.start < 2 {
			continue
		}
		f := s.lex(k)
		if f&lxDict != 0 && f&(lxGiven|lxListGiven|lxSurname|lxListSurname) == 0 || f&lxCommon != 0 || !s.cuedNameWord(k, cueStrong) {
			continue
		}
		if s.shapeOf(k) == shMixed || s.sentenceStart(k) && f&nameFlags == 0 && s.lex(k)&lxDict != 0 ||
			f&lxNotNameStart != 0 && s.notNamePhraseAt(k) || k > 0 && determiners[s.lw(k-1)] {
			continue // a brand of the lists; "my Sainsbury's order" is a shop's
		}
		s.add(Person, w.start, w.end, cuedNameScore, s.lowerCanon(w.start, w.end))
	}
}

// selfIntroCues are the words with which writers introduce themselves
// and that a name closes ("I'm Deepa, the primary holder", "Hiya, I'm
// Rhys — my grandad"): a clause's end follows the name.
var selfIntroCues = newWordSuffixCues("i am", "i'm", "im", "this is", "it's", "its", "jeg er", "saya", "nama sy", "sy")

// detectSelfIntroductions adds the names writers introduce themselves
// with, when a clause ends after the name: up to three capitalised words
// no dictionary knows (or listed given names), after "I'm", "this is",
// "jeg er", "saya", before a comma, a dash, a full stop, "and" or the
// end ("I'm Halvor Nystuen. My wife", "I'm Deepa, the primary holder").
func detectSelfIntroductions(s *scan) {
	for k := 1; k < len(s.words); k++ {
		if w := s.words[k]; !w.cap && !w.upper || s.gap(k) != " " || !s.introWord(k) || s.covered(k, cuedNameScore) {
			continue
		}
		j := s.placedNameEnd(k)
		if !s.clauseEndsAfter(j-1) && !(j < len(s.words) && s.gap(j) == " " && andWords[s.lw(j)]) {
			continue
		}
		from := max(0, s.words[k].start-32)
		for from > 0 && s.lower[from]&0xC0 == 0x80 {
			from--
		}
		if !selfIntroCues.endsCtx(trimCueContext(s.lower[from:s.words[k].start]), s.lw(k-1)) {
			continue
		}
		start, end := s.words[k].start, s.words[j-1].end
		s.add(Person, start, end, cuedNameScore, s.lowerCanon(start, end))
		k = j - 1
	}
}

// placedNameEnd returns the end of the name that word k begins: up to three
// words of a name only its place tells, a space apart, none of them
// covered yet.
func (s *scan) placedNameEnd(k int) int {
	j := k + 1
	for j < len(s.words) && j < k+3 && s.gap(j) == " " && s.introWord(j) && !s.covered(j, cuedNameScore) {
		j++
	}
	return j
}

// introWord reports whether word k may be a word of a name a writer
// introduces themselves with: capitalised, and a name only its place
// tells.
func (s *scan) introWord(k int) bool {
	w := s.words[k]
	if w.upper && !s.shouting && w.end-w.start <= 4 {
		return false // DPD, DHL: an acronym in a text in lower case
	}
	return (w.cap || w.upper) && s.roleNameWord(k)
}

// clauseEndsAfter reports whether a clause ends after word k: a comma, a
// dash, a full stop, an exclamation or a line's end, or the text's end.
func (s *scan) clauseEndsAfter(k int) bool {
	if k+1 >= len(s.words) {
		rest := strings.TrimSpace(s.text[s.words[k].end:])
		return rest == "" || strings.IndexFunc(rest, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
	}
	g := strings.TrimSpace(s.gap(k + 1))
	r, _ := utf8.DecodeRuneInString(g)
	return g != "" && strings.ContainsRune(",.!;—–-", r) || strings.Contains(s.gap(k+1), "\n")
}

// actorVerbs are what only a person does, said of the one named before
// them: "Okwuosa rang me", "Oyelaran will pick up the router", "Mahlet
// and Yonas have been paying into my account". After an auxiliary
// (will, has been), the verb's bare and -ing forms count too.
var (
	actorVerbs = map[string]bool{
		"rang": true, "phoned": true, "texted": true, "emailed": true, "messaged": true, "said": true, "told": true,
		"promised": true, "mentioned": true, "explained": true, "signed": true, "collected": true, "visited": true,
		"ringede": true, "sagde": true, "skrev": true, "lovede": true, "fortalte": true, "underskrev": true,
		// what a person does, not a business ("Magalu says" is a shop)
		"borrowed": true, "lent": true, "moved": true, "lives": true, "married": true, "deposited": true,
		"flyttede": true, "bor": true,
	}
	auxVerbs = map[string]bool{
		"will": true, "would": true, "is": true, "was": true, "has": true, "have": true, "had": true, "can": true,
		"could": true, "be": true, "been": true, "going": true, "to": true, "vil": true, "skal": true, "har": true,
		"akan": true, "nak": true, "dah": true, "sudah": true,
	}
	actorDoing = map[string]bool{
		"call": true, "ring": true, "phone": true, "text": true, "email": true, "pick": true, "collect": true,
		"sign": true, "pay": true, "visit": true, "contact": true, "ringing": true, "calling": true, "phoning": true,
		"paying": true, "collecting": true, "signing": true, "emailing": true, "texting": true, "visiting": true,
		"ringe": true, "hente": true, "betale": true, "skrive": true, "kontakte": true, "ringer": true, "henter": true,
		"telefon": true, "ambil": true, "bayar": true, "hubungi": true,
		"come": true, "deposit": true, "bring": true, "paid": true, "deposited": true, "comes": true,
		"coming": true, "depositing": true, "komme": true, "kommer": true, "betalt": true, "datang": true,
	}
)

// placeWordsBefore stand before a place or a shop, not a person: "at
// Yonge and Eglinton told me", "the Georg Jensen shop on Amagertorv".
var placeWordsBefore = map[string]bool{"at": true, "on": true, "in": true, "from": true, "the": true, "a": true,
	"your": true, "my": true, "our": true, "to": true, "near": true, "i": true, "på": true, "hos": true, "fra": true,
	"di": true, "kat": true, "dekat": true, "dari": true, "ke": true}

// placedBefore reports whether a place word stands before word k, or
// before the first of "X and" ending at k.
func (s *scan) placedBefore(k int) bool {
	if k > 1 && andWords[s.lw(k-1)] && (s.words[k-2].cap || s.words[k-2].upper) {
		k -= 2
	}
	return k > 0 && placeWordsBefore[s.lw(k-1)] && !strings.ContainsAny(s.gap(k), ".!?\n")
}

// detectActors adds the names of those who, by the verb that follows,
// can only be people: a capitalised word no dictionary knows (nor any
// list of places, shops or brands), then "rang", "told", or "will call",
// "has been paying".
func detectActors(s *scan) {
	for k := 0; k+1 < len(s.words); k++ {
		w := s.words[k]
		if !w.cap || w.upper && w.end-w.start <= 4 || !s.actorAfter(k) || s.covered(k, cuedNameScore) {
			continue
		}
		if s.lex(k)&lxDict != 0 || !s.roleNameWord(k) {
			if !s.everydayGivenName(k) {
				continue
			}
		}
		s.add(Person, w.start, w.end, cuedNameScore, s.lowerCanon(w.start, w.end))
	}
}

// everydayGivenName reports whether word k is a given name that is also
// an everyday word (Hope, Grace, Mercy, Gift), capitalised inside a
// sentence, where only a name is: "I want to confirm if Hope has paid".
func (s *scan) everydayGivenName(k int) bool {
	w, f := s.words[k], s.lex(k)
	if k == 0 || w.upper || f&(lxGiven|lxListGiven) == 0 || f&(lxStop|lxNotName|lxMonth|lxCountry|lxHonorific|lxGreeting|lxSignOff) != 0 {
		return false
	}
	if s.caseless || strings.ContainsAny(s.gap(k), ".!?\n:;\"'(") || s.words[k-1].kind != wLetters {
		return false // the start of a sentence, a line or a quotation capitalises any word
	}
	if s.words[k-1].cap || s.words[k-1].upper {
		return false // "the store at Leeds Trinity said": the end of a place's name
	}
	return len(s.ruleMark) != len(s.words) || s.ruleMark[k]&(rmNotName|rmNever|rmStructured|rmAddress|rmLocation) == 0
}

// actorAfter reports whether word k is followed by what only a person
// does ("rang", "will pick up"), and stands where a person's name
// stands: not after a place word, not in a brand's shape.
func (s *scan) actorAfter(k int) bool {
	if s.gap(k+1) != " " || k > 0 && strings.TrimSpace(s.gap(k)) != "" && !strings.ContainsAny(s.gap(k), ".,!?;:\n") {
		return false // "City-Link"
	}
	j := k + 1
	for n := 0; n < 3 && j < len(s.words) && auxVerbs[s.lw(j)] && s.gap(j) == " "; n++ {
		j++
	}
	if j >= len(s.words) || s.gap(j) != " " {
		return false
	}
	if v := s.lw(j); !actorVerbs[v] && !(j > k+1 && actorDoing[v]) {
		return false
	}
	return s.shapeOf(k) != shMixed && !s.placedBefore(k) // "GDex", "at Yonge and Eglinton"
}

// roleNouns are the people a message names by their part: "the sender
// will be Siegrun Pfaffenrath", "my manager there was Gaynor Prytherch",
// "the landlord is listed as Hrytsenko".
var roleNouns = map[string]bool{
	"sender": true, "recipient": true, "receiver": true, "landlord": true, "landlady": true, "tenant": true,
	"holder": true, "owner": true, "manager": true, "beneficiary": true, "payee": true, "payer": true,
	"driver": true, "solicitor": true, "lawyer": true, "executor": true, "guarantor": true, "employer": true,
	"contact": true, "carer": true, "caregiver": true, "doctor": true, "gp": true, "agent": true, "courier": true,
	"afsender": true, "afsenderen": true, "modtager": true, "modtageren": true, "udlejer": true, "udlejeren": true,
	"ejer": true, "ejeren": true, "chef": true, "chefen": true, "advokat": true, "advokaten": true,
	"pengirim": true, "penerima": true, "pemilik": true, "tuan": true, "pengurus": true, "peguam": true,
}

// copulas join a role to its person's name: "is", "was", "will be",
// "is listed as", "er", "ialah".
var copulas = map[string]bool{"is": true, "was": true, "be": true, "as": true, "er": true, "var": true, "bliver": true,
	"ialah": true, "adalah": true, "iaitu": true}

// detectRoleCopulas adds the names a role is said to be: a role noun,
// then within a few words a copula, then up to three capitalised words
// no list knows, closed by punctuation, "and" or "on".
func detectRoleCopulas(s *scan) {
	for k := 2; k < len(s.words); k++ {
		if !copulas[s.lw(k-1)] || s.gap(k) != " " || !s.introWord(k) || s.covered(k, cuedNameScore) {
			continue
		}
		role := false
		for i := k - 2; i >= 0 && i >= k-5; i-- {
			if roleNouns[s.lw(i)] {
				role = true
				break
			}
			if strings.ContainsAny(s.gap(i+1), ".!?\n") {
				break
			}
		}
		if !role {
			continue
		}
		j := s.placedNameEnd(k)
		if !s.clauseEndsAfter(j-1) && !(j < len(s.words) && s.gap(j) == " " && (andWords[s.lw(j)] || s.lw(j) == "on")) {
			continue
		}
		start, end := s.words[k].start, s.words[j-1].end
		s.add(Person, start, end, cuedNameScore, s.lowerCanon(start, end))
		k = j - 1
	}
}

// relationNouns are the family and the people of a part whose name may
// follow them directly: "his wife ZOFIA", "Mum Hinemoa", "the installer
// Aled", "min søster Ditte", "isteri saya Aminah".
var relationNouns = map[string]bool{
	"wife": true, "husband": true, "partner": true, "son": true, "daughter": true, "brother": true, "sister": true,
	"mother": true, "father": true, "mum": true, "mom": true, "mam": true, "dad": true, "nan": true, "nana": true,
	"grandma": true, "grandmother": true, "grandad": true, "granddad": true, "grandpa": true, "grandfather": true,
	"aunt": true, "auntie": true, "uncle": true, "cousin": true, "niece": true, "nephew": true, "fiance": true,
	"fiancée": true, "fiancé": true, "girlfriend": true, "boyfriend": true, "friend": true, "neighbour": true,
	"neighbor": true, "flatmate": true, "roommate": true, "colleague": true, "boss": true, "carer": true,
	"installer": true, "engineer": true, "technician": true, "driver": true, "landlord": true, "landlady": true,
	"tenant": true, "lodger": true, "kids": true, "twins": true, "stepson": true, "stepdaughter": true,
	"kone": true, "mand": true, "søn": true, "datter": true, "bror": true, "søster": true, "mor": true, "far": true,
	"farmor": true, "mormor": true, "farfar": true, "morfar": true, "kæreste": true, "nabo": true, "kollega": true,
	"isteri": true, "suami": true, "anak": true, "abang": true, "kakak": true, "adik": true, "ibu": true, "bapa": true,
	"emak": true, "mak": true, "ayah": true, "kawan": true, "jiran": true,
}

// relationOwners stand before a relation noun: "my", "his", "the".
var relationOwners = map[string]bool{"my": true, "his": true, "her": true, "our": true, "their": true, "the": true,
	"your": true, "min": true, "mit": true, "hans": true, "hendes": true, "vores": true, "deres": true}

// vocativeRelations are the family a writer names without an owner:
// "Mum Hinemoa is in hospital".
var vocativeRelations = map[string]bool{"mum": true, "mom": true, "mam": true, "dad": true, "nan": true, "grandma": true,
	"grandad": true, "grandpa": true, "auntie": true, "uncle": true}

// detectRelationNames adds the names that follow a relation: "his wife
// ZOFIA", "the installer Aled", "Mum Hinemoa", "isteri saya Aminah".
func detectRelationNames(s *scan) {
	for k := 1; k < len(s.words); k++ {
		if w := s.words[k]; s.gap(k) != " " || !s.relationBefore(k) || s.covered(k, cuedNameScore) ||
			!(w.cap || w.upper) && !s.lowerRelationName(k) || (w.cap || w.upper) && !s.introWord(k) {
			continue
		}
		j := s.placedNameEnd(k)
		start, end := s.words[k].start, s.words[j-1].end
		s.add(Person, start, end, cuedNameScore, s.lowerCanon(start, end))
		k = j - 1
	}
}

// lowerRelationName reports whether word k, in lower case after a
// relation ("my son callum", "isteri saya aminah"), can be a name: the
// text uses no capitals for names (in lower case throughout, or but for
// the starts of sentences and codes), and the word is no everyday word,
// function word or word a list takes for something else.
func (s *scan) lowerRelationName(k int) bool {
	w := s.words[k]
	if !s.caseless && !s.lowish || w.kind != wLetters || w.end-w.start < 3 {
		return false
	}
	if s.lex(k)&(lxDict|lxCommon) != 0 {
		return false // "my friend said": in lower case, an everyday word is one
	}
	return s.cuedNameWord(k, cueStrong)
}

// relationBefore reports whether a relation stands just before word k:
// an owner and a relation noun ("his wife"), a relation noun and the
// Malay owner after it ("isteri saya"), or a family word alone at a
// sentence's start ("Mum").
func (s *scan) relationBefore(k int) bool {
	r := k - 1
	if r >= 1 && (s.lw(r) == "saya" || s.lw(r) == "sy") && relationNouns[s.lw(r-1)] && s.gap(r) == " " {
		return true
	}
	if !relationNouns[s.lw(r)] {
		return false
	}
	if r >= 1 && relationOwners[s.lw(r-1)] && s.gap(r) == " " {
		return true
	}
	return vocativeRelations[s.lw(r)] && (r == 0 || s.sentenceStart(r))
}

// contactLabels name a number or an address before it.
var contactLabels = map[string]bool{"tel": true, "tlf": true, "ph": true, "phone": true, "mobile": true, "mob": true,
	"hp": true, "telefon": true, "fax": true, "whatsapp": true, "wa": true, "email": true, "e-mail": true, "mail": true,
	"number": true, "nombor": true, "no": true, "nr": true, "nummer": true, "cell": true, "tel.": true, "t": true, "m": true}

// detectContactNames adds the names a phone number or an e-mail address
// follows: "Contact Srilatha +91 89604 22028", "Bendigo — Hamish
// O'Loughlin, 0438 207 516": up to three capitalised words no list
// knows, then at most a comma, a colon, a dash or "on", then the number.
func detectContactNames(s *scan) {
	n := len(s.found)
	for i := 0; i < n; i++ {
		f := s.found[i]
		if f.Type != Phone && f.Type != Email {
			continue
		}
		j := sort.Search(len(s.words), func(k int) bool { return s.words[k].start >= f.Start }) // first word of f
		if j == 0 || s.words[j-1].end > f.Start {
			continue // nothing before it, or it starts inside a word
		}
		between := s.text[s.words[j-1].end:f.Start]
		last := j - 1
		if contactLabels[s.lw(last)] {
			continue // "Tel: 0412 873 019": the label, not a name
		}
		if strings.TrimSpace(between) == "" && last > 0 && (s.lw(last) == "on" || s.lw(last) == "at") {
			between, last = s.text[s.words[last-1].end:f.Start], last-1
		}
		if strings.Trim(between, " ,:;–—-\t") != "" || strings.Contains(between, "\n") {
			continue
		}
		k := last
		for k >= 0 && k > last-4 && s.introWord(k) && !s.covered(k, cuedNameScore) && (k == last || s.gap(k+1) == " " || s.gap(k+1) == "-") {
			k--
		}
		if k == last {
			continue
		}
		start, end := s.words[k+1].start, s.words[last].end
		s.add(Person, start, end, cuedNameScore, s.lowerCanon(start, end))
	}
}
