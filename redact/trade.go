package redact

import (
	"strings"
	"unicode/utf8"
)

// Names of people also name businesses and their goods: Tan Chong Motor,
// Kenny Rogers Roasters, Habib Jewels, Peter Larsen Kaffe, Kedai Emas
// Permata, a Jacob Jensen telefon. A name next to a word of trade (the
// lists of names/trade.txt) names the business or the brand, not a
// person, and is dropped after the tagger.

// tradeAfter, tradeBefore and tradeGoods are the sections of trade.txt:
// words that end a business's name, words that open it, and nouns of
// goods a brand name stands before.
var tradeAfter, tradeBefore, tradeGoods = readTradeWords()

func readTradeWords() (after, before, goods map[string]bool) {
	after, before, goods = make(map[string]bool), make(map[string]bool), make(map[string]bool)
	var cur map[string]bool
	for _, line := range strings.Split(strings.ToLower(readList("trade.txt")), "\n") {
		switch line = strings.TrimSpace(line); line {
		case "[after]":
			cur = after
			continue
		case "[before]":
			cur = before
			continue
		case "[goods]":
			cur = goods
			continue
		}
		for _, w := range strings.Fields(line) {
			if cur == nil {
				panic("redact: trade.txt: a word before the first section")
			}
			cur[w] = true
		}
	}
	return after, before, goods
}

// tradeWord reports whether word k is a word of the set and no name the
// lists know (Baker and Jaya are names as well as trades).
func (s *scan) tradeWord(k int, set map[string]bool) bool {
	if k < 0 || k >= len(s.words) || s.words[k].kind != wLetters || !set[s.lw(k)] {
		return false
	}
	return s.lex(k)&(lxGiven|lxSurname|lxListGiven|lxListSurname) == 0
}

// tradeConnectors join a name to the word of trade that follows it:
// Jensen & Søn, Smith and Sons.
var tradeConnectors = map[string]bool{" & ": true, "&": true, " og ": true, " and ": true, " dan ": true}

// tradeName reports whether words [from, to), taken for a name, name a
// business or a brand: a word of trade among them, right after them (or
// after "&", Jensen & Søn) or right before them (Kedai Emas Permata,
// Kedai Mr DIY), or the noun of goods they stand before.
func (s *scan) tradeName(from, to int) bool {
	for k := from; k < to; k++ {
		if k > from && s.tradeWord(k, tradeGoods) || s.tradeWord(k, tradeAfter) || s.tradeWord(k, tradeBefore) {
			return true
		}
	}
	// The name may be the first words of a longer one: Lim Kok of Lim Kok
	// Wing Motor.
	j := to
	for j < len(s.words) && j-to < 3 && s.gap(j) == " " && s.words[j].cap && s.lex(j)&lxStop == 0 &&
		!s.tradeWord(j, tradeAfter) && !s.tradeWord(j, tradeGoods) {
		j++
	}
	if to < len(s.words) && s.gap(to) == " " && quantity(s.lw(to)) {
		return true // Milo 2kg: a product and its size
	}
	if to+1 < len(s.words) && s.gap(to) == " " && s.gap(to+1) == " " && modelCode(s.tw(to)) && s.tradeWord(to+1, tradeGoods) {
		return true // Dr. Martens 1460 boots: a brand, its model and the goods
	}
	if j < len(s.words) {
		g := s.gap(j)
		if g == " " && (s.tradeWord(j, tradeAfter) || s.tradeWord(j, tradeGoods)) {
			return true
		}
		if tradeConnectors[g] && s.tradeWord(j, tradeAfter) && s.words[j].cap {
			return true
		}
	}
	k := from - 1
	for k >= 0 && from-k <= 3 && s.gap(k+1) == " " && (s.lex(k)&lxHonorific != 0 || s.words[k].cap && s.lex(k)&lxStop == 0) &&
		!s.tradeWord(k, tradeBefore) {
		k-- // Kedai Mr DIY, Kedai Emas Permata
	}
	return k >= 0 && s.gap(k+1) == " " && s.tradeWord(k, tradeBefore)
}

// quantityUnits are the units a product's size is given in.
var quantityUnits = []string{"kg", "g", "mg", "ml", "l", "ltr", "litre", "liter", "gb", "tb", "mb", "mm", "cm", "m", "pcs", "pc", "oz", "lb", "lbs"}

// quantity reports whether a word is an amount with its unit: 2kg, 1.5l,
// 256gb.
func quantity(w string) bool {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || i > 0 && (w[i] == '.' || w[i] == ',')) {
		i++
	}
	if i == 0 || i == len(w) {
		return false
	}
	for _, u := range quantityUnits {
		if w[i:] == u {
			return true
		}
	}
	return false
}

// tradeHan are the Chinese words of trade of the [after] section: a name
// right before one (吳寶春麵包店), or before 的 or 嘅 and one (黃振龍嘅涼茶),
// names a shop or its goods.
var tradeHan = func() []string {
	var out []string
	for w := range tradeAfter {
		if r, _ := utf8.DecodeRuneInString(w); isCJK(r) {
			out = append(out, w)
		}
	}
	return out
}()

// hanTradeAfter reports whether a word of trade follows byte end of the
// text, at once or after 的 or 嘅.
func (s *scan) hanTradeAfter(end int) bool {
	rest := s.text[end:]
	for _, p := range []string{"的", "嘅"} {
		rest = strings.TrimPrefix(rest, p)
	}
	for _, w := range tradeHan {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// dropHanTradeNames removes the Chinese names that name a shop or its
// goods (see hanTradeAfter), whichever detector found them.
func (s *scan) dropHanTradeNames() {
	s.dropHanNames(func(f Finding) bool { return s.hanTradeAfter(f.End) })
}

// dropTradeNames removes the Latin-script names that name a business or
// a brand (see tradeName).
func (s *scan) dropTradeNames() {
	kept := s.found[:0]
	for _, f := range s.found {
		if f.Type == Person && !s.cjkAt(f.Start) {
			from := s.wordAt(f.Start)
			to := from
			for to < len(s.words) && s.words[to].start < f.End {
				to++
			}
			if to > from && s.tradeName(from, to) {
				continue
			}
		}
		kept = append(kept, f)
	}
	s.found = kept
}

// modelCode reports whether a word is a product's model: digits, or
// letters and digits with a digit in them (1460, V15, TM6).
func modelCode(w string) bool {
	digit := false
	for i := 0; i < len(w); i++ {
		switch {
		case isDigit(w[i]):
			digit = true
		case !isAlpha(w[i]) && w[i] != '-':
			return false
		}
	}
	return digit && len(w) <= 8
}
