package policy

import "strings"

// customerMessages are the sentences the customer sees when a trigger
// fires, by language and trigger.
var customerMessages = map[string]map[Trigger]string{
	"en": {
		PersonRequested:    "Of course. I'm passing you to a person on our support team. They will see this conversation and reply here.",
		Anger:              "I'm sorry this has been so frustrating. I'm passing you to a person on our support team, who will see this conversation and reply here.",
		Complaint:          "I'm sorry to hear that. I'm passing your complaint to a person on our support team, who will see this conversation and reply here.",
		LegalThreat:        "I understand. I'm passing this conversation to a person on our team, who will reply here.",
		SelfHarm:           "I'm really sorry you're going through this, and I'm glad you told us. Please reach out for help now: if you are in danger, call your local emergency number (112 in the EU, 999 in the UK and Malaysia), or talk to someone you trust. I'm also asking a person on our team to reply to you here.",
		Bereavement:        "I'm very sorry for your loss. I'm passing you to a person on our team who will help you with this and reply here.",
		FinancialHardship:  "Thank you for telling us. I'm passing you to a person on our team who can look at the options with you and will reply here.",
		Health:             "Thank you for telling us. I'm passing you to a person on our team who will help you and reply here.",
		DataAccessRequest:  "Requests for a copy of your personal data are handled by our privacy team. I've passed your request to them, and they will confirm it with you.",
		DataErasureRequest: "Requests to delete your account and personal data are handled by our privacy team. I've passed your request to them, and they will confirm it with you.",
		PromptInjection:    "Sorry, I can't follow instructions like that. I can only answer questions about our products and services.",
		RepeatedFailure:    "I'm sorry I haven't been able to help. I'm passing you to a person on our support team, who will see this conversation and reply here.",
	},
	"da": {
		PersonRequested:    "Selvfølgelig. Jeg sender dig videre til en medarbejder i vores kundeservice. De kan se samtalen og svarer dig her.",
		Anger:              "Jeg beklager, at det har været så frustrerende. Jeg sender dig videre til en medarbejder i vores kundeservice, som kan se samtalen og svarer dig her.",
		Complaint:          "Det er jeg ked af at høre. Jeg giver din klage videre til en medarbejder i vores kundeservice, som kan se samtalen og svarer dig her.",
		LegalThreat:        "Det forstår jeg. Jeg sender samtalen videre til en medarbejder, som svarer dig her.",
		SelfHarm:           "Jeg er virkelig ked af, at du har det sådan, og godt at du siger det. Søg hjælp nu: er du i fare, så ring 112. Du kan også ringe til Livslinien på 70 201 201 eller tale med en, du stoler på. Jeg beder også en medarbejder om at svare dig her.",
		Bereavement:        "Jeg er meget ked af dit tab. Jeg sender dig videre til en medarbejder, som hjælper dig med det og svarer dig her.",
		FinancialHardship:  "Tak fordi du fortæller det. Jeg sender dig videre til en medarbejder, som kan se på mulighederne sammen med dig og svarer dig her.",
		Health:             "Tak fordi du fortæller det. Jeg sender dig videre til en medarbejder, som hjælper dig og svarer dig her.",
		DataAccessRequest:  "Anmodninger om en kopi af dine personoplysninger behandles af vores privatlivsteam. Jeg har sendt din anmodning videre til dem, og de bekræfter den over for dig.",
		DataErasureRequest: "Anmodninger om at slette din konto og dine personoplysninger behandles af vores privatlivsteam. Jeg har sendt din anmodning videre til dem, og de bekræfter den over for dig.",
		PromptInjection:    "Beklager, den slags instruktioner kan jeg ikke følge. Jeg kan kun svare på spørgsmål om vores varer og service.",
		RepeatedFailure:    "Beklager, at jeg ikke har kunnet hjælpe. Jeg sender dig videre til en medarbejder i vores kundeservice, som kan se samtalen og svarer dig her.",
	},
	"zh-Hans": {
		PersonRequested:    "好的，我正在为您转接人工客服。客服人员会看到这段对话，并在这里回复您。",
		Anger:              "很抱歉给您带来这么多困扰。我正在为您转接人工客服，客服人员会看到这段对话，并在这里回复您。",
		Complaint:          "很抱歉听到这些。我会把您的投诉转交给人工客服，客服人员会看到这段对话，并在这里回复您。",
		LegalThreat:        "明白。我正在把这段对话转交给工作人员，他们会在这里回复您。",
		SelfHarm:           "听到您这么难受，我真的很难过，谢谢您愿意说出来。请现在就寻求帮助：如果您有危险，请立即拨打 120 或 110，或者联系您信任的人。我也会请工作人员在这里回复您。",
		Bereavement:        "请节哀，对您的失去深表遗憾。我正在为您转接工作人员，他们会协助您处理，并在这里回复您。",
		FinancialHardship:  "谢谢您告诉我们。我正在为您转接工作人员，他们会和您一起看看有哪些办法，并在这里回复您。",
		Health:             "谢谢您告诉我们。我正在为您转接工作人员，他们会协助您，并在这里回复您。",
		DataAccessRequest:  "获取个人数据副本的请求由我们的隐私团队处理。我已把您的请求转交给他们，他们会与您确认。",
		DataErasureRequest: "删除账户和个人数据的请求由我们的隐私团队处理。我已把您的请求转交给他们，他们会与您确认。",
		PromptInjection:    "抱歉，我不能执行这类指令。我只能回答关于我们的商品和服务的问题。",
		RepeatedFailure:    "很抱歉没能帮到您。我正在为您转接人工客服，客服人员会看到这段对话，并在这里回复您。",
	},
	"zh-Hant": {
		PersonRequested:    "好的，我正在為您轉接真人客服。客服人員會看到這段對話，並在這裡回覆您。",
		Anger:              "很抱歉造成您這麼多困擾。我正在為您轉接真人客服，客服人員會看到這段對話，並在這裡回覆您。",
		Complaint:          "很遺憾聽到這些。我會把您的客訴轉交給真人客服，客服人員會看到這段對話，並在這裡回覆您。",
		LegalThreat:        "了解。我正在把這段對話轉交給工作人員，他們會在這裡回覆您。",
		SelfHarm:           "聽到您這麼難受，我真的很難過，謝謝您願意說出來。請現在就尋求協助：如果您有危險，請立即撥打 119（台灣）或 999（香港），也可以撥打安心專線 1925，或聯絡您信任的人。我也會請工作人員在這裡回覆您。",
		Bereavement:        "請節哀，對您的失去深感遺憾。我正在為您轉接工作人員，他們會協助您處理，並在這裡回覆您。",
		FinancialHardship:  "謝謝您告訴我們。我正在為您轉接工作人員，他們會和您一起看看有哪些辦法，並在這裡回覆您。",
		Health:             "謝謝您告訴我們。我正在為您轉接工作人員，他們會協助您，並在這裡回覆您。",
		DataAccessRequest:  "索取個人資料副本的請求由我們的隱私團隊處理。我已把您的請求轉交給他們，他們會與您確認。",
		DataErasureRequest: "刪除帳戶和個人資料的請求由我們的隱私團隊處理。我已把您的請求轉交給他們，他們會與您確認。",
		PromptInjection:    "抱歉，我無法執行這類指令。我只能回答關於我們的商品和服務的問題。",
		RepeatedFailure:    "很抱歉沒能幫上忙。我正在為您轉接真人客服，客服人員會看到這段對話，並在這裡回覆您。",
	},
	"ms": {
		PersonRequested:    "Baiklah. Saya sedang menghubungkan anda dengan ejen khidmat pelanggan kami. Mereka dapat melihat perbualan ini dan akan membalas di sini.",
		Anger:              "Saya mohon maaf kerana perkara ini begitu mengecewakan. Saya sedang menghubungkan anda dengan ejen khidmat pelanggan kami, yang dapat melihat perbualan ini dan akan membalas di sini.",
		Complaint:          "Saya kesal mendengarnya. Saya sedang menyerahkan aduan anda kepada ejen khidmat pelanggan kami, yang dapat melihat perbualan ini dan akan membalas di sini.",
		LegalThreat:        "Saya faham. Saya sedang menyerahkan perbualan ini kepada kakitangan kami, yang akan membalas di sini.",
		SelfHarm:           "Saya sangat sedih mendengar anda melalui perkara ini, dan terima kasih kerana memberitahu kami. Sila dapatkan bantuan sekarang: jika anda dalam bahaya, hubungi 999, atau hubungi Befrienders di 03-7627 2929, atau bercakap dengan seseorang yang anda percayai. Saya juga meminta kakitangan kami membalas anda di sini.",
		Bereavement:        "Takziah atas kehilangan anda. Saya sedang menghubungkan anda dengan kakitangan kami yang akan membantu anda dan membalas di sini.",
		FinancialHardship:  "Terima kasih kerana memberitahu kami. Saya sedang menghubungkan anda dengan kakitangan kami yang boleh meneliti pilihan bersama anda dan akan membalas di sini.",
		Health:             "Terima kasih kerana memberitahu kami. Saya sedang menghubungkan anda dengan kakitangan kami yang akan membantu anda dan membalas di sini.",
		DataAccessRequest:  "Permintaan untuk mendapatkan salinan data peribadi anda dikendalikan oleh pasukan privasi kami. Saya telah menyerahkan permintaan anda kepada mereka, dan mereka akan mengesahkannya dengan anda.",
		DataErasureRequest: "Permintaan untuk memadam akaun dan data peribadi anda dikendalikan oleh pasukan privasi kami. Saya telah menyerahkan permintaan anda kepada mereka, dan mereka akan mengesahkannya dengan anda.",
		PromptInjection:    "Maaf, saya tidak boleh mengikut arahan seperti itu. Saya hanya boleh menjawab soalan tentang produk dan perkhidmatan kami.",
		RepeatedFailure:    "Maaf kerana saya tidak dapat membantu. Saya sedang menghubungkan anda dengan ejen khidmat pelanggan kami, yang dapat melihat perbualan ini dan akan membalas di sini.",
	},
}

// CustomerMessage returns the sentence shown to the customer when a
// trigger fires, in their language (en, da, zh-Hans, zh-Hant or ms;
// English otherwise). For an unknown trigger it returns the hand-off
// sentence for a person request.
func CustomerMessage(t Trigger, lang string) string {
	msgs := customerMessages[messageLang(lang)]
	if m, ok := msgs[t]; ok {
		return m
	}
	return msgs[PersonRequested]
}

// messageLang maps a language tag to one of the message languages.
func messageLang(lang string) string {
	l := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	switch {
	case l == "da" || strings.HasPrefix(l, "da-") || l == "nb" || l == "nn" || l == "no":
		return "da"
	case l == "ms" || strings.HasPrefix(l, "ms-") || l == "id":
		return "ms"
	case strings.HasPrefix(l, "zh"):
		if strings.Contains(l, "hant") || strings.HasSuffix(l, "-tw") || strings.HasSuffix(l, "-hk") || strings.HasSuffix(l, "-mo") {
			return "zh-Hant"
		}
		return "zh-Hans"
	}
	return "en"
}
