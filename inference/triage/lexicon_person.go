package triage

import "strings"

// alts joins pattern alternatives: alts("a", "b_c") is "a|b_c".
func alts(groups ...string) string { return strings.Join(groups, "|") }

// The person lexicon is built from parts, language by language: words
// for a person (with misspellings one edit away, "%human"), request and
// transfer verbs, and call-back phrases. A cue is a verb and a person in
// one clause, or a call-back request, or a standalone request ("human
// pls", "人工").

// English words for a person on the shop's side.
const (
	// personEN are the people a customer may ask for by name of role.
	personEN = "human|humans|hooman|hoomans|person|persons|people|agent|agents|representative|representatives|rep|reps|" +
		"operator|operators|staff|staffer|staff_member|staff_members|member_of_staff|members_of_staff|" +
		"employee|employees|advisor|adviser|advisors|advisers|supervisor|supervisors|manager|managers|" +
		"colleague|colleagues|team_member|team_members|member_of_your_team|member_of_the_team|" +
		"one_of_your_team|one_of_the_team|one_of_your_staff|one_of_your_colleagues|one_of_you|" +
		"specialist|specialists|boss|team_lead|team_leader|someone_senior|someone_in_charge|person_in_charge|" +
		"technician|technicians|technical_team|tech_team|tech_support|technical_support|" +
		"customer_service|customer_services|customer_support|customer_care|support_team|support_staff|" +
		"%customer_%service|%customer_%services|%customer_%support|%customer_care|%customer_servis|" +
		"your_team|the_team|your_staff|being|human_being|live_agent|consultant|helpdesk|help_desk|service_desk|" +
		"%human|%person|%agent|%representative|%operator|%employee|%supervisor|%manager|%colleague|%advisor|%adviser"
	// someoneEN are vaguer words that need more context.
	someoneEN = "someone|somebody|sum1|some1|sb|anyone|anybody|whoever|%someone|%somebody"
	// personActionsEN are what a customer asks a person to do.
	personActionsEN = "call|calls|ring|rings|phone|phones|contact|contacts|email|emails|text|texts|reply|replies|answer|respond|message|get_back|gets_back|get_in_touch|reach|follow_up|" +
		"take_over|takes_over|look_at|look_into|look|review|check|handle|sort|deal_with|help|step_in|pick_this|pick_it|read"
)

func personCuesEN() (strong, weak []string) {
	anyone := alts(personEN, someoneEN)
	strong = []string{
		// A senior person asked for with a plea: "Your team lead, please."
		"team_lead|team_leader|supervisor|manager|someone_senior|someone_more_senior|a_senior ~1 please|pls|plz|now|asap",
		"^your|a|the|get_me_a|get_me_the|get_me_your ?team_lead|team_leader|supervisor|manager$",
		"talk|speak|chat|talking|speaking|chatting|converse|deal|communicate|word ?directly to|with ~3 " + anyone,
		"have a word with ~3 " + anyone,
		"transfer|connect|put|pass|forward|escalate|redirect|patch|route|hand|refer|send|move|bump me|us|this|it|my_case|the_case|the_chat|the_conversation ~2 to|with|through|over_to|on_to ~3 " + anyone,
		"transfer|connect|escalate|escalated|forward|refer|raise|raised to|with ~3 " + personEN,
		"escalate|escalated ~3 to ~3 " + personEN,
		"need|want|prefer|like|request|demand|get|give|bring|find|fetch|requires|needs ~2 a|an|some|your|the|me|us ?real|actual|live|proper|human " + personEN,
		"real|actual|live|living|proper|actual_live ?live human|person|agent|people|humans|being|rep|representative|staff|employee|%human|%person|%agent",
		"human|live agent|rep|representative|operator|support|being|help|assistance|contact",
		"^human|hooman|person|agent|representative|operator|someone|somebody|rep|humans|agents|supervisor|manager|%human|%person|%agent|%representative|%operator$",
		// "custumer servise plz": the service named alone is asked for.
		"^%customer_%service|%customer_%support|%customer_care|%costumer_%service|%costumer_%support ?please|pls|plz|now|asap$",
		"a|any ?single living soul|person|human",
		"human|person|agent|operator|representative|someone|somebody|humans|hooman|supervisor|manager|rep|reps|%human|%person|%agent please|pls|plz|now|asap",
		"someone|somebody|anyone|anybody|sum1|person|people|staff from|at|in|on ~2 support|team|customer_service|customer_services|staff|your_company|you|the_shop|the_store|your_shop|your_store|billing|accounts|your_end|your_side|the_company",
		"someone|somebody|sum1|some1 senior|real|human|competent|qualified|in_charge|who_works|that_works|who_actually|alive",
		// A person (on the shop's side) asked to do something.
		"can|could|would|will|let|have|get|need|want|like|may|please|pls|ask ~3 " + anyone + " ~4 " + personActionsEN,
		personEN + " ~3 to|could|can|would|will|should|please|pls ~3 " + personActionsEN + "|pick|take",
		someoneEN + " ~2 to|could|can|would|will|please ~2 call|ring|phone|contact|email|get_back|get_in_touch|reach|take_over|look_at|look_into|review",
		anyone + " ~3 take over|this_over|it_over",
		anyone + " ~2 available|around|online|free|there",
		"member|members of ~2 staff|team|your_team|support|customer_service",
		"one of your ~1 staff|team|agents|people|colleagues|employees",
		"is|are there ?a|an|any|some real|actual|live " + anyone,
		"is|are there ?a|an|any|some " + anyone + " ~3 talk|speak|chat|available|around|online|who_can_help|that_can_help|to_help|i_can_talk|i_can_speak",
		"is|are there ?a|an|any|some " + anyone + "$",
		"any ?real|actual|live " + personEN + " ~2 working|available|around|online|there|here|about",
		// Wanting it escalated is wanting it in a person's hands: "i want
		// to escalate this", "i'd like this escalated".
		"want|need|like|wish|going ~2 escalate|escalated|escalation",
		"is|are there ?a|an|any|some " + anyone + " ~1 who|that ~1 can|could ~3 " + personActionsEN + "|manually",
		"who can|could|do|should i|we ~1 talk|speak|chat|write",
		// "get me someone who knows what they're doing".
		"get|find|give|bring|fetch me|us ~1 " + someoneEN + " ~1 who|that ~2 knows|know|understands|understand|can|is_able",
		// The person who looks after something, by what they do.
		"talk|speak|chat|put|transfer|connect|pass ~3 to|with|through_to ~2 whoever|someone|somebody|the_person|the_people|the_team|the_department|the_one ~2 who|that|which ?handles|handle|deals|deal|does|looks_after|is_in_charge|works_on|takes_care",
		"talk|speak|chat|put|transfer|connect|pass ~3 to|with|through_to ~3 department|team|desk",
		// Chinese customers without a Chinese keyboard write pinyin:
		// 转人工 "zhuan ren gong", 人工客服 "ren gong ke fu".
		"zhuan|zhuanjie|zhuan_jie ~1 ren_gong|rengong|kefu|ke_fu|zhen_ren|zhenren",
		"ren_gong|rengong|zhen_ren|zhenren ke_fu|kefu|fu_wu|fuwu",
		"^ren_gong|rengong|zhuanrengong|zhuan_rengong$",
		"get|put|have ~4 on the phone|line|telephone",
		// Call-back requests count as requests for a person.
		"call|ring|phone|telephone|contact me|us ?back|up|on|at|asap|please|pls|today|tomorrow|now|later",
		"call|ring|phone me|us",
		"callback|call_back|ring_back|call-back",
		"give|get me|us ~1 a call|ring|bell|phone_call|callback",
		"contact|reach|get_back_to|get_in_touch_with me|us ~2 by|via|over|on ~1 phone|telephone",
		"get|be in touch with me|us",
		"arrange|schedule|book|request|want|need|like|have ~3 callback|call_back|call|phone_call|ring_back",
	}
	weak = []string{
		"reach|contact|phone|call|escalate|talk|speak|chat|word|through|need|want|help_from ~4 " + personEN,
		personEN + "|someone|somebody ~3 phone|call|contact|ring|email|reply|answer|available|online ~1 me|now|please|pls",
		"not|rather_than|instead_of ?a|an|the|this ?automated|stupid bot|robot|machine|ai|chatbot|automated|automatic|assistant",
		"dont|do_not|not want ~4 bot|robot|machine|chatbot|ai|automated",
		"stop ~2 automatically|automated|auto_replies|autoreplies|bot|robot",
		"anyone|anybody|someone|somebody ~2 there|real|alive",
		"human ~1 help|assistance|support|attention|contact",
		"personal ~1 help|assistance|contact",
		"than ~3 machine|bot|robot|chatbot|ai",
	}
	return strong, weak
}

func personLexicon() lexicon {
	var strong, weak []string
	for _, part := range []func() ([]string, []string){personCuesEN, personCuesDA, personCuesMS, personCuesZH} {
		s, w := part()
		strong, weak = append(strong, s...), append(weak, w...)
	}
	return lexicon{
		trigger:   PersonRequested,
		negatable: true,
		cues:      []cues{{w: 0.9, p: strong}, {w: 0.7, p: weak}},
		anchors:   personAnchors(),
		messageVetoes: []string{
			// What happens if a complaint's outcome does not satisfy is
			// asked, the complaints procedure's next step, not for a
			// person now: "if im not happy with the reply can someone
			// more senior look at it", "处理结果不满意可以找主管吗",
			// "投訴之後可唔可以要求轉俾主管跟進".
			"if|when|hvis|kalau|jika|kalo ~6 not|unhappy|dissatisfied|ikke|utilfreds|tak|tidak|x|tk ~2 happy|satisfied|pleased|tilfreds|enig|puas_hati|berpuas_hati|setuju",
			"投诉|投訴 ~1 之后|之後|以后|以後|后|後 ~3 可以|可唔可以|可不可以|能不能|能否|还可以|還可以",
			"投诉|投訴|处理结果|處理結果|处理|處理|结果|結果|答复|答覆|回复|回覆 ~1 不满意|不滿意|唔滿意|唔满意 ~3 可以|可唔可以|可不可以|能不能|能否|还可以|還可以",
		},
		clauseVetoes: []string{
			// A past contact, or a question about when people are there.
			"spoke|talked|chatted|spoken|yesterday|told_me|they_said|he_said|she_said|last_week|earlier_today",
			"opening_hours|support_hours|business_hours|office_hours|what_time|what_hours|hours_are",
			"when can|could|do i|we ~2 reach|call|talk|speak|contact|get_hold|get_through",
			"when ~2 open|available|online",
			// A hypothetical: "if I want to talk to a person, when are you open?"
			"if|hvis|kalau|jika|如果|要是 i|jeg|man|saya|sy|我 ?ever|once|nu|ada want|need|wish|would|vil|skal|gerne|nak|mahu|perlu|想|要|需要",
			"talte|snakkede|chattede|har_talt|har_snakket|i_går|sagde|nævnte|naevnte|fortalte|lovede|sidste_uge",
			"åbningstider|åbningstid|åbent|hvornår_kan|hvornår_har",
			"聊过|聊過|说过|說過|谈过|談過|问过|問過|傾過|倾过|昨天|琴日|尋日|刚才|剛才|頭先|已经|已經",
			// Before, in the past ("我之前跟客服说过"), not before doing
			// something ("退货之前想先跟技术人员说明").
			"我|我们|我們|我哋 之前",
			"之前 ~4 过|過|咗",
			"几点|幾點|几时上班|幾時上班|工作时间|工作時間|服务时间|服務時間|营业时间|營業時間|上班时间|上班時間|下班|开始服务|開始服務",
			// When people work is asked, not for one of them.
			"返工|上班|开工|開工|当值|當值|值班|放假|过年|過年|假期|假日|春节|春節|新年|节日|節日|国庆|國慶|圣诞|聖誕|周六|週六|周日|週日|星期六|星期天|星期日|礼拜六|禮拜六|礼拜日|禮拜日|晚上|夜晚|凌晨",
			"work|working|open ~4 weekends|weekend|saturday|saturdays|sunday|sundays|holidays|holiday|christmas|evenings|tonight",
			"arbejder|åbent|åben|åbne ~4 weekenden|weekend|lørdag|søndag|helligdage|helligdag|jul|aften|om_aftenen",
			"kerja|buka ~2 hari_sabtu|hari_ahad|sabtu|ahad|cuti|hujung_minggu|malam",
			// Which languages the staff speak is asked, not for them.
			"which|what|hvilke|hvilket|apa ~3 language|languages|sprog|bahasa",
			"bahasa ~1 melayu|malaysia|inggeris|english|cina|mandarin|tamil|kantonis",
			"讲|講|说|說|識|识|会|會|用 ~2 普通话|普通話|广东话|廣東話|粤语|粵語|国语|國語|英文|英语|英語|马来文|馬來文",
			// Why one would want a person is asked, not for one.
			"explain|forklare|terangkan|jelaskan|解释|解釋 ~3 why|hvorfor|kenapa|mengapa|为什么|為什麼|點解",
			// Someone claiming to be staff is reported, not asked for.
			"有人話|有人说|有人說|有人打|有人打來|有人call|someone_called|someone_said|somebody_called|somebody_said|nogen_ringede|en_person_ringede|ada_orang_call|ada_org_call|ada_orang_telefon",
			"自称|自稱|冒充|假冒|假扮|扮|扮成|装成|裝成|pretending_to_be|pretends_to_be|claiming_to_be|claims_to_be|claimed_to_be|posing_as|udgav_sig_for|udgiver_sig_for|giver_sig_ud_for|mengaku|ngaku|menyamar",
			"semalam|dah_cakap|sudah_cakap|telah_bercakap|pernah|tadi",
			"pukul_berapa|bila_boleh|waktu_operasi|waktu_pejabat|jam_berapa",
		},
		vetoes: []string{
			"human resources|resource|rights|body|error|nature|race|hair|readable|friendly|made|sized|size|scale|skin|voice|touch_screen|presence|detection|sensor|motion",
			// The assistant itself named: "你们的机器人客服能查物流吗".
			"机器人|機器人|机械人|機械人|智能|ai|bot|chatbot ~1 客服",
			// Asking whether the assistant is a bot is not asking for a person.
			"are|r you|u ?a|an ?real ?bot|robot|human|person|ai|machine|chatbot|computer",
			"is|isnt|is_it this|it|that ~1 a|an|just_a ?real ?bot|robot|chatbot|ai|human|person|machine",
			"er det|er du ~2 robot|bot|menneske|chatbot|maskine|rigtig_person",
			"awak|kau|anda|korang|you|ini ?ni robot|bot|manusia|mesin|ai ?ke|kah",
			"manusia ~1 ke|atau mesin|robot",
			// Which of the two is asked, a bot or a person, in either order.
			"bot|robot|chatbot|machine|ai|robotten|botten|maskine|mesin|机器人|機器人|机械人|機械人 ~1 or|eller|atau|ke|还是|還是|定|或者|或 ~2 person|human|people|real_person|menneske|et_menneske|person|manusia|orang|真人|人工|活人|人",
			"person|human|real_person|menneske|et_menneske|manusia|orang|真人|人工|活人 ~1 or|eller|atau|ke|还是|還是|定|或者|或 ~2 bot|robot|chatbot|machine|ai|robot|maskine|mesin|机器人|機器人|机械人|機械人",
			"in_person|personally|personligt|personlig|sendiri|亲自|親自",
			"收|計|计|俾|畀|付|加 人工",
			"tangan|buatan manusia",
			"你是|你係咪|你是不是|你係唔係|你係|是不是 ~1 机器人|機器人|机械人|機械人|真人|ai|bot",
			// The same asked of the chat, the bot or the assistant.
			"is|are the|this|your ?live|online chat|chatbot|bot|assistant|support_chat ~2 a|an|run_by|staffed_by ?real|actual ?person|human|humans|people|bot|robot|ai",
			"er chatten|chatbotten|botten|assistenten|kundeservicen ~2 en|et ?rigtig|rigtigt ?person|menneske|mennesker|robot|bot|ai",
			"chat|chatbot|bot|cs|khidmat_pelanggan|ejen|assistant|asisten|pembantu ni|ini ~2 manusia|orang_betul|orang_sebenar|robot|bot|ai ke|kah",
			"客服|在线客服|在線客服|线上客服|線上客服|聊天 是|係 ~2 真人|机器人|機器人|机械人|機械人|ai",
			"anden person|en_anden|nogen_anden|andre ~3 hente|modtage|underskrive",
			"别人|其他人|朋友|家人|邻居|鄰居|同事|同学|同學|室友|老公|老婆|屋企人 ~5 代收|代领|代領|取|拿|签收|簽收|收|收件",
			"快递员|快遞員|速递员|速遞員|送货员|送貨員|外卖员|外賣員|司机|司機|派件员|派件員|速遞|快递|快遞 ~6 打电话|打電話|call|联系|聯絡|联络|話|说",
			"real estate ~1 agent|agents",
			"delivery|shipping|courier|travel|estate|insurance|sales|customs|forwarding|booking|letting|secret|user agent|agents",
			"delivery|shipping|courier|post|postal|warehouse person|people|staff|guy|driver|man|woman",
			"call me crazy|mad|old_fashioned|silly|paranoid|picky",
			"call|calling|called ~3 off",
			// Asking for a contact channel, or how to get in touch, is a
			// question the help centre answers.
			"customer_service|customer_services|customer_support|support|helpdesk|kundeservice|kundeservicen|khidmat_pelanggan|cs ~1 email|e_mail|mail|emel|number|phone_number|telephone_number|nummer|telefonnummer|nombor|no|talian|hotline|address|adresse|alamat|hours|page|side|form|formular|borang",
			"email|e_mail|emel|mail|number|nombor|no|phone|telefon|talian|alamat|address ~1 customer_service|customer_support|cs|khidmat_pelanggan|kundeservice|support",
			"客服|人工客服 邮箱|郵箱|电邮|電郵|电话|電話|号码|號碼|热线|熱線|地址|时间|時間",
			"how|where|hvordan|hvor|macam_mana|bagaimana|camne|mcm_mana|怎么|怎麼|點樣|点样|如何|边度|邊度 ~3 contact|reach|email|get_in_touch|kontakter|kontakte|skriver|hubungi|contact|emel|联系|聯絡|联络|聯繫|搵到",
			// A notification when something happens is not a call from a person.
			"call|ring|phone|text|telefon|ringe|ring|打电话|打電話|通知 me|saya|sy|mig|我 ~1 when|once|bila|apabila|når|如果|when_my|as_soon_as ~4 ship|ships|shipped|arrives|arrive|dispatched|sent|ready|pos|dihantar|sampai|afsendt|sendt|klar|发货|發貨|到货|到貨",
			"星期|周末|週末|礼拜|禮拜|假日|几点|幾點|今日|今天|聽日|明天 ~3 有冇人|有没有人|有沒有人|有人",
			"ring|ringe|kontakt|kontakte ikke|aldrig",
			"jangan|usah|dont|do_not|never|ikke|aldrig|不要|别|別|唔好|勿|不用|唔使 ~1 call|telefon|tepon|hubungi|contact|ring|ringe|phone|打电话|打電話|打给我|打給我|致电|致電|回电|回電",
			"staff|employee|employees|team_member|colleague discount|discounts|price|prices|pricing|rate|account|login|portal|card|purchase|sale|room|rooms",
			"someone|somebody|person|anyone else|other ~3 pick|collect|sign|receive",
			"sumber manusia",
			"orang|org lain ~3 ambil|terima|tandatangan|sign|pickup|pick_up|collect|kutip",
			"admin fee|fees|charge|charges|caj|yuran|panel|page",
			"caj|yuran admin",
			"kurier|courier|posmen|rider|driver|despatch|dispatch|penghantar call|telefon|hubungi|called",
			"ejen penghantaran|pos|kurier|courier|jualan|insurans|pelancongan",
			"人工费|人工費|人工智能|人工智慧|人工皮|人工革|人工合成|人工成本|人工湖|人工草",
			"人力资源|人力資源|人资|人資",
			"有没有|有沒有|有冇|没|沒|冇 人 ~1 管|理|睬",
			"behøver|behøves|skal|vil|ønsker ikke",
			"投诉|投訴|客诉|客訴|举报|舉報 ~3 客服|主管|经理|經理|员工|員工|工作人员|工作人員|店员|店員|同事|售后|售後",
			"请问|請問",
			"真人秀|真人版|真皮|真人大小|真人尺寸",
			// Asking about working there is not asking for someone.
			"hiring|vacancy|vacancies|job|jobs|career|careers|recruit*|招聘|招人|职位|職位|职缺|職缺|徵人|征人|请人|請人|搵人做|kerja_kosong|jawatan_kosong|ledig_stilling|ledige_stillinger|job_hos_jer",
			// When the phone line is open is a question the help centre answers.
			"ringe|ring|kontakte til_jer|jer|kundeservice ~3 lørdag|søndag|weekend|weekenden|helligdag*|eftermiddag|formiddag|aften|morgen|hverdag*|hvornår|åbent|åben|åbningstid*",
			"telefonnummer|nummer|nummeret|mail|mailadresse ~2 til|hos|på kundeservice|kundeservicen|jer|support",
		},
	}
}

// personAnchors are the words one of which a message needs for the model
// to find a request for a person in it alone: a person, a call, a
// transfer or a machine.
func personAnchors() []string {
	return []string{
		alts(personEN, someoneEN, "hooman|real|actual|live|team|call|calls|ring|phone|callback|contact|reach|transfer|connect|escalate|escalated|"+
			"bot|robot|machine|automated|chatbot|ai|assistant"),
		alts(personDA, "nogen|ring|ringe|ringes|opkald|telefonen|røret|kontakt|kontakte|viderestil|stil|robot|bot|chatbot|maskine|rigtig|rigtigt"),
		alts(personMS, "orang|org|call|telefon|tepon|hubungi|contact|sambung|sambungkan|pindah|pindahkan|bot|robot|mesin|sebenar"),
		"人|员|員|职|職|客服|负责|負責|领导|領導|主管|经理|經理|机器|機器|机械|機械|电话|電話|回电|回電|转|轉|接|搵|ai|bot",
	}
}
