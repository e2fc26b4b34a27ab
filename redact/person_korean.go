package redact

import "strings"

// Korean names written in Latin letters: a family name and a given name
// of two syllables, in either order, the given name hyphenated
// ("Park Seo-yeon", "Joon-ho Park", "CHOI, YOUNG-HEE") or, after the
// family name, written as one word ("kim minji"). The syllables and the
// family names are those of the Revised Romanization and the older
// spellings still common in names (compiled for this package).

// koreanSyllables are the syllables of Korean given names, romanised.
var koreanSyllables = wordSet(`a ae ah an bae beom bin bo bok bong chae chan chang cheol cheon chul chun chung dae dal do
dong du eun gi gil gu gun gwang gyu gyeong ha hae han hee heon hi ho hong hoon hu hun hwa hwan hwi hye hyeok hyeon hyo
hyuk hyun hyung il in jae jang je jeong ji jin jo joo joon ju jun jung kang ki kook kwan kwang kyu kyung mi min mo moon
mun myung na nam ra ri rin ro ryeong sa sae sang se seo seok seon seong seul seung shin si sik so sol soo su suk sun sung
tae un wan won woo wook woong ye yeon yeong yi yong yoo yoon young yu yul yun`)

// koreanFamilyNames are Korean family names, romanised; those that are
// everyday English words (an, in, so, do, ma, go, oh, ok, ha, na) need a
// hyphenated given name beside them.
var koreanFamilyNames = wordSet(`kim lee yi rhee park pak bak choi choe jung jeong chung kang cho jo yoon yun jang chang
lim im han oh seo suh shin sin kwon hwang ahn an song yoo yu hong jeon go ko moon mun yang son bae baek paik heo huh nam
noh roh ha kwak sung cha joo woo min ryu na jin ji eom um chae won cheon bang gong hyun ham byun yeom yeo chu do so seok
sun seol ma gil wi pyo myung ban ra wang geum ok yook in maeng je mo tak kook`)

// koreanFamilyWords are the family names that are everyday words too.
var koreanFamilyWords = wordSet(`an in so do ma go oh ok ha na ra je mo um ban sun song min won jin son moon ham cha sung`)

// koreanGiven reports whether w (lower case) is a Korean given name of
// two syllables: hyphenated ("seo-yeon"), or, when joined is allowed,
// written as one word ("minji").
func koreanGiven(w string, joined bool) (hyphenated, ok bool) {
	if a, b, found := strings.Cut(w, "-"); found {
		return true, koreanSyllables[a] && koreanSyllables[b] && !strings.Contains(b, "-")
	}
	if !joined || len(w) < 4 || len(w) > 9 {
		return false, false
	}
	for i := 1; i < len(w); i++ {
		if koreanSyllables[w[:i]] && koreanSyllables[w[i:]] {
			return false, true
		}
	}
	return false, false
}

// detectKoreanNames finds Korean names written in Latin letters. A given
// name written as one word counts only when no dictionary holds it, and
// then only after the family name.
func detectKoreanNames(s *scan) {
	for k := 0; k+1 < len(s.words); k++ {
		a, b := s.words[k], s.words[k+1]
		if a.kind != wLetters || b.kind != wLetters || s.covered(k, minFound) && s.covered(k+1, minFound) {
			continue
		}
		g := s.gap(k + 1)
		if g != " " && g != ", " {
			continue
		}
		first, second := s.lw(k), s.lw(k+1)
		from, to := k, k+1
		switch {
		case koreanFamilyNames[first] && s.sameShape(a, b):
			hyph, ok := koreanGiven(second, s.lex(k+1)&(lxDict|lxCommon) == 0)
			if !ok || !hyph && (koreanFamilyWords[first] || g != " ") {
				continue
			}
		case g == " " && koreanFamilyNames[second] && !koreanFamilyWords[second] && s.sameShape(a, b):
			if hyph, ok := koreanGiven(first, false); !ok || !hyph {
				continue
			}
		default:
			continue
		}
		if len(s.ruleMark) == len(s.words) && (s.ruleMark[from]|s.ruleMark[to])&(rmNotName|rmNever|rmStructured|rmLocation) != 0 ||
			s.coveredByOther(from, Person) || s.coveredByOther(to, Person) {
			continue
		}
		start, end := s.words[from].start, s.words[to].end
		s.addOrGrowPerson(start, end, cuedNameScore)
		k = to
	}
}

// sameShape reports whether two words are written alike: both
// capitalised, both in capitals, or both in lower case.
func (s *scan) sameShape(a, b word) bool {
	switch {
	case a.upper || b.upper:
		return a.upper && b.upper
	case a.cap || b.cap:
		return a.cap && b.cap
	}
	return true
}

// addOrGrowPerson adds a name at [start, end), or grows the names found
// inside it to it: "kwon" of "kwon minseo" becomes the whole name.
func (s *scan) addOrGrowPerson(start, end int, score float64) {
	grown := false
	for i := range s.found {
		f := &s.found[i]
		if f.Type == Person && f.Start < end && start < f.End {
			f.Start, f.End = min(f.Start, start), max(f.End, end)
			f.Score = max(f.Score, score)
			f.canon = s.lowerCanon(f.Start, f.End)
			grown = true
		}
	}
	if !grown {
		s.add(Person, start, end, score, s.lowerCanon(start, end))
	}
}

// coveredByOther reports whether word k is inside a finding of another
// type than t that scores enough to be kept.
func (s *scan) coveredByOther(k int, t Type) bool {
	w := s.words[k]
	return s.findingOver(w.start, w.end, func(f Finding) bool { return f.Type != t && f.Score >= minFound })
}
