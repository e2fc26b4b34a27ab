package retrieval

import (
	"strings"
	"unicode"
)

// Language tags the knowledge base knows. Chinese is told apart by script.
const (
	English            = "en"
	Danish             = "da"
	Malay              = "ms"
	ChineseSimplified  = "zh-Hans"
	ChineseTraditional = "zh-Hant"
)

// Languages lists the supported language tags.
var Languages = []string{English, Danish, ChineseSimplified, ChineseTraditional, Malay}

// analysisKey maps a language tag to the analyzer family that indexes it.
func analysisKey(lang string) string {
	switch {
	case strings.HasPrefix(lang, "zh"):
		return "zh"
	case lang == Danish, lang == "no", lang == "nb", lang == "nn":
		return "da"
	case lang == Malay, lang == "id":
		return "ms"
	}
	return "en"
}

// NormalizeLanguage maps a BCP-47 hint (da-DK, zh-TW, zh-CN, ms-MY ...) to
// one of the supported tags; unknown or empty hints give "".
func NormalizeLanguage(hint string) string {
	h := strings.ToLower(strings.TrimSpace(hint))
	switch {
	case h == "":
		return ""
	case strings.HasPrefix(h, "zh"):
		if strings.Contains(h, "hant") || strings.Contains(h, "-tw") || strings.Contains(h, "-hk") || strings.Contains(h, "-mo") {
			return ChineseTraditional
		}
		return ChineseSimplified
	case strings.HasPrefix(h, "da"):
		return Danish
	case strings.HasPrefix(h, "ms"), strings.HasPrefix(h, "id"):
		return Malay
	case strings.HasPrefix(h, "en"):
		return English
	}
	return ""
}

// Word lists for telling the Latin-script languages apart in short texts:
// frequent function words and support words that are distinctive.
var (
	englishWords = wordSet(`the a an i my me is are was be to of and or in on for it this that what how
		when where why can could would will do does did not no have has my your you with from at
		please help order refund return delivery parcel package account password want need get`)
	danishWords = wordSet(`jeg mig min mit mine er var og eller i på til af det den en et at hvordan hvad
		hvornår hvor hvorfor kan kunne vil skal ikke har have med fra som du din dit jeres vi os
		tak hej venligst gerne bestilling ordre pakke levering returnere adgangskode konto penge
		fragt pris varen vare kodeord virker gavekort rabatkode kvittering faktura klage fortryde
		annullere ændre slette oplysninger pakken leveringen forsinket betale kort afvist hvornår
		returnering retur returnerings beskadiget stykker åbningstider kundeservice tilbage`)
	malayWords = wordSet(`saya aku kami kita anda awak dan atau yang untuk tidak tak boleh bagaimana macam
		mana apa bila di ke dari ini itu ada sudah belum nak mahu hendak dengan pada akan telah
		tolong terima kasih pesanan bungkusan penghantaran bayaran akaun kata laluan barang wang
		berapa lama jaminan produk bagi kepada sahaja juga lagi masa hari minggu bulan tahun
		sudahkah adakah bolehkah bila-bila kenapa mengapa pulangkan memulangkan hantar beli
		dibayar bayar rosak baru harga percuma kad kedai alamat tukar batal pembatalan
		duit masuk dah lepas guna nak cakap orang sebenar barang sampai lewat emel padam
		belum terima minta atas nama syarikat buat aduan cukai resit pembelian waktu operasi`)
)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// DetectLanguage guesses the language of a short text: Chinese by script
// (and simplified or traditional by characters only one script uses),
// Danish, Malay or English by distinctive words and letters. It returns
// English when nothing tells.
func DetectLanguage(text string) string {
	var han, latin, trad, simp int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			if traditionalOnly[r] {
				trad++
			} else if simplifiedOnly[r] {
				simp++
			}
		case unicode.IsLetter(r) && r < 0x250:
			latin++
		}
	}
	if han > 0 && han*3 >= latin {
		if trad > simp {
			return ChineseTraditional
		}
		return ChineseSimplified
	}
	var en, da, ms float64
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if englishWords[w] {
			en++
		}
		if danishWords[w] {
			da++
		}
		if malayWords[w] {
			ms++
		}
		if strings.ContainsAny(w, "æøå") {
			da += 2
		}
		if malayAffixed(w) {
			ms += 0.5
		}
	}
	switch {
	case da > en && da >= ms:
		return Danish
	case ms > en && ms > da:
		return Malay
	}
	return English
}

// malayAffixed reports whether a word carries a Malay affix (men-, mem-,
// meng-, ber-, di-...-kan, -nya): weak evidence, worth half a word.
func malayAffixed(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, p := range []string{"mem", "men", "meng", "peng", "pem", "ber", "ter"} {
		if strings.HasPrefix(w, p) && (strings.HasSuffix(w, "kan") || strings.HasSuffix(w, "an")) {
			return true
		}
	}
	return strings.HasSuffix(w, "nya") || (strings.HasPrefix(w, "di") && strings.HasSuffix(w, "kan"))
}

// Characters written differently in the two Chinese scripts: the
// traditional form and its simplified twin, most frequent first.
const scriptPairs = `們们這这個个來来說说為为會会時时貨货麼么沒没請请問问帳账號号單单
	錢钱還还買买賣卖東东過过對对電电話话郵邮寄寄運运費费額额處处將将與与發发現现經经
	後后氣气開开關关門门進进讓让給给應应該该幾几網网頁页訂订資资料料碼码確确認认
	聯联絡络務务戶户換换壞坏寶宝圖图書书樣样長长間间題题從从種种實实體体辦办報报
	議议錯错線线點点歡欢證证選选項项條条專专產产品品質质擇择變变難难異异優优惠惠
	歲岁際际隱隐私私權权刪删除除據据庫库儲储擔担護护員员腦脑機机視视聽听讀读寫写`

var traditionalOnly, simplifiedOnly = func() (map[rune]bool, map[rune]bool) {
	t, s := make(map[rune]bool), make(map[rune]bool)
	rs := []rune(strings.Join(strings.Fields(scriptPairs), ""))
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			t[rs[i]] = true
			s[rs[i+1]] = true
		}
	}
	return t, s
}()
