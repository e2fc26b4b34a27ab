package nergen

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
)

// Span is a name in a message, as byte offsets.
type Span struct{ Start, End int }

// Message is one training message with its names.
type Message struct {
	Lang  string
	Text  string
	Names []Span
}

// Generate writes n messages, in turn English, Danish, Malay and Chinese
// (English twice as often), drawing names from the lists in fsys (the
// redactor's names directory). The same seed and lists give the same
// messages.
func Generate(seed uint64, n int, fsys fs.FS) []Message {
	g := &generator{r: rand.New(rand.NewPCG(seed, seed^0xA0761D6478BD642F)), p: newPools(fsys)}
	for _, line := range strings.Split(string(must(fs.ReadFile(fsys, "not_names.txt"))), "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			g.brands = append(g.brands, line)
		}
	}
	g.loadDicts(map[string][]string{
		"en": readList(fsys, "dict_en.txt"), "da": readList(fsys, "dict_da.txt"), "ms": readList(fsys, "dict_ms.txt"),
	})
	langs := []string{"en", "en", "da", "ms", "zh"}
	out := make([]Message, 0, n)
	for i := range n {
		out = append(out, g.message(langs[i%len(langs)]))
	}
	return out
}

func must(b []byte, err error) []byte {
	if err != nil {
		return nil
	}
	return b
}

type generator struct {
	r      *rand.Rand
	p      *pools
	brands []string
	dict   map[string][]string // common words by language
}

// part is a piece of a message; name says it is a person's name.
type part struct {
	text string
	name bool
}

func (g *generator) message(lang string) Message {
	var tmpl string
	plain := g.r.IntN(4) == 0
	switch lang {
	case "en":
		tmpl = pick(g.r, choose(plain, enPlain, enTemplates))
	case "da":
		tmpl = pick(g.r, choose(plain, daPlain, daTemplates))
	case "ms":
		tmpl = pick(g.r, choose(plain, msPlain, msTemplates))
	default:
		tmpl = pick(g.r, choose(plain, zhPlain, zhTemplates))
	}
	var parts []part
	switch {
	case lang != "zh" && g.r.IntN(10) < 3:
		parts = g.mixed(lang)
	case lang == "zh" && g.r.IntN(10) < 5:
		parts = g.zhMixed()
	default:
		parts = g.withNoise(lang, g.fill(lang, tmpl))
	}
	// Casing: most messages as written; some all in lower or upper case,
	// some with the names alone in lower case.
	casing := g.r.IntN(100)
	var m Message
	m.Lang = lang
	var b strings.Builder
	for _, p := range parts {
		t := p.text
		if lang != "zh" {
			switch {
			case casing < 18:
				t = strings.ToLower(t)
			case casing < 22:
				t = strings.ToUpper(t)
			case casing < 27 && p.name:
				t = strings.ToLower(t)
			}
		}
		if p.name {
			m.Names = append(m.Names, Span{b.Len(), b.Len() + len(t)})
		}
		b.WriteString(t)
	}
	m.Text = b.String()
	return m
}

func choose(c bool, a, b []string) []string {
	if c {
		return a
	}
	return b
}

// fill replaces the slots of a template.
func (g *generator) fill(lang, tmpl string) []part {
	var parts []part
	for tmpl != "" {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl, '}')
		if i < 0 || j < i {
			parts = append(parts, part{text: tmpl})
			break
		}
		parts = append(parts, part{text: tmpl[:i]})
		parts = append(parts, g.slot(lang, tmpl[i+1:j])...)
		tmpl = tmpl[j+1:]
	}
	return parts
}

func (g *generator) slot(lang, name string) []part {
	r := g.r
	switch name {
	case "N":
		p := g.p.latinName(r, lang)
		if p.title != "" && r.IntN(2) == 0 {
			return []part{{text: p.title + " "}, {text: p.text, name: true}}
		}
		return []part{{text: p.text, name: true}}
	case "G":
		n := g.p.latinName(r, lang).text
		return []part{{text: strings.Fields(n)[0], name: true}}
	case "S":
		p := g.p.latinName(r, lang)
		f := strings.Fields(p.text)
		return []part{{text: pick(r, titles[lang]) + " "}, {text: f[len(f)-1], name: true}}
	case "NL":
		var out []part
		k := 2 + r.IntN(3)
		and := map[string]string{"en": " and ", "da": " og ", "ms": " dan "}[lang]
		for i := range k {
			n := g.p.latinName(r, lang).text
			if r.IntN(2) == 0 {
				n = strings.Fields(n)[0]
			}
			out = append(out, part{text: n, name: true})
			switch {
			case i == k-2:
				out = append(out, part{text: and})
			case i < k-2:
				out = append(out, part{text: ", "})
			}
		}
		return out
	case "Z":
		return []part{{text: g.p.zhName(r), name: true}}
	case "ZS":
		return []part{{text: pick(r, g.p.zhSurnames), name: true}}
	case "ZG":
		return []part{{text: pick(r, g.p.zhGivenChars), name: true}}
	case "B":
		switch r.IntN(6) {
		case 0, 1:
			return []part{{text: g.inventedBrand()}}
		case 2, 3:
			return []part{{text: g.nameBrand(lang)}}
		}
		return []part{{text: pick(r, g.brands)}}
	case "P":
		switch r.IntN(6) {
		case 0, 1:
			return []part{{text: g.inventedPlace(lang)}}
		case 2:
			return []part{{text: g.nameBrand(lang)}}
		}
		return []part{{text: pick(r, latinPlaces)}}
	case "PR":
		return []part{{text: pick(r, products)}}
	case "ZB":
		return []part{{text: pick(r, zhBrands)}}
	case "ZP":
		return []part{{text: pick(r, zhPlaces)}}
	case "ZW":
		return []part{{text: pick(r, zhWords)}}
	case "O":
		return []part{{text: fmt.Sprintf("%s%d", pick(r, []string{"", "#", "HD-", "SO"}), 10000+r.IntN(9000000))}}
	case "D":
		return []part{{text: fmt.Sprintf("%d/%d/2024", 1+r.IntN(28), 1+r.IntN(12))}}
	case "T":
		return []part{{text: fmt.Sprintf("%02d:%02d", 8+r.IntN(10), 5*r.IntN(12))}}
	case "PH":
		return []part{{text: fmt.Sprintf("+45 %02d %02d %02d %02d", 20+r.IntN(70), r.IntN(100), r.IntN(100), r.IntN(100))}}
	case "E":
		return []part{{text: fmt.Sprintf("%s%d@example.com", pick(r, []string{"kunde", "buyer", "pelanggan", "info"}), r.IntN(1000))}}
	}
	return []part{{text: name}}
}

var (
	latinPlaces = []string{"Taman Tun Dr Ismail", "Petaling Jaya", "Johor Bahru", "Kota Kinabalu", "Shah Alam",
		"Georgetown", "St Albans", "Fort William", "Port Louis", "San Jose", "Santa Clara", "Victoria", "Charlotte",
		"Florence", "Adelaide", "Austin", "Jackson", "Lincoln", "Hamilton", "Kingston", "Frederiksberg", "Valby",
		"Herning", "Holstebro", "Vesterbro", "Nørrebro", "Bukit Bintang", "Sri Petaling", "Bandar Utama",
		"Mont Kiara", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Manchester", "Leeds", "Bristol", "Ipoh", "Melaka",
		"Kuching", "Seremban", "Klang", "Cheras", "Subang Jaya", "Roskilde", "Kolding", "Vejle", "Randers", "Dublin",
		"Sydney", "Auckland", "Penang", "Singapore", "Hong Kong", "Copenhagen", "København", "London", "Boston"}
	products = []string{"Aurora lamp", "Havana sofa", "Luna desk", "Alexa speaker", "Galaxy S24", "Pixel 8",
		"Kindle", "MacBook Air", "AirPods", "Emma mattress", "Nova router", "Stella lamp", "Oscar chair",
		"Victoria kettle", "Sofia bed frame", "Oliver duvet", "Max plan", "Premium plan", "Family plan", "Jasmine tea",
		"Rose serum", "Ruby ring", "Amber candle", "Jack cable", "Mark II camera", "Bosch drill", "Dyson V15",
		"Philips kettle", "Tesla charger", "iPhone 15", "Surface Pro", "Harry Potter box set", "Penny board"}
)
