package triage

// Malay words for a person on the shop's side, with chat shorthand
// ("org", "sy", "dgn", "ckp"). "orang" alone is too common to count
// without a verb for talking or a word that makes it a real person.
const (
	personMS = "manusia|staf|staff|pegawai|wakil|ejen|agen|agent|admin|pengurus|penyelia|supervisor|manager|" +
		"kakitangan|seseorang|sesiapa|pekerja|human|cs|customer_service|customer_support|khidmat_pelanggan|" +
		"pihak_customer_service|pihak_syarikat|pihak_kedai|pihak_atasan|orang_sebenar|orang_betul|orang_real|" +
		"org_sebenar|org_betul|org_real|orang_betul_betul|pegawai_senior|bos|boss|team|pasukan|operator|" +
		"%manusia|%pegawai|%pengurus|%penyelia|%kakitangan|%seseorang|%customer_%service|%customer_servis|%costumer_%service|%costumer_servis|" +
		"rakan_sekerja|rakan_sekerja_awak|rakan_sekerja_anda|salah_seorang_rakan_sekerja|ketua|ketua_pasukan|team_lead|team_leader|" +
		"juruteknik|teknisyen|technician|tekniko"
	personActionsMS = "call|telefon|tepon|fon|hubungi|contact|reply|balas|jawab|uruskan|urus|handle|layan|tolong|bantu|semak|check|tengok"
	meMS            = "saya|sy|i|aku|me|kami"
)

func personCuesMS() (strong, weak []string) {
	anyone := alts(personMS, "orang|org")
	strong = []string{
		"nak|mahu|minta|tolong|boleh ~2 eskalasi|eskalasikan|escalate",
		// Call-back requests: "boleh aturkan panggilan balik esok pagi?"
		"panggilan|call|telefon|tepon balik|semula",
		"terangkan|cerita|ceritakan|jelaskan|explain ~5 pada|kepada|dengan|dgn orang|manusia|staf",
		"cakap|ckp|cakp|bercakap|berckp|berbual|bual|sembang|bersembang|borak|berborak|chat|jumpa|berjumpa|bincang|berbincang|berurusan|urusan|deal ~2 dengan|dgn|dg|ngan|kepada|with ~3 " + anyone,
		"cakap|ckp|bercakap|berbual|sembang|borak|jumpa ~1 " + personMS,
		"hubungkan|sambungkan|sambung|hubung|pindahkan|pindah|tukar|tukarkan|naikkan|rujuk|rujukkan|escalate|transfer|forward|panjangkan|" +
			"dihubungkan|disambungkan|dipindahkan|ditukarkan|dinaikkan|dirujuk|dirujukkan|diserahkan|dipanjangkan|diescalate|ditransfer ~4 kepada|ke|pada|kat|dengan|dgn|to ~3 " + anyone,
		"beri|bagi|serahkan|serah ~1 kes|ini|ni|saya|sy|aduan|isu|masalah|perkara|chat|perbualan|this ~2 kepada|ke|pada|kat|to ~3 " + anyone,
		"pass|passkan ~2 kepada|ke|pada|kat|to ~3 " + anyone,
		"sambungkan|hubungkan|sambung|hubung|pindahkan|transfer|panggil|call|panggilkan ~4 " + personMS,
		"orang|org|manusia sebenar|betul|real|sungguhan|betul_betul",
		"ejen|agen manusia|sebenar|betul",
		"^ejen|manusia|staf|admin|staff|%manusia$",
		personMS + " please|pls|plz|plis|tolong|sekarang|cepat",
		// "manusia mana??", "admin mana ni": where is the person?
		personMS + " mana|mane|mna$",
		personMS + " mana|mane|mna ~1 ni|nih|ne|ke|pergi|hilang|semua",
		"nak|nk|mahu|mau|hendak|perlu|perlukan|want|minta ~2 " + personMS,
		"nak|nk|mahu|mau|hendak|perlu|perlukan|minta ~1 orang|org$",
		"nak|nk|mahu|mau|perlu|perlukan|minta ~1 orang|org ~1 handle|uruskan|urus|layan|tolong|jawab|balas|sebenar|betul|real",
		"minta|suruh|tolong|mintak|arahkan|boleh|bolehkah ~4 " + anyone + " ~3 " + personActionsMS,
		personMS + " ~2 yang ~1 uruskan|handle|urus|layan|bertanggungjawab",
		"orang|pihak|pegawai yang ~1 bertanggungjawab|berkenaan|berwajib|arif|pandai",
		"beri|bagi|bagikan|sambungkan|hubungkan|jumpakan ~3 orang|org|pihak ~1 yang|yg ~1 urus|uruskan|jaga|handle|bertanggungjawab|in_charge",
		"sambungkan|hubungkan|sambung|hubung|pindahkan|transfer ~3 dengan|dgn|ke|kepada|kat ~1 bahagian|jabatan|unit|department|pasukan|team",
		"staf|staff|kakitangan|admin|pegawai|cs ~2 follow_up|followup|susul|susulan|hubungi|call|balas|contact",
		"ada ?tak|x|ke ~1 " + personMS + " ~3 tak|ke|x|kat|di|yang|boleh",
		// "admin ada x?", "cs ada tak": is someone there, asked first.
		"^admin|cs|staf|staff|ejen|agent|manusia ada ?tak|x|ke|tk|kah|ker$",
		"sis|bro|sis_bro|tuan|puan ~2 admin|cs|staf|staff ~1 ada",
		"pass|passkan|serah|serahkan ~3 office|pejabat|staf|staff|team|pasukan",
		"sesiapa|seseorang|siapa_siapa dari|daripada|drp ~2 team|pasukan|syarikat|customer_service|cs|korang|anda|kedai",
		"bantuan ~2 daripada|dari|drp ~2 " + anyone,
		// "bagi la orang yang boleh check akaun sy": someone who can.
		"bagi|beri|bg|bagikan ~2 orang|org|seseorang|sesiapa yang|yg ~2 boleh|blh|dapat|reti|pandai|tahu|faham",
		// Call-back requests.
		"call|kol " + meMS,
		"telefon|tepon|hubungi|contact " + meMS + " ~1 balik|semula|segera|sekarang|please|pls",
		"tolong|sila|boleh|minta|harap|boleh_tak|mohon ~2 telefon|tepon|call|hubungi|contact|kol " + meMS,
		"call|telefon|tepon|kol balik|semula",
		"hubungi|contact " + meMS + " ~2 melalui|guna|dengan|by|via|through ~1 telefon|phone|call|fon",
		"panggilan ~1 telefon ~2 daripada|dari|drp",
	}
	weak = []string{
		"manusia|ejen|staf|staff|pegawai|admin ~2 balas|jawab|hubungi|call|telefon|tolong",
		"tak|tidak|tak_nak|tidak_mahu|taknak|bukan|bkn ~1 bot|robot|mesin|ai|chatbot|sistem",
		"ada orang tak|ke ?kat|dekat|di ?sini|situ$",
		"ada orang|sesiapa|manusia$",
	}
	return strong, weak
}
