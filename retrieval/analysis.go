package retrieval

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Analyzer names per analysis family (see analysisKey).
var analyzers = map[string]string{
	"en": en.AnalyzerName,
	"da": da.AnalyzerName,
	"zh": cjk.AnalyzerName,
	"ms": "hushdesk_ms",
}

// families lists the analysis families in a fixed order.
var families = []string{"en", "da", "zh", "ms"}

// malayStopWords are frequent Malay function words that carry no meaning
// for search.
var malayStopWords = []any{
	"ada", "adalah", "agar", "akan", "aku", "anda", "apa", "apabila", "atau", "awak", "bagi",
	"bagaimana", "bahawa", "belum", "beliau", "berapa", "boleh", "bila", "dan", "dalam", "dapat",
	"dari", "daripada", "dengan", "di", "dia", "ialah", "ini", "itu", "jika", "juga", "kami",
	"kamu", "kan", "kah", "ke", "kepada", "kita", "lagi", "lah", "mahu", "mana", "masih", "mereka",
	"nak", "oleh", "pada", "para", "pun", "saja", "sahaja", "saya", "se", "sebab", "sebagai",
	"sedang", "sendiri", "sudah", "supaya", "tapi", "tetapi", "telah", "tentang", "untuk",
	"yang", "ya", "macam", "hendak", "tolong", "sila",
}

// addAnalysis registers the custom analysis parts on an index mapping.
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
	if err := im.AddCustomAnalyzer(analyzers["ms"], map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []any{lowercase.Name, "hushdesk_ms_stop"},
	}); err != nil {
		return fmt.Errorf("malay analyzer: %w", err)
	}
	return nil
}

// chineseStopPhrases are the words of a Chinese question that carry no
// topic ("please may I ask", "how", "what", "my"). They are removed before
// a Chinese query is cut into bigrams, so that neither they nor the
// bigrams straddling them count as terms.
var chineseStopPhrases = strings.NewReplacer(func() []string {
	var pairs []string
	for _, p := range strings.Fields(`请问 請問 怎么办 怎麼辦 怎么样 怎麼樣 怎么 怎麼 怎样 怎樣 如何 什么 什麼 为什么 為什麼
		可以 能否 能不能 可不可以 是否 有没有 有沒有 我的 我们 我們 你们 你們 您的 你的 一下 吗 嗎 呢 吧 啊 呀 了 的 得
		哪里 哪裡 哪儿 哪兒 多少 需要 想要 想 要 帮我 幫我 请 請 谢谢 謝謝 您好 你好 我 你 您 是 在 有 和 与 與 或 吗？ 嗎？`) {
		pairs = append(pairs, p, " ")
	}
	return pairs
}()...)

// stripChineseStopPhrases removes topic-less words from a Chinese query.
func stripChineseStopPhrases(s string) string { return chineseStopPhrases.Replace(s) }
