package redact

import (
	"strings"
	"unicode/utf8"
)

// Chinese speakers name people by the family name alone, with a word
// before or after it: 小陈, 老许, 陈生 and 李太 (Cantonese for Mr and Mrs),
// 我姓任; and by a nickname: 阿明. These are found where the characters
// around them end the name: punctuation, the end of the text, or a
// particle (就, 说, 的, 嘅, 话).

// zhCommonSurnames are the family names common enough to be named alone.
var zhCommonSurnames = func() map[string]bool {
	m := make(map[string]bool)
	for _, s := range strings.Fields("王 李 张 張 刘 劉 陈 陳 杨 楊 黄 黃 赵 趙 吴 吳 周 徐 孙 孫 马 馬 朱 胡 郭 何 高 林 罗 羅 " +
		"郑 鄭 梁 谢 謝 宋 唐 许 許 韩 韓 冯 馮 邓 鄧 曹 彭 曾 萧 蕭 田 董 潘 袁 蔡 蒋 蔣 余 杜 叶 葉 程 苏 蘇 魏 吕 呂 " +
		"丁 任 沈 姚 卢 盧 姜 崔 钟 鍾 谭 譚 陆 陸 汪 范 金 石 廖 贾 賈 夏 韦 韋 付 方 白 邹 鄒 孟 熊 秦 邱 江 尹 薛 " +
		"阎 閻 段 雷 侯 龙 龍 史 陶 黎 贺 賀 顾 顧 毛 郝 龚 龔 邵 万 萬 钱 錢 严 嚴 覃 武 戴 莫 孔 向 汤 湯 区 區 麦 麥 " +
		"伍 欧 歐 温 溫 关 關 岑 冼 黎 翁 杨") {
		m[s] = true
	}
	return m
}()

// zhNameEnds are the characters that may follow a name said this way.
const zhNameEnds = "就说說的嘅话話讲講在呢吗嗎啊呀吧都也會会已要让讓和跟同給给叫帮幫问問，。！？、：；,.!?:; \n"

// zhNotAfterPrefix are the characters that make a word, not a name, after
// 小 or 老 (小时, 小区, 老板, 老师).
const zhNotAfterPrefix = "时時区區心姐孩费費票型号號组組店朋板师師公婆家人实實年化款鼠总總弟妹哥伙夥虎鸡雞"

// zhNotAfterA are the characters after 阿 that make a kinship word or a
// brand (阿姨, 阿里).
const zhNotAfterA = "姨爸妈媽公婆哥嫂叔伯妹姐里裡拉联聯根富斯"

// detectZhShortNames finds the short forms of Chinese names.
func detectZhShortNames(s *scan) {
	t := s.text
	for _, w := range s.words {
		if w.kind != wCJK {
			continue
		}
		for i := w.start; i < w.end; {
			r, size := utf8.DecodeRuneInString(t[i:])
			next := i + size
			switch r {
			case '小', '老':
				if n := zhShortSurname(t, next); n > 0 && !strings.ContainsRune(zhNotAfterPrefix, firstRune(t[next:])) &&
					zhNameEndAt(t, next+n) {
					s.add(Person, next, next+n, 0.7, t[next:next+n])
				} else if c, n := utf8.DecodeRuneInString(t[next:]); r == '小' && n > 0 && isCJK(c) && zhGivenCount[c] > 0 &&
					!strings.ContainsRune(zhNotAfterPrefix, c) && zhNameEndAt(t, next+n) {
					s.add(Person, i, next+n, 0.7, t[i:next+n]) // a nickname: 小芳
				}
			case '姓':
				if n := zhShortSurname(t, next); n > 0 && zhNameEndAt(t, next+n) || n > 0 && hasPrefixRune(t[next+n:], '，') {
					s.add(Person, next, next+n, 0.75, t[next:next+n])
				} else if n := zhSurnameAt(t, next); n > 0 && zhNameEndAt(t, next+n) && firstRune(t[next:]) != '名' {
					s.add(Person, next, next+n, 0.75, t[next:next+n])
				}
			case '阿':
				if c, n := utf8.DecodeRuneInString(t[next:]); n > 0 && isCJK(c) && zhGivenCount[c] > 0 &&
					!strings.ContainsRune(zhNotAfterA, c) && zhNameEndAt(t, next+n) {
					s.add(Person, i, next+n, 0.7, t[i:next+n])
				}
			}
			// 陳生, 李太: a family name, then 生 or 太 and the end of the name.
			if n := zhShortSurname(t, i); n > 0 && (i == w.start || zhNameEndBefore(t, i)) {
				if c, m := utf8.DecodeRuneInString(t[i+n:]); (c == '生' || c == '太') && zhNameEndAt(t, i+n+m) {
					s.add(Person, i, i+n, 0.7, t[i:i+n])
				}
			}
			i = next
		}
	}
}

// zhShortSurname returns the length of a common family name at i, or 0.
func zhShortSurname(t string, i int) int {
	if i >= len(t) {
		return 0
	}
	_, n := utf8.DecodeRuneInString(t[i:])
	if zhCommonSurnames[t[i:i+n]] {
		return n
	}
	return 0
}

// zhNameEndAt reports whether a short name may end at i.
func zhNameEndAt(t string, i int) bool {
	if i >= len(t) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return !isCJK(r) && r != '-' || strings.ContainsRune(zhNameEnds, r) || r == '先' || r == '女'
}

// zhNameEndBefore reports whether the character before i may stand before
// a name: not part of a word with it.
func zhNameEndBefore(t string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	if !isCJK(r) || strings.ContainsRune("我你他她係系是找叫问問同跟给給話话讲講转轉告知請请个個", r) {
		return true
	}
	for _, kin := range zhKinWords {
		if strings.HasSuffix(t[:i], kin) {
			return true
		}
	}
	return false
}

// zhKinWords name a relation of the writer's; a name often follows them
// (我老公家豪, 我阿爸劉國強).
var zhKinWords = []string{"老公", "老婆", "阿爸", "阿媽", "阿妈", "爸爸", "妈妈", "媽媽", "哥哥", "姐姐", "弟弟", "妹妹",
	"儿子", "兒子", "女儿", "女兒", "朋友", "同事", "太太", "丈夫", "妻子", "老闆", "老板", "室友", "邻居", "鄰居"}

func firstRune(t string) rune {
	r, _ := utf8.DecodeRuneInString(t)
	return r
}

func hasPrefixRune(t string, r rune) bool { return firstRune(t) == r && t != "" }
