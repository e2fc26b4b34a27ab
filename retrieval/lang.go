package retrieval

import (
	"math"
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
		returnering retur returnerings beskadiget stykker åbningstider kundeservice tilbage
		fra meget koster noget mere hvis også nu bare lige stadig endnu kommer kom får få ingen
		hvilken hvilke sådan skal nogen kunne måske mere`)
	malayWords = wordSet(`saya aku kami kita anda awak dan atau yang untuk tidak tak boleh bagaimana macam
		mana apa bila di ke dari ini itu ada sudah belum nak mahu hendak dengan pada akan telah
		tolong terima kasih pesanan bungkusan penghantaran bayaran akaun kata laluan barang wang
		berapa lama jaminan produk bagi kepada sahaja juga lagi masa hari minggu bulan tahun
		sudahkah adakah bolehkah bila-bila kenapa mengapa pulangkan memulangkan hantar beli
		dibayar bayar rosak baru harga percuma kad kedai alamat tukar batal pembatalan
		duit masuk dah lepas guna nak cakap orang sebenar barang sampai lewat emel padam
		belum terima minta atas nama syarikat buat aduan cukai resit pembelian waktu operasi
		sy tak x dah kena org bg sgt kat je jer utk dgn yg blh brp mcm camne tlg bkn lg dh sbb
		kalau klu knp dpt xde takde tiada pasal betul bukan tadi semalam sekali semua pukul cuti
		nombor telefon ke ni tu harga termasuk salinan peribadi suka lambat tengok alamat rumah
		jawab buka servis kes kat mcmana ape pe bape tk nk tp ada apa dapat balik berapa hantar`)
)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// DetectLanguage guesses the language of a short text: Chinese by
// script (simplified or traditional by what OpenCC changes, Cantonese
// characters counting as traditional), Danish, Malay or English by
// distinctive words and letters. Malaysians mix English words into Malay,
// rarely the other way round, so a Malay word weighs more than an
// English one. It returns English when nothing tells.
func DetectLanguage(text string) string {
	lang, _ := detectLanguage(text)
	return lang
}

// detectLanguage is DetectLanguage, and whether anything told: false
// when the text holds none of the words and letters it knows and it fell
// back to English.
func detectLanguage(text string) (string, bool) {
	var han, latin int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r) && r < 0x250:
			latin++
		}
	}
	if han > 0 && han*3 >= latin {
		return chineseScript(text), true
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
			ms += malayWordWeight
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
		return Danish, true
	case ms > en && ms > da:
		return Malay, true
	}
	return English, en > 0
}

// malayWordWeight is what a Malay word weighs against an English one:
// "can i get refund tak" is Malay with English words in it.
const malayWordWeight = 2.0

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

// knownLanguage tells the language of a query that holds none of the
// words language detection knows ("skifte mailadresse") by the
// knowledge base's own words: the Latin-script family whose passages
// hold most of the query's weight, or fallback when none holds more than
// the others.
func knownLanguage(qterms map[string][]queryTerm, fallback string) string {
	best, bestFam := 0.0, ""
	for _, fam := range []string{"en", "da", "ms"} {
		var have, want float64
		for _, t := range qterms[fam] {
			want += t.idf
			if t.df > 0 || len(t.parts) > 0 {
				have += t.idf
			}
		}
		if want > 0 && have/want > best+1e-9 {
			best, bestFam = have/want, fam
		} else if want > 0 && math.Abs(have/want-best) <= 1e-9 {
			bestFam = "" // a tie tells nothing
		}
	}
	switch bestFam {
	case "da":
		return Danish
	case "ms":
		return Malay
	case "en":
		return English
	}
	return fallback
}
