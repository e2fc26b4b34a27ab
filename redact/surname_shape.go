package redact

import (
	"strings"
	"unicode/utf8"
)

// surnameEndings end family names in the languages around Europe and
// Central Asia: Jensen, Eriksson, Jónsdóttir, Horvatić, Nováková,
// Kowalski, Shevchenko, Popescu, Papadopoulos, Öztürkoğlu, Lindberg.
var surnameEndings = []string{
	"sen", "ssen", "sson", "dóttir", "dottir", "ić", "vić", "ová", "ski", "ska", "cki", "cka", "wicz",
	"czyk", "enko", "chuk", "escu", "ovich", "evich", "ovic", "evic", "poulos", "akis", "idis", "oglu",
	"oğlu", "yan", "berg", "ström", "strom", "qvist", "kvist", "gaard", "stein", "mann", "ova", "eva",
	"ov", "ev", "son", "ini", "elli", "etti", "ucci",
}

// notSurnames are words with a family name's ending that are not names.
var notSurnames = map[string]bool{
	"season": true, "reason": true, "lesson": true, "poison": true, "prison": true, "person": true,
	"comparison": true, "liaison": true, "crimson": true, "garrison": true, "unison": true,
	"alaska": true, "nebraska": true, "iceberg": true, "geneva": true, "tesla": true, "hyundai": true,
	"bikini": true, "martini": true, "zucchini": true, "spaghetti": true, "confetti": true,
	"panini": true, "lamborghini": true, "gemini": true, "mini": true, "boeing": true,
}

// surnameShaped reports whether a capitalised word unknown to the lists
// (given in lower case) looks like a family name by its ending.
func surnameShaped(lw string) bool {
	if len(lw) < 6 {
		return false
	}
	for _, e := range surnameEndingIndex[lw[len(lw)-1]] {
		if strings.HasSuffix(lw, e) {
			return utf8.RuneCountInString(lw) >= 6 && !notSurnames[lw]
		}
	}
	return false
}

// surnameEndingIndex holds the endings by their last byte.
var surnameEndingIndex = func() (m [256][]string) {
	for _, e := range surnameEndings {
		m[e[len(e)-1]] = append(m[e[len(e)-1]], e)
	}
	return m
}()
