package triage

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
				"kill|killing|hurt|hurting|harm|harming|cut|cutting|end|ending|ended myself|my_life|it_all|my_own_life",
				"end|ending|ended things|everything|it_all",
				"ending|end it all|my_life|things",
				"take|taking|took my own ?life",
				"suicide|suicidal|suicid*|self_harm|selfharm*|self_harming|self_injury|self_injuring|overdose|overdosing",
				"self harm|harming|harmed|injury|injure|injuring",
				"dont|do_not|no_longer|not|never want|wanna|wish ?to ?be live|living|be_alive|alive|exist|go_on|wake_up|be_here|be_around|here|around",
				"want_to|wanna|going_to|ready_to|gonna|wish_i_could|just_want_to die",
				"wish ~1 i ~1 was|were|wasnt|werent dead|gone|never_born|not_here|not_alive",
				"better off dead|without_me",
				"better off ~4 wasnt|werent|wasn't|not_around|not_here|gone|dead|didnt_exist|died",
				"no|dont_see|cant_see|dont_have|cant_find ?a|any ~1 reason|point ~2 to ~2 keep_going|go_on|carry_on|live|living|be_here|stay_alive",
				"keep going|living anymore",
				"want_to|wanna|just_want_to disappear|vanish ~1 forever|for_good|completely",
				"disappear|vanish forever|for_good",
				"want|wish ~3 it|everything ~2 to ~1 stop|end ~2 for_good|forever|permanently",
				"cant|cannot|dont ~1 see|find ~2 way out",
				"no way out",
				"no|nothing reason|point to|in live|living|go_on",
				"what|whats ?is ?the point of|in living|life|going_on",
				"cant|cannot go_on|take_it_anymore|cope_anymore",
				"not worth living",
				"life ~3 not|isnt|aint|no_longer ~1 worth ~1 it|living",
				"done with life|living",
				"nobody|no_one|noone would|will|wouldnt ~1 miss|notice|care ~1 me|if_i",
				"nobody|no_one|noone ~1 cares|care ~3 live|die|dead|alive|exist|gone",
				"live or die",
				"sleep ~2 forever|and_never_wake|and_not_wake",
				"giving|give|given up on ~1 life|living|everything|myself",
				"tired|sick of living|life|being_alive",
				"thinking|thought|thoughts|think ~3 ending|killing|hurting|harming|suicide|taking_my_life|not_being_here|dying",
				"jump off|in_front ~3 bridge|building|roof|train",
				"slit my wrists",
				"hang myself",
				// Danish
				"tage|tager|taget mit ?eget liv",
				"tage|tager livet af mig",
				"slå|slår mig selv ihjel",
				"gøre|gør ~1 en ende på ~2 det|mit|livet|alt|hele|mig",
				"ikke ~2 leve|lyst_til_at_leve|orke_at_leve mere|længere",
				"ikke ~1 være_her|eksistere ~1 mere|længere",
				"ikke ~3 vågne ~2 op|i_morgen|igen|mere|længere",
				"ikke lyst til at leve|vågne|eksistere",
				"ingen ~1 mening|grund|formål|idé ~3 livet|leve|at_leve|med_at_leve|med_livet",
				"ingen grund|mening til at ~2 er_her|lever|leve|være_her|eksistere|fortsætte|vågne",
				"livet ~2 ikke ~1 værd ~2 leve|at_leve",
				"ikke værd at leve",
				"bedre ~3 uden mig",
				"bedre ~2 hvis jeg ~1 ikke|var_død|var_væk|døde",
				"væk fra det hele ~1 for_altid|for_evigt",
				"forsvinde ~2 for_altid|for_evigt|helt",
				"lyst_til_at|vil|ønsker_at|bare ~1 forsvinde|dø|ikke_være_her",
				"forsvinde ~3 aldrig ~2 komme_tilbage|vågne",
				"vil|ønsker|har_lyst_til_at|lyst_til_at|ønsker_at ~1 dø",
				"ønske|ønsker jeg var død|væk",
				"selvmord*|selvskade*",
				"skade|skadet|skader|skære|skærer|gøre_skade_på mig selv",
				// Chinese
				"自我了断|自我了斷|了断自己|了斷自己|一死了之|一了百了|撑不下去|撐不下去|不想再撑|不想再撐|自杀|自殺|不想活|活不下去|轻生|輕生|想死|寻死|尋死|割腕|自残|自殘|跳楼|跳樓|了结自己|了結自己",
				"不想|唔想|不要|唔要|唔願|不愿 ~2 活",
				"结束|結束 ~2 生命|一切|自己",
				"了结|了結 ~1 自己|一切|生命|这一切|這一切|此生",
				"活着|活著|活落去|生存 ~3 没意思|沒意思|冇意思|没有意义|沒有意義|无意义|無意義|没什么意思|沒什麼意思|没意义|沒意義|好累|太累|好辛苦|太辛苦|痛苦|冇意義",
				"死了算了|死了好|不如死|死咗會好|死咗好|死了更好|死掉算了|想去死|寻短见|尋短見|想不开|想不開|厌世|厭世|跳下去|吞药|吞藥|烧炭|燒炭|活唔落去|生无可恋|生無可戀",
				"伤害|傷害 ~1 自己",
				"想 ~1 消失",
				"不想|唔想|不要|永远不要|永遠不要 ~1 醒",
				"活下去 ~1 的 ~1 理由|意义|意義",
				"活着|活著|活落去|生存|人生|生命 ~2 没有|沒有|冇 ~3 意义|意義|意思",
				"遗书|遺書|绝笔|絕筆",
				// Malay
				"bunuh diri",
				"tak|tidak|tiada|takde|xde|takda ?ada ~1 sebab|guna|gunanya|makna|erti|harapan ~3 hidup",
				"tak|tidak guna|berguna|bermakna|ada_makna ~1 hidup",
				"hidup ~2 tak|tidak|tiada guna|makna|erti|bermakna",
				"tak|tidak|x nak|mahu|ingin|sanggup hidup",
				"xnak|taknak|tak_nak|tak_mahu|tidak_mahu|tak_sanggup|tidak_sanggup|xsanggup ~1 hidup|teruskan_hidup",
				"penat|letih|bosan|jemu ~1 hidup",
				"lebih baik ~3 tanpa_saya|mati|tiada|takde",
				"lebih_baik|lagi_baik|bahagia|senang ~3 tanpa saya",
				"tiada|tak_ada|takde lagi ~2 dunia",
				"baik|lebih_baik ~2 tiada|mati|takde|hilang",
				"nak|mahu|ingin|hendak|rasa_nak ~2 hilang ~1 selamanya|terus|dari_dunia",
				"tamatkan|mengakhiri|akhiri|tamat ~1 hidup|nyawa",
				"nak|mahu|ingin|hendak mati",
				"cederakan|sakiti|lukakan|mencederakan ~1 diri",
			}},
		},
		anchors: []string{
			"life|live|lives|living|alive|die|died|dying|dead|death|kill|killing|suicide|suicidal|hurt|hurting|harm|harming|" +
				"end|ending|exist|existing|here|around|wake|waking|point|disappear|vanish|gone|burden|pills|overdose|cut|cutting|" +
				"bridge|jump|myself|sleep|forever|giving|give|hopeless|worthless|miss|better|anymore|cope|go_on|keep_going",
			"liv|livet|leve|lever|død|dø|døde|selvmord*|skade|selv|vågne|forsvinde|her|eksistere|ende|ihjel|piller|orker|mening|grund",
			"死|活|生命|自杀|自殺|伤害|傷害|消失|醒|跳|了结|了結|结束|結束|轻生|輕生|遗书|遺書|药|藥|割|累赘|累贅|多余|多餘|撑|撐|一了百了",
			"hidup|mati|nyawa|diri|bunuh|tamat|tamatkan|akhiri|hilang|dunia|tiada|selamanya|ubat|penat|sanggup|larat",
		},
		vetoes: []string{
			"想死你|想死我了",
			// "急到想死": so impatient one could die, a way of saying it.
			"急到想死|急得想死|等到想死|烦到想死|煩到想死|气到想死|氣到想死|闷到想死|悶到想死|热到想死|熱到想死|饿到想死|餓到想死",
			// Whatever brings one to it: "個密碼搞到我想死".
			"到|得 ?我|人|佢|我哋 想死",
			// "nak mati tunggu refund ni": dying of the wait.
			"nak|mahu|rasa_nak|macam_nak|boleh mati ~1 tunggu|menunggu|nunggu|tunggu_refund",
			"die for|laughing",
			"kill ~2 order|time|process|app|switch",
			"mahal|panas|lapar|sejuk|lambat|lawak|gelak nak|mahu mati",
			"dø|døde af grin|nysgerrighed|kedsomhed",
			// A thing that is "killing me": "det her tager livet af mig".
			"det|dette|den|ventetiden|ventetid|login|pakken|leveringen ~2 tager|tog livet af mig",
			"end ~2 subscription|order|contract|membership|trial",
			// Not wanting a thing any more is a return, not despair.
			"want|like|need|use ~3 it|this|that|them|these|those|the_order|the_item|the_product|my_order ~2 anymore|any_more|no_more",
			"dont|don't|do_not|no_longer ~2 want|like|need ~1 it|this|that|them|these|those|the_order|the_item",
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
				relatives + " ~3 er_død|døde|død|gik_bort|er_gået_bort|gået_bort|afgik|er_afgået_ved_døden|afgået_ved_døden",
				"dødsfald|begravelse|bisættelse|afdøde|enke|enkemand",
				"mistet min|mit|vores " + relatives,
				"去世|过世|過世|逝世|离世|離世|病逝|丧事|喪事|葬礼|葬禮|丧偶|喪偶|遗孀|遺孀|后事|後事|過身|过身|過咗身|离开咗|離開咗|仙遊|仙游",
				"父亲|父親|母亲|母親|爸爸|妈妈|媽媽|爸|妈|媽|先生|丈夫|老公|太太|妻子|老婆|儿子|兒子|女儿|女兒|孩子|爷爷|爺爺|奶奶|外婆|外公|家人|亲人|親人 ~3 走了|死了|没了|沒了|不在了|走咗|死咗|過咗身|过咗身|過身|过身",
				"meninggal|kematian|arwah|allahyarham|allahyarhamah|mendiang|takziah",
				"kehilangan ayah|ibu|mak|bapa|abah|suami|isteri|anak|adik|abang|kakak|nenek|datuk|keluarga",
				"ayah|ibu|mak|bapa|abah|suami|isteri|anak|adik|abang|kakak|nenek|datuk ~2 mati|dah_tiada|telah_pergi",
				"父亲|父親|母亲|母親|爸爸|妈妈|媽媽|先生|丈夫|老公|太太|妻子|老婆|儿子|兒子|女儿|女兒 刚走|剛走",
			}},
		},
		vetoes: []string{
			"passed on ~2 to|the|your|my",
			// What is passed with an object is a test, not a life: "my dad
			// passed his driving test".
			"passed his|her|their|the|a|an|my|our|its|it|them|this|that|all|me|us|him|you",
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
				"money|moneys|cash|funds|finances|budget ~3 tight|short|low|stretched",
				"tight|stretched|limited|small ~1 budget|finances|money",
				"hours|pay|wages|salary|benefits|income|universal_credit ~3 cut|reduced|slashed|stopped",
				"skint|penniless|hard_up|broke_until|make_ends_meet|cant_make_ends_meet|living_paycheck|paycheck_to_paycheck",
				"barely ~2 pay|afford|cover|survive|get_by|make_rent",
				"cant|cannot|can_not|unable_to|couldnt|struggling_to ~2 cover|keep_up|make ~2 payment|payments|rent|bills|instalments|installments|the_payment",
				"need ~4 refund|money ~4 to ~1 buy_food|eat|pay_rent|pay_my_rent|feed|pay_bills",
				"pengene|penge|økonomien|budgettet ~3 slår_ikke_til|stram|stramt|presset|trang|knap|i_bund|i_minus|i_knæ",
				"svært|svært_ved|svært_ved_at ~3 betale|klare|få_det_til_at_hænge_sammen",
				"kan ikke ~2 klare|betale ~2 betalingen|regningen|regningerne|huslejen",
				"ned i løn",
				"冇工開|冇工做|冇工作|冇工返|没工作|沒工作|找不到工作|搵唔到工|" +
					"没收入|沒收入|没有收入|沒有收入|冇收入|冇錢|冇钱|俾唔起|畀唔起|被裁|裁员|裁員|卡数|卡數|卡债|卡債|交不起|付不出|月光|穷|窮",
				"经济|經濟 ~3 出了问题|出了問題|有问题|有問題|困难|困難|唔好|不好|紧张|緊張",
				"gaji|duit|wang ~2 tak|tidak|x cukup",
				"tak|tiada|takde|tidak_ada|hilang ~1 pendapatan|gaji|income",
				"buang kerja|diberhentikan|dipecat",
				"sesak|sempit ~1 duit|wang",
			}},
			{w: 0.7, p: []string{
				"lost|lose|losing my|our job|jobs|income|work",
				"unemployed|jobless|laid_off|made_redundant|redundancy|redundant",
				"cant|cannot|unable_to pay",
				"mistet|miste|mistede mit|vores job|arbejde",
				"arbejdsløs|fyret|opsagt|ledig",
				"kan ikke betale",
				"失业|失業|被裁|裁员|裁員|没工作|沒工作|丢了工作|丟了工作|冇咗份工|冇咗工|冇工做|失咗業|被炒|俾人炒|畀人炒|炒鱿鱼|炒魷魚",
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
			"afford ~2 wait|waiting|delay|delays|to_wait",
			"付不起|俾唔起|畀唔起|负担不起|負擔不起 ~3 加急|运费|運費|快递费|快遞費|特快|邮费|郵費|顺丰|順豐",
			// Asking whether instalments are offered is a routine question.
			"boleh|bolehkah|ada|can|could|do_you|kan|tilbyder|可以|可唔可以|能不能|能否|有没有|有冇|支持 ~3 ansuran|instalments|installments|instalment|installment|分期|rater|afdrag|afdragsordning|monthly_payments|payment_plan|klarna|paylater|atome",
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
				"er|blevet|blev|meget|alvorligt|har_været syg",
				"handicappet|handicap|kørestol|kørestolsbruger|bevægelseshæmmet|blind|døv",
				"opereret|operation|kræft|kemo|kemoterapi|kronisk|sygdom|sygemeldt|depression|angst|skadet|forbrændt",
				"开|開 ~1 刀",
				"出院|行动不方便|行動不方便",
				"住院|医院|醫院|生病|病了|残疾|殘疾|残障|殘障|身障|开刀|開刀|手术|手術|癌症|化疗|化療|透析|抑郁|憂鬱|抑鬱|受伤|受傷|烫伤|燙傷|行动不便|行動不便|坐轮椅|坐輪椅",
				"身体|身體 ~1 不好|不舒服",
				"hospital|wad|klinik|icu",
				"saya|sy|i ~1 sakit|demam|cedera|OKU",
				"oku|kurang_upaya|orang_kurang_upaya|pembedahan|dibedah|kanser|kemoterapi|cedera|lumpuh|strok",
				"i_have|ive_got|diagnosed_with|suffer_from|suffering_from|living_with ~1 ms|multiple_sclerosis|arthritis|parkinsons|dementia|diabetes|epilepsy|lupus|fibromyalgia|copd|als|mnd|long_covid|cancer|a_disability",
				"diagnosed",
				"sygemeldt|sclerose|gigt|diagnosen|diagnosticeret",
				// Stress is an illness when one has it or is off sick
				// with it; said in passing ("stress la", "so
				// stressful") it is frustration.
				"sygemeldt|ramt_af|fået|fik|har|haft ~2 stress",
				"身障|确诊|確診|病咗|住緊院|住院|入院|做手術|做完手術|化療|化疗",
				"rawatan|hospital|wad|dialisis|kemoterapi|dimasukkan_ke_hospital",
				"tak|tidak|kurang sihat",
			}},
		},
		vetoes: []string{
			"sick|tired of|and_tired",
			"sakit hati|kepala",
			"hospital ~2 bed|grade",
			// The hospital as a workplace or a delivery address, not a stay.
			"work|works|working|job|shift|shifts|nurse|doctor ~3 hospital",
			"arbejder|arbejde|job|vagt|sygeplejerske|læge ~3 hospitalet|sygehuset",
			"kerja|bekerja|keje|kije|shift|jururawat|doktor ~3 hospital",
			"在|喺 ~1 医院|醫院 ~2 上班|工作|返工|返夜班|返更|做嘢|做野",
			"address|deliver|delivery|ship|send|adresse|levere|levering|sende|alamat|hantar|penghantaran ~4 hospital|hospitalet|sygehuset",
			"地址 ~4 医院|醫院",
			"operation|operationen ~2 of|af|the_app|mode|hours",
			"good|safe|suitable|god|egnet|sesuai|适合|適合 for|til|untuk|用于|用於 ~2 asthma|allergies|allergy|allergi|astma|alergi|过敏|過敏",
			"roller|window|venetian blind|blinds",
		},
	}
}
