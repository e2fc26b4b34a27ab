package inference

import (
	"slices"
	"strings"
	"unicode"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// A vague message names no topic: "I have a problem with my order", "det
// virker ikke", "我的订单有问题". Its words are the language's own and the
// words every support question shares (problem, help, order, not
// working); none says what about. These lists are language, the same
// for any company.
var generic = map[lang.Tag]string{
	lang.English: `i im i'm ive i've me my mine we our you your u ur it its it's this that there is are was were be been am
		a an the and or but so to of in on at for with about from by have has had having do does did doing dont don't doesnt doesn't
		didnt didn't cant can't cannot can could would will wont won't should need needs needed want wanted please pls plz hi hello hey
		problem problems issue issues trouble wrong something anything thing things stuff help helping question questions
		query queries not no work works working worked broken fix sort got get getting having going happened happening
		order orders ordered item items product products purchase purchased account thanks thank urgent asap now just still
		some any somethings somethin sth smth matter concern concerns regarding re theres thats whats hows heres
		check look see assist assistance support went go goes gone out w bought buy sorted ask asking
		placed place last yesterday today recently earlier ago bit little few information info details here update updates
		news confused q qn quick messed mixed screwed up`,
	lang.Danish: `jeg mig min mit mine vi vores du din dit det den der er var har havde kan kunne vil ville skal skulle
		en et og eller men så at af i på til med om fra for ikke ingen noget nogen lidt hej hjælp hjælpe problem problemer
		fejl galt virker virke virkede fungerer fungere spørgsmål sag bestilling bestillingen ordre ordren ordrer vare varen
		varer konto kontoen tak venligst gerne bare stadig nu hurtigt brug behøver behover har brug mangler kigge se tjekke
		tjek hjaelp hjælpen sgu lige gaaet gået spm igår går forleden sidste bestilte bestilt købte købt oplysninger information
		info sket skete gør gøre gjorde forstår forstå forvirret forkert`,
	lang.Malay: `saya sy aku kami kita awak anda u ada ade tak x tidak bukan dengan dgn dan atau tapi yang yg untuk utk
		pada kat di ke dari ni ini itu tu la lah je jer pun nak mahu boleh blh tolong tlg bantu help masalah problem isu
		salah rosak tak_boleh tak_jalan x_jalan jalan order pesanan barang produk akaun akaun_saya hai hi helo ok okay
		sikit something apa2 pasal tentang mengenai urgent segera sekarang lagi perlu perlukan memerlukan bantuan semak
		tengok tgk check cek soalan tanya tny semalam baru maklumat info beli faham paham fhm keliru
		buat bikin guna pakai dapat dpt nk jadi kena`,
}

// genericHan are the Chinese words of a vague message; what is left once
// they are taken out must be a character or none.
var genericHan = []string{
	"请问", "請問", "你好", "您好", "我的", "我嘅", "我个", "我個", "我张", "我張", "订单", "訂單", "定单", "定單", "单", "單",
	"有点", "有點", "有些", "一些", "问题", "問題", "出问题", "出問題", "出错", "出錯", "不行", "唔得", "用不了", "用唔到",
	"不能用", "没用", "冇用", "坏了", "壞了", "怎么办", "怎麼辦", "點算", "点算", "帮忙", "幫忙", "帮我", "幫我", "帮手", "幫手",
	"搞掂", "搞定", "看看", "睇睇", "一下", "东西", "東西", "嘢", "事情", "那个", "那個", "这个", "這個", "有", "了", "咗",
	"啊", "呀", "啦", "吗", "嗎", "呢", "吧", "喎", "㗎", "个", "個", "张", "張", "我", "你", "出", "錯", "错", "的", "嘅",
	"是", "係", "在", "都", "又", "就", "好", "很", "太", "急", "紧", "緊", "快", "点", "點", "些", "么", "麼", "人", "需要",
	"看下", "看一下", "睇下", "睇一下", "查下", "查一下", "检查", "檢查", "处理", "處理", "解决", "解決",
	"问个", "問個", "事儿", "事兒", "啲", "想", "坏掉", "壞掉", "掉", "那边", "那邊", "嗰度", "嗰邊", "问下", "問下", "事",
	"帮助", "幫助", "协助", "協助", "不明白", "不懂", "搞不懂", "看不懂", "唔明", "睇唔明", "昨天", "上周", "上週", "前几天", "前幾天", "最近", "信息", "資訊", "资讯", "咨询", "諮詢",
	"查询", "查詢", "少少", "一啲", "帮下", "帮吓", "幫下", "幫吓", "可唔可以", "可不可以", "能不能", "可以",
}

// trouble are the words that say something is wrong or help is needed,
// by language: a message that says so and names at most one thing
// ("something's wrong with my payment") is asked back when the search is
// not sure, rather than answered with "I don't know".
var trouble = map[lang.Tag][]string{
	lang.English: {"problem", "problems", "issue", "issues", "trouble", "wrong", "broken", "help", "not working", "doesnt work",
		"doesn't work", "wont work", "won't work", "cant", "can't", "fix", "assistance", "assist", "not right", "confused",
		"dont understand", "don't understand", "messed up", "mixed up", "screwed up", "doesnt go through", "not going through"},
	lang.Danish:             {"problem", "problemer", "fejl", "galt", "forkert", "virker ikke", "hjælp", "hjaelp", "brug for", "fungerer ikke", "forstår det ikke", "forstår ikke", "forvirret", "går ikke", "gaar ikke", "virker stadig ikke"},
	lang.Malay:              {"masalah", "problem", "isu", "salah", "rosak", "tak boleh", "x boleh", "tak jalan", "tolong", "bantu", "bantuan", "tak faham", "x faham", "tak paham", "keliru", "x jadi", "tak jadi", "tk jadi", "tak menjadi"},
	lang.ChineseSimplified:  {"问题", "出错", "不行", "用不了", "坏了", "坏掉", "帮忙", "帮我", "帮帮", "帮手", "帮助", "协助", "帮下", "帮吓", "怎么办", "有点事", "有事", "不明白", "不懂", "搞不懂", "看不懂", "不对劲", "不對勁", "搞不定", "帮个忙"},
	lang.ChineseTraditional: {"問題", "出錯", "不行", "唔得", "用唔到", "壞了", "壞掉", "幫忙", "幫我", "幫幫", "幫手", "幫助", "協助", "幫下", "幫吓", "怎麼辦", "點算", "唔明", "睇唔明", "不明白", "不懂", "有啲嘢", "有點事", "有事", "搞唔掂", "唔對路", "唔妥", "咩事", "幫個忙"},
}

// helping are the words of trouble that ask for help rather than say
// something is wrong: "help with returns" wants to know about returns,
// "something's wrong with my payment" has a problem the customer has not
// told.
var helping = map[string]bool{"help": true, "assistance": true, "assist": true, "hjælp": true, "hjaelp": true,
	"brug for": true, "tolong": true, "bantu": true, "bantuan": true, "帮忙": true, "帮我": true, "幫忙": true, "幫我": true,
	"怎么办": true, "怎麼辦": true, "點算": true, "帮帮": true, "幫幫": true, "帮手": true, "幫手": true,
	"帮助": true, "幫助": true, "协助": true, "協助": true, "帮下": true, "帮吓": true, "幫下": true, "幫吓": true,
	"帮个忙": true, "幫個忙": true}

// troubled reports whether a message says something is wrong or asks for
// help (in its language or in English, which customers mix in), and names
// at most one thing besides.
func troubled(text string, l lang.Tag) bool {
	return troubleSaid(text, l, true) && namesOneThing(text, l)
}

// problemWithOne reports whether a message says something is wrong with
// one thing and no more ("something is wrong with my payment", "delivery
// issue", "我的退款有问题"): which problem is asked back, with the
// sections of that thing's article, even when the search finds the
// article surely.
func problemWithOne(text string, l lang.Tag) bool {
	return troubleSaid(text, l, false) && namesOneThing(text, l)
}

// troubleSaid reports whether a message says something is wrong, or with
// help set, asks for help.
func troubleSaid(text string, l lang.Tag, help bool) bool {
	lower := " " + strings.ToLower(text) + " "
	for _, tl := range []lang.Tag{l, lang.English} {
		for _, w := range trouble[tl] {
			if (help || !helping[w]) && strings.Contains(lower, w) && (l.Chinese() || strings.Contains(lower, " "+w+" ") || strings.Contains(lower, " "+w)) {
				return true
			}
		}
	}
	return false
}

// namesOneThing reports whether a message names at most one thing beyond
// the words of trouble and of every support question.
func namesOneThing(text string, l lang.Tag) bool {
	if l.Chinese() {
		rest := text
		for _, w := range append(append([]string{}, trouble[l]...), genericHan...) {
			rest = strings.ReplaceAll(rest, w, "")
		}
		n := 0
		for _, r := range rest {
			if unicode.Is(unicode.Han, r) {
				n++
			}
		}
		return n <= 3 // one word of two or three characters
	}
	known := genericWords(l)
	topics := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		if !known[w] && !known[strings.ReplaceAll(w, "'", "")] {
			topics++
		}
	}
	return topics <= 1
}

// comparativesHan ask for more or less of what is in play: faster,
// cheaper, sooner ("有冇快啲嘅", "有没有更便宜的"). They name the kind of
// answer wanted, as "faster" does in English, and are no vague message.
var comparativesHan = []string{"更快", "最快", "快啲", "快d", "快D", "快些", "快一点", "快一點", "更便宜", "最便宜", "便宜啲",
	"便宜一点", "便宜一點", "更平", "最平", "平啲", "平d", "平D", "更早", "早啲", "早一点", "早一點"}

// vague reports whether a message names no topic.
func vague(text string, l lang.Tag) bool {
	if l.Chinese() {
		for _, c := range comparativesHan {
			if strings.Contains(text, c) {
				return false
			}
		}
		rest := text
		for _, w := range genericHan {
			rest = strings.ReplaceAll(rest, w, "")
		}
		n := 0
		for _, r := range rest {
			if unicode.Is(unicode.Han, r) || unicode.IsLetter(r) {
				n++
			}
		}
		return n <= 1
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	if len(words) == 0 {
		return false
	}
	known := genericWords(l)
	for _, w := range words {
		if !known[w] && !known[strings.ReplaceAll(w, "'", "")] {
			return false
		}
	}
	return true
}

var genericSets = map[lang.Tag]map[string]bool{}

// genericMixed are the vague words of each language with English's,
// merged once: genericWords is asked at every message.
var genericMixed = map[lang.Tag]map[string]bool{}

func init() {
	generic[lang.Danish] = withDanishSpellings(generic[lang.Danish])
	for l, list := range generic {
		m := map[string]bool{}
		for _, w := range strings.Fields(list) {
			m[w] = true
		}
		genericSets[l] = m
	}
	en := genericSets[lang.English]
	for l, own := range genericSets {
		if l == lang.English {
			continue
		}
		out := make(map[string]bool, len(own)+len(en))
		for w := range en {
			out[w] = true
		}
		for w := range own {
			out[w] = true
		}
		genericMixed[l] = out
	}
}

// genericWords are the vague words of a language, with English's, which
// customers mix into every other. The map is shared: not to be changed.
func genericWords(l lang.Tag) map[string]bool {
	if m, ok := genericMixed[l]; ok {
		return m
	}
	return genericSets[lang.English]
}

// announcing are the words that announce a question without asking it
// ("I have a question about money", "nk tanya pasal duit", "想问一下钱的
// 事"), by language: followed by no more than the name of a topic, the
// message is asked back, with suggestions from that topic. Language, not
// any company's vocabulary.
var announcing = map[lang.Tag][]string{
	lang.English: {"question about", "question regarding", "questions about", "query about", "ask about", "asking about",
		"ask something about", "enquiry about", "inquiry about", "wondering about", "something about", "ask you about",
		"ask something", "ask a question", "ask you something", "can i ask", "may i ask", "have a question", "got a question",
		"quick question", "quick q", "got a q", "question for you", "talk about", "speak about", "discuss", "chat about",
		"its about", "it's about", "it is about", "this is about", "regarding", "concerning"},
	lang.Danish: {"spørgsmål om", "spoergsmaal om", "spørgsmål angående", "spørgsmål vedrørende", "spørge om", "spoerge om",
		"spørge til", "noget om", "angående", "vedrørende", "et spørgsmål", "et spoergsmaal", "et hurtigt spørgsmål", "et spm",
		"tale om", "snakke om", "det handler om", "det drejer sig om"},
	lang.Malay: {"tanya pasal", "tanya tentang", "tanya mengenai", "soalan pasal", "soalan tentang", "soalan mengenai",
		"tanya sikit", "tanya sesuatu", "nak tanya", "nk tanya", "mau tanya", "nak tny", "nk tny", "ada soalan", "ada satu soalan",
		"cakap pasal", "bincang", "ni pasal", "ini pasal", "pasal"},
	lang.ChineseSimplified:  {"想问一下", "问一下", "请问一下", "想问下", "想问", "想咨询", "咨询一下", "关于", "有关", "的事", "方面", "的问题", "那边", "问下"},
	lang.ChineseTraditional: {"想問一下", "問一下", "請問一下", "想問下", "想問", "想諮詢", "諮詢一下", "問下", "關於", "有關", "嘅事", "的事", "方面", "的問題", "嘅問題", "嗰度", "嗰邊", "那邊"},
}

// leading are the words that, opening a message, announce its topic
// without asking about it ("about my refund", "psl parcel", "angående
// faktura", "question re delivery").
var leading = map[lang.Tag][]string{
	lang.English: {"about", "re", "regarding", "concerning", "got a q about", "a q about", "q about", "question re", "query re", "quick q about", "quick question about"},
	lang.Danish:  {"angaaende", "angående", "ang", "vedr", "vedrørende", "et spm om", "spm om", "noget med", "mht"},
	lang.Malay:   {"psl", "pasal", "tentang", "mengenai", "berkenaan", "nk tanya psl", "nak tanya psl", "tanya psl", "soalan psl"},
}

// announcesTopic reports whether a message announces a question and names
// at most one thing, asking nothing about it ("question about money",
// "jeg har et spørgsmål om penge", "想問關於帳戶嘅嘢"): what about it is
// asked back.
func announcesTopic(text string, l lang.Tag) bool {
	lower := strings.ToLower(text)
	var cues []string
	for _, tl := range []lang.Tag{l, lang.English} {
		for _, c := range announcing[tl] {
			if strings.Contains(lower, c) {
				cues = append(cues, c)
			}
		}
	}
	opening := strings.TrimSpace(lower)
	for _, tl := range []lang.Tag{l, lang.English} {
		for _, c := range leading[tl] {
			if strings.HasPrefix(opening, c+" ") {
				cues = append(cues, c)
			}
		}
	}
	if len(cues) == 0 || search.AsksHow(text) || strings.ContainsAny(text, "?？") && !l.Chinese() {
		return false
	}
	// What is left beyond the cues and the words of asking names one
	// thing at most: a word, or a Chinese word of two characters.
	if l.Chinese() {
		// Longest first: "想问下" holds both "想问" and "问下".
		slices.SortStableFunc(cues, func(a, b string) int { return len(b) - len(a) })
		for _, c := range cues {
			lower = strings.ReplaceAll(lower, c, " ")
		}
		n := 0
		for _, r := range withoutAsking(lower, l) {
			if unicode.Is(unicode.Han, r) {
				n++
			}
		}
		return n <= 2
	}
	cueWords := map[string]bool{}
	for _, c := range cues {
		for _, w := range strings.Fields(c) {
			cueWords[w] = true
		}
	}
	things := 0
	for _, w := range strings.Fields(withoutAsking(lower, l)) {
		if !cueWords[w] {
			things++
		}
	}
	return things <= 1
}

// maxSuggestions is how many suggestions a question asked back offers.
const maxSuggestions = 4

// askBack makes d a question asked back: what the customer means, with
// suggestions from the articles the search found, one an article.
func askBack(d *Decision, res search.Result, reason decision.Reason) {
	d.Kind, d.Reason = decision.Clarify, reason
	seen := map[string]bool{}
	own := false // a passage in the customer's own language: others are translations
	for _, p := range res.Passages {
		own = own || p.Lang == d.Lang
	}
	for _, p := range res.Passages {
		if seen[p.DocID] || len(d.Suggestions) == maxSuggestions || own && p.Lang != d.Lang {
			continue
		}
		seen[p.DocID] = true
		d.Suggestions = append(d.Suggestions, Suggestion{Label: p.Title, Question: p.Title})
		d.Passages = append(d.Passages, p)
	}
	if len(d.Suggestions) == 0 {
		d.Answer = catalog.Text(d.Lang, catalog.ClarifyNone)
		return
	}
	d.Answer = catalog.Text(d.Lang, catalog.Clarify)
}

// askBackSections makes d a question asked back with the sections of one
// article as the suggestions: the customer named the article's topic but
// not what about it.
func askBackSections(d *Decision, sections []search.Passage, reason decision.Reason) {
	d.Kind, d.Reason = decision.Clarify, reason
	seen := map[string]bool{}
	for _, p := range sections {
		label := p.Heading
		if label == "" {
			label = p.Title
		}
		if seen[label] || len(d.Suggestions) == maxSuggestions {
			continue
		}
		seen[label] = true
		d.Suggestions = append(d.Suggestions, Suggestion{Label: label, Question: label})
		d.Passages = append(d.Passages, p)
	}
	if len(d.Suggestions) < 2 {
		// One section is no choice: answer from it.
		d.Kind, d.Reason, d.Suggestions = decision.Answer, decision.Answered, nil
		return
	}
	d.Answer = catalog.Text(d.Lang, catalog.Clarify)
}

// possessives are the words that make a noun the customer's own ("my",
// "min", "saya", "我的"), by language.
var possessives = map[lang.Tag][]string{
	lang.English:            {"my", "our"},
	lang.Danish:             {"min", "mit", "mine", "vores"},
	lang.Malay:              {"saya", "sy", "aku", "kami"},
	lang.ChineseSimplified:  {"我的", "我个", "我张", "我们的"},
	lang.ChineseTraditional: {"我的", "我嘅", "我個", "我張", "我們的"},
}

// bareTopic reports whether a message is no more than something of the
// customer's own, named and nothing asked of it: "my delivery", "min
// pakke", "refund saya", "我的快递". Which part of it is asked back, as
// "I have a question about my delivery" is.
func bareTopic(text string, l lang.Tag) bool {
	if strings.ContainsAny(text, "?？") || search.AsksHow(text) {
		return false
	}
	if l.Chinese() {
		own := false
		for _, p := range possessives[l] {
			own = own || strings.HasPrefix(strings.TrimSpace(text), p) || strings.Contains(text, " "+p)
		}
		if !own {
			return false
		}
		rest := text
		for _, w := range questionGenericHan {
			rest = strings.ReplaceAll(rest, w, "")
		}
		// Anything asked of it ("到哪了", "去咗邊", "几时到") is a question.
		for _, q := range append([]string{"吗", "嗎", "呢", "咩", "未", "冇", "没", "沒", "不", "唔", "邊", "边", "乜", "谁", "誰"}, questionHan...) {
			if strings.Contains(text, q) {
				return false
			}
		}
		n := 0
		for _, r := range rest {
			if unicode.Is(unicode.Han, r) {
				n++
			}
		}
		return n >= 2 && n <= 4
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	if len(words) > 4 {
		return false
	}
	known := genericWords(l)
	named, owned := 0, false
	for i, w := range words {
		if known[strings.ReplaceAll(w, "'", "")] {
			continue
		}
		named++
		// The thing named is the customer's own: "my delivery", "min
		// pakke"; in Malay the owner follows, "refund saya".
		if l == lang.Malay {
			owned = i+1 < len(words) && slices.Contains(possessives[l], words[i+1])
		} else {
			owned = i > 0 && slices.Contains(possessives[l], words[i-1])
		}
	}
	return named == 1 && owned
}

// broadVerbs are the verbs that act on whatever a customer has with a
// company (an order, an address, a password, an e-mail, a booking), by
// language: with an indefinite object ("I want to change something",
// "jeg skal rette noget", "nak tukar sesuatu", "我想改点东西") they name
// no topic. Language, not any company's vocabulary.
var broadVerbs = map[lang.Tag]string{
	lang.English: `change changing update updating edit editing modify amend correct correcting fix fixing add remove sort adjust
		tell know ask`,
	lang.Danish: `ændre ændret rette rettet opdatere tilføje fjerne justere lave ordne vide fortælle spørge`,
	lang.Malay:  `tukar ubah ubahsuai kemaskini betulkan tambah buang edit tahu beritahu tanya`,
}

// broadHan are broadVerbs in Chinese.
var broadHan = []string{"修改", "更改", "改一下", "改下", "改", "更新", "换", "換", "加", "删", "刪", "调整", "調整"}

// indefinite are the words for an object not named ("something",
// "noget", "sesuatu", "东西"), by language.
var indefinite = map[lang.Tag][]string{
	lang.English:            {"something", "sth", "smth", "somethin", "a thing", "some things", "a few things", "stuff"},
	lang.Danish:             {"noget", "nogle ting", "en ting"},
	lang.Malay:              {"sesuatu", "sikit", "something", "benda", "satu benda"},
	lang.ChineseSimplified:  {"东西", "点东西", "一些", "些东西", "点事", "一点"},
	lang.ChineseTraditional: {"東西", "點東西", "一些", "啲嘢", "啲", "點事", "一點"},
}

// wishing are the words of wishing the vague words lack ("I'd like to",
// "jeg ønsker at", "saya ingin").
var wishing = map[string]bool{"like": true, "love": true, "wish": true, "wanna": true, "ønsker": true, "ønske": true,
	"hendak": true, "ingin": true, "nk": true, "mau": true}

// actsOnSomething reports whether a message says it wants to act on
// something it does not name, and names nothing else: "I want to change
// something", "jeg skal lige rette noget", "我想改点东西".
func actsOnSomething(text string, l lang.Tag) bool {
	lower := " " + strings.ToLower(text) + " "
	has := false
	for _, tl := range []lang.Tag{l, lang.English} {
		for _, w := range indefinite[tl] {
			if l.Chinese() && strings.Contains(lower, w) || strings.Contains(lower, " "+w+" ") {
				has = true
			}
		}
	}
	if !has {
		return false
	}
	if l.Chinese() {
		rest := text
		for _, w := range append(append(append([]string{}, indefinite[l]...), broadHan...), questionGenericHan...) {
			rest = strings.ReplaceAll(rest, w, "")
		}
		for _, r := range rest {
			if unicode.Is(unicode.Han, r) {
				return false
			}
		}
		return rest != text
	}
	verbs := map[string]bool{}
	for _, tl := range []lang.Tag{l, lang.English} {
		for _, w := range strings.Fields(broadVerbs[tl]) {
			verbs[w] = true
		}
	}
	known, asks := genericWords(l), asking[l]
	if asks == nil {
		asks = asking[lang.English]
	}
	unnamed := map[string]bool{}
	for _, tl := range []lang.Tag{l, lang.English} {
		for _, w := range indefinite[tl] {
			for _, f := range strings.Fields(w) {
				unnamed[f] = true
			}
		}
	}
	verb := false
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		w = strings.ReplaceAll(w, "'", "")
		switch {
		case verbs[w]:
			verb = true
		case known[w] || asks[w] || unnamed[w] || len([]rune(w)) <= 2 || wishing[w]:
		default:
			return false
		}
	}
	return verb
}

// aboutNothing reports whether a first message names no topic at all:
// only the words of asking and of every support question ("can you help
// me with something", "how long does it take?"). In a conversation with
// a topic such a message is a follow-up; opening one, it is asked back.
func aboutNothing(text string, l lang.Tag) bool {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if !l.Chinese() && len(words) < 2 {
		return false // one word: searched as it is
	}
	return !namesTopic(text, l) || actsOnSomething(text, l)
}
