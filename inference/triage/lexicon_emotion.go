package triage

// insults are words for the people a customer is angry with.
const insults = "useless|stupid|idiot|idiots|idiotic|incompetent|pathetic|clowns|morons|moron|joke|dumb|worthless|clueless|hopeless|a_disgrace|" +
	"liars|liar|thieves|scammers|crooks|frauds|a_joke|a_scam|hopeless|retarded|imbeciles|muppets|amateurs|garbage|trash|rubbish"

func angerLexicon() lexicon {
	return lexicon{
		trigger: Anger,
		// Anger at oneself is not anger at the company.
		clauseVetoes: []string{"diri_sendiri|myself|mig_selv|我自己|自己嬲|自己气|自己氣"},
		// A fault of one's own told anywhere in the message.
		messageVetoes: []string{
			"自己 ~8 忘了|忘记|忘記|唔記得|冇記得|搞错|搞錯|按错|按錯|填错|填錯|打错|打錯|买错|買錯|唔小心|不小心",
			"my own fault|mistake|stupidity",
			"min egen fejl|skyld",
			"salah ~1 sendiri|sy_sendiri|saya_sendiri",
		},
		cues: []cues{
			{w: 0.4, p: []string{
				"third|fourth|fifth|3rd|4th|5th|tenth|umpteenth time",
				"in a row",
				"tredje|fjerde|femte|tiende gang",
				"第三次|第四次|第五次|又一次",
				"kali ketiga|keempat|kelima|ke_3|ke_4",
			}},
			{w: 0.9, p: []string{
				"you|u|ya|youre|ur|your|you_are|you_guys|you_people|yall|you_lot|your_lot|this_company|this_shop ~2 " + insults,
				"absolute|complete|total|utter|bloody|fucking ~1 joke|shambles|disgrace|nightmare|farce|circus|clowns",
				"useless|stupid|dumb|idiotic|pathetic|worthless|incompetent|shitty|crappy|bloody|fucking|damn ~1 bot|robot|machine|service|company|shop|app|assistant|ai|people|store",
				"i|du|jer|din|dit|jeres|jeres_firma ~3 idioter|idiot|idioter|amatører|klovne|svindlere|tumper|tosser|håbløse|elendige|inkompetente|ubrugelig*|dumme|dum|nar|narrøve",
				"ubrugelig*|elendig*|dumme|idiotiske|håbløse robot|bot|chatbot|service|kundeservice|firma|butik",
				"你|你们|你們 ~3 有病|傻子|傻逼|傻b|sb|白痴|白癡|蠢货|蠢貨|脑残|腦殘|废物|廢物|骗子|騙子|混蛋|智障|垃圾|神经病|神經病",
				"korang|kau|awak|you|hang|depa|kamu ~2 bodoh|bangang|penipu|sial|babi|bengap|lembap|tak_guna|celaka|bahlul",
				"bodoh|bangang|penipu|lembap|sial bot|servis|syarikat|kedai|company|robot|korang|betul",
			}},
			{w: 0.8, p: []string{
				"scammers|scam|fraudsters|rip_off|ripoff|ripped_off|robbery|daylight_robbery",
				"rasende|ursinde|skidesur|pissesur|pisse_sur|tosset",
				"fandme|fanden|fandens|for_helvede|helvede|satans|pis|lort|lortet|lorte*|fuck*|røv|møg*",
				"svindel|svindlere|tyveri|fup",
				"气死|氣死|气炸|氣炸|火大|受够|受夠|忍无可忍|忍無可忍|激死|激气|激氣|嬲死|好嬲|勁嬲|嬲爆|嬲到|火滾|火都嚟",
				"做乜鬼|搞乜鬼|搞乜嘢|搞咩鬼|搞乜|乜鬼|咩鬼|仆街|on9|廢柴|废柴|屌|柒|黐線|痴线|呃錢|呃钱|呃人|呃我|呃晒",
				"骗子|騙子|骗钱|騙錢|坑人|坑钱|坑錢|垃圾|烂透|爛透|太烂|太爛|什么破|什麼破|混蛋|王八蛋",
				"他妈|他媽|妈的|媽的|tmd|卧槽|我靠|靠北|靠杯|靠夭|干你|幹你|操你|尼玛|尼瑪|草泥马|草泥馬",
				"bodoh|bangang|celaka|sial|babi|bangsat|penipu|tipu|lahanat|haram_jadah|puki*|pukimak|cibai|bodo",
				"muak|meluat|bengang|menyampah|geram|panas_hati|naik_angin|sakit_hati ~3 dengan|dgn|kat|sama ~2 korang|kau|awak|servis|syarikat|anda|you",
			}},
			{w: 0.7, p: []string{
				"absolutely|utterly|totally|completely|so|really|fucking|bloody|just ~1 pathetic|ridiculous|useless|terrible|awful|unacceptable|disgusting|appalling|shocking|horrible|disgraceful|incompetent",
				"耍我|耍人|玩我|当我傻|當我傻|把我当|把我當",
				"烂|爛|差|糟 ~1 到极点|到極點|透了|到家",
				"kidding|joking me|right",
				"taking the piss",
				"for dumt|ringe|galt|latterligt|elendigt",
				"så|pisse|skide|hamrende træt|led|sur af|på ~1 jer|dig|jeres|det_her",
				"katastrofe|katastrofal|katastrofalt|håbløst|håbløse|amatøragtigt|uduelige|uduelig",
				"fandeme|fandme|sgu ~2 for|ikke ~1 dårligt|ringe|langsomt",
			}},
			{w: 0.6, p: []string{
				"disgraceful|disgusting|outrageous|appalling|shambles|scandalous|unacceptable|fed_up|sick_and_tired",
				"shit|shitty|wtf|crap|crappy|bullshit|bloody_hell|the_hell|goddamn|dammit|ffs|omfg|arse|ass|bastard*|piss*|fuck*|screw_you|screw_this",
				"skandale|skandaløst|uacceptabelt|uhørt|frækt|frækhed|for_dårligt|latterligt|latterlig|pinligt",
				"太过分|太過分|过分|過分|搞什么|搞什麼|到底在干什么|到底在幹什麼|无语|無語|离谱|離譜|恶心|噁心|不像话|不像話",
				"teruk_gila|teruk_betul|hampeh|tak_guna|tidak_berguna|menyampah|kurang_ajar|melampau|bodoh_betul",
			}},
			{w: 0.45, p: []string{
				"service|support|handling|kundeservice|服务|服務|servis ~3 terrible|awful|appalling|disgraceful|useless|elendig|ubrugelig|垃圾|太差|teruk",
				"ridiculous|unbelievable|worst|terrible|awful|horrible|pathetic|joke|insane|absurd|nonsense|damn|hell|useless|pointless|worthless",
				"nobody|no_one|noone ~2 answering|answers|answered|replies|replying|responds|responding|helping|cares",
				"you_people|your_people",
				"elendig|elendigt|horribelt|værste|dårligste|mærkeligt",
				"最差|最烂|最爛|差劲|差勁",
				"teruk|paling_teruk|lembap",
			}},
		},
		vetoes: []string{
			"垃圾袋|垃圾桶|垃圾筒|垃圾邮件|垃圾郵件",
			// Anger at oneself, said just before what one did: "嬲死自己",
			// "气死我了，自己下单的时候忘了填".
			"气死|氣死|嬲死|激死|火大 ~3 自己",
			// Fear of being defrauded is a worry, not anger at the
			// company: "mak sy takut kena scam", "min far er bange for
			// svindel", "worried about scams".
			"afraid|scared|worried|wary|nervous|paranoid|fear|fears|takut|risau|bimbang|bange|nervøs|ræd|frygter|bekymret|怕|害怕|担心|擔心|驚 ~3 scam|scams|scammers|scammed|fraud|fraudsters|svindel|svindlere|tipu|ditipu|penipuan|scammer|诈骗|詐騙|骗子|騙子|呃人",
			"tak|tidak guna|berguna hidup",
			"妈妈|媽媽|他妈妈|他媽媽",
			"hell_of_a|hell_yeah|what_the_hell_is_a",
			"mad about|for ~2 your|the|this|these",
			"crazy|insanely|insane|gila good|fast|cheap|beautiful|cantik|bagus|murah|laju|sedap",
			"damn fine|good",
			"sick_and_tired_of ~2 waiting",
			// Asking whether a message is a scam asks about fraud, and
			// is no anger: "is this sms a scam?", "er denne sms svindel",
			// "scam ke ni" ("this is a scam!" still is).
			"is|was|are ~1 this|that|it|these ~6 scam|a_scam|fraud|phishing|fake|scammer",
			"er|var ~1 det|denne|dette|den ~4 svindel|fup|falsk",
			"scam|tipu|penipuan|palsu ke|kah",
			"这个|這個|呢個|呢个|这条|這條|短信|简讯|簡訊|电话|電話|信息|訊息|邮件|郵件|链接|連結 ~4 是不是|是否|会不会|會不會|係咪|系咪 ~4 骗子|騙子|诈骗|詐騙|骗局|騙局",
			// A scam message or call reported is no anger at the
			// company: "i got a scam sms", "svindel sms", "sms scam",
			// "呃人短訊".
			"scam|scammy|fraud|fraudulent|phishing|fake|svindel|falsk|falske|tipu|penipuan|palsu ~1 sms|text|texts|message|messages|call|calls|email|emails|e_mail|mail|mails|link|website|site|page|besked|beskeder|opkald|hjemmeside|mesej|panggilan|pautan|laman",
			"sms|text|message|call|email|mail|link|website|besked|opkald|mesej|panggilan|pautan ~1 scam|svindel|tipu|penipuan|palsu|phishing",
			"诈骗|詐騙|骗子|騙子|呃人|呃钱|呃錢|假 ~1 短信|短訊|短讯|简讯|簡訊|电话|電話|链接|連結|网站|網站|邮件|郵件|信息|訊息",
		},
	}
}

// angerFeelingLexicon holds the words for feeling angry, which a negation
// cancels ("I'm not angry, just asking").
func angerFeelingLexicon() lexicon {
	return lexicon{
		trigger:   Anger,
		negatable: true,
		cues: []cues{{w: 0.8, p: []string{
			"furious|livid|outraged|fuming|enraged|infuriated|infuriating|seething|incensed|pissed|angry",
			"so|really|very|extremely|absolutely|fucking mad|annoyed|upset|frustrated",
			"mad with|at you|your",
			"rasende|ursinde|vred|vrede|skidesur|pissesur",
			"气死|氣死|愤怒|憤怒|生气|生氣|恼火|惱火",
			"marah|geram|bengang|naik_angin|panas_hati|sakit_hati|hangin",
		}}},
		vetoes: []string{
			"angry|mad|sur|vred|marah|geram|annoyed|upset with|at|på ~1 myself|me_selv|mig_selv|diri|diri_sendiri|sendiri",
			"marah|geram|sur|vred diri|diri_sendiri|sendiri|mig_selv",
			"生 ~2 自己 ~1 的气|的氣",
			"不生气|不生氣|没生气|沒生氣|冇嬲|唔嬲|唔係嬲|并不生气|並不生氣|不是生气|不是生氣",
			"气死|氣死|嬲死|激死 ~3 自己",
			// The Malay passive: "kena marah dgn bini" is being scolded.
			"kena|kene|asyik_kena|selalu_kena|dimarahi marah|maki|sound|tengking",
		},
	}
}

func complaintLexicon() lexicon {
	return lexicon{
		trigger:   Complaint,
		negatable: true,
		// Whether a complaint can be taken further is a question about
		// the procedure, not a complaint.
		clauseVetoes: []string{
			"can|could|may i|it|we ~2 escalate|escalated|appeal|take_it_further",
			"is there ~2 way|anyone ~3 escalate|appeal",
			"kan jeg|man ~2 klage_videre|anke|gå_videre",
			"boleh ~2 eskalasi|naik_ke|bawa_ke",
			"还可以|還可以|可唔可以|可不可以|能不能|能否|可以 ~2 往上|再|向上 ~1 反映|申诉|申訴|投诉|投訴",
			"点|點|怎么|怎麼|如何|点样|點樣 ~1 升级|升級",
		},
		cues: []cues{
			{w: 0.9, p: []string{
				"make|file|lodge|raise|submit|register|open|put_in|log ~3 complaint|complaints|formal_complaint",
				"want|wish|would_like|d_like|like|going to complain",
				"this is a ?formal complaint",
				"formal complaint",
				"vil|gerne|ønsker|indgive|sende|skrive ~3 klage|klagen|en_klage",
				"jeg ~2 klager|klage over",
				"buat|membuat|nak|mahu|ingin|hantar|failkan|lapor|kemukakan ~2 aduan|komplen|complain",
				"要|想|我要|正式 投诉|投訴|客诉|客訴",
				"投诉|投訴 ~4 快递员|快遞員|送货员|送貨員|客服|你们|你們|店|服务|服務",
				// A demand that the wrong be put right or answered for
				// is a complaint, whatever it is called.
				"made|put|set right",
				"make|put|set it|this|things|that right",
				"want|expect|demand|deserve ~2 compensation|something_done|an_apology",
				"something done about",
				"rette op",
				"forventer|kræver|kraever|vil_have ~2 kompensation|erstatning|en_undskyldning",
				"vil have noteret",
				"说法|說法|交代",
				"要你们|要你們|要你哋 ~1 负责|負責|补返|補返|赔|賠",
				"要求 ~3 处理|處理|赔偿|賠償|补偿|補償",
				"nak|mahu|minta korang|kamu|pihak_kedai ~2 betulkan|bertanggungjawab|ganti_balik",
				"nak|mahu report|buat_report|lapor hal|perkara|benda",
				"pampasan|ganti_rugi",
				// Put on record: "给我记录在案", "請把這次的問題記錄下來".
				"记录在案|記錄在案|登记在案|登記在案",
				"把|将|將 ~6 记录下来|記錄下來|登记下来|登記下來|记下来|記下來",
			}},
			{w: 0.7, p: []string{
				"complaint about|regarding|re|against|concerning",
				"service|support|handling|treatment|experience ~3 terrible|awful|appalling|poor|bad|lousy|horrible|disgraceful|unacceptable",
				"not|never|really_not|very_unhappy happy|satisfied|pleased with|about ~2 service|way|handling|response|support|treatment|you|your",
				"unhappy|dissatisfied|disappointed with|about|by ~2 service|way|handling|response|support|treatment|you|your",
				"utilfreds|ikke_tilfreds|skuffet|dybt_skuffet",
				"不满|不滿|很不满意|非常不满意|非常不滿意|很失望|非常失望",
				"投诉|投訴|客诉|客訴|申诉|申訴",
				"tak|tidak|tak_berapa puas_hati|berpuas_hati",
				"aduan|komplen|sangat_kecewa|amat_kecewa|kecewa_sangat|kecewa_betul|kecewa_gila",
				// Disappointed with someone, as in English; disappointed
				// alone ("kecewa sikit sebab lambat") is a weaker sign.
				"kecewa dengan|dgn|sama|kat ~2 servis|layanan|korang|syarikat|anda|you|kedai|staf",
				// Told to put it right, after what went wrong: "sort it
				// out", "tolong selesaikan", "这事你们得处理".
				"sort it|this|that|things out",
				"tolong|sila|minta|cepat ~1 selesaikan|settlekan|betulkan|uruskan",
				"你们|你們|你哋 ~2 得|要|必须|必須|最好 处理|處理|解决|解決",
				"请|請|麻烦|麻煩 处理|處理 并|並|同埋|和",
			}},
			{w: 0.5, p: []string{
				"still|yet no|nothing ~1 answer|reply|response",
				"nobody|no_one ~3 fixed|answered|answering|replied|replies|helped|responded|responding|gets_back|got_back|called_back",
				"written|emailed|called|contacted|asked|chased|messaged ~4 times",
				"on_record|treated_like_this|treated_like",
				"terrible|awful|appalling|poor|bad|lousy|horrible service|support|handling|treatment|experience|customer_service",
				"tre|fire|fem|flere gange ~3 uden|uden_svar",
				"ikke i orden",
				"dårlig|elendig|ringe service|behandling|kundeservice|oplevelse",
				"没人处理|沒人處理|没人管|沒人管|没人理|沒人理|没人回复|沒人回覆|拖了",
				"tiada|tak|tidak ada orang ~2 balas|jawab|layan",
				"layanan|servis teruk|buruk|hampeh",
			}},
			{w: 0.4, p: []string{
				"escalate|escalated|escalating",
				"complaint|complaints|complain|complaining|complained|complains",
				"klage|klager|klagen|klaget",
				"抱怨|不满意|不滿意",
				"kecewa",
			}},
		},
		vetoes: []string{
			"proses|prosedur|cara|borang aduan",
			"complaints|complaint|klage|投诉|投訴|客诉|客訴|aduan procedure|process|policy|page|form|department|team|procedures|procedure|proces|procedure|流程|渠道|方式|proses|prosedur",
			"how|where|hvordan|hvor|怎么|怎麼|如何|點樣|点样|bagaimana|macam_mana|mcm_mana|camne|camana|cemana ~5 complain|complaint|klage|klager|投诉|投訴|客诉|客訴|aduan|escalate|eskalasi|反映",
			// How long an answer to a complaint takes is a question the
			// help centre answers.
			"how_long|how_many_days|hvor_lang_tid|hvor_mange_dage|berapa_lama|brp_lama|berapa_hari|brp_hari ~4 complaint|complaints|klage|klagen|aduan",
			"投诉|投訴|客诉|客訴 ~4 几天|幾天|多久|幾耐|多少天|几耐",
			"consumer complaints board",
		},
	}
}

func legalLexicon() lexicon {
	return lexicon{
		trigger:   LegalThreat,
		negatable: true,
		cues: []cues{
			{w: 0.9, p: []string{
				"sue|suing|sued",
				"legal action|proceedings|steps|case|claim|route",
				"my|our lawyer|lawyers|attorney|solicitor|solicitors|legal_team|legal_counsel",
				"small claims|small_claims_court",
				"take|taking|see|drag ~2 court",
				"report|reporting ~2 to ~2 trading_standards|ombudsman|authorities|regulator|police|consumer",
				"trading standards",
				"consumer ombudsman|council|authority|protection|rights_organisation|complaints_board",
				"sagsøge|sagsøger|sagsøgt|sagsøgning|retssag",
				"i|for retten",
				"min|vores advokat",
				"forbrugerklagenævnet|forbrugerombudsmanden|nævnenes_hus|konkurrence_og_forbrugerstyrelsen|politianmeld*",
				"起诉|起訴|告你|告你们|告你們|告上法庭|打官司|诉讼|訴訟|法院|法庭|提告|法律途径|法律途徑|法律行动|法律行動",
				"找 ~1 律师|律師",
				"消协|消協|消基会|消基會|消保官|消保会|消保會|工商局|市场监管局|市場監管局|消委会|消委會|消费者委员会|消費者委員會|海关|12315",
				"saman|menyaman|disaman",
				"peguam saya|kami",
				"mahkamah|tribunal|kpdn|kpdnhep|kpdnkk",
				"tindakan undang_undang|mahkamah",
			}},
			{w: 0.6, p: []string{
				"lawyer|lawyers|attorney|solicitor|advokat|律师|律師|peguam",
				"illegal|unlawful|breach_of_contract|consumer_law|consumer_rights|chargeback",
				"ulovlig|ulovligt|lovbrud|forbrugerrettigheder",
				"违法|違法|非法|维权|維權",
				"haram_di_sisi_undang|salah_di_sisi_undang",
			}},
		},
		vetoes: []string{
			"food court",
			"tennis|basketball court",
			"i_am|im|i_m a ~1 lawyer|solicitor|attorney",
			// Someone's work: "my sister is a lawyer", "min søster er advokat".
			"is|was|s a|an ?corporate|family|tax lawyer|solicitor|attorney",
			"er|var advokat",
			"seorang peguam",
			"是|係 ~1 律师|律師",
			// Working as one: "我阿哥做律師", "她当律师".
			"做|当|當|做緊|做紧 律师|律師",
			"as|be|like my|a lawyer|solicitor|attorney",
			"jeg_er advokat",
			// A friend who is a lawyer gives an opinion, not a threat.
			"lawyer|solicitor|attorney|advokat friend|mate|buddy|cousin|neighbour|neighbor|brother|sister|dad|mum|mom|ven|veninde",
			"saya seorang|ialah|adalah peguam",
			"我是|我们是|我們是|我哋係|我們係|本公司是 ~2 律师|律師",
			"律师事务所|律師事務所|law_firm|advokatfirma|advokatkontor|firma_guaman",
			"告诉|告訴|警告|广告|廣告|报告|報告|转告|轉告|通告|公告|告知",
			"trafik|traffic|parking ~1 saman",
			"kena saman ~1 trafik|jalan|polis",
		},
	}
}
