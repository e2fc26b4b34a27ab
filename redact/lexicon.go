package redact

import (
	"embed"
	"strings"
)

// names holds the name lists: one name a line (or several separated by
// spaces), # starts a comment; not_names.txt has one phrase a line.
//
//go:embed names/*.txt
var names embed.FS

// lexFlags says what a lower-case word can be.
type lexFlags uint32

const (
	lxGiven        lexFlags = 1 << iota // a given name
	lxSurname                           // a family name
	lxCommon                            // a name that is also an everyday word: Will, May, Rose
	lxStop                              // a function word, never part of a name
	lxNotName                           // a capitalised word that is no name: Monday, Customer
	lxHonorific                         // Mr, Fru, Encik
	lxParticle                          // van, de, bin, binti: inside a name
	lxSuffix                            // Jr, PhD: after a name
	lxOrg                               // Ltd, ApS, Bhd: after a company name
	lxStreet                            // street, vej, gade: after a street name
	lxStreetPre                         // rue, jalan: before a street name
	lxUnit                              // apt, suite, box: parts of an address
	lxCountry                           // a country or city, or the first word of one
	lxMonth                             // a month name
	lxZhSyllable                        // a syllable of a romanised Chinese given name
	lxGreeting                          // hi, dear, hej, kære, hai
	lxSignOff                           // regards, mvh, hilsen
	lxZhSurname                         // a romanised Chinese family name
	lxAddrCueEnd                        // the last word of an address or postcode cue
	lxNameCueEnd                        // the last word of a name cue
	lxListGiven                         // a given name of the long lists (the tagger's evidence)
	lxListSurname                       // a family name of the long lists (the tagger's evidence)
	lxDict                              // a common English, Danish or Malay word
	lxNotNameStart                      // the first word of a brand, shop or place made of names
	lxLooked                            // set in scan.flags once the word was looked up
)

// lexTable maps lower-case words to what they can be (the lexicon). It is
// built once and never changed.
var lexTable, hanSurnames, countries, notNamePhrases = buildLexicon() // countries holds cities too

func buildLexicon() (*wordTable, map[string]bool, map[string]bool, map[string]bool) {
	lex := make(map[string]lexFlags, 8000)
	addList := func(f lexFlags, list string) {
		for _, w := range strings.Fields(list) {
			lex[w] |= f
		}
	}
	files := []struct {
		name string
		flag lexFlags
	}{
		{"given_en.txt", lxGiven}, {"given_da.txt", lxGiven}, {"given_ms.txt", lxGiven},
		{"given_intl.txt", lxGiven}, {"given_zh.txt", lxZhSyllable},
		{"surnames_en.txt", lxSurname}, {"surnames_da.txt", lxSurname}, {"surnames_zh.txt", lxSurname | lxZhSurname},
		{"surnames_intl.txt", lxSurname}, {"common.txt", lxCommon},
		{"given_faker.txt", lxListGiven}, {"surnames_faker.txt", lxListSurname},
		{"given_world.txt", lxListGiven}, {"surnames_world.txt", lxListSurname}, {"dict_en.txt", lxDict},
		{"dict_da.txt", lxDict}, {"dict_ms.txt", lxDict}, {"dict_support.txt", lxDict},
	}
	for _, f := range files {
		addList(f.flag, strings.ToLower(readList(f.name)))
	}
	addList(lxStop, stopWords)
	addList(lxNotName, notNames)
	addList(lxHonorific, honorifics)
	addList(lxParticle, nameParticles)
	addList(lxSuffix, nameSuffixes)
	addList(lxOrg, orgSuffixes)
	addList(lxStreet, streetWords)
	addList(lxStreetPre, streetPrefixes)
	addList(lxUnit, unitWords)
	addList(lxMonth, monthNames)
	addList(lxGreeting, greetings)
	addList(lxSignOff, signOffs)
	for _, list := range [][]string{addressCues, postcodeCueForms} {
		for _, c := range list {
			lex[lastCueWord(c)] |= lxAddrCueEnd
		}
	}
	for _, list := range [][]string{strongNameCues, kinNameCues, speechCues, weakNameCues} {
		for _, c := range list {
			lex[lastCueWord(c)] |= lxNameCueEnd
		}
	}
	han := make(map[string]bool)
	for _, w := range strings.Fields(readList("surnames_zh_han.txt") + readList("surnames_zh_han_faker.txt")) {
		han[w] = true
	}
	nn := make(map[string]bool)
	for _, line := range strings.Split(strings.ToLower(readList("not_names.txt")), "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			nn[line] = true
			first, _, _ := strings.Cut(line, " ")
			lex[strings.TrimRight(first, ".'")] |= lxNotNameStart
		}
	}
	ctry := make(map[string]bool)
	for _, line := range strings.Split(strings.ToLower(countryNames+cityNames), "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		ctry[line] = true
		first, _, _ := strings.Cut(line, " ")
		lex[first] |= lxCountry
	}
	return newWordTable(lex), han, ctry, nn
}

// lastCueWord returns the last word of a cue phrase, without its colon.
func lastCueWord(c string) string {
	c = strings.TrimRight(c, ":")
	return c[strings.LastIndexByte(c, ' ')+1:]
}

// readList returns an embedded list without its comments.
func readList(name string) string {
	data, err := names.ReadFile("names/" + name)
	if err != nil {
		panic("redact: missing name list " + name) // embedded: cannot happen
	}
	var b strings.Builder
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// lex returns what word k of the scan can be.
// The lookup is made the first time a detector asks, so that words no
// detector looks at cost nothing.
func (s *scan) lex(k int) lexFlags {
	if f := s.flags[k]; f&lxLooked != 0 {
		return f &^ lxLooked
	}
	return s.lookUp(k)
}

// lookUp looks word k up in the lexicon and keeps the answer.
func (s *scan) lookUp(k int) lexFlags {
	var f lexFlags
	if w := s.words[k]; w.kind == wLetters {
		f = lexTable.get(s.lower[w.start:w.end])
	}
	s.flags[k] = f | lxLooked
	return f
}

// isName reports whether the flags include a given or family name.
func (f lexFlags) isName() bool { return f&(lxGiven|lxSurname) != 0 }
