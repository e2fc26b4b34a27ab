package redact

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Every country numbers its people its own way: a CPF (386.417.205-53),
// a KTP (3174054708920003), a Sri Lankan NIC (852671234V), a PESEL, a
// Ghana Card (GHA-713492085-6), an Emirates ID (784-1988-4213097-7). The
// numbers this package knows by their rules are found by them; any other
// is found by the word that names it, as a customer writes it: the word,
// then the number, an identifier of digits with a few letters.

// idCues name a person's identity number, lower case. The words of the
// numbers whose rules this package checks (a CPR, a Malaysian IC, a
// Chinese, Hong Kong or Taiwan id, an SSN, a National Insurance number)
// are not among them: a number that fails its rules after them is a
// mistyped one or another number ("CPR: 490493-4983 er ikke mit nummer").
var idCues = []string{
	"national id", "national identity", "national identification", "identity card", "identity number", "id card",
	"id number", "id no", "id #", "my id", "personal id", "personal number", "tax id",
	"nic", "ktp", "nik", "cpf", "pesel", "bsn", "taj", "amka", "pps number", "ppsn", "aadhaar", "aadhar", "kimlik",
	"tc kimlik", "cccd", "cmnd", "curp", "dni", "resident registration number", "rrn", "kennitala", "henkilötunnus",
	"personnummer", "fødselsnummer", "emirates id", "ghana card", "codice fiscale",
}

// idFillers stand between an id's word and its number: "CPF: ...", "IC
// saya ...", "身份證係 ...", "NIC is ...".
var idFillers = []string{"number", "numbers", "no.", "no", "nr.", "nr", "is", "was", "as", "saya", "dia", "sy", "ialah",
	"adalah", "er", "号码", "號碼", "号", "號", "字號", "是", "係", "为", "為"}

// idCueScore is the confidence of a number found after an id's word.
const idCueScore = 0.85

// detectCuedIDs finds the identity numbers written right after a word
// that names them, which no rule of a country's numbers found. It runs
// after the other detectors.
func detectCuedIDs(s *scan) {
	if s.has&(1<<wDigits|1<<wMixed) == 0 {
		return
	}
	low := s.lower
	for k := range s.words {
		at := s.words[k].start
		for _, cue := range idCueIndex[s.lw(k)] {
			end := at + len(cue)
			if !strings.HasPrefix(low[at:], cue) || end < len(low) && isAlpha(low[end]) {
				continue // "tin" of "getting" never starts a word here
			}
			p := skipIDFillers(s.text, end)
			if q, ok := readIDNumber(s.text, p); ok && !s.overlapsFinding(p, q) {
				s.add(NationalID, p, q, idCueScore, strings.ToUpper(strings.Map(dropSeparators, s.text[p:q])))
			}
			break
		}
	}
}

// idCueIndex holds the words of idCues by their first word, longest first.
var idCueIndex = func() map[string][]string {
	m := make(map[string][]string)
	for _, c := range idCues {
		first, _, _ := strings.Cut(c, " ")
		m[first] = append(m[first], c)
	}
	for _, cs := range m {
		slices.SortFunc(cs, func(a, b string) int { return len(b) - len(a) })
	}
	return m
}()

// skipIDFillers returns where the number after an id's word starts: past
// spaces, punctuation and the words of idFillers.
func skipIDFillers(t string, i int) int {
	for n := 0; n < 4; n++ {
		for i < len(t) && (t[i] == ' ' || t[i] == ':' || t[i] == '#' || t[i] == '=' || t[i] == ',') {
			i++
		}
		if strings.HasPrefix(t[i:], "：") {
			i += len("：")
			continue
		}
		moved := false
		for _, f := range idFillers {
			if len(t)-i >= len(f) && strings.EqualFold(t[i:i+len(f)], f) && (f[0] >= 0x80 || i+len(f) == len(t) || !isAlnum(t[i+len(f)])) {
				i += len(f)
				moved = true
				break
			}
		}
		if !moved {
			break
		}
	}
	return i
}

// readIDNumber reads an identity number at i: letters and digits, in
// groups joined by a dot, a dash, a slash or a space between digits, and a
// check character in brackets (K538126(6), Y407219 (5)). It has six digits
// or more, twelve letters at most (a CURP has ten), and is no longer than 25
// characters.
func readIDNumber(t string, i int) (int, bool) {
	end, digits, letters := i, 0, 0
	for j := i; j < len(t) && j-i <= 25; {
		c := t[j]
		switch {
		case isDigit(c):
			digits++
			j++
			end = j
		case isAlpha(c):
			letters++
			j++
			end = j
		case (c == '.' || c == '-' || c == '/') && j+1 < len(t) && isAlnum(t[j+1]) && end == j:
			j++
		case c == ' ' && end == j && j+1 < len(t) && (isDigit(t[j+1]) && isDigit(t[j-1]) || t[j+1] == '('):
			j++
		case c == '(' && j+2 < len(t) && isAlnum(t[j+1]) && t[j+2] == ')':
			j += 3
			end = j
		default:
			j = len(t)
		}
	}
	if end < len(t) {
		if r, _ := utf8.DecodeRuneInString(t[end:]); isAlnum(t[end]) || r == '@' {
			return i, false // part of a longer word or an e-mail
		}
	}
	return end, digits >= 6 && letters <= 12 && end-i <= 25
}

// dropSeparators drops what joins an identifier's groups, for its
// canonical form.
func dropSeparators(r rune) rune {
	switch r {
	case ' ', '.', '-', '/', '(', ')':
		return -1
	}
	return r
}

// overlapsFinding reports whether any finding overlaps [start, end).
func (s *scan) overlapsFinding(start, end int) bool { return s.findingOver(start, end, nil) }
