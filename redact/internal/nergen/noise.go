package nergen

import (
	"fmt"
	"strings"
)

// Lines without names that surround the templated ones, so that the
// tagger sees capitalised words that are no names where names stand too:
// at the start of a line or a sentence, in form labels, in product codes
// and headings.

// labels are form labels in the three languages.
var labels = map[string][]string{
	"en": {"Order", "Order no.", "Ticket", "Invoice", "Reference", "Tel", "Phone", "Account", "SKU", "Item", "Subject",
		"Re", "Fwd", "Tracking", "Model", "Serial", "Version", "Delivery", "Total", "Status", "Case"},
	"da": {"Ordrenummer", "Ordre", "Fakturanr", "Tlf", "Telefon", "Kontonummer", "Kontonummer/IBAN", "CPR-nr", "Varenr",
		"Emne", "Sag", "Sagsnummer", "Reference", "Levering", "Model", "Version", "Beløb", "Status"},
	"ms": {"Pesanan", "No. pesanan", "Invois", "Tel", "Akaun", "Rujukan", "Perkara", "Model", "Versi", "Jumlah", "Status",
		"Penghantaran", "Tiket"},
}

// noiseLine writes one line of ordinary words in lang.
func (g *generator) noiseLine(lang string) string {
	r := g.r
	switch n := r.IntN(10); {
	case n < 3:
		return pick(r, labels[lang]) + pick(r, []string{": ", " ", " #", ": #"}) + fmt.Sprint(1000+r.IntN(9000000))
	case n < 4:
		code := strings.ToUpper(pick(r, g.dict[lang]))
		if len(code) > 4 {
			code = code[:3]
		}
		return pick(r, labels[lang]) + " " + code + "-" + fmt.Sprint(10+r.IntN(990)) + pick(r, []string{"", "-B", "X", "-GR"})
	case n < 5:
		return capitalise(pick(r, g.dict[lang])) + " " + capitalise(pick(r, g.dict[lang]))
	case n < 6:
		return capitalise(pick(r, g.dict[lang])) + " " + pick(r, acronyms) + " " + pick(r, g.dict[lang]) + " " + pick(r, acronyms)
	}
	var b strings.Builder
	k := 3 + r.IntN(8)
	for i := range k {
		w := pick(r, g.dict[lang])
		if r.IntN(4) == 0 {
			w = g.chatWord(lang, w)
		}
		if i == 0 {
			w = capitalise(w)
		} else {
			b.WriteByte(' ')
			if r.IntN(12) == 0 {
				w = capitalise(w) // a product or a word written with a capital
			}
		}
		b.WriteString(w)
		if i == k/2 && r.IntN(4) == 0 {
			code := strings.ToUpper(pick(r, g.dict[lang]))
			code = code[:min(3, len(code))]
			b.WriteString(pick(r, []string{" (" + code + "-" + fmt.Sprint(r.IntN(900)) + ")", ","}))
		}
	}
	b.WriteString(pick(r, []string{".", "?", "!", "", "."}))
	return b.String()
}

// withNoise puts lines of ordinary words before or after a message.
func (g *generator) withNoise(lang string, parts []part) []part {
	r := g.r
	if lang == "zh" || r.IntN(10) < 4 {
		return parts
	}
	sep := pick(r, []string{"\n", " ", "\n\n"})
	if r.IntN(2) == 0 {
		return append([]part{{text: g.noiseLine(lang) + sep}}, parts...)
	}
	return append(parts, part{text: sep + g.noiseLine(lang)})
}

func (g *generator) loadDicts(lists map[string][]string) {
	g.dict = lists
}

// mixed writes a message of ordinary words with names, brands, places,
// companies and capitalised words put in at random places, so that the
// tagger learns what makes a name from the name itself as much as from
// the words before it.
func (g *generator) mixed(lang string) []part {
	r := g.r
	n := 4 + r.IntN(12)
	slots := 1 + r.IntN(2)
	at := map[int]bool{}
	for range slots {
		at[r.IntN(n+1)] = true
	}
	var parts []part
	for i := 0; i <= n; i++ {
		if at[i] {
			if i > 0 {
				parts = append(parts, part{text: " "})
			}
			parts = append(parts, g.mixedSlot(lang)...)
		}
		if i == n {
			break
		}
		w := pick(r, g.dict[lang])
		if r.IntN(4) == 0 {
			w = g.chatWord(lang, w)
		}
		if i == 0 && !at[0] {
			w = capitalise(w)
		}
		if i > 0 || at[0] {
			w = " " + w
		}
		if r.IntN(10) == 0 {
			w += pick(r, []string{",", ".", ":", " -", "!"})
		}
		parts = append(parts, part{text: w})
	}
	parts = append(parts, part{text: pick(r, []string{".", "?", "", "!"})})
	return parts
}

func (g *generator) mixedSlot(lang string) []part {
	r := g.r
	switch n := r.IntN(20); {
	case n < 9:
		return g.slot(lang, "N")
	case n < 10:
		return g.slot(lang, "B")
	case n < 11:
		return []part{{text: g.inventedBrand()}}
	case n < 12:
		return g.slot(lang, "P")
	case n < 13:
		return []part{{text: g.inventedPlace(lang)}}
	case n < 15:
		f := strings.Fields(g.p.latinName(r, lang).text)
		return []part{{text: f[len(f)-1] + pick(r, orgSuffixes)}}
	case n < 18:
		return []part{{text: capitalise(pick(r, g.dict[lang]))}}
	}
	return g.slot(lang, "PR")
}

// orgSuffixes turn a family name into a company.
var orgSuffixes = []string{" Ltd", " Ltd.", " Inc", " Inc.", " PLC", " LLC", " Group", " & Co", " & Sons", " ApS", " A/S",
	" Sdn Bhd", " Holdings", " Consulting", " Partners", " Foundation", " Records", " Studios", " Hotel"}

// inventedBrand makes the name of a company or an app from two common
// words, as new ones are made: Mapquest, Factset, Seeclickfix.
func (g *generator) inventedBrand() string {
	r := g.r
	a, b := pick(r, g.dict["en"]), pick(r, g.dict["en"])
	if len(a) > 7 {
		a = a[:4+r.IntN(3)]
	}
	w := capitalise(a + b + pick(r, []string{"", "", "", "ly", "ify", "io", "ix", "data", "soft", "hub", "net"}))
	if r.IntN(6) == 0 {
		w = capitalise(a) + capitalise(b)
	}
	return w
}

// chatWord bends a common word the way people type in chat, so that the
// tagger meets words no list knows that are no names: inflected (sofaen,
// bayarannya), shortened (tlg, yg, utk) or cut (kat).
func (g *generator) chatWord(lang, w string) string {
	r := g.r
	switch r.IntN(4) {
	case 0:
		return w + pick(r, inflections[lang])
	case 1:
		if len(w) > 3 {
			var b strings.Builder
			b.WriteByte(w[0])
			for i := 1; i < len(w); i++ {
				if !strings.ContainsRune("aeiouy", rune(w[i])) {
					b.WriteByte(w[i])
				}
			}
			if b.Len() >= 2 {
				return b.String()
			}
		}
	case 2:
		if len(w) > 4 {
			return w[:3]
		}
	}
	return w + pick(r, inflections[lang])
}

var inflections = map[string][]string{
	"en": {"s", "ed", "ing", "er", "ly"},
	"da": {"en", "et", "ene", "erne", "s", "er", "ede", "te"},
	"ms": {"nya", "kan", "lah", "an", "i"},
}

// inventedPlace makes a place or shop name of the kind a list never
// holds all of: Ballerup, Hornbæk, Taman Seri Mutiara.
func (g *generator) inventedPlace(lang string) string {
	r := g.r
	stem := capitalise(pick(r, g.dict[lang]))
	switch lang {
	case "da":
		return stem + pick(r, []string{"rup", "strup", "løse", "bæk", "by", "sted", "havn", "holm", "gade", "centret", "huset"})
	case "ms":
		return pick(r, []string{"Taman ", "Bandar ", "Kampung ", "Jalan ", "Pasar ", "Kedai "}) + stem + maybe(r, " "+capitalise(pick(r, g.dict[lang])), 2)
	}
	return stem + pick(r, []string{"ton", "field", "ford", "bury", " Mall", " Centre", " Market", "ville", "wood"})
}

// nameBrand makes a shop, brand or place out of people's names, the
// hardest negatives: only the words around them say they are no person
// (a Kay Bojesen monkey, beli di Siti Khadijah, Jalan Tun Razak).
func (g *generator) nameBrand(lang string) string {
	r := g.r
	given := func() string { return strings.Fields(g.p.latinName(r, lang).text)[0] }
	surname := func() string {
		f := strings.Fields(g.p.latinName(r, lang).text)
		return f[len(f)-1]
	}
	switch r.IntN(8) {
	case 0:
		return given() + " " + surname() + pick(r, shopWords[lang])
	case 1:
		return surname() + "s " + capitalise(pick(r, []string{"Bolighus", "Bageri", "Kaffe", "Optik", "Cykler", "Bakery", "Garage", "Motor", "Kedai"}))
	case 2:
		return given() + " " + given() + pick(r, shopWords[lang])
	case 3:
		return pick(r, streetBefore[lang]) + " " + pick(r, []string{"", "Tun ", "Dato' ", "Sultan ", "Tunku ", "Dr ", "Dronning ", "Kong "}) + given() + maybe(r, " "+surname(), 2)
	case 4:
		return given() + maybe(r, "s", 2) + " " + pick(r, streetAfter[lang])
	case 5:
		return pick(r, []string{"Universiti ", "Hospital ", "Kolej ", "Sekolah ", "Masjid ", "Stadium ", "Museum "}) + given() + " " + surname()
	}
	return given() + " " + surname()
}

var (
	shopWords = map[string][]string{
		"en": {"", " Jewels", " Bakery", " Roasters", " & Sons", " Motors", " Design", " Kitchen", " Optical", " Studio"},
		"da": {"", " Kaffe", " Design", " & Søn", " Bageri", " Optik", " Cykler", " Smykker", " Copenhagen", " Living"},
		"ms": {"", " Jewels", " Emas", " Motor", " Roasters", " Restoran", " Kopitiam", " Trading", " Sdn Bhd", " Bakery"},
	}
	streetBefore = map[string][]string{
		"en": {"Fort", "Saint", "St", "Port", "Mount"},
		"da": {"Kong", "Dronning", "Sankt", "Skt."},
		"ms": {"Jalan", "Jalan", "Taman", "Lorong", "Persiaran", "Bandar"},
	}
	streetAfter = map[string][]string{
		"en": {"Street", "Road", "Park", "Square", "Station", "Bridge", "Hospital"},
		"da": {"Plads", "Gade", "Vej", "Allé", "Bro", "Torv", "Park"},
		"ms": {"Square", "Plaza", "Park", "Avenue", "Mall", "City"},
	}
)

// zhMixed writes a Chinese message of everyday words with a name, a
// brand, a place or an everyday word that starts with a family-name
// character put in.
func (g *generator) zhMixed() []part {
	r := g.r
	n := 3 + r.IntN(8)
	at := r.IntN(n + 1)
	var parts []part
	for i := 0; i <= n; i++ {
		if i == at {
			switch k := r.IntN(10); {
			case k < 5:
				parts = append(parts, part{text: pick(r, zhBefore)}, part{text: g.p.zhName(r), name: true}, part{text: pick(r, zhAfter)})
			case k < 7:
				parts = append(parts, part{text: pick(r, zhBrands)})
			case k < 8:
				parts = append(parts, part{text: pick(r, zhPlaces)})
			default:
				parts = append(parts, part{text: pick(r, zhWords)})
			}
		}
		if i < n {
			parts = append(parts, part{text: pick(r, zhVocab)})
		}
	}
	return append(parts, part{text: pick(r, []string{"。", "？", "", "！", "，谢谢"})})
}

// The words around a Chinese name.
var (
	zhBefore = []string{"", "给", "跟", "帮", "找", "问", "和", "让", "替", "是", "叫", "收件人", "联系人", "把", "向", "給", "幫", "問", "讓", "同"}
	zhAfter  = []string{"", "的", "说", "說", "先生", "女士", "小姐", "打电话", "收", "在", "讲", "話", "嘅", "那边", "那邊"}
)

// acronyms are written in capitals in ordinary text.
var acronyms = []string{"IP", "SMS", "PDF", "OTP", "ATM", "USB", "TV", "PC", "ID", "IC", "CPR", "NRIC", "VAT", "GST",
	"PIN", "FAQ", "API", "GPS", "SIM", "QR", "IBAN", "CVV", "OK", "ASAP", "FYI", "ETA", "DIY", "VIP", "UK", "EU", "HQ"}
