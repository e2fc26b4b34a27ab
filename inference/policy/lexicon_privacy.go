package policy

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
			}},
			{w: 0.4, p: []string{
				"personal data|information",
				"gdpr|pdpa",
				"personoplysninger|persondata",
				"个人数据|個人數據|个人资料|個人資料|个人信息|個人信息|个资|個資",
				"data|maklumat peribadi",
			}},
		},
		vetoes: []string{
			"invoice|invoices|receipt|faktura|fakturaen|kvittering|发票|發票|invois|resit",
			"card number|details",
		},
	}
}

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
			}},
		},
		vetoes: []string{
			"remove|delete|slet|fjern|padam|删除|刪除 ~3 address|adresse|alamat|地址|item|items|card|kort|kad|cart|basket|kurv|troli|购物车|購物車|code|kode|kod",
			"from ~2 basket|cart|kurv|troli|order|wishlist",
			"saved|old|gamle|lama card|address|adresse|alamat",
			"close|luk|lukke|tutup ~2 the_chat|chatten|chat|window|vinduet",
		},
	}
}
