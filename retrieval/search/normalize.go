package search

import (
	"strings"
	"unicode"
)

// englishShorthand maps chat shorthand in English queries.
var englishShorthand = map[string]string{
	"u": "you", "ur": "your", "pls": "please", "plz": "please", "cs": "customer service",
	"2fa": "two-step verification", "mfa": "two-step verification", "acc": "account",
	"acct": "account", "pw": "password", "pwd": "password", "dont": "do not", "doesnt": "does not",
	"didnt": "did not", "cant": "can not", "wont": "will not", "isnt": "is not", "hasnt": "has not",
	"havent": "have not", "ive": "i have", "im": "i am", "asap": "as soon as possible",
	"whats": "what is", "thats": "that is", "theres": "there is", "wheres": "where is", "hows": "how is",
	"whos": "who is", "youre": "you are", "theyre": "they are", "wasnt": "was not", "werent": "were not",
	"arent": "are not", "wouldnt": "would not", "couldnt": "could not", "shouldnt": "should not",
}

// replaceWords replaces the words of s (runs of letters and digits) that
// m holds, matched in lower case.
func replaceWords(s string, m map[string]string) string {
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		if r, ok := m[strings.ToLower(w)]; ok {
			b.WriteString(r)
		} else {
			b.WriteString(w)
		}
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}

// normalizeQuery brings a query's text to the form the family's analyzer
// expects of it: Chinese to standard written Chinese in simplified
// characters without topic-less words, Malay and English chat shorthand
// spelt out.
func normalizeQuery(fam, text string) string {
	return postNormalize(fam, preNormalize(fam, text))
}

// preNormalize is the first step of normalizeQuery, after which the
// rules are matched: the words are spelt out, Chinese is standard and
// simplified but still holds its function words.
func preNormalize(fam, text string) string {
	switch fam {
	case "zh":
		return foldChinese(aNotA(cantonese.Replace(aNotA(text))))
	case "ms":
		return normalizeMalay(text)
	case "en":
		return replaceWords(text, englishShorthand)
	}
	return text
}

// postNormalize is the second step of normalizeQuery: it removes the
// function words of a Chinese query.
func postNormalize(fam, text string) string {
	if fam == "zh" {
		return chineseStopPhrases.Replace(text)
	}
	return text
}
