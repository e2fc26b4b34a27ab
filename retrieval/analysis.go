package retrieval

import (
	"fmt"
	"strings"

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
// language's usual chain plus a character filter that joins the
// support-domain phrases of the synonym list ("money back") into single
// terms; Chinese folds traditional characters to simplified first, so
// either script finds both.
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

// malayStopWords are frequent Malay function words that carry no meaning
// for search.
var malayStopWords = []any{
	"ada", "adalah", "agar", "akan", "aku", "anda", "apa", "apabila", "atau", "awak", "bagi",
	"bagaimana", "bahawa", "belum", "beliau", "berapa", "boleh", "bila", "dan", "dalam", "dapat",
	"dari", "daripada", "dengan", "di", "dia", "ialah", "ini", "itu", "jika", "juga", "kami",
	"kamu", "kan", "kah", "ke", "kepada", "kita", "lagi", "lah", "mahu", "mana", "masih", "mereka",
	"nak", "oleh", "pada", "para", "pun", "saja", "sahaja", "saya", "se", "sebab", "sebagai",
	"sedang", "sendiri", "sudah", "supaya", "tapi", "tetapi", "telah", "tentang", "untuk",
	"yang", "ya", "macam", "hendak", "tolong", "sila", "dah", "tak", "tidak", "ni", "tu",
}

// addAnalysis registers the analyzers, their parts and the synonym
// sources on an index mapping.
func addAnalysis(im *mapping.IndexMappingImpl) error {
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
	for _, fam := range families {
		if err := im.AddCustomCharFilter("hushdesk_phrases_"+fam, map[string]any{
			"type": phraseFilterName,
			"lang": fam,
		}); err != nil {
			return fmt.Errorf("%s phrase filter: %w", fam, err)
		}
	}
	chains := map[string]map[string]any{
		"en": {
			"char_filters":  []any{"hushdesk_phrases_en"},
			"token_filters": []any{en.PossessiveName, lowercase.Name, en.StopName, porter.Name},
		},
		"da": {
			"char_filters":  []any{"hushdesk_phrases_da"},
			"token_filters": []any{lowercase.Name, da.StopName, da.SnowballStemmerName},
		},
		"zh": {
			"char_filters":  []any{foldFilterName, "hushdesk_phrases_zh"},
			"token_filters": []any{cjk.WidthName, lowercase.Name, cjk.BigramName},
		},
		"ms": {
			"char_filters":  []any{"hushdesk_phrases_ms"},
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
		if err := im.AddSynonymSource(synonymSource(fam), map[string]any{
			"collection": synonymCollection(fam),
			"analyzer":   analyzers[fam],
		}); err != nil {
			return fmt.Errorf("%s synonym source: %w", fam, err)
		}
	}
	return nil
}

// chineseStopPhrases are the words of a Chinese question that carry no
// topic ("please may I ask", "how", "what", "my"). They are removed before
// a Chinese query is cut into bigrams, so that neither they nor the
// bigrams straddling them count as terms. The query has been folded to
// simplified characters first.
var chineseStopPhrases = strings.NewReplacer(func() []string {
	var pairs []string
	for _, p := range strings.Fields(`请问 怎么办 怎么样 怎么 怎样 如何 什么 为什么 可以 能否 能不能
		可不可以 是否 有没有 我的 我们 你们 您的 你的 一下 吗 呢 吧 啊 呀 了 的 得 哪里 哪儿 多少
		需要 想要 想 要 帮我 请 谢谢 您好 你好 我 你 您 是 在 有 和 与 或 ？ ? ， 。 ！`) {
		pairs = append(pairs, p, " ")
	}
	return pairs
}()...)

// stripChineseStopPhrases removes topic-less words from a Chinese query.
func stripChineseStopPhrases(s string) string { return chineseStopPhrases.Replace(foldChinese(s)) }
