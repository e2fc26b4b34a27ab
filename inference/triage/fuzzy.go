package triage

// minFuzzyLen is the shortest word a pattern may match with one edit:
// shorter words have too many real words one edit away ("rep", "orang").
const minFuzzyLen = 5

// realWords are words one edit away from a word for a person that mean
// something else: "my employer", "advised me".
var realWords = map[string]bool{
	"employer": true, "advised": true, "advises": true, "managed": true, "manages": true, "manger": true,
	"persona": true, "parson": true, "prison": true, "humane": true, "humor": true, "agenda": true,
	"operate": true, "medarbejde": true, "kollegium": true, "manusial": true,
}

// oneEdit reports whether a and b differ by exactly one insertion,
// deletion, substitution or swap of two neighbouring letters (a
// Damerau-Levenshtein distance of 1), so that "humna", "persn" and
// "representitive" match their words. Both must be at least
// minFuzzyLen-1 letters long.
func oneEdit(a, b string) bool {
	// One edit changes the length by at most one letter of 4 bytes.
	if a == b || len(a)-len(b) > 4 || len(b)-len(a) > 4 {
		return false
	}
	var one bool
	if ascii(a) && ascii(b) {
		one = oneEditBytes(a, b)
	} else {
		one = oneEditRunes([]rune(a), []rune(b))
	}
	return one && !realWords[a]
}

func oneEditRunes(ra, rb []rune) bool {
	if len(ra) < minFuzzyLen-1 || len(rb) < minFuzzyLen-1 {
		return false
	}
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		i := 0
		for i < len(ra) && ra[i] == rb[i] {
			i++
		}
		if i == len(ra) {
			return false // the same letters
		}
		if equalRunes(ra[i+1:], rb[i+1:]) {
			return true // substitution
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && equalRunes(ra[i+2:], rb[i+2:])
	case 1:
		i := 0
		for i < len(rb) && ra[i] == rb[i] {
			i++
		}
		return equalRunes(ra[i+1:], rb[i:]) // deletion
	}
	return false
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// oneEditBytes is oneEdit for ASCII words, without converting them.
func oneEditBytes(a, b string) bool {
	if len(a) < minFuzzyLen-1 || len(b) < minFuzzyLen-1 {
		return false
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	switch len(a) - len(b) {
	case 0:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		return a[i+1:] == b[i:]
	}
	return false
}
