package redact

import (
	"strings"
	"unicode/utf8"
)

// Chinese is written without spaces or capitals, so names and addresses
// are found from the characters around them: a cue ("我叫", "收件人") or a
// title ("先生", "女士") for names, the road and number characters ("路",
// "号") for addresses.

// zhStop holds characters that do not occur inside a Chinese name or
// address but often right next to one: particles, pronouns, common verbs.
var zhStop = func() map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range "的了是在和与與我你他她它们們请請给給找问問叫及或把被向跟同对對让讓为為个個这這那有要想会會能说說谢謝" +
		"您好吗嗎呢吧啊已不没沒帮幫也都就还還刚剛今昨电電手机機打来來去寄送往到从從于於住址收件人联聯系繫号號码碼" {
		m[r] = true
	}
	return m
}()

// zhNameCues come right before a name.
var zhNameCues = []string{"我叫", "我的名字是", "名字是", "名字叫", "姓名是", "姓名", "联系人", "聯絡人", "聯繫人",
	"收件人", "收货人", "收貨人", "寄件人", "持卡人", "户名", "戶名", "账户名", "帳戶名", "申请人", "申請人", "本人", "我是",
	"我太太", "我老婆", "我先生", "我老公", "我丈夫", "我妻子", "我儿子", "我兒子", "我女儿", "我女兒", "我妈妈", "我媽媽",
	"我爸爸", "我朋友", "我同事", "我邻居", "我鄰居", "我室友", "我哥哥", "我姐姐", "我弟弟", "我妹妹", "我男朋友",
	"我女朋友", "我同学", "我同學", "我老板", "我老闆", "我婆婆", "我岳母", "我家人",
	"我妈", "我媽", "我爸", "阿妈", "阿媽", "宝宝", "寶寶", "持有人", "户主", "戶主"}

// zhKinCue reports whether a cue names a relation of the customer's
// ("我邻居", "我太太"), which a name follows less often than other words.
func zhKinCue(cue string) bool {
	return strings.HasPrefix(cue, "我") && cue != "我叫" && cue != "我的名字是" && cue != "我是"
}

// zhLabelCues are form labels ("收件人：..."), cues only with a colon or
// a space after them.
var zhLabelCues = map[string]bool{"姓名": true, "联系人": true, "聯絡人": true, "聯繫人": true, "收件人": true,
	"收货人": true, "收貨人": true, "寄件人": true, "持卡人": true, "户名": true, "戶名": true, "账户名": true,
	"帳戶名": true, "申请人": true, "申請人": true, "持有人": true, "户主": true, "戶主": true}

// zhCopulas join a label to the name it gives: "持卡人係黃麗珍",
// "收件人写的是王建国".
var zhCopulas = []string{"写的是", "寫的是", "填的是", "叫做", "名叫", "是", "係", "系", "为", "為", "叫"}

// skipZhCopula returns where the name after a label starts, past a
// copula, and whether there was one.
func skipZhCopula(t string, at int) (int, bool) {
	for _, c := range zhCopulas {
		if strings.HasPrefix(t[at:], c) {
			return skipZhPunct(t, at+len(c)), true
		}
	}
	return at, false
}

// zhTitles come right after a name (or a family name alone).
var zhTitles = []string{"先生", "女士", "小姐", "太太", "老师", "老師", "经理", "經理", "医生", "醫生", "律师", "律師", "教授", "同学", "同學",
	"师傅", "師傅", "阿姨", "伯伯", "主任"}

// hasCJK reports whether the scan has any CJK word.
func (s *scan) hasCJK() bool { return s.has&(1<<wCJK) != 0 }

// detectZh finds Chinese names and addresses.
func detectZh(s *scan) {
	if !s.hasCJK() {
		return
	}
	t := s.text
	for _, w := range s.words {
		if w.kind != wCJK {
			continue
		}
		for i := w.start; i < w.end; {
			r, size := hanRune(t, i)
			if r < 0x10000 && zhFirstRunes[r>>3]&(1<<(r&7)) == 0 {
				i += size
				continue
			}
			for _, cue := range zhCueIndex[r] {
				if !strings.HasPrefix(t[i:], cue) {
					continue
				}
				at := skipZhPunct(t, i+len(cue))
				strong := cue != "本人" && cue != "我是"
				if zhKinCue(cue) {
					// "我邻居丁刚" but not "我邻居可以", "我朋友都很喜欢":
					// a family name, not an everyday word, must follow.
					if zhSurnameAt(t, at) == 0 || zhCommonWordAt(t, at) {
						break
					}
					strong = false
				}
				if zhLabelCues[cue] && at == i+len(cue) {
					if next, ok := skipZhCopula(t, at); ok && zhSurnameAt(t, next) > 0 && !zhCommonWordAt(t, next) {
						at = next // "持卡人係黃麗珍": the label and its name
					}
				}
				if zhLabelCues[cue] && at == i+len(cue) {
					// A label without its colon ("收件人王慧") must be
					// followed by a family name that does not start an
					// everyday word: not 联系人工客服, not 收件人支付.
					if zhSurnameAt(t, at) == 0 || zhCommonWordAt(t, at) {
						break
					}
					strong = false
				}
				if end, score := zhName(t, at, strong); end > at {
					s.add(Person, at, end, score, t[at:end])
				}
				break
			}
			for _, title := range zhTitleIndex[r] {
				if strings.HasPrefix(t[i:], title) {
					if start, score := zhNameBefore(t, i); start < i {
						s.add(Person, start, i, score, t[start:i])
					}
					break
				}
			}
			i += size
		}
	}
	detectZhSignature(s)
	detectZhShortNames(s)
	detectZhAddresses(s)
}

// runeIndex indexes phrases by their first rune.
func runeIndex(phrases []string) map[rune][]string {
	m := make(map[rune][]string)
	for _, p := range phrases {
		r, _ := utf8.DecodeRuneInString(p)
		m[r] = append(m[r], p)
	}
	return m
}

var (
	zhCueIndex   = runeIndex(zhNameCues)
	zhTitleIndex = runeIndex(zhTitles)
	// zhFirstRunes marks the runes (of the basic plane) that start a cue
	// or a title, so that most characters cost one bit test.
	zhFirstRunes = func() (set [0x10000 / 8]byte) {
		for _, list := range [][]string{zhNameCues, zhTitles} {
			for _, p := range list {
				r, _ := utf8.DecodeRuneInString(p)
				set[r>>3] |= 1 << (r & 7)
			}
		}
		return set
	}()
)

// skipZhPunct skips colons and spaces after a cue.
func skipZhPunct(t string, i int) int {
	for i < len(t) {
		r, size := decodeRune(t, i)
		if r != ':' && r != ' ' && r != '：' && r != '\t' {
			break
		}
		i += size
	}
	return i
}

// zhSurnameAt returns the length in bytes of the family name at i: a
// two-character one if listed, else a one-character one, else 0.
func zhSurnameAt(t string, i int) int {
	r1, s1 := utf8.DecodeRuneInString(t[i:])
	if i+s1 < len(t) {
		_, s2 := utf8.DecodeRuneInString(t[i+s1:])
		if hanSurnames[t[i:i+s1+s2]] {
			return s1 + s2
		}
	}
	if isCJK(r1) && hanSurnames[t[i:i+s1]] {
		return s1
	}
	return 0
}

// zhGiven returns the end of a one- or two-character given name at i.
func zhGiven(t string, i int) int {
	end := i
	for n := 0; n < 2 && end < len(t); n++ {
		// A given name does not run into a title or an everyday word
		// (丁刚可以: 丁刚).
		if zhTitleAt(t, end) || n > 0 && zhCommonWordAt(t, end) {
			break
		}
		r, size := utf8.DecodeRuneInString(t[end:])
		if !isCJK(r) || zhStop[r] && (n > 0 || !zhGivenStop[r]) {
			break
		}
		end += size
	}
	return end
}

// zhGivenStop are stop characters that are also common given names (王刚,
// 李剛): right after a family name they are read as the name.
var zhGivenStop = map[rune]bool{'刚': true, '剛': true}

// zhName reads a name at i after a cue: a family name and a given name,
// or, after a strong cue, two or three characters.
func zhName(t string, i int, strong bool) (int, float64) {
	if i >= len(t) {
		return i, 0
	}
	if n := zhSurnameAt(t, i); n > 0 {
		if end := zhGiven(t, i+n); end > i+n {
			return end, 0.85
		}
		if strong {
			return i + n, 0.6
		}
		return i, 0
	}
	if !strong {
		return i, 0
	}
	end := zhGiven(t, i)
	if end > i {
		if r, size := utf8.DecodeRuneInString(t[end:]); isCJK(r) && !zhStop[r] {
			end += size // three characters
		}
		if utf8.RuneCountInString(t[i:end]) >= 2 {
			return end, 0.7
		}
	}
	return i, 0
}

// zhNameBefore finds the name ending at i, before a title: 王小明先生,
// 李女士. It returns the start of the name and its score.
func zhNameBefore(t string, i int) (int, float64) {
	// Try a family name plus two, one or no given characters.
	for given := 2; given >= 0; given-- {
		start := i
		ok := true
		for n := 0; n < given; n++ {
			r, size := utf8.DecodeLastRuneInString(t[:start])
			if !isCJK(r) || zhStop[r] {
				ok = false
				break
			}
			start -= size
		}
		if !ok || start == 0 {
			continue
		}
		for _, sl := range []int{6, 3} { // two- then one-character family names
			if start-sl < 0 || !hanSurnames[t[start-sl:start]] {
				continue
			}
			if r, _ := utf8.DecodeLastRuneInString(t[:start-sl]); start-sl > 0 && isCJK(r) && !zhStop[r] && given > 1 {
				continue // perhaps the family name is the end of a longer word
			}
			if given == 0 {
				return start - sl, 0.6
			}
			return start - sl, 0.85
		}
	}
	return i, 0
}

// zhTitleAt reports whether a title (先生, 女士 ...) starts at i.
func zhTitleAt(t string, i int) bool {
	for _, title := range zhTitles {
		if strings.HasPrefix(t[i:], title) {
			return true
		}
	}
	return false
}

// detectZhSignature finds a name written alone on the last line of a
// message, as Chinese writers sign: "谢谢！\n王小明".
func detectZhSignature(s *scan) {
	t := strings.TrimRight(s.text, " \n\r\t")
	i := strings.LastIndexByte(t, '\n')
	if i < 0 {
		return
	}
	line := strings.TrimSpace(t[i+1:])
	start := i + 1 + strings.Index(t[i+1:], line)
	n := zhSurnameAt(line, 0)
	if n == 0 {
		return
	}
	if end := zhGiven(line, n); end == len(line) && end > n {
		s.add(Person, start, start+end, 0.8, line)
	}
}

// zhCommonWords are everyday words that begin with a family-name character.
var zhCommonWords = []string{"支付", "支持", "方式", "方法", "方便", "安装", "安全", "时间", "时候", "時間", "時候",
	"明天", "明白", "文件", "常见", "常見", "原因", "申请", "申請", "信息", "平台", "高兴", "高興", "金额", "金額", "于是",
	"费用", "費用", "包裹", "商品", "程序", "马上", "馬上", "周末", "和我", "和你", "工作", "人工", "邮件", "郵件",
	"可以", "可能", "都", "很", "家里", "家裡", "家的", "一直", "一起", "今天", "明天", "昨天", "上次", "下午", "上午"}

// zhCommonWordAt reports whether an everyday word starts at i.
func zhCommonWordAt(t string, i int) bool {
	for _, w := range zhCommonWords {
		if strings.HasPrefix(t[i:], w) {
			return true
		}
	}
	return false
}

// zhVerbCues come before a name as often as before anything else: "帮吕建国
// 开张发票", "跟司徒永康说", "幫我搵李詠欣張單", "抄送给上官雨萱". After one, a
// full name is taken only when it cannot be much else: a family name,
// then given-name characters of the lists making three or four
// characters, no everyday word and no brand or place of the lists.
var zhVerbCues = []string{"抄送给", "抄送給", "转告", "轉告", "告诉", "告訴", "通知", "交给", "交給",
	"帮", "幫", "跟", "给", "給", "替", "让", "讓", "搵", "找", "问", "問", "同", "代", "查一下", "查下", "查查", "我係",
	"孩子", "小孩", "儿子", "兒子", "女儿", "女兒", "畀", "俾"}

// zhRoleCues put a person in a role or a field ("对接人冯佳", "联系人换成黄
// 思远"): a family name and one given-name character of the lists suffice
// after them.
var zhRoleCues = []string{"对接人", "對接人", "负责人", "負責人", "换成", "換成", "改成", "改为", "改為", "写成", "寫成",
	// A job before the name, as Chinese names staff: "寄给财务张伟".
	"财务", "財務", "会计", "會計", "出纳", "出納", "助理", "秘书", "秘書", "店员", "店員", "销售", "銷售", "业务员", "業務員"}

// zhVerbCueScore is the confidence of a name found after a verb cue.
const zhVerbCueScore = 0.8

// detectZhVerbCueNames finds the full names after verb cues. It runs
// after the Chinese tagger, whose features it leaves alone.
func detectZhVerbCueNames(s *scan) {
	t := s.text
	s.eachHanRune(func(i, start, end int) int {
		next := 0
		if e, ok := s.zhNameAfterCue(i, end); ok {
			next = e
		}
		// "，潘一鸣收": a name and 收 ending a clause, as a parcel is
		// addressed.
		if i == start || zhClauseStart(t, i) {
			if e, ok := zhFullNameAt(t, i, end, false); ok && strings.HasPrefix(t[e:], "收") && zhClauseEnd(t, e+len("收")) {
				s.add(Person, i, e, zhVerbCueScore, t[i:e])
			}
		}
		return next
	})
}

// eachHanRune calls visit at each rune of the scan's Chinese words, with
// the word's bounds; visit returns where to go on from, or 0 for the next
// rune.
func (s *scan) eachHanRune(visit func(i, start, end int) int) {
	if !s.hasCJK() {
		return
	}
	for _, w := range s.words {
		if w.kind != wCJK {
			continue
		}
		for i := w.start; i < w.end; {
			_, size := utf8.DecodeRuneInString(s.text[i:])
			if next := visit(i, w.start, w.end); next > i {
				i = next
			} else {
				i += size
			}
		}
	}
}

// zhCantoneseTitles follow a family name alone in Hong Kong: 何太 (Mrs Ho),
// 陳生 (Mr Chan), 黃sir, 李姑娘. Their characters say other things as well
// (太贵, 生日), so the family name must stand where a name does: after a
// cue, a particle or the clause's start, and before what a person does.
var zhCantoneseTitles = []string{"太", "生", "sir", "Sir", "SIR", "姑娘"}

// zhAfterPerson are the characters that follow a person named: what they
// say or do, and the particles after a name.
const zhAfterPerson = "話话说說讲講就嘅的係是都同和收喺在会會叫打要已而咗仲又先應应"

// detectZhCantoneseTitles finds the family names before a Cantonese title.
// It runs after the tagger.
func detectZhCantoneseTitles(s *scan) {
	t := s.text
	s.eachHanRune(func(i, start, _ int) int {
		sn := zhSurnameAt(t, i)
		if sn == 0 || zhCommonWordAt(t, i) || zhNotNameAt(t, i) || !s.zhNameMayStart(i, start) {
			return 0
		}
		at := i + sn
		for _, title := range zhCantoneseTitles {
			rest, ok := strings.CutPrefix(t[at:], title)
			if !ok {
				continue
			}
			if title[0] < 0x80 && rest != "" && isAlnum(rest[0]) {
				break // 黃sirius
			}
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !isCJK(r) || strings.ContainsRune(zhAfterPerson, r) {
				s.add(Person, i, at, zhVerbCueScore, t[i:at])
			}
			break
		}
		return 0
	})
}

// zhNameMayStart reports whether a name may start at byte i of the
// Chinese word starting at ws: at the word's start, or after a particle,
// a pronoun, a verb of the lists (zhStop) or a cue.
func (s *scan) zhNameMayStart(i, ws int) bool {
	if i == ws {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s.text[:i])
	if zhStop[r] || strings.ContainsRune("寫写找搵畀俾叫", r) {
		return true
	}
	return strings.HasSuffix(s.text[:i], "我係")
}

// zhDashes open a signature after the message: "——小林", "--陈明".
var zhDashes = []string{"——", "—", "--", "-", "~", "～"}

// detectZhDashSignature finds the name a Chinese message is signed with
// after a dash at its end: a family name and a given name (——陳明), a
// pet name (——小林, ——阿明) or a given name of two characters of the
// lists (——雅婷). It runs after the tagger.
func detectZhDashSignature(s *scan) {
	if !s.hasCJK() {
		return
	}
	t := strings.TrimRight(s.text, " \n\r\t。.!！")
	for _, d := range zhDashes {
		i := strings.LastIndex(t, d)
		if i < 0 {
			continue
		}
		at := i + len(d)
		for at < len(t) && t[at] == ' ' {
			at++
		}
		name := t[at:]
		n := utf8.RuneCountInString(name)
		if n < 2 || n > 4 || strings.ContainsAny(name, " \n") || i > 0 && t[i-1] != ' ' && t[i-1] != '\n' && !isCJK(lastRune(t[:i])) {
			return
		}
		if zhSignedName(name) {
			if r, size := utf8.DecodeRuneInString(name); (r == '小' || r == '老') && zhSurnameAt(name, size) > 0 {
				at += size // 小林 names 林, as 小王 names 王
			}
			s.add(Person, at, len(t), zhVerbCueScore, t[at:])
		}
		return
	}
}

// zhSignedName reports whether a signature's text is a name: a family name
// and given characters of the lists, a pet name, or two given characters.
func zhSignedName(name string) bool {
	if zhCommonWordAt(name, 0) || zhNotNameAt(name, 0) {
		return false
	}
	if sn := zhSurnameAt(name, 0); sn > 0 && zhGiven(name, sn) == len(name) && sn < len(name) {
		return true
	}
	r, size := utf8.DecodeRuneInString(name)
	if (r == '小' || r == '老' || r == '阿') && utf8.RuneCountInString(name) == 2 {
		c, _ := utf8.DecodeRuneInString(name[size:])
		return zhSurnameAt(name, size) > 0 || zhGivenCount[c] > 0
	}
	for _, c := range name {
		if !isCJK(c) || zhStop[c] || zhGivenCount[c] == 0 {
			return false
		}
	}
	return utf8.RuneCountInString(name) == 2
}

// lastRune is the last rune of t.
func lastRune(t string) rune {
	r, _ := utf8.DecodeLastRuneInString(t)
	return r
}

// zhNameCue is a verb or role cue.
type zhNameCue struct {
	cue  string
	role bool
}

// zhVerbCueIndex holds the role cues, then the verb cues, by their first
// rune: most characters begin none.
var zhVerbCueIndex = func() map[rune][]zhNameCue {
	m := map[rune][]zhNameCue{}
	for _, c := range zhRoleCues {
		r, _ := utf8.DecodeRuneInString(c)
		m[r] = append(m[r], zhNameCue{c, true})
	}
	for _, c := range zhVerbCues {
		r, _ := utf8.DecodeRuneInString(c)
		m[r] = append(m[r], zhNameCue{c, false})
	}
	return m
}()

// zhNameAfterCue adds the name after a role or verb cue at i, if one is
// there, and returns its end.
func (s *scan) zhNameAfterCue(i, limit int) (int, bool) {
	t := s.text
	r, _ := utf8.DecodeRuneInString(t[i:])
	for _, c := range zhVerbCueIndex[r] {
		if !strings.HasPrefix(t[i:], c.cue) {
			continue
		}
		at := skipZhPunct(t, i+len(c.cue))
		end, ok := zhFullNameAt(t, at, limit, c.role)
		if !ok && !c.role {
			// A family name and one given character, then what is done
			// for them: "请给张敏打个电话", "帮王芳寄去".
			if e, two := zhFullNameAt(t, at, limit, true); two && (zhActionAt(t, e) || zhOrderOfAt(t, e)) {
				end, ok = e, true
			}
		}
		if ok {
			s.add(Person, at, end, zhVerbCueScore, t[at:end])
		}
		return end, ok
	}
	return i, false
}

// zhActions are what is done for a person named after a verb cue: a
// call, a parcel sent, a message passed on.
var zhActions = []string{"打电话", "打電話", "打个电话", "打個電話", "回电", "回電", "发", "發", "寄", "送", "转告", "轉告",
	"留", "联系", "聯絡", "聯繫", "回复", "回覆", "退", "开", "開"}

// zhOrdersOf say that what comes before them owns an order or a parcel:
// "查一下王静的订单", "幫我查下陳明張單".
var zhOrdersOf = []string{"的订单", "的訂單", "的单", "的單", "嘅單", "嘅订单", "嘅訂單", "張單", "张单", "個單", "个单",
	"的包裹", "嘅包裹", "的快递", "的快遞", "嘅快遞"}

// zhOrderOfAt reports whether words of zhOrdersOf begin at byte i.
func zhOrderOfAt(t string, i int) bool {
	for _, w := range zhOrdersOf {
		if strings.HasPrefix(t[i:], w) {
			return true
		}
	}
	return false
}

// zhActionAt reports whether an action of zhActions begins at byte i.
func zhActionAt(t string, i int) bool {
	for _, a := range zhActions {
		if strings.HasPrefix(t[i:], a) {
			return true
		}
	}
	return false
}

// zhFullNameAt returns the end of a full name at i (before limit): a
// family name and given-name characters of the lists, three or four
// characters in all (two for a two-character family name and one given
// character; after a role cue, two), not an everyday word, brand or place.
func zhFullNameAt(t string, i, limit int, role bool) (int, bool) {
	n := zhSurnameAt(t, i)
	if n == 0 || zhCommonWordAt(t, i) || zhNotNameAt(t, i) {
		return i, false
	}
	end := i + n
	given := 0
	for given < 2 && end < limit {
		r, size := utf8.DecodeRuneInString(t[end:])
		if !isCJK(r) || zhStop[r] || zhGivenCount[r] == 0 || zhTitleAt(t, end) {
			break
		}
		end += size
		given++
	}
	if given == 0 || utf8.RuneCountInString(t[i:end]) < 3 && !role {
		return i, false
	}
	return end, true
}

// zhClauseStart reports whether a clause starts at i: after Chinese or
// Latin punctuation or a space.
func zhClauseStart(t string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return strings.ContainsRune("，,。.；;：:！!？? \n", r)
}

// zhClauseEnd reports whether a clause ends at i: the end of the text,
// punctuation or a space.
func zhClauseEnd(t string, i int) bool {
	if i >= len(t) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return strings.ContainsRune("，,。.；;！!？? \n", r)
}

// zhNotNameAt reports whether a phrase that is no name (a brand, a shop,
// a place of the lists) starts at i.
func zhNotNameAt(t string, i int) bool {
	end := i
	for n := 0; n < 4 && end < len(t); n++ {
		_, size := utf8.DecodeRuneInString(t[end:])
		end += size
		if n > 0 && zhNotNames[t[i:end]] {
			return true
		}
	}
	return false
}

// zhContactNameScore is the confidence of a Chinese name standing alone
// right before the customer's phone number or address.
const zhContactNameScore = 0.75

// detectZhContactNames finds a Chinese name written alone right before a
// phone number or an address, or right after an address with 收, as
// shipping labels have it: "蔡宗翰 0937-106-428 高雄市…", "张伟，(+86)
// 139…", "…1103室，潘一鸣收". The clause holds nothing but the name: a
// family name and one to three more characters, no everyday word, title,
// brand or place.
func detectZhContactNames(s *scan) {
	if !s.hasCJK() {
		return
	}
	t := s.text
	n := len(s.found)
	for i := 0; i < n; i++ {
		f := s.found[i]
		if f.Type != Phone && f.Type != Address {
			continue
		}
		j := f.Start
		for j > 0 {
			r, size := utf8.DecodeLastRuneInString(t[:j])
			if !strings.ContainsRune(" ,，:：\t", r) {
				break
			}
			j -= size
		}
		a := j
		for a > 0 && j-a < 4*3 {
			r, size := utf8.DecodeLastRuneInString(t[:a])
			if !isCJK(r) {
				break
			}
			a -= size
		}
		if a < j && (a == 0 || zhClauseStart(t, a)) {
			s.addZhContactName(a, j)
		}
		if f.Type != Address {
			continue
		}
		k := f.End
		for k < len(t) {
			r, size := utf8.DecodeRuneInString(t[k:])
			if !strings.ContainsRune(" ,，", r) {
				break
			}
			k += size
		}
		e := k
		for e < len(t) && e-k < 5*3 {
			r, size := utf8.DecodeRuneInString(t[e:])
			if !isCJK(r) {
				break
			}
			e += size
		}
		if strings.HasSuffix(t[k:e], "收") && k < e-len("收") {
			s.addZhContactName(k, e-len("收"))
		}
	}
}

// addZhContactName adds t[a:b] as a name when it is one: two to four
// characters, a family name first, no stop character, title, everyday
// word, brand or place, and nothing found there yet.
func (s *scan) addZhContactName(a, b int) {
	t := s.text
	runes := utf8.RuneCountInString(t[a:b])
	sn := zhSurnameAt(t, a)
	if runes < 2 || runes > 4 || sn == 0 || sn >= b-a || zhCommonWordAt(t, a) || zhNotNameAt(t, a) {
		return
	}
	for i := a + sn; i < b; {
		r, size := utf8.DecodeRuneInString(t[i:])
		if zhStop[r] && !zhGivenStop[r] || zhTitleAt(t, i) || zhCommonWordAt(t, i) {
			return
		}
		i += size
	}
	if s.findingOver(a, b, func(f Finding) bool { return f.Score >= minFound }) {
		return
	}
	s.add(Person, a, b, zhContactNameScore, t[a:b])
}

// zhAnds join two names: "上官雨萱和钱明", "陈伟与王芳", "张三、李四".
var zhAnds = []string{"和", "与", "與", "跟", "同", "及", "以及", "、"}

// detectZhCoordinated finds a Chinese name joined by "和", "与" or "、"
// to a name found, before or after it: "抄送给上官雨萱和钱明". The other
// name is a family name and one or two given characters, no everyday
// word, brand or place, and ends where the clause or the pair ends.
func detectZhCoordinated(s *scan) {
	if !s.hasCJK() {
		return
	}
	t := s.text
	n := len(s.found)
	for i := 0; i < n; i++ {
		f := s.found[i]
		if f.Type != Person || f.Score < minFound || !s.cjkAt(f.Start) {
			continue
		}
		// After: name 和 name.
		for _, and := range zhAnds {
			if !strings.HasPrefix(t[f.End:], and) {
				continue
			}
			a := f.End + len(and)
			if sn := zhSurnameAt(t, a); sn > 0 && !zhCommonWordAt(t, a) && !zhNotNameAt(t, a) {
				if b := zhGiven(t, a+sn); b > a+sn && zhPairEnd(t, b) {
					s.addZhContactName(a, b)
				}
			}
			break
		}
		// Before: name 和 name.
		for _, and := range zhAnds {
			if !strings.HasSuffix(t[:f.Start], and) {
				continue
			}
			b := f.Start - len(and)
			for a := b; a > 0 && b-a < 4*3; {
				r, size := utf8.DecodeLastRuneInString(t[:a])
				if !isCJK(r) {
					break
				}
				a -= size
				if zhSurnameAt(t, a) > 0 && b-a >= 2*3 && zhGiven(t, a+zhSurnameAt(t, a)) == b {
					s.addZhContactName(a, b)
					break
				}
			}
			break
		}
	}
}

// zhPairEnd reports whether a pair of names can end at i: the clause
// ends, or what follows speaks of the two ("他俩", "两个", "都", "的").
func zhPairEnd(t string, i int) bool {
	if zhClauseEnd(t, i) {
		return true
	}
	for _, w := range []string{"他俩", "她俩", "他們", "他们", "两个", "兩個", "两位", "兩位", "都", "的", "嘅", "一起", "也"} {
		if strings.HasPrefix(t[i:], w) {
			return true
		}
	}
	return false
}

// dropHanEverydayNames removes the Chinese names that begin with an
// everyday word ("都喜欢" of "我和朋友都喜欢"): what the rules never take
// for a name, the character tagger may, reading 都 as a family name.
func (s *scan) dropHanEverydayNames() {
	s.dropHanNames(func(f Finding) bool {
		return zhCommonWordAt(s.text, f.Start) || zhKinOnly(s.text[f.Start:f.End])
	})
}

// dropHanNames removes the names in Chinese text that drop reports, as
// dropNames does outside it.
func (s *scan) dropHanNames(drop func(Finding) bool) {
	if !s.hasCJK() {
		return
	}
	kept := s.found[:0]
	for _, f := range s.found {
		if f.Type == Person && s.cjkAt(f.Start) && drop(f) {
			continue
		}
		kept = append(kept, f)
	}
	s.found = kept
}

// zhKinTerms are the Cantonese forms of address for one's family, which
// begin with 阿 as pet names do ("阿明"): "我阿哥做律師" names a brother.
var zhKinTerms = []string{"阿哥", "阿姐", "阿妹", "阿弟", "阿媽", "阿妈", "阿爸", "阿婆", "阿公", "阿嫂", "阿叔", "阿伯",
	"阿嬸", "阿婶", "阿爺", "阿爷", "阿嫲", "阿仔", "阿女", "阿哥哥", "阿姊"}

// zhCopulaRunes say what someone is or does for a living right after
// them: "阿哥做律師", "阿姐係醫生".
const zhCopulaRunes = "做係系是当當"

// zhKinOnly reports whether a Chinese name is a kinship term, alone or
// with the copula before a title ("阿哥做" of "我阿哥做律師").
func zhKinOnly(name string) bool {
	for _, k := range zhKinTerms {
		if rest, ok := strings.CutPrefix(name, k); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return rest == "" || strings.ContainsRune(zhCopulaRunes, r)
		}
	}
	return false
}
