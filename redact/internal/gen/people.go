package main

import "fmt"

// person is a generated name in the conventions of one language.
type person struct {
	given, family string
	full          string // as written in full
	style         string // "western", "zh", "malay", "indian", "mc" (Malaysian Chinese)
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// person returns a name as people of the language write it.
func (g *gen) person(lang string) person {
	switch lang {
	case "en":
		p := person{given: g.pick(enGiven), family: g.pick(enFamily), style: "western"}
		p.full = p.given + " " + p.family
		return p
	case "da":
		p := person{given: g.pick(daGiven), family: g.pick(daFamily), style: "western"}
		if g.r.IntN(5) == 0 {
			p.given += " " + g.pick(daGiven) // Anne Mette, Lars Peter
		}
		p.full = p.given + " " + p.family
		return p
	case "zh":
		fam, chars := zhFamily, zhGivenChars
		if g.r.IntN(3) == 0 {
			fam, chars = zhFamilyTrad, zhGivenTrad
		}
		given := string(chars[g.r.IntN(len(chars))])
		if g.r.IntN(3) > 0 {
			given += string(chars[g.r.IntN(len(chars))])
		}
		p := person{given: given, family: g.pick(fam), style: "zh"}
		p.full = p.family + p.given
		return p
	default: // ms
		switch g.r.IntN(5) {
		case 0:
			p := person{given: g.pick(inGiven), family: g.pick(inFather), style: "indian"}
			link := "a/l"
			if g.r.IntN(2) == 0 {
				link = "a/p"
			}
			p.full = p.given + " " + link + " " + p.family
			return p
		case 1:
			p := person{given: g.pick(mcGiven), family: g.pick(mcFamily), style: "mc"}
			p.full = p.family + " " + p.given
			return p
		default:
			p := person{given: g.pick(msGiven), family: g.pick(msFather), style: "malay"}
			if g.r.IntN(2) == 0 {
				p.given += " " + g.pick(msGiven)
			}
			link := "bin"
			if g.r.IntN(2) == 0 {
				link = "binti"
			}
			p.full = p.given + " " + link + " " + p.family
			return p
		}
	}
}

// address returns a postal address in the local format.
func (g *gen) address(lang string) string {
	switch lang {
	case "en":
		if g.r.IntN(2) == 0 {
			flat := ""
			if g.r.IntN(3) == 0 {
				flat = fmt.Sprintf("Flat %d, ", 1+g.r.IntN(12))
			}
			return fmt.Sprintf("%s%d %s %s, %s", flat, 1+g.r.IntN(220), g.pick(ukStreets), g.pick(ukTypes), g.pick(ukTowns))
		}
		apt := ""
		if g.r.IntN(3) == 0 {
			apt = fmt.Sprintf(" Apt %d%c", 1+g.r.IntN(30), 'A'+rune(g.r.IntN(4)))
		}
		return fmt.Sprintf("%d %s %s%s, %s", 10+g.r.IntN(9000), g.pick(usStreets), g.pick(usTypes), apt, g.pick(usTowns))
	case "da":
		letter := ""
		if g.r.IntN(4) == 0 {
			letter = string(rune('A' + g.r.IntN(3)))
		}
		return fmt.Sprintf("%s %d%s%s, %s", g.pick(daStreets), 1+g.r.IntN(180), letter, g.pick(daFloors), g.pick(daTowns))
	case "ms":
		lead := []string{"No. %d, ", "No %d, ", "Lot %d, ", "%d, "}[g.r.IntN(4)]
		return fmt.Sprintf(lead, 1+g.r.IntN(150)) + g.pick(msStreets) + ", " + g.pick(msTamans) + g.pick(msTowns)
	default: // zh
		switch g.r.IntN(4) {
		case 0:
			return fmt.Sprintf("%s%s%d號%d樓", g.pick(twCities), g.pick(twRoads), 1+g.r.IntN(300), 1+g.r.IntN(20))
		case 1:
			return fmt.Sprintf("%s%s%d號%d樓%c室", g.pick(hkAreas), g.pick(hkRoads), 1+g.r.IntN(400), 1+g.r.IntN(30), 'A'+rune(g.r.IntN(6)))
		default:
			s := fmt.Sprintf("%s%s%d号", g.pick(cnCities), g.pick(cnRoads), 1+g.r.IntN(500))
			if g.r.IntN(2) == 0 {
				s += fmt.Sprintf("%d楼%d室", 1+g.r.IntN(30), 100+g.r.IntN(900))
			}
			return s
		}
	}
}

var (
	enMonths = fields("January February March April May June July August September October November December")
	daMonths = fields("januar februar marts april maj juni juli august september oktober november december")
	msMonths = fields("Januari Februari Mac April Mei Jun Julai Ogos September Oktober November Disember")
)

// birthDate returns a date of birth as it is written in the language.
func (g *gen) birthDate(lang string) string {
	d := g.date(1940, 2006)
	day, mon, year := d.Day(), int(d.Month()), d.Year()
	switch lang {
	case "en":
		switch g.r.IntN(3) {
		case 0:
			return fmt.Sprintf("%02d/%02d/%d", day, mon, year)
		case 1:
			return fmt.Sprintf("%s %d, %d", enMonths[mon-1], day, year)
		default:
			return fmt.Sprintf("%d %s %d", day, enMonths[mon-1], year)
		}
	case "da":
		if g.r.IntN(2) == 0 {
			return fmt.Sprintf("%02d.%02d.%d", day, mon, year)
		}
		return fmt.Sprintf("%d. %s %d", day, daMonths[mon-1], year)
	case "ms":
		if g.r.IntN(2) == 0 {
			return fmt.Sprintf("%02d/%02d/%d", day, mon, year)
		}
		return fmt.Sprintf("%d %s %d", day, msMonths[mon-1], year)
	default:
		if g.r.IntN(3) == 0 {
			return d.Format("2006-01-02")
		}
		return fmt.Sprintf("%d年%d月%d日", year, mon, day)
	}
}

// honorific returns a title that goes before a name in the language, and
// whether it comes after the name instead (Chinese).
func (g *gen) honorific(lang string, p person) (string, bool) {
	switch lang {
	case "en":
		return g.pick([]string{"Mr ", "Ms ", "Mrs ", "Dr. "}), false
	case "da":
		return g.pick([]string{"hr. ", "fru "}), false
	case "ms":
		if p.style == "malay" {
			return g.pick([]string{"Encik ", "Puan ", "Cik "}), false
		}
		return g.pick([]string{"Mr ", "Ms ", "Encik ", "Puan "}), false
	default:
		return g.pick([]string{"先生", "女士", "小姐"}), true
	}
}
