package search

import (
	"math"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// analysisKey maps a language tag to the analyzer family that indexes it.
func analysisKey(l lang.Tag) string {
	switch {
	case l.Chinese():
		return "zh"
	case l == lang.Danish:
		return "da"
	case l == lang.Malay:
		return "ms"
	}
	return "en"
}

// knownLanguage tells the language of a query that holds none of the
// words language detection knows ("skifte mailadresse") by the
// knowledge base's own words: the Latin-script family whose passages
// hold most of the query's weight, or fallback when none holds more than
// the others.
func knownLanguage(qterms map[string][]queryTerm, fallback lang.Tag) lang.Tag {
	best, bestFam := 0.0, ""
	for _, fam := range []string{"en", "da", "ms"} {
		var have, want float64
		for _, t := range qterms[fam] {
			want += t.idf
			if t.df > 0 || len(t.parts) > 0 {
				have += t.idf
			}
		}
		if want > 0 && have/want > best+1e-9 {
			best, bestFam = have/want, fam
		} else if want > 0 && math.Abs(have/want-best) <= 1e-9 {
			bestFam = "" // a tie tells nothing
		}
	}
	switch bestFam {
	case "da":
		return lang.Danish
	case "ms":
		return lang.Malay
	case "en":
		return lang.English
	}
	return fallback
}
