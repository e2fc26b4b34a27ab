package search

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
	"kena", "sangat", "pasal", "sekarang", "tadi", "je", "jer", "kalau", "apakah", "adakah",
	"bolehkah", "kenapa", "mengapa", "nya", "dekat",
}

// malayShorthand maps the shorthand of Malaysian chat to the words it
// stands for: "x" and "tak" for tidak, "nak" for hendak, "cs" for
// customer service. English words that Malaysians mix in are left to the
// synonym list, which knows them.
var malayShorthand = map[string]string{
	"sy": "saya", "sye": "saya", "x": "tidak", "tk": "tidak", "tx": "tidak", "tak": "tidak",
	"dah": "sudah", "dh": "sudah", "nak": "hendak", "nk": "hendak", "tp": "tetapi", "tapi": "tetapi",
	"cs": "khidmat pelanggan", "org": "orang", "bg": "bagi", "sgt": "sangat",
	"kat": "di", "je": "sahaja", "jer": "sahaja", "utk": "untuk", "dgn": "dengan", "yg": "yang",
	"blh": "boleh", "bole": "boleh", "brp": "berapa", "bape": "berapa", "mcm": "macam",
	"camne": "macam mana", "cmne": "macam mana", "mcmana": "macam mana", "pls": "tolong",
	"plz": "tolong", "tlg": "tolong", "bkn": "bukan", "lg": "lagi", "sbb": "sebab", "klu": "kalau",
	"kalo": "kalau", "knp": "kenapa", "npe": "kenapa", "pe": "apa", "ape": "apa", "dpt": "dapat",
	"xde": "tiada", "takde": "tiada", "tade": "tiada", "tkde": "tiada", "xleh": "tidak boleh",
	"takleh": "tidak boleh", "xboleh": "tidak boleh", "hr": "hari", "bln": "bulan", "mgg": "minggu",
	"brg": "barang", "brang": "barang", "dlm": "dalam", "no": "nombor", "tel": "telefon",
	"fon": "telefon", "hp": "telefon", "bt": "betul", "btl": "betul", "mmg": "memang",
	"jb": "johor bahru", "kl": "kuala lumpur", "tng": "touch n go", "pkl": "pukul", "skrg": "sekarang",
	// the pronouns of spoken Malay
	"korang": "kamu", "kome": "kamu", "hangpa": "kamu", "kitorang": "kami", "kiteorang": "kami",
	"diorang": "mereka", "dorang": "mereka", "depa": "mereka", "kau": "kamu", "ko": "kamu", "engkau": "kamu",
	"mintak": "minta",
}

// normalizeMalay replaces the chat shorthand of a Malay query by the
// words it stands for.
func normalizeMalay(s string) string {
	return replaceWords(s, malayShorthand)
}
