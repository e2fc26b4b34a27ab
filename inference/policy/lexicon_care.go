package policy

// relatives are the people whose death a customer may mention.
const relatives = "mother|father|mum|mom|mam|dad|husband|wife|son|daughter|partner|brother|sister|child|baby|" +
	"grandmother|grandfather|grandma|grandpa|granny|nan|uncle|aunt|friend|spouse|parent|parents|fiance|fiancee|" +
	"boyfriend|girlfriend|family_member|he|she|mor|far|mand|kone|søn|datter|kæreste|bror|søster|barn|" +
	"mormor|morfar|farmor|farfar|bedstemor|bedstefar|hustru|ægtefælle|forælder|forældre|ven|veninde"

func selfHarmLexicon() lexicon {
	return lexicon{
		trigger: SelfHarm,
		cues: []cues{
			{w: 0.95, p: []string{
				"kill|killing|hurt|hurting|harm|harming|cut|cutting|end myself|my_life|it_all|my_own_life",
				"ending|end it all|my_life",
				"take|taking my own ?life",
				"suicide|suicidal|self_harm|selfharm",
				"dont|do_not|no_longer|not want|wanna ~1 ?to ?be live|be_alive|exist|go_on|wake_up",
				"want_to|wanna|going_to|ready_to die",
				"better off dead|without_me",
				"no|dont_see|cant_see|dont_have|cant_find ?a|any ~1 reason|point ~2 to ~2 keep_going|go_on|carry_on|live|living|be_here|stay_alive",
				"keep going|living anymore",
				"want_to|wanna|just_want_to disappear|vanish ~1 forever|for_good|completely",
				"disappear|vanish forever|for_good",
				"no|nothing reason|point to|in live|living|go_on",
				"what|whats ?is ?the point of|in living|life|going_on",
				"cant|cannot go_on|take_it_anymore|cope_anymore",
				"not worth living",
				"tage|tager mit ?eget liv",
				"slå|slår mig selv ihjel",
				"ikke ~2 leve|lyst_til_at_leve mere|længere",
				"vil|ønsker|har_lyst_til_at ~1 dø",
				"selvmord*|selvskade*",
				"skade|gøre_skade_på mig selv",
				"自我了断|自我了斷|了断自己|了斷自己|一死了之|一了百了|撑不下去|撐不下去|不想再撑|不想再撐|自杀|自殺|不想活|活不下去|轻生|輕生|想死|寻死|尋死|割腕|自残|自殘|跳楼|跳樓|了结自己|了結自己",
				"结束|結束 ~2 生命|一切|自己",
				"活着|活著 ~2 没意思|沒意思|没有意义|沒有意義|没意义|沒意義|痛苦|好累|太累",
				"bunuh diri",
				"tak|tidak guna|berguna|bermakna|ada_makna ~1 hidup",
				"hidup ~2 tak|tidak|tiada guna|makna|erti",
				"tak|tidak|x nak|mahu|ingin hidup",
				"tamatkan|mengakhiri|akhiri|tamat ~1 hidup|nyawa",
				"nak|mahu|ingin|hendak mati",
				"cederakan|sakiti diri",
			}},
		},
		vetoes: []string{
			"想死你|想死我了",
			"die for|laughing",
			"kill ~2 order|time|process|app|switch",
		},
	}
}

func bereavementLexicon() lexicon {
	return lexicon{
		trigger: Bereavement,
		cues: []cues{
			{w: 0.9, p: []string{
				relatives + " ~2 died|passed|passed_away|has_died|is_dead|was_killed|has_passed",
				"passed away|on",
				"death|loss|bereavement in the|my|our ?close family",
				"bereaved|bereavement|funeral|widow|widowed|widower",
				"my|our late " + relatives,
				"my|our late mother*|father*|mum*|mom*|dad*|husband*|wife*|son*|daughter*|partner*|brother*|sister*|grand*|uncle*|aunt*|friend*|spouse*",
				"lost my|our " + relatives,
				relatives + " ~2 er_død|døde|død|gik_bort|er_gået_bort|afgik|er_afgået_ved_døden",
				"dødsfald|begravelse|bisættelse|afdøde|enke|enkemand",
				"mistet min|mit|vores " + relatives,
				"去世|过世|過世|逝世|离世|離世|病逝|丧事|喪事|葬礼|葬禮|丧偶|喪偶|遗孀|遺孀|后事|後事",
				"父亲|父親|母亲|母親|爸爸|妈妈|媽媽|爸|妈|媽|先生|丈夫|老公|太太|妻子|老婆|儿子|兒子|女儿|女兒|孩子|爷爷|爺爺|奶奶|外婆|外公|家人|亲人|親人 ~3 走了|死了|没了|沒了|不在了",
				"meninggal|kematian|arwah|allahyarham|allahyarhamah|mendiang|takziah",
				"kehilangan ayah|ibu|mak|bapa|abah|suami|isteri|anak|adik|abang|kakak|nenek|datuk|keluarga",
				"ayah|ibu|mak|bapa|abah|suami|isteri|anak|adik|abang|kakak|nenek|datuk ~2 mati|dah_tiada|telah_pergi",
				"父亲|父親|母亲|母親|爸爸|妈妈|媽媽|先生|丈夫|老公|太太|妻子|老婆|儿子|兒子|女儿|女兒 刚走|剛走",
			}},
		},
		vetoes: []string{
			"passed on ~2 to|the|your|my",
			"late delivery|order|parcel|payment|fee|return",
		},
	}
}

func hardshipLexicon() lexicon {
	return lexicon{
		trigger: FinancialHardship,
		cues: []cues{
			{w: 0.8, p: []string{
				"cant|cannot|can_not|unable_to|couldnt afford ~2 to|pay|rent|food|bills|the_invoice|this|it|anything|groceries",
				"struggling|struggle ~2 financially|to_pay|to_make_rent|to_afford|to_buy_food|with_money|with_bills",
				"financial|money|economic hardship|difficulties|difficulty|problems|trouble|crisis",
				"money is ?really|very|so tight",
				"short ~1 on|of money|cash|funds",
				"behind on|with ~2 bills|rent|payments|mortgage",
				"overdrawn|overdraft",
				"ikke|ingen penge ~1 til",
				"in ~3 debt",
				"on benefits|welfare|universal_credit",
				"food bank|foodbank",
				"im|i_am|we_are ?completely|totally|flat broke",
				"ikke råd ~3 betale|husleje|mad|regningen|fakturaen|regninger",
				"økonomiske|økonomisk problemer|krise|vanskeligheder|trængt",
				"kontanthjælp|dagpenge|gæld|inkasso|fattig",
				"付不起|付不出|还不起|還不起|交不起|吃不起|没钱|沒錢|欠债|欠債|负债|負債|破产|破產|揭不开锅|揭不開鍋",
				"经济|經濟|手头|手頭 ~2 困难|困難|紧|緊|拮据",
				"tak|tidak|x mampu ~2 bayar|membayar|beli",
				"tak|tidak|x ada ~1 duit|wang",
				"tiada|kekurangan|kesempitan duit|wang",
				"hutang|bankrap|muflis|kewangan_susah|masalah_kewangan",
			}},
			{w: 0.7, p: []string{
				"lost|lose|losing my|our job|jobs|income|work",
				"unemployed|jobless|laid_off|made_redundant|redundancy|redundant",
				"cant|cannot|unable_to pay",
				"mistet|miste mit|vores job|arbejde",
				"arbejdsløs|fyret|opsagt|ledig",
				"kan ikke betale",
				"失业|失業|被裁|裁员|裁員|没工作|沒工作|丢了工作|丟了工作",
				"hilang|kehilangan kerja|pekerjaan",
				"diberhentikan|dibuang_kerja|menganggur|tak_bekerja",
				"saya|sy|i ~1 susah|sempit|sesak",
			}},
			{w: 0.45, p: []string{
				"cant|cannot|can_not|unable_to|couldnt afford",
				"instalments|installments|instalment|installment|payment_plan|pay_in_parts",
				"ikke råd",
				"afdrag|afdragsordning|henstand",
				"分期",
				"ansuran|bayar_sikit_sikit",
				"没饭吃|沒飯吃|买吃的|買吃的|buy_food|mad_på_bordet",
			}},
		},
		vetoes: []string{
			"afford|råd|mampu|bayar|pay ~3 express|ekspres|ekspreslevering|shipping|penghantaran|delivery|levering|fragt|postage|courier",
			"susah nak|untuk|mahu|hendak|login|log",
		},
	}
}

func healthLexicon() lexicon {
	return lexicon{
		trigger: Health,
		cues: []cues{
			{w: 0.85, p: []string{
				"in|at|from ?the hospital|hospice|icu|a&e|emergency_room",
				"hospitalised|hospitalized|admitted_to_hospital|surgery|operation_on|chemo|chemotherapy|radiotherapy|dialysis",
				"cancer|tumour|tumor|stroke|heart_attack|seizure|seizures|terminally_ill|chronic_illness|chronic_pain",
				"disabled|disability|wheelchair|wheelchair_user|housebound|bedridden|blind|deaf|partially_sighted|visually_impaired|sight_impaired|hard_of_hearing",
				"medical treatment|emergency|condition|leave|reasons",
				"im|i_am|been|was|very|really|seriously|so sick|ill|unwell",
				"fell ill|sick",
				"burned|burnt|cut|injured|hurt my ~1 hand|hands|arm|leg|face|finger|fingers|foot|back|eye",
				"injured|injury|injuries",
				"mental health|breakdown",
				"depression|depressed|anxiety|panic_attacks|panic_attack",
				"hospitalet|sygehuset|indlagt|indlæggelse|hospice",
				"er|blevet|meget|alvorligt|har_været syg",
				"handicappet|handicap|kørestol|kørestolsbruger|bevægelseshæmmet|blind|døv",
				"opereret|operation|kræft|kemo|kemoterapi|kronisk|sygdom|sygemeldt|depression|angst|skadet|forbrændt",
				"开|開 ~1 刀",
				"出院|行动不方便|行動不方便",
				"住院|医院|醫院|生病|病了|残疾|殘疾|残障|殘障|身障|开刀|開刀|手术|手術|癌症|化疗|化療|透析|抑郁|憂鬱|抑鬱|受伤|受傷|烫伤|燙傷|行动不便|行動不便|坐轮椅|坐輪椅",
				"身体|身體 ~1 不好|不舒服",
				"hospital|wad|klinik|icu",
				"saya|sy|i ~1 sakit|demam|cedera|OKU",
				"oku|kurang_upaya|orang_kurang_upaya|pembedahan|dibedah|kanser|kemoterapi|cedera|lumpuh|strok",
				"tak|tidak|kurang sihat",
			}},
		},
		vetoes: []string{
			"sick|tired of|and_tired",
			"sakit hati|kepala",
			"hospital ~2 bed|grade",
			"operation|operationen ~2 of|af|the_app|mode|hours",
			"good|safe|suitable|god|egnet|sesuai|适合|適合 for|til|untuk|用于|用於 ~2 asthma|allergies|allergy|allergi|astma|alergi|过敏|過敏",
			"roller|window|venetian blind|blinds",
		},
	}
}
