package nergen

import (
	"io/fs"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pools holds the names a generator draws from.
type pools struct {
	given, surnames       []string // all Latin-script names
	givenDA, surnamesDA   []string
	givenMS               []string
	givenEN, surnamesEN   []string
	zhSurnames, zhGiven   []string // Han characters
	zhGivenChars          []string
	romanSurnames, romanG []string // romanised Chinese
}

// readList returns the words of a name list, without its comments.
func readList(fsys fs.FS, name string) []string {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		out = append(out, strings.Fields(line)...)
	}
	return out
}

func newPools(fsys fs.FS) *pools {
	p := &pools{
		givenDA: readList(fsys, "given_da.txt"), surnamesDA: readList(fsys, "surnames_da.txt"),
		givenMS: readList(fsys, "given_ms.txt"),
		givenEN: readList(fsys, "given_en.txt"), surnamesEN: readList(fsys, "surnames_en.txt"),
		zhSurnames:    append(readList(fsys, "surnames_zh_han.txt"), readList(fsys, "surnames_zh_han_faker.txt")...),
		zhGiven:       readList(fsys, "given_zh_han_faker.txt"),
		romanSurnames: readList(fsys, "surnames_zh.txt"), romanG: readList(fsys, "given_zh.txt"),
	}
	p.given = append(append(append(readList(fsys, "given_faker.txt"), readList(fsys, "given_intl.txt")...), p.givenEN...),
		readList(fsys, "given_world.txt")...)
	p.surnames = append(append(append(readList(fsys, "surnames_faker.txt"), readList(fsys, "surnames_intl.txt")...), p.surnamesEN...),
		readList(fsys, "surnames_world.txt")...)
	seen := map[string]bool{}
	for _, g := range append(p.zhGiven, readList(fsys, "given_zh_han.txt")...) {
		for _, r := range g {
			if c := string(r); !seen[c] {
				seen[c] = true
				p.zhGivenChars = append(p.zhGivenChars, c)
			}
		}
	}
	return p
}

func pick(r *rand.Rand, list []string) string {
	if len(list) == 0 {
		return "Anna"
	}
	return list[r.IntN(len(list))]
}

// Syllables of invented names, so that the tagger learns names it has no
// list for: Irenke Sörös, Wizlo Kantarek.
var (
	onsets = []string{"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "r",
		"s", "sh", "sz", "t", "tr", "v", "w", "z", "zh", "", "", "st", "bj", "th", "q", "x", "ř", "ś", "ž", "č"}
	nuclei = []string{"a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "ie", "y", "ö", "ü", "é", "á", "ø", "å", "ă", "ı", "ó"}
	codas  = []string{"", "", "", "n", "r", "l", "s", "k", "m", "t", "nd", "rt", "sk", "x", "ng", "sz", "ck"}
	ends   = []string{"", "a", "o", "i", "e", "ek", "ov", "ova", "sen", "son", "escu", "ić", "ski", "ka", "ke", "ur",
		"ani", "oglu", "ez", "ini", "ardt", "berg", "é", "ah", "iah", "ul"}
)

// invented makes a name of two or three syllables.
func invented(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(2) {
		b.WriteString(pick(r, onsets) + pick(r, nuclei) + pick(r, codas))
	}
	b.WriteString(pick(r, ends))
	w := b.String()
	if utf8.RuneCountInString(w) < 3 {
		w += "ra"
	}
	return capitalise(w)
}

func capitalise(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// person is a rendered name: its words, and the title before it if any.
type person struct {
	text  string
	title string
}

// latinName renders a name for a message in lang, in one of the forms
// people write: given and family name, one of them, initials, a middle
// name, a patronym.
func (p *pools) latinName(r *rand.Rand, lang string) person {
	given := func() string {
		switch {
		case r.IntN(14) == 0:
			return invented(r)
		case lang == "da" && r.IntN(2) == 0:
			return pick(r, p.givenDA)
		case lang == "ms" && r.IntN(2) == 0:
			return pick(r, p.givenMS)
		}
		return pick(r, p.given)
	}
	surname := func() string {
		switch {
		case r.IntN(14) == 0:
			return invented(r)
		case lang == "da" && r.IntN(2) == 0:
			return pick(r, p.surnamesDA)
		}
		return pick(r, p.surnames)
	}
	if lang == "ms" && r.IntN(3) == 0 {
		particle := pick(r, []string{"bin", "binti", "bt", "a/l", "a/p", "bin", "binti"})
		return person{text: given() + maybe(r, " "+given(), 3) + " " + particle + " " + given()}
	}
	if r.IntN(10) == 0 { // romanised Chinese: Tan Wei Ming, Wong Ka-ho
		return person{text: pick(r, p.romanSurnames) + " " + pick(r, p.romanG) + maybe(r, " "+strings.ToLower(pick(r, p.romanG)), 2)}
	}
	switch n := r.IntN(100); {
	case n < 45:
		return person{text: given() + " " + surname()}
	case n < 60:
		return person{text: given()}
	case n < 70:
		return person{text: surname(), title: pick(r, titles[lang])}
	case n < 76:
		return person{text: surname()}
	case n < 84:
		return person{text: given() + " " + given() + " " + surname()}
	case n < 89:
		return person{text: given() + " " + string([]rune(given())[:1]) + pick(r, []string{". ", " "}) + surname()}
	case n < 93:
		return person{text: string([]rune(given())[:1]) + pick(r, []string{". ", ".", " "}) + surname()}
	case n < 97:
		return person{text: given() + " " + surname() + "-" + surname()}
	}
	return person{text: given() + " " + pick(r, []string{"van der", "de", "van", "von", "da", "di", "Mc", "O'"}) + func() string {
		s := surname()
		return s
	}()}
}

func maybe(r *rand.Rand, s string, oneIn int) string {
	if r.IntN(oneIn) == 0 {
		return s
	}
	return ""
}

var titles = map[string][]string{
	"en": {"Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Miss", "Prof."},
	"da": {"hr.", "fru", "Hr.", "Fru", "dr."},
	"ms": {"Encik", "Puan", "Cik", "En.", "Pn.", "Dr", "Tuan", "Dato'"},
}

// zhName renders a Chinese name in Han characters: a family name and one
// or two given-name characters, a listed given name, or the family name
// alone (before a title).
func (p *pools) zhName(r *rand.Rand) string {
	s := pick(r, p.zhSurnames)
	if r.IntN(6) == 0 {
		s = pick(r, compoundSurnames)
	}
	switch n := r.IntN(10); {
	case n < 4:
		return s + pick(r, p.zhGiven)
	case n < 7:
		return s + pick(r, p.zhGivenChars) + pick(r, p.zhGivenChars)
	}
	return s + pick(r, p.zhGivenChars)
}

// compoundSurnames are two-character family names, which the tagger must
// see often enough to learn.
var compoundSurnames = []string{"欧阳", "歐陽", "诸葛", "諸葛", "司马", "司馬", "上官", "慕容", "司徒", "东方", "東方", "夏侯",
	"皇甫", "尉迟", "尉遲", "长孙", "長孫", "宇文", "公孙", "公孫", "轩辕", "軒轅", "端木", "西门", "西門", "南宫", "南宮", "独孤", "獨孤", "令狐"}
