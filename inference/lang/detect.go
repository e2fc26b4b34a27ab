package lang

import (
	"strings"
	"unicode"
)

// Detection is what Detect makes of a text.
type Detection struct {
	// Tag is the language the text is most likely in; Default when
	// nothing told.
	Tag Tag
	// Sure is set when anything in the text told the language at all.
	Sure bool
	// Clear is set when the text tells its language plainly enough to
	// overrule a hint (a browser's locale, a widget's setting): its
	// script, or words of one language well ahead of any other's.
	Clear bool
}

// Detect guesses the language of a short text: Chinese by script
// (simplified or traditional by what OpenCC changes, Cantonese characters
// counting as traditional), Danish, Malay or English by distinctive words
// and letters. Malaysians mix English words into Malay, rarely the other
// way round, so a Malay word weighs more than an English one.
func Detect(text string) Detection {
	var han, latin int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r) && r < 0x250:
			latin++
		}
	}
	if han > 0 && han*3 >= latin {
		t, sureScript := chineseScript(text)
		// Two Han characters say "Chinese" plainly; which script, only
		// when the characters tell.
		return Detection{Tag: t, Sure: true, Clear: han >= 2 && sureScript}
	}
	var score [3]float64 // en, da, ms
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if englishWords[w] {
			score[0]++
		}
		if danishWords[w] {
			score[1]++
		}
		if malayWords[w] {
			score[2] += malayWordWeight
		}
		if strings.ContainsAny(w, "æøå") {
			score[1] += 2
		}
		if malayAffixed(w) {
			score[2] += 0.5
		}
	}
	en, da, ms := score[0], score[1], score[2]
	d := Detection{Tag: English, Sure: en > 0}
	switch {
	case da > en && da >= ms:
		d = Detection{Tag: Danish, Sure: true}
	case ms > en && ms > da:
		d = Detection{Tag: Malay, Sure: true}
	}
	best, second := top2(score)
	d.Clear = d.Sure && best-second >= clearMargin
	return d
}

// clearMargin is how far, in English words' worth, the words of one
// language must be ahead of any other's to overrule a hint: one
// distinctive word ("hej"), or a word two languages share ("tak" is
// Danish thanks and Malay "not"), is not enough.
const clearMargin = 2

func top2(s [3]float64) (best, second float64) {
	for _, v := range s {
		switch {
		case v > best:
			best, second = v, best
		case v > second:
			second = v
		}
	}
	return best, second
}

// Choose decides the language of a customer's message from the message
// and a hint (the widget's setting, the browser's locale, a client's
// "language" field; zero when there is none). The hint is a prior: the
// message's own language wins when it is clear, and the hint decides when
// the message does not tell (a short "ok", "hi", "tak"). Chinese keeps the
// hint's script when the characters do not tell it. sure is false when
// neither told and the result is only the default.
func Choose(hint Tag, text string) (t Tag, sure bool) {
	d := Detect(text)
	switch {
	case d.Clear:
		return d.Tag, true
	case d.Tag.Chinese() && hint.Chinese():
		return hint, true
	case d.Tag.Chinese() && hasHan(text):
		return d.Tag, true // Chinese, whatever the hint said, but the script is a guess
	case hint.Known():
		return hint, true
	}
	return d.Tag, d.Sure
}

// malayWordWeight is what a Malay word weighs against an English one:
// "can i get refund tak" is Malay with English words in it.
const malayWordWeight = 2.0

// malayAffixed reports whether a word carries a Malay affix (men-, mem-,
// meng-, ber-, di-...-kan, -nya): weak evidence, worth half a word.
func malayAffixed(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, p := range []string{"mem", "men", "meng", "peng", "pem", "per", "ber", "ter"} {
		if strings.HasPrefix(w, p) && (strings.HasSuffix(w, "kan") || strings.HasSuffix(w, "an")) {
			return true
		}
	}
	return strings.HasSuffix(w, "nya") || (strings.HasPrefix(w, "di") && strings.HasSuffix(w, "kan"))
}
