package main

import "fmt"

// Look-alikes: numbers and codes that share a shape with personal data but
// are not personal data, placed in the same sentences as the real thing.

func (g *gen) order() string {
	switch g.r.IntN(4) {
	case 0:
		return "#" + g.digits(6)
	case 1:
		return g.digits(8) // shaped like a Danish or Hong Kong phone number
	case 2:
		return "HD-" + g.digits(5)
	default:
		return "2024" + g.digits(8) // shaped like a Chinese order number
	}
}

func (g *gen) sku() string {
	return g.pick([]string{"HD-4471-B", "LRK-OAK-120", "SKU 20931", "A1234-56", "NL-220-GR", "TX-09-118",
		"KB-3000X", "SOFA-3P-GRY", "LMP-77-WHT"})
}

func (g *gen) tracking() string {
	switch g.r.IntN(5) {
	case 0:
		return "LH" + g.digits(9) + "DK"
	case 1:
		return "1Z" + g.digits(3) + g.letters(2) + g.digits(10)
	case 2:
		return "SF" + g.digits(13)
	case 3:
		return "EE" + g.digits(9) + "MY"
	default:
		return "JD" + g.digits(13)
	}
}

func (g *gen) price(lang string) string {
	switch lang {
	case "da":
		return g.pick([]string{fmt.Sprintf("%d.%03d,00 kr.", 1+g.r.IntN(9), g.r.IntN(1000)), fmt.Sprintf("DKK %d,95", 50+g.r.IntN(900))})
	case "ms":
		return fmt.Sprintf("RM %d.%02d", 10+g.r.IntN(2000), g.r.IntN(100))
	case "zh":
		return g.pick([]string{fmt.Sprintf("¥%d", 50+g.r.IntN(5000)), fmt.Sprintf("NT$%d", 100+g.r.IntN(9000)), fmt.Sprintf("HK$%d", 50+g.r.IntN(3000))})
	}
	return g.pick([]string{fmt.Sprintf("£%d.%02d", 5+g.r.IntN(500), g.r.IntN(100)), fmt.Sprintf("$%d.99", 5+g.r.IntN(900))})
}

func (g *gen) clock(lang string) string {
	h, m := 8+g.r.IntN(11), 15*g.r.IntN(4)
	switch lang {
	case "da":
		return fmt.Sprintf("kl. %02d.%02d", h, m)
	case "zh":
		return fmt.Sprintf("%d:%02d", h, m)
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

func (g *gen) version() string {
	return g.pick([]string{fmt.Sprintf("v%d.%d.%d", 1+g.r.IntN(5), g.r.IntN(20), g.r.IntN(10)),
		fmt.Sprintf("version %d.%d.%d", 1+g.r.IntN(5), g.r.IntN(20), g.r.IntN(10)),
		fmt.Sprintf("%d.%d.%d.%d", 1+g.r.IntN(9), g.r.IntN(20), g.r.IntN(10), g.r.IntN(100))})
}

// plainDate is a date that is not a birth date: an order or delivery date.
func (g *gen) plainDate(lang string) string {
	d := g.date(2023, 2025)
	switch lang {
	case "da":
		return d.Format("02.01.2006")
	case "zh":
		return fmt.Sprintf("%d月%d日", d.Month(), d.Day())
	case "ms":
		return d.Format("02/01/2006")
	}
	return d.Format("02/01/2006")
}

func (g *gen) invoice() string {
	return g.pick([]string{"INV-2024-" + g.digits(5), "F" + g.digits(7), "2024-" + g.digits(4)})
}

func (g *gen) product(lang string) string {
	return g.pick([]string{"Larkspur Oak Dining Table", "Nordlys floor lamp", "Havana sofa", "Fjord rug",
		"Kebun planter", "Lotus bed frame", "Aurora desk", "Bjørk bookcase", "Harmoni armchair", "Seri Pagi cushion"})
}

func (g *gen) helpURL(lang string) string {
	return g.pick([]string{"https://larkspur.example/help/returns", "www.larkspur.example/" + lang + "/delivery",
		"https://larkspur.example/products/" + g.digits(5), "https://status.larkspur.example"})
}

func (g *gen) city(lang string) string {
	switch lang {
	case "da":
		return g.pick([]string{"Aarhus", "Odense", "Aalborg", "København", "Kolding"})
	case "ms":
		return g.pick([]string{"Kuala Lumpur", "Johor Bahru", "Penang", "Ipoh", "Kuching"})
	case "zh":
		return g.pick([]string{"上海", "深圳", "台北", "香港", "北京"})
	}
	return g.pick([]string{"Manchester", "Leeds", "Bristol", "Chicago", "Seattle"})
}
