package search

import (
	"strings"
	"unicode"
)

// Chinese queries are brought to the written standard before they are
// cut into bigrams: Cantonese words become their standard equivalents
// (幾耐 -> 多久), the text is folded to simplified characters, and the
// words that carry no topic are removed.

// cantonese maps the Cantonese words of Hong Kong writing to standard
// written Chinese, in both scripts. Longer entries come first, and some
// words map to themselves so that the shorter entries inside them (幾點
// holds 點, 關係 holds 係) leave them alone.
var cantonese = strings.NewReplacer(
	// kept as they are
	"幾點", "幾點", "几点", "几点", "關係", "關係", "聯係", "聯係", "地點", "地點", "地点", "地点",
	"一點", "一點", "一点", "一点", "重點", "重點", "重点", "重点", "仲裁", "仲裁",
	// questions
	"幾耐", "多久", "几耐", "多久", "幾時", "什麼時候", "几时", "什么时候", "幾多錢", "多少錢", "几多钱", "多少钱",
	"幾錢", "多少錢", "几钱", "多少钱", "幾多", "多少", "几多", "多少", "點樣", "怎樣", "点样", "怎样",
	"點算", "怎麼辦", "点算", "怎么办", "點搞", "怎麼辦", "点搞", "怎么办", "點解", "為什麼", "点解", "为什么",
	"點做", "怎麼做", "点做", "怎么做", "點改", "怎麼改", "点改", "怎么改", "點用", "怎麼用", "点用", "怎么用",
	"點退", "怎麼退", "点退", "怎么退", "點取消", "怎麼取消", "点取消", "怎么取消", "點查", "怎麼查", "点查", "怎么查",
	"點搵", "怎麼找", "点揾", "怎么找", "點聯絡", "怎麼聯絡", "点联络", "怎么联络", "點申請", "怎麼申請", "点申请", "怎么申请",
	"點付", "怎麼付", "点付", "怎么付", "點俾", "怎麼付", "点俾", "怎么付", "點開", "怎麼開", "点开", "怎么开",
	"邊度", "哪裡", "边度", "哪里", "邊個", "誰", "边个", "谁", "邊間", "哪家", "边间", "哪家",
	"乜嘢", "什麼", "乜野", "什麼", "咩嘢", "什麼",
	// days and time
	"琴日", "昨天", "尋日", "昨天", "寻日", "昨天", "噚日", "昨天", "聽日", "明天", "听日", "明天", "今日", "今天",
	"前日", "前天", "而家", "現在", "而今", "現在", "頭先", "剛才", "头先", "刚才",
	// everyday words
	"返屋企", "回家", "屋企", "家", "搬屋", "搬家", "碌卡", "刷卡", "水喉", "水管", "隔籬", "旁邊", "隔篱", "旁边",
	"泊車", "停車", "泊车", "停车", "揸車", "開車", "揸车", "开车", "架車", "車", "架车", "车", "部車", "車", "部车", "车",
	"車匙", "車鑰匙", "车匙", "车钥匙", "銀包", "錢包", "银包", "钱包", "電芯", "電池", "电芯", "电池", "返工", "上班",
	"放工", "下班", "老細", "老闆", "老细", "老板", "搞錯", "弄錯", "搞错", "弄错", "俾人", "被人", "畀人", "被人",
	"唔肯", "不肯", "冇咗", "沒了", "返咗", "回了", "返嚟", "回來", "返来", "回来", "嚟", "來", "咩", "什麼",
	"去到邊", "到哪", "去到边", "到哪", "晒", "",
	// verbs and nouns
	"落咗單", "下了單", "落咗单", "下了单", "落咗訂單", "下了訂單",
	"俾錢", "付錢", "俾钱", "付钱", "畀錢", "付錢", "畀钱", "付钱", "攞返", "拿回", "攞回", "拿回", "退返", "退回",
	"收返", "收回", "俾返", "還給", "俾返", "还给", "傾偈", "聊天", "倾偈", "聊天", "落單", "下單", "落单", "下单",
	"聽電話", "接電話", "听电话", "接电话", "開門", "營業", "开门", "营业", "爛咗", "壞了", "烂咗", "坏了",
	"唔啱心水", "不喜歡", "心水", "喜歡", "入返", "退回", "張卡", "卡", "张卡", "卡",
	"寄去", "寄到", "送去", "送到", "幾多日", "幾天", "几多日", "几天", "幾多天", "幾天", "几多天", "几天",
	"點計", "怎麼算", "点计", "怎么算", "先會", "才會", "先会", "才会",
	"鍾意", "喜歡", "钟意", "喜欢", "遲咗", "延遲了", "迟咗", "延迟了", "好多日", "很多天",
	"禮拜", "星期", "礼拜", "星期", "搞掂", "搞定", "幫手", "幫忙", "帮手", "帮忙", "唔使", "不用", "唔駛", "不用",
	"唔該", "請", "唔该", "请", "唔係", "不是", "唔系", "不是", "冇", "沒有", "唔", "不", "係", "是",
	"佢哋", "他們", "佢地", "他們", "你哋", "你們", "我哋", "我們", "哋", "們", "佢", "他",
	"喺", "在", "嗰", "那", "呢個", "這個", "呢个", "这个", "呢啲", "這些", "啲", "些", "嘢", "東西",
	"攞", "拿", "傾", "談", "倾", "谈", "搵", "找", "揾", "找", "睇", "看", "俾", "給", "畀", "給",
	"爛", "壞", "烂", "坏", "唔啱", "不合適", "啱", "合適", "仲", "還", "咁", "這麼", "咗", "了", "嘅", "的",
)

// chineseStopPhrases are the words of a Chinese question that carry no
// topic ("please may I ask", "how", "what", "my"), and the particles of
// Cantonese. They are removed before a query is cut into bigrams, so
// that neither they nor the bigrams straddling them count as terms. The
// query has been folded to simplified characters first.
var chineseStopPhrases = strings.NewReplacer(func() []string {
	var pairs []string
	for _, p := range strings.Fields(`请问 怎么办 怎么样 怎么 怎样 如何 什么 为什么 可以 能否 能不能
		可不可以 是否 有没有 我的 我们 你们 您的 你的 一下 吗 呢 吧 啊 呀 的 得 哪里 哪儿 多少
		需要 想要 想 要 帮我 请 谢谢 您好 你好 我 你 您 是 在 有 和 与 或 还 啦 喇 喎 啰 囉 嘛 㗎 吖
		啫 咋 噃 嚟 添 咩 吓 ？ ? ， 。 ！ ! 、 ～ ~`) {
		pairs = append(pairs, p, " ")
	}
	// The aspect particle sits inside a verb and its object (退了货):
	// it goes without leaving a gap, so that the two stay one word.
	return append([]string{"了", ""}, pairs...)
}()...)

// aNotA reads a Chinese A-not-A question as its verb: "包不包税" (does it
// include tax) as "包税", "退唔退得" as "退得", "有冇" as "有", "保不
// 保修" as "保修". Mandarin and Cantonese ask yes-or-no questions so,
// and the doubled verb, cut into bigrams, matches nothing. It runs before
// the Cantonese words are replaced ("使唔使" is not "使不用") and after
// ("有冇" becomes "有沒有").
func aNotA(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		if i+2 < len(rs) && rs[i] == rs[i+2] && unicode.Is(unicode.Han, rs[i]) && strings.ContainsRune("不唔冇沒没", rs[i+1]) {
			out = append(out, rs[i])
			i += 2
			continue
		}
		out = append(out, rs[i])
	}
	return string(out)
}

// normalizeChinese brings a Chinese query to standard written Chinese in
// simplified characters without its topic-less words.
func normalizeChinese(s string) string {
	return chineseStopPhrases.Replace(foldChinese(aNotA(cantonese.Replace(aNotA(s)))))
}
