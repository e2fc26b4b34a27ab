package search

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Analyzer names per analysis family (see analysisKey). Each is the
// language's usual chain; Chinese folds traditional characters to
// simplified first, so either script finds both. The phrases of the
// vocabulary's synonym groups ("money back") are joined into single
// terms before a text reaches them (lexicon.go), so that the index's
// layout does not change with the vocabulary.
var analyzers = map[string]string{
	"en": "hushdesk_en",
	"da": "hushdesk_da",
	"zh": "hushdesk_zh",
	"ms": "hushdesk_ms",
}

// families lists the analysis families in a fixed order.
var families = []string{"en", "da", "zh", "ms"}

// latinFamily reports whether a family's terms are words that typos
// distort (and fuzzy matching can repair), not CJK bigrams.
func latinFamily(fam string) bool { return fam != "zh" }

// englishFillers and danishFillers are words of customers' questions
// that say nothing of the topic ("how many days", "something", "please")
// and that the languages' stop lists keep. Rare in articles, they would
// weigh much, as rare words do.
var (
	englishFillers = []any{"many", "much", "something", "anything", "everything", "thing", "things", "stuff",
		"anyone", "someone's", "please", "hi", "hello", "hey", "thanks", "thank", "get", "got", "getting",
		"need", "want", "wanted", "like", "know", "just", "also", "really", "able", "way", "possible", "ok",
		"okay", "guys", "question", "tell", "let", "lot", "kind", "still", "even", "already", "anymore", "yet",
		"ago", "now", "soon", "actually", "maybe", "pls", "thx", "im", "ive", "dont", "cant", "wont"}
	danishFillers = []any{"gerne", "bare", "lige", "tak", "hej", "venligst", "måske", "stadig", "endnu",
		"allerede", "altså", "egentlig", "godt", "okay", "noget", "nogen", "nu", "få", "kunne", "ville"}
)

// addAnalysis registers the analyzers and their parts on an index
// mapping.
func addAnalysis(im *mapping.IndexMappingImpl) error {
	for name, words := range map[string][]any{"hushdesk_en_extra": englishFillers, "hushdesk_da_extra": withDanishASCII(danishFillers)} {
		if err := im.AddCustomTokenMap(name+"_words", map[string]any{"type": tokenmap.Name, "tokens": words}); err != nil {
			return fmt.Errorf("%s words: %w", name, err)
		}
		if err := im.AddCustomTokenFilter(name, map[string]any{"type": stop.Name, "stop_token_map": name + "_words"}); err != nil {
			return fmt.Errorf("%s filter: %w", name, err)
		}
	}
	if err := im.AddCustomTokenMap("hushdesk_ms_stop_words", map[string]any{
		"type":   tokenmap.Name,
		"tokens": malayStopWords,
	}); err != nil {
		return fmt.Errorf("malay stop words: %w", err)
	}
	if err := im.AddCustomTokenFilter("hushdesk_ms_stop", map[string]any{
		"type":           stop.Name,
		"stop_token_map": "hushdesk_ms_stop_words",
	}); err != nil {
		return fmt.Errorf("malay stop filter: %w", err)
	}
	if err := im.AddCustomTokenFilter("hushdesk_da_stop", map[string]any{
		"type":           stop.Name,
		"stop_token_map": danishStopASCIIName,
	}); err != nil {
		return fmt.Errorf("danish stop filter: %w", err)
	}
	chains := map[string]map[string]any{
		"en": {
			"token_filters": []any{en.PossessiveName, lowercase.Name, en.StopName, "hushdesk_en_extra", porter.Name},
		},
		"da": {
			"token_filters": []any{lowercase.Name, danishASCIIName, "hushdesk_da_stop", "hushdesk_da_extra", da.SnowballStemmerName},
		},
		"zh": {
			"char_filters":  []any{foldFilterName},
			"token_filters": []any{cjk.WidthName, lowercase.Name, cjk.BigramName},
		},
		"ms": {
			"token_filters": []any{lowercase.Name, "hushdesk_ms_stop"},
		},
	}
	for _, fam := range families {
		cfg := chains[fam]
		cfg["type"] = custom.Name
		cfg["tokenizer"] = unicode.Name
		if err := im.AddCustomAnalyzer(analyzers[fam], cfg); err != nil {
			return fmt.Errorf("%s analyzer: %w", fam, err)
		}
	}
	return nil
}
