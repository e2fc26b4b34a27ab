package lang

import (
	"strings"
	"unicode"
)

// Simplify converts traditional Chinese characters to simplified ones,
// leaving every other character as it is. Text without Han characters is
// returned unchanged without being converted.
func Simplify(s string) string {
	if !hasHan(s) {
		return s
	}
	return toSimplified().convert(s)
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// cantoneseMarkers are characters that only Cantonese writing uses; Hong
// Kong writes them with traditional characters.
const cantoneseMarkers = "咗唔嘅冇嗰喺哋攞嘢啲佢乜咩噉嚟揾搵睇畀俾咁嘥"

// sharedForms are characters that traditional writing uses as they are,
// although OpenCC turns them into another traditional character in some
// words (台 -> 臺, 里 -> 裏): they say nothing about the script.
const sharedForms = "台里干只后系着面表出才云斗丑冲准余游征松范制致周朱注郁症谷历叶几"

// Words that only Taiwan and Hong Kong, or only the mainland, use for a
// thing, whatever script they are written in: they tell the script of a
// text written in characters both scripts share (保固期多久).
var (
	regionalTraditional = []string{"保固", "宅配", "超商", "購物金", "购物金", "統一編號", "统一编号", "影片",
		"軟體", "软体", "網路", "网路", "訊息", "讯息", "真人客服", "客服專線", "客服专线", "免運", "免运", "八達通", "八达通"}
	regionalSimplified = []string{"人工客服", "包邮", "快递", "视频", "软件", "网络", "信息", "质保", "到账", "支付宝"}
)

// chineseScript tells simplified from traditional Chinese: a character
// that OpenCC changes from traditional to simplified is traditional
// evidence, as is a Cantonese character (Hong Kong writes traditional);
// one that it changes from simplified to traditional, and that the
// traditional script does not also use, is simplified evidence. It
// reports whether anything told; with no evidence either way, or as much
// for each, the text is simplified and not sure.
func chineseScript(text string) (Tag, bool) {
	toS, toT := toSimplified(), toTraditional()
	trad, simp := 0, 0
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		c := string(r)
		if strings.ContainsRune(cantoneseMarkers, r) {
			trad++
			continue
		}
		if toS.convert(c) != c {
			trad++
			continue
		}
		if toT.convert(c) != c && !strings.ContainsRune(sharedForms, r) {
			simp++
		}
	}
	for _, w := range regionalTraditional {
		trad += strings.Count(text, w)
	}
	for _, w := range regionalSimplified {
		simp += strings.Count(text, w)
	}
	switch {
	case trad > simp:
		return ChineseTraditional, true
	case simp > trad:
		return ChineseSimplified, true
	}
	return ChineseSimplified, false
}
