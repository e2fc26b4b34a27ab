package policy

// personNouns are the people a customer may ask for, in every language.
const personNouns = "human|humans|person|persons|people|agent|agents|representative|rep|operator|someone|somebody|sb|" +
	"staff|staffer|employee|advisor|adviser|supervisor|manager|colleague|colleagues|being|customer_service|" +
	"member_of_staff|staff_member|team_member|customer_support|support_team|your_team|employees|" +
	"menneske|mennesker|person|medarbejder|medarbejdere|medarbejderen|kundeservice|kundeservicen|kundeservicemedarbejder|kundeservicemedarbejdere|ansat|ansatte|leder|chef|nogen|agent|" +
	"ejen|manusia|orang|staf|pegawai|wakil|admin|pengurus|seseorang|kakitangan"

func personLexicon() lexicon {
	return lexicon{
		trigger:   PersonRequested,
		negatable: true,
		cues: []cues{
			{w: 0.9, p: []string{
				"talk|speak|chat|talking|speaking|chatting|converse|deal|communicate to|with ~3 " + personNouns,
				"transfer|connect|put|pass|forward|escalate|redirect|patch|route|hand|get me|us|this|it|my_case|the_chat|the_conversation ~2 to|with|through ~3 " + personNouns,
				"transfer|connect|escalate|forward to|with ~2 human|person|agent|operator|representative|staff|supervisor|manager|someone|somebody",
				"need|want|prefer|like ~1 a|an|some|real|actual|live human|person|agent|operator|representative|humans|people",
				"real|actual|live|living|proper ?live human|person|agent|people|humans|being|rep|representative",
				"human|live agent|rep|representative|operator|support|being",
				"^human|person|agent|representative|operator|someone|somebody|rep|humans|agents$",
				"human|person|agent|operator|representative|someone|somebody|humans please|pls|plz|now|asap",
				"get|give|bring|find|fetch|need|want|call me ?a|an|some|your ?real|actual|live human|person|agent|operator|representative|supervisor|manager",
				"someone|somebody|anyone|person from ~2 support|team|customer_service|staff|your_company|you",
				"can|could|would|will a|an|some ?real|actual|live human|person|agent|someone|somebody ~3 read|look|check|call|contact|help|reply|answer|respond",
				"is there ?a|an|any ?real|actual|live human|person|agent|someone|somebody",
				"human|person|agent|someone|somebody|staff|operator|representative ~2 available|around|online",
				"callback|call_back|ring_back ~3 from ~2 " + personNouns,
				"have|get|ask|can|could ~1 a|an|one|someone|somebody|member|your ~4 call|contact|ring|phone|email|text me|us",
				"member|members of ~2 staff|team|your_team|support|customer_service",
				"one of your ~1 staff|team|agents|people|colleagues|employees",
				// Danish
				"tale|snakke|chatte|skrive|snak|tal|kontakt med ~3 " + personNouns,
				"fat i ~3 " + personNouns,
				"stil|stille|stilles|sætte|sæt ~1 mig|dig ?videre videre|igennem",
				"stilles|sendes|viderestilles videre|igennem|over",
				"viderestil*",
				"forbindelse med ~3 " + personNouns,
				"stil|stille|stilles|stillet|sæt|sætte ~1 om|videre|igennem til",
				"vil|ønsker|gerne|behøver|brug ~2 have|for ?et|en ?rigtigt|rigtig menneske|medarbejder|person",
				"nogen|en fra ~2 kundeservice|jer|jeres|teamet|kundeservicen ~3 kontakte|ringe|skrive|svare",
				"giv|få ~2 en|et ?rigtig|rigtigt medarbejder|menneske|person|kundeservicemedarbejder|leder|chef",
				"rigtig|rigtigt|levende|ægte|virkelig menneske|person|medarbejder|mennesker",
				"^menneske|medarbejder|kundeservice$",
				"menneske|medarbejder|person tak",
				"en|et|nogen ?rigtig|rigtigt medarbejder|menneske|person ~2 ringe|kontakte|skrive|svare|kigge|se|hjælpe",
				"få ~2 person|menneske|medarbejder til",
				// Malay
				"cakap|bercakap|ckp|berbual|sembang|borak|chat|jumpa|berjumpa|bincang ~3 " + personNouns,
				"sambungkan|hubungkan|sambung|hubung|pindahkan|transfer|panggil|call ~4 " + personNouns,
				"orang|manusia sebenar|betul|real|sungguhan",
				"ejen|agen manusia|sebenar",
				"^ejen|manusia|staf|admin$",
				"ejen|manusia|staf|admin please|pls|tolong",
				"nak|mahu|mau|hendak|perlukan|perlu|want manusia|ejen|staf|orang_betul|orang_sebenar|real_person",
				"pegawai|ejen|staf|wakil|kakitangan|admin ~3 hubungi|telefon|call|contact|balas ~1 saya|i|sy",
				// Chinese
				"转|轉 ~1 人工|真人|专人|專人|客服",
				"人工客服|人工服务|人工服務|真人客服|真人服务|真人服務|人工坐席|人工台",
				"转接|轉接 ~2 人工|真人|客服|专人|專人|工作人员|工作人員|主管|经理|經理",
				"要|找|接|请|請|叫 人工|真人|专人|專人|活人",
				"找|要|跟|和|与|與|同|请|請|让|讓|叫|换|換|接 ~1 真人|专人|專人|客服|人工",
				"^人工|真人|客服|转人工|轉人工$",
				"有没有|有沒有 ~1 真人|人工|活人|专人|專人",
				"有 ~1 真人|活人|专人|專人",
				"安排 ~2 客服|人工|真人|专人|專人|工作人员|工作人員|客服人员|客服人員",
				"客服|人工|真人|专人|專人 ~2 联系我|聯絡我|联络我|聯繫我|打给我|打給我|回电|回電|回复我|回覆我",
				"人工|真人|客服 在吗|在嗎|在不在|在么|在嘛",
				"活人",
				"找|接|叫|请|請 ~2 经理|經理|主管|领导|領導|负责人|負責人",
				"找|换|換|叫 ~1 个人|個人|人 来|來|跟|和|同",
				"换人|換人|换个人|換個人",
				"工作人员|工作人員|客服人员|客服人員|专员|專員 ~3 联系|聯絡|联络|聯繫|回复|回覆|处理|處理|打电话|打電話",
			}},
			{w: 0.7, p: []string{
				// A request word near a word for a person.
				"reach|contact|phone|call|escalate|talk|speak|chat|word|through|need|want|help_from ~4 human|humans|agent|agents|employee|employees|staff|rep|representative|supervisor|manager|operator|customer_service|customer_support|support_team|your_team",
				"human|humans|agent|agents|employee|staff|rep|representative|supervisor|manager|operator|someone|somebody ~3 phone|call|contact|ring|email|reply|answer|available|online ~1 me|now|please|pls",
				"联系|聯繫|联络|聯絡|找|要|请|請 ~4 工作人员|工作人員|客服人员|客服人員|专员|專員|人工|真人",
				"manusia|ejen|staf|pegawai|admin ~2 balas|jawab|hubungi|call|telefon|tolong",
				"bantuan ~2 daripada|dari|drp ~2 ejen|manusia|staf|pegawai|orang_sebenar",
				"not|rather_than|instead_of ?a|an|the|this ?automated|stupid bot|robot|machine|ai|chatbot|automated|automatic",
				"dont|do_not|not want ~4 bot|robot|machine|chatbot|ai|automated",
				"anyone|anybody|someone|somebody ~2 there|real|alive",
				"ikke ~3 robot|bot|chatbot|maskine|robotten",
				"er der nogen ?her|derude$",
				"tak|tidak|tak_nak|tidak_mahu|taknak ~1 bot|robot|mesin",
				"ada orang tak|ke ?kat|dekat|di ?sini|situ$",
				"不要|不想|不用 ~2 机器人|機器人|ai|bot",
				"要|想 找人",
				"机器人|機器人 ~1 吗|嗎|么 ~2 人工|真人",
			}},
		},
		clauseVetoes: []string{
			"spoke|talked|chatted|spoken|yesterday|told_me|they_said|he_said|she_said|last_week|earlier_today",
			"talte|snakkede|chattede|har_talt|har_snakket|i_går|sagde",
			"聊过|聊過|说过|說過|谈过|談過|问过|問過|昨天|之前|刚才|剛才",
			"semalam|dah_cakap|sudah_cakap|telah_bercakap|pernah|tadi",
		},
		vetoes: []string{
			"human resources|resource|rights|body|error|nature|race|hair",
			"real estate ~1 agent|agents",
			"delivery|shipping|courier|travel|estate|insurance|sales|customs|forwarding|booking|letting|secret|user agent|agents",
			"sumber manusia",
			"ejen penghantaran|pos|kurier|courier|jualan|insurans|pelancongan",
			"人工费|人工費|人工智能|人工智慧|人工皮|人工革|人工合成|人工成本|人工湖|人工草",
			"人力资源|人力資源|人资|人資",
			"请问|請問",
			"真人秀|真人版|真皮",
		},
	}
}
