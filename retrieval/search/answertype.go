package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A section whose heading promises nothing may still hold the kind of
// answer a question asks for: "How many days do I have?" is answered by
// "What can I return?", which says "within 30 days", and "What does it
// cost?" by the section that names a price. What a passage's text holds,
// an amount of time or an amount of money, is its answer type; it ranks a
// passage within its article, less than a heading's promise does.

// timeUnits are the units an amount of time is counted in, by language
// (Chinese in both scripts): a number followed by one of them is a
// duration. Language, not any company's vocabulary.
var timeUnits = map[string]bool{
	"day": true, "days": true, "working": true, "business": true, "week": true, "weeks": true, "month": true,
	"months": true, "year": true, "years": true, "hour": true, "hours": true, "minute": true, "minutes": true,
	"dag": true, "dage": true, "hverdag": true, "hverdage": true, "arbejdsdage": true,
	"uge": true, "uger": true, "måned": true, "måneder": true, "år": true, "time": true, "timer": true,
	"minut": true, "minutter": true, "hari": true, "minggu": true, "bulan": true, "tahun": true, "jam": true,
	"minit": true,
}

// hanTimeUnits are the Chinese units of time that follow a number.
var hanTimeUnits = []string{"天", "日", "个工作日", "個工作日", "工作日", "工作天", "个星期", "個星期", "星期", "周", "週",
	"个月", "個月", "年", "小时", "小時", "分钟", "分鐘", "个钟", "個鐘"}

// currencies are the currency codes and signs written beside an amount.
var currencies = map[string]bool{
	"dkk": true, "kr": true, "kroner": true, "eur": true, "gbp": true, "usd": true, "sgd": true, "hkd": true,
	"twd": true, "myr": true, "rm": true, "nt": true, "€": true, "$": true, "£": true, "元": true, "港元": true,
	"令吉": true, "新台币": true, "新台幣": true,
}

// numberWords are the numbers written as words that count time in the
// sample's languages, small ones only ("two years", "to måneder", "dua
// bulan", "两个月").
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "fourteen": true, "thirty": true, "en": true, "et": true,
	"to": true, "tre": true, "fire": true, "fem": true, "seks": true, "syv": true, "otte": true, "ni": true,
	"ti": true, "fjorten": true, "tredive": true, "satu": true, "dua": true, "tiga": true, "empat": true,
	"lima": true, "enam": true, "tujuh": true, "lapan": true, "sembilan": true, "sepuluh": true,
}

// AnswersKind reports whether a passage's text holds the kind of answer
// a question asks for: an amount of time when it asks when or how long,
// an amount of money or a share of one ("10% extra") when it asks how
// much. Any text answers a question that asks for neither.
func AnswersKind(question, text string) bool {
	want := asksOf(question) & (intentWhen | intentCost)
	if want&intentCost != 0 && strings.ContainsAny(text, "%％") {
		return true
	}
	return want == 0 || answerTypes(text)&want != 0
}

// answerTypes returns what kinds of answer a passage's text holds: a
// duration (intentWhen) and an amount of money (intentCost).
func answerTypes(text string) intent {
	var out intent
	prevNumber := false // the word before was a number
	prevCurrency := false
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')' || r == '–' || r == '-' || r == '/'
	}) {
		w = strings.TrimRight(w, ".:;!?")
		num, unit := splitNumber(w)
		switch {
		case num && unit == "":
			if prevCurrency {
				out |= intentCost
			}
			prevNumber, prevCurrency = true, false
			continue
		case num:
			// "30天", "rm49", "14dage": the unit written onto the number.
			if timeUnit(unit) {
				out |= intentWhen
			}
			if currencies[unit] || currencies[strings.TrimRight(unit, "0123456789.,")] {
				out |= intentCost
			}
		case prevNumber && (timeUnits[w] || timeUnit(w)):
			out |= intentWhen
		case prevNumber && currencies[w]:
			out |= intentCost
		case numberWords[w]:
			prevNumber, prevCurrency = true, false
			continue
		}
		prevNumber, prevCurrency = false, currencies[w] || currencyPrefix(w)
		if prevCurrency && hasDigit(w) {
			out |= intentCost // "rm49", "€5"
		}
	}
	if out&intentWhen == 0 && hanDuration(text) {
		out |= intentWhen
	}
	return out
}

// splitNumber reports whether w begins with a digit and returns what
// follows its digits.
func splitNumber(w string) (bool, string) {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || i > 0 && (w[i] == '.' || w[i] == ',')) {
		i++
	}
	if i == 0 {
		return false, ""
	}
	return true, w[i:]
}

// timeUnit reports whether s is a unit of time, Chinese ones included.
func timeUnit(s string) bool {
	if timeUnits[s] {
		return true
	}
	for _, u := range hanTimeUnits {
		if strings.HasPrefix(s, u) {
			return true
		}
	}
	return false
}

// currencyPrefix reports whether w is a currency sign or code written
// onto an amount ("rm49", "€5", "$10").
func currencyPrefix(w string) bool {
	for c := range currencies {
		if strings.HasPrefix(w, c) && len(w) > len(c) {
			r, _ := utf8.DecodeRuneInString(w[len(c):])
			if unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// hanNumerals are the Chinese numerals that count time ("七天", "两个月").
const hanNumerals = "一二两兩三四五六七八九十"

// hanDuration reports whether a Chinese text counts time: a numeral, in
// figures or characters, right before a unit of time.
func hanDuration(text string) bool {
	for i, r := range text {
		if !(r >= '0' && r <= '9' || strings.ContainsRune(hanNumerals, r)) {
			continue
		}
		rest := strings.TrimLeft(text[i+utf8.RuneLen(r):], " ")
		for _, u := range hanTimeUnits {
			if strings.HasPrefix(rest, u) {
				return true
			}
		}
	}
	return false
}
