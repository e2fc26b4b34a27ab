package inference

import "github.com/hushdesk/hushdesk/retrieval"

// text holds the sentences the assistant says itself, in each language.
type text struct {
	disclosure, abstain, extractiveIntro, interrupted, awaiting, languageName string
}

var texts = map[string]text{
	retrieval.English: {
		awaiting:        "Your message has been passed on to our team; a person will reply here.",
		disclosure:      "You are talking to an AI assistant. Its answers are generated automatically from our help centre and can contain mistakes. You can ask for a person at any time.",
		abstain:         "I'm sorry, I couldn't find an answer to that in our help centre, and I don't want to guess. Would you like to talk to a person?",
		extractiveIntro: "Here is what our help centre says:",
		interrupted:     "The assistant was interrupted, so here is the most relevant part of our help centre instead:",
		languageName:    "English",
	},
	retrieval.Danish: {
		awaiting:        "Din besked er givet videre til vores kundeservice; en medarbejder svarer dig her.",
		disclosure:      "Du skriver med en AI-assistent. Svarene laves automatisk ud fra vores hjælpecenter og kan indeholde fejl. Du kan altid bede om at tale med et menneske.",
		abstain:         "Beklager, jeg kunne ikke finde svaret i vores hjælpecenter, og jeg vil ikke gætte. Vil du tale med en medarbejder?",
		extractiveIntro: "Her er, hvad vores hjælpecenter siger:",
		interrupted:     "Assistenten blev afbrudt, så her er det mest relevante fra vores hjælpecenter i stedet:",
		languageName:    "Danish",
	},
	retrieval.ChineseSimplified: {
		awaiting:        "您的留言已转交给我们的团队，工作人员会在这里回复您。",
		disclosure:      "您正在与 AI 助手对话。回答由系统根据我们的帮助中心自动生成，可能有误。您可以随时要求转人工客服。",
		abstain:         "抱歉，我在帮助中心里没有找到这个问题的答案，不想随意猜测。需要为您转接人工客服吗？",
		extractiveIntro: "以下是帮助中心的相关内容：",
		interrupted:     "助手的回答中断了，以下是帮助中心里最相关的内容：",
		languageName:    "Simplified Chinese",
	},
	retrieval.ChineseTraditional: {
		awaiting:        "您的留言已轉交給我們的團隊，工作人員會在這裡回覆您。",
		disclosure:      "您正在與 AI 助理對話。回覆由系統根據我們的說明中心自動產生，可能有誤。您可以隨時要求轉接真人客服。",
		abstain:         "抱歉，我在說明中心裡找不到這個問題的答案，不想隨意猜測。需要為您轉接真人客服嗎？",
		extractiveIntro: "以下是說明中心的相關內容：",
		interrupted:     "助理的回覆中斷了，以下是說明中心裡最相關的內容：",
		languageName:    "Traditional Chinese",
	},
	retrieval.Malay: {
		awaiting:        "Mesej anda telah disampaikan kepada pasukan kami; kakitangan kami akan membalas di sini.",
		disclosure:      "Anda sedang berbual dengan pembantu AI. Jawapannya dijana secara automatik daripada pusat bantuan kami dan mungkin mengandungi kesilapan. Anda boleh meminta untuk bercakap dengan ejen pada bila-bila masa.",
		abstain:         "Maaf, saya tidak menemui jawapan untuk soalan itu di pusat bantuan kami dan saya tidak mahu meneka. Adakah anda ingin bercakap dengan ejen?",
		extractiveIntro: "Berikut ialah maklumat daripada pusat bantuan kami:",
		interrupted:     "Pembantu terganggu, jadi berikut ialah bahagian pusat bantuan kami yang paling berkaitan:",
		languageName:    "Malay",
	},
}

// textFor returns the sentences for a language, English when unknown.
func textFor(lang string) text {
	if t, ok := texts[lang]; ok {
		return t
	}
	return texts[retrieval.English]
}

// Disclosure returns the AI disclosure shown to customers in a language.
func Disclosure(lang string) string { return textFor(lang).disclosure }
