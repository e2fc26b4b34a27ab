package main

// Held-out messages: written apart from the main templates and never used
// while the redactor was tuned, so that the held-out set shows how it
// does on wording it has not seen.
var holdoutTemplates = map[string][]string{
	"en": {
		"Hey, it's {NAME}. I need to change the delivery for {ORDER} to {ADDR}, thanks.",
		"Account holder: {NAME}\nAccount: {IBAN}\nReference: {INVOICE}",
		"Could {NAME2} sign for the parcel if I'm not home? She'll be there until {TIME}.",
		"I got a text from {PHONE} claiming to be you, asking for my card {CARD}. Is this a scam?",
		"Please note my new email {EMAIL} and mobile {PHONE}. Old order {ORDER} can be ignored.",
		"The courier left a note for {HON} but I live at {ADDR}.",
		"I was born {DOB}. Why does the age check fail on version {VERSION}?",
		"Wire transfer from {IBAN} for {PRICE}, invoice {INVOICE}. SSN for the tax form: {SSN}.",
		"My NI number {NINO} was rejected by the finance form, order {ORDER}.",
		"Cheers,\n{NAME}\nSent from my phone",
	},
	"da": {
		"Hej! Det er {NAME}. Kan I ændre leveringsadressen for ordre {ORDER} til {ADDR}?",
		"Kontoindehaver: {NAME}\nKonto: {IBAN}",
		"Må min nabo {NAME2} kvittere for pakken {TRACK}?",
		"Ring gerne på {PHONE}, jeg har fri fra {TIME}. CPR {CPR}, hvis I skal bruge det.",
		"Jeg fik en sms fra {PHONE} om et gebyr på {PRICE}. Er det jer?",
		"Fødselsdag: {DOB}\nE-mail: {EMAIL}",
		"Vh\n{NAME}",
		"Jeg har boet på {ADDR} siden {DATE}, men faktura {INVOICE} er sendt til en gammel adresse.",
	},
	"ms": {
		"Assalamualaikum, saya {NAME}. Boleh tukar alamat pesanan {ORDER} ke {ADDR}?",
		"Pemegang akaun: {NAME}\nNo. akaun: {IBAN}",
		"Jiran saya {NAME2} boleh terima bungkusan {TRACK}.",
		"Saya terima SMS dari {PHONE} minta bayaran {PRICE}. Adakah ini penipuan?",
		"Emel baru saya {EMAIL}, telefon {PHONE}.",
		"Tarikh lahir: {DOB}\nNo. KP: {NRIC}",
		"Sekian, terima kasih.\n{NAME}",
		"Saya tinggal di {ADDR} sejak {DATE}.",
	},
	"zh": {
		"您好，我是{NAME}，想把订单{ORDER}的地址改成{ADDR}。",
		"账户名：{NAME}\n账号：{IBAN}",
		"我邻居{NAME2}可以帮我签收包裹{TRACK}吗？",
		"我收到{PHONE}发来的短信，说要付{PRICE}，是你们吗？",
		"新邮箱{EMAIL}，新手机{PHONE}。",
		"出生日期：{DOB}\n身份证：{CNID}",
		"此致\n{NAME}",
		"我从{DATE}起住在{ADDR}。",
	},
}
