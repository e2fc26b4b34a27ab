package triage

func accessLexicon() lexicon {
	return lexicon{
		trigger:   DataAccessRequest,
		negatable: true,
		cues: []cues{
			{w: 0.9, p: []string{
				"subject_access|data_subject_access|data_subject request|requests|rights",
				"article|art 15|20",
				"data portability|portability",
				"copy|copies|export|download|printout ~3 of ~4 data|information|info|personal_data|details|everything_you",
				"copy|export ~2 my|personal data|information|details",
				"what|which data|information|info|details ~4 have|hold|store|keep|collected|process|stored ~3 about|on|of me",
				"data|information|info|details|everything ~2 you|u ~1 have|hold|store|keep|collected|stored ~2 about|on me",
				"stored|held|kept on|about me",
				"what ~2 you|u ~1 know|have|hold|store|keep ~2 about|on me",
				"what ~4 youve|you_have|you_ve|uve|youve_got|you_got ~1 got|collected|stored|kept|on|about ~1 on|about|me",
				"indsigt ~3 oplysninger|data|personoplysninger|persondata",
				"indsigtsanmodning|indsigtsbegæring|dataportabilitet",
				"artikel 15|20",
				"kopi ~4 oplysninger|data|personoplysninger|persondata",
				"hvilke data|oplysninger|personoplysninger ~5 om mig",
				"data|oplysninger|personoplysninger|persondata ~3 om mig",
				"一份|副本|拷贝|拷貝|查看|查阅|查閱|查询|查詢|导出|導出|调取|調取|获取|獲取|索取|下载|下載 ~8 个人数据|個人數據|个人资料|個人資料|个人信息|個人信息|个资|個資|我的数据|我的資料|我的资料",
				"资料|資料|数据|數據|信息 副本",
				"个人信息|個人信息|个人数据|個人數據|个人资料|個人資料|个资|個資 ~2 发给我|發給我|给我|給我|寄给我|寄給我",
				"存了|保存了|保存|存|掌握了 ~1 我 ~2 哪些|什么|什麼 ~1 信息|资料|資料|数据|數據",
				"salinan ~4 data|maklumat",
				"data|maklumat ~6 tentang|mengenai saya|sy",
				"akses kepada ~3 data|maklumat",
				// Records held about the customer, and the law that gives access.
				"records|record|data|information|info|details|everything|files|file ~4 you|u|your_company|your_systems ~1 keep|hold|have|store|process|collected|processed|retain|kept|held ~2 on|about|of me",
				"see|view|access|review|obtain|receive ~3 every|all|the|any ~2 record|records|data|information|info|details|files ~4 keep|hold|have|store|stored|process|retain",
				"access to ~4 records|data|information|info|details|files|everything ~4 about|on|hold|have|keep|store|of_mine",
				"information|data|details|records ~3 on_file|on_record ~2 about|for|on ?me",
				"right of|to access",
				"dsar|sar",
				"data protection ~3 access|request|rights|copy|see",
				"indsigt ~3 gdpr|databeskyttelse*|persondataloven|mine|oplysninger|data|efter",
				"anmoder|anmode|ønsker|beder|kræver ~2 om ~1 indsigt|kopi|udskrift",
				"hvad ~1 ved|har|gemmer|opbevarer|registrerer ~2 om|på mig",
				"udskrift|kopi|oversigt ~5 oplysninger|data|alt|mig",
				"se ~1 mine|mit|de|alle|hvilke ~1 oplysninger|data|personoplysninger|persondata",
				"hvad|hvilke ~4 gemt|registreret|opbevaret|registrerer|gemmer ~3 oplysninger|data|om_mig|på_mig",
				"关于我|關於我|有关我|有關我 ~3 资料|資料|数据|數據|信息|資訊|记录|記錄",
				"你们|你們|你哋|贵公司|貴公司 ~4 保存|储存|儲存|存储|收集|记录|記錄|掌握|持有|有 ~4 我 ~4 资料|資料|数据|數據|信息|資訊|记录|記錄",
				"查看|查阅|查閱|调阅|調閱|索取|获取|獲取|导出|導出|匯出|汇出 ~6 我 ~6 资料|資料|数据|數據|信息|資訊",
				"maklumat|data|rekod ~3 saya|sy ~4 simpan|kumpul|pegang|disimpan|dikumpul|simpen",
				"data|maklumat|rekod ~4 kumpul|simpan|ada|pegang|disimpan ~2 pasal|tentang|mengenai saya|sy",
				"minta|nak|mahu|hantar|bagi|dapatkan|lihat|tengok ~3 rekod|data|maklumat peribadi",
				"akses ~3 data|maklumat|rekod ~2 peribadi|saya",
			}},
			{w: 0.4, p: []string{
				"personal data|information",
				"gdpr|pdpa|data_protection|databeskyttelsesloven|databeskyttelsesforordningen|persondataloven|个人信息保护法|個人資料保護法|個資法|私隱條例|akta_perlindungan_data",
				"personoplysninger|persondata",
				"个人数据|個人數據|个人资料|個人資料|个人信息|個人信息|个资|個資",
				"data|maklumat peribadi",
			}},
		},
		vetoes: []string{
			"invoice|invoices|receipt|faktura|fakturaen|kvittering|发票|發票|invois|resit",
			"card number|details",
		},
		// Asking for data to be deleted is an erasure request, not access.
		clauseVetoes: []string{
			retentionQuestion, retentionQuestionZH,
			"slet|slette|sletter|slettet|fjern|fjerne|padam|padamkan|dipadam|dipadamkan|hapus|hapuskan|buang|delete|deleted|erase|erased|wipe|wiped|删除|刪除|删掉|刪掉|清除|注销|註銷",
		},
	}
}

// retentionQuestion asks how long data is kept: a question about the
// privacy policy, not a request.
const retentionQuestion = "how_long|hvor_længe|berapa_lama|多久|多长时间|多長時間|幾耐|几耐|幾長時間 ~4 keep|store|retain|hold|kept|stored|gemmer|opbevarer|beholder|gemt|simpan|disimpan|保存|保留|储存|儲存|存"

// retentionQuestionZH is retentionQuestion in Chinese word order.
const retentionQuestionZH = "保存|保留|储存|儲存|存|留|留着|留著 ~6 多久|多长时间|多長時間|幾耐|几耐|幾長時間|吗|嗎|唔|冇"

// afterDeletion asks what happens once an account is deleted: a question
// about the policy, not a request to delete.
const afterDeletion = "删除|刪除|删掉|刪掉|注销|註銷|销户|銷戶|delete|deleted|close|closed|slet|sletter|lukker|padam|tutup ~2 ?account|konto|akaun|账号|帳號|账户|帳戶 之后|之後|以后|以後|后|後|after|afterwards|bagaimana|nanti"

// afterDeletionEN is afterDeletion in the word order of the other
// languages: "after I delete my account ...".
const afterDeletionEN = "after|once|if|when|efter|når|hvis|lepas|selepas|kalau|bila ~3 delete|deleting|deleted|close|closing|slet|sletter|lukker|padam|tutup ~3 account|konto|kontoen|akaun"

func erasureLexicon() lexicon {
	return lexicon{
		trigger:   DataErasureRequest,
		negatable: true,
		cues: []cues{
			{w: 0.9, p: []string{
				"delete|erase|remove|wipe|purge|close|deactivate|cancel ~2 my|our|the|his|her|their account|accounts|profile",
				"delete|erase|remove|wipe|purge ~3 my|all|personal data|details|information|info|email|records|history|everything",
				"erase|wipe|purge|scrub ~2 me",
				"right to be_forgotten|erasure",
				"forget me",
				"remove|delete ~4 from ~2 your systems|system|database|databases|records|files|servers",
				"account|data|information|info|details ~2 deleted|erased|removed|wiped",
				"account ~1 closed|deleted",
				"slet|slette|sletter|sletning|fjern|fjerne|luk|lukke|nedlæg ~3 konto|kontoen|profil|profilen|data|oplysninger|personoplysninger|persondata|email|mailadresse",
				"slet|slette mig",
				"konto|kontoen|data|oplysninger|personoplysninger|persondata ~2 slettet|slettes|fjernet|fjernes",
				"blive slettet|glemt|fjernet",
				"retten til at_blive_glemt|sletning",
				"删除|刪除|注销|註銷|销户|銷戶|清除|关闭|關閉|删掉|刪掉 ~3 账户|賬戶|帳戶|帳號|账号|賬號|数据|數據|资料|資料|信息|个资|個資|记录|記錄",
				"被遗忘权|被遺忘權",
				"个人信息|個人信息|个人数据|個人數據|个人资料|個人資料|数据|數據|资料|資料|账户|賬戶|帳戶|帳號|账号|个资|個資 ~3 删除|刪除|删掉|刪掉|注销|註銷|清除",
				"padam|padamkan|hapus|hapuskan|buang|tutup|batalkan ~3 akaun|data|maklumat|emel",
				"data|maklumat|akaun ~3 dipadam|dipadamkan|dihapus|dihapuskan|ditutup",
				// Withdrawn consent, and everything about the customer.
				"withdraw|withdrawing|withdrew|revoke|revoking ~3 consent|permission",
				"no longer ~1 consent|agree",
				"get_rid_of|remove|delete|erase|wipe|purge ~3 everything|anything|all|any ~3 about|on|of me",
				"get_rid_of|remove|delete|erase|wipe ~2 my|all|personal|any ~2 data|details|information|info|records|traces",
				"traces of me",
				"forget ~3 everything|all ~3 about me",
				"shut_down|shut|terminate|close_down ~2 my|our|the account|accounts|profile",
				"remove|delete|take|erase ~2 me|my_details|my_email ~2 from ~3 database|databases|system|systems|records|register|files|servers",
				"trække|trækker|tilbagekalde|tilbagekalder ~3 samtykke|samtykket",
				"slet|slette|fjern|fjerne ~2 alt|alle|mig|hvad|alting ~4 om|på mig",
				"fjern|fjerne|slet|slette ~1 mig fra ~3 database|databasen|system|systemer|systemet|register|kartotek",
				"ikke ~3 gemme|opbevare|beholde ~3 data|oplysninger|personoplysninger|mine",
				"撤回 ~2 授权|授權|同意",
				"删掉|刪掉|删除|刪除|清除|清空|删走|刪走|清走 ~6 我的|我嘅|个人|個人|所有|全部|关于我|關於我 ~3 信息|資訊|資料|资料|数据|數據|记录|記錄|个资|個資",
				"我的|我嘅|个人|個人 ~4 信息|資訊|資料|资料|数据|數據|记录|記錄 ~4 清空|删除|刪除|删掉|刪掉|清除|刪走|删走|清走",
				"从|從|由 ~4 系统|系統|数据库|數據庫|资料库|資料庫 ~4 删除|刪除|删掉|刪掉|清除|刪走|删走|移除",
				"销户|銷戶|注销账户|註銷帳戶|注销账号|註銷帳號",
				"取消|关闭|關閉|注销|註銷 ~3 帳戶|账户|賬戶|帳號|账号|賬號|會員帳戶|会员账户",
				"不要再|唔好再|别再|別再 ~2 保存|保留|储存|儲存|存 ~3 资料|資料|数据|數據|信息|資訊",
				"tarik balik ~2 persetujuan|kebenaran",
				"padam|padamkan|hapus|hapuskan|buang|delete|remove ~3 semua|segala ~2 data|maklumat|rekod|akaun|info",
				"padam|padamkan|hapuskan semua|segala",
				"padam|padamkan|hapus|hapuskan|buang|delete|remove ~2 rekod|akaun|account",
				"jangan ~1 simpan ~3 data|maklumat|rekod",
			}},
		},
		clauseVetoes: []string{retentionQuestion, retentionQuestionZH, afterDeletion, afterDeletionEN},
		vetoes: []string{
			"remove|delete|slet|fjern|padam|删除|刪除 ~3 address|adresse|alamat|地址|item|items|card|kort|kad|cart|basket|kurv|troli|购物车|購物車|code|kode|kod",
			"from ~2 basket|cart|kurv|troli|order|wishlist",
			"saved|old|gamle|lama card|address|adresse|alamat",
			"close|luk|lukke|tutup ~2 the_chat|chatten|chat|window|vinduet",
			"删除|刪除|删掉|刪掉|清空|清除|移除 ~6 购物车|購物車|信用卡|银行卡|銀行卡|地址|订单|訂單|商品|卡|付款方式|支付方式",
			"购物车|購物車|信用卡|地址 ~3 删除|刪除",
			// A saved or old address or card: "删除账户里保存的旧地址".
			"删除|刪除|删掉|刪掉|清除|移除 ~10 保存的|保存嘅|储存的|儲存的|儲存咗嘅|存的|存咗嘅|旧|舊 ~2 地址|卡|信用卡",
			// A saved delivery address removed, however far the words
			// of removing stand from it.
			"删除|刪除|删掉|刪掉|清除|移除 ~12 收货地址|收貨地址|送货地址|送貨地址",
		},
	}
}
