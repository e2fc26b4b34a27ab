package courtesy

import (
	"slices"
	"strings"
)

// Praise is said in more ways than phrases can list ("you're a lifesaver
// honestly", "wah laju gila reply", "det var hurtigt svaret", "你们客服真
// 贴心"): a message whose words are all words of courtesy, words that
// praise, and the words praise is said with (you, the reply, the service,
// so, really), holding at least one that praises and none that negates,
// is a compliment. A word that names anything else ("lamp", "refund",
// "how") makes it a message about that.

// praiseWords praise: the anchor of a compliment.
var praiseWords = wordSet(`fast quick quickly speedy rapid prompt helpful lifesaver legend star hero great awesome
amazing excellent fantastic brilliant nice kind lovely wonderful superb efficient patient friendly sweet
good best perfect useful smart clever impressive
hurtig hurtigt hurtige staerkt hjaelpsom hjaelpsomme soed soede dejlig dejligt god godt gode fantastisk fremragende
effektiv effektive venlig venlige flink flinke skoen skoent
laju cepat pantas bagus terbaik hebat mantap membantu power syok best cekap sporting peramah terer padu gempak
快 棒 赞 讚 厉 厲 害 贴 貼 叻 靓 靚 秒 给 給 力 帮 幫 助 用 耐 专 專 业 業 效 率 好 赞 讚 点 點
clear detailed thorough cool outstanding solid handy responsive professional polite accurate spot
fedt fede sejt sej seje bedste bedst fin fint flot flotte smart klog super perfekt genial genialt tydelig tydeligt
klart nyttig nyttigt brugbar brugbart dygtig dygtige imponerende
berguna jelas pandai bijak sempoi lawa cun
清 楚 晰 详 詳 细 細 醒 聪 聰 犀 利 劲 勁 靠 谱 譜 周 实 實 准 準 确 確 优 優 秀 完 美 满 滿 迅 速 亲 親 切 暖 明 白 正`)

// praiseCompanions are the words praise is said with.
var praiseCompanions = wordSet(`you your youre u ur ya yall you guys that this it its was is are were been be so very really
super honestly tbh literally and og dan 和 truly such a an the reply replies replied response responses respond answer answers
answered service support team bot chat assistant wow dang damn omg oh ah haha lol man as always always
i jer du dig det var er virkelig meget sgu bare svar svaret svarede jeres gik altid
korang awak kamu admin min ni tu la lah gila sgt sangat betul reply respon servis layanan wah sungguh memang sentiasa
你 您 们 們 哋 客 服 务 務 态 態 度 回 复 覆 答 真 很 太 超 非 常 特 别 別 啊 呀 啦 了 的 嘅 哦 哇 得 都 心 人 有 喔 噢 咁 又 系 係 是 次 这 這
chatbot ai explanation explained info guys jawapan penerangan bot
de den jer er var en et assistent assistenten chatten forklaring forklaringen hjaelpen
个 個 挺 蛮 蠻 几 幾 助 手 机 機 器 械 喎 噃 咗 级 級 哈 嘛 解 释 釋
👍 👌 😊 🙂 😀 😄 😁 😍 🥰 ❤️ ❤ 💯 👏 ✨ 🙏 😃`)

// askOpeners begin a question asked without a question mark ("is it
// good"); askEnds end one (有用吗).
var (
	askOpeners = wordSet(`is are was were does do did can could will would should how what which why when where who er kan vil skal har hvad hvordan hvorfor hvornaar adakah apakah boleh bila kenapa macam`)
	askEnds    = wordSet(`吗 嗎 呢 么 麼 ke kah`)
)

// hanAsking are the Chinese words that ask what, which, where, when, how
// long or how many: a remark holds none ("要拍啥照片" asks), and neither
// does praise ("幾耐回覆" asks how long a reply takes, whatever its
// characters say alone).
var hanAsking = []string{"啥", "什么", "什麼", "咩", "乜", "哪", "边个", "邊個", "几多", "幾多", "多少", "几时", "幾時", "点样", "點樣", "怎",
	"多久", "几耐", "幾耐", "多长时间", "多長時間"}

// AsksInHan reports whether a text holds a Chinese word of asking.
func AsksInHan(text string) bool {
	return slices.ContainsFunc(hanAsking, func(w string) bool { return strings.Contains(text, w) })
}

// negations turn praise into its opposite.
var negations = wordSet(`not no never isnt wasnt arent werent dont didnt cant couldnt ikke aldrig tidak bukan x tak tk takde
不 唔 没 沒 冇 未 别 別 非`)

func wordSet(list string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(list) {
		out[w] = true
	}
	return out
}

// praise reports whether the tokens are praise and nothing else; with
// anchored set (courtesy came before or after them: "dang that was a
// quick reply"), the words praise is said with suffice.
func praise(toks []token, anchored bool) bool {
	if len(toks) == 0 || askOpeners[toks[0].text] || askEnds[toks[len(toks)-1].text] || asksHelp(toks) {
		return false
	}
	for _, t := range toks {
		w := t.text
		switch {
		case negations[w]:
			return false
		case praiseWords[w] || t.squeezed != "" && praiseWords[t.squeezed]:
			anchored = true
		case praiseCompanions[w] || t.squeezed != "" && praiseCompanions[t.squeezed] || intensifiers[w] || inLexicon(w):
		default:
			return false
		}
	}
	return anchored
}

// helpWords ask for help ("hjælp tak", "tolong"); helpHan do in Chinese
// when a help character is doubled or followed by 我, 手, 忙 or 个 ("帮帮我", "帮个忙",
// "唔該幫幫手"), where alone it praises (很有帮助).
var (
	helpWords = wordSet(`help helps hjaelp hjaelpe hjælp hjælpe tolong tlg bantu bantuan`)
	helpHan   = wordSet(`帮 幫`)
	helpAfter = wordSet(`帮 幫 我 手 个 個 忙`)
)

// asksHelp reports whether the tokens ask for help, which is no praise.
func asksHelp(toks []token) bool {
	for i, t := range toks {
		if helpWords[t.text] || helpHan[t.text] && i+1 < len(toks) && helpAfter[toks[i+1].text] {
			return true
		}
	}
	return false
}

// lexiconWords are the words of the courtesy phrases, of every kind.
var lexiconWords = func() map[string]bool {
	out := map[string]bool{}
	for _, e := range lexicon {
		if e.kind == Yes || e.kind == No || slices.Contains(e.words, personWord) {
			// "no", "tidak", "不用" say no, not praise; "this is
			// <PERSON_1>" says who writes, and its words alone nothing.
			continue
		}
		for _, w := range e.words {
			out[w] = true
		}
	}
	return out
}()

func inLexicon(w string) bool { return lexiconWords[w] }

// squeezedForm is squeeze of a Latin word with a letter written twice
// in a row, and empty for any other word: most words have none, and
// comparing the empty form costs nothing.
func squeezedForm(w string) string {
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] && w[i] < 0x80 && (w[i]|0x20) >= 'a' && (w[i]|0x20) <= 'z' {
			if latin(w) {
				return squeeze(w)
			}
			return ""
		}
	}
	return ""
}

// squeeze writes each run of a repeated letter once: "heyy" as "hey",
// "youu" as "you", "sooo" as "so".
func squeeze(w string) string {
	var b strings.Builder
	var last rune
	for i, r := range w {
		if i > 0 && r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}
