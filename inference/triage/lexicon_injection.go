package triage

func injectionLexicon() lexicon {
	return lexicon{
		trigger: PromptInjection,
		cues: []cues{
			{w: 0.95, p: []string{
				"ignore|disregard|forget|override|bypass|skip|drop ~3 previous|prior|above|earlier|preceding|all|your|the|system|those|any|original|initial ~2 instructions|instruction|rules|prompt|prompts|directions|guidelines|context|programming|constraints|directives",
				"disregard|ignore|forget everything|all ~1 above|before|previous|prior|earlier",
				"disregard|ignore the|everything above",
				"system prompt|prompts|instructions",
				"hidden|initial|secret|developer instructions|prompt",
				"developer|god|admin|debug|jailbreak|dan mode",
				"jailbreak|jailbroken|do_anything_now",
				"system|admin|developer override",
				"ignore|disregard|bypass|override ~2 safety|content|your ~1 rules|instructions|guidelines|restrictions|filters|policies|policy",
				"print|repeat|output|show|reveal|display|copy ~3 text|words|everything|content|lines above|before",
				"you_are|youre|u_are|you_re|ur|u_r now ~3 bot|assistant|ai|model|dan|developer|admin|unrestricted|unfiltered|jailbroken|free|mode|persona|character|gpt|chatgpt|llm|without|no_longer|a_refund_bot|evil",
				"ignorer|ignorér|glem|tilsidesæt|se_bort_fra ~3 tidligere|forrige|alle|dine|ovenstående|de|systemets ~2 instruktioner|instrukser|regler|prompt|beskeder|retningslinjer",
				"systemprompt*|systembesked",
				"dine|jeres instruktioner|instrukser",
				"du er nu ~3 bot|ai|assistent|uden|ubegrænset|fri|udvikler|admin|en_anden",
				"uden begrænsninger|regler|filtre",
				"ignorer|ignorér|glem|tilsidesæt ~2 alt|alting|alle ~1 ovenfor|ovenstående|før|tidligere|foregående",
				"忽略|无视|無視|忘记|忘記|忘掉|不要理会|不要理會|覆盖|覆蓋 ~6 指令|指示|提示|规则|規則|设定|設定|要求",
				"系统提示|系統提示|提示词|提示詞|系统指令|系統指令|系统设定|系統設定|系统消息|系統訊息",
				"开发者模式|開發者模式|越狱|越獄|上帝模式|没有任何限制|沒有任何限制|不受任何限制|没有限制|沒有限制|无限制|無限制|冇限制|冇任何限制",
				"由而家开始|由而家開始|从现在开始|從現在開始|从现在起|從現在起|由今日起 ~3 你",
				"abaikan|lupakan|ketepikan|abaikanlah ~3 arahan|peraturan|instruction|instructions|prompt|garis_panduan",
				"arahan|prompt sistem|system|tersembunyi",
				"anda|awak|kau|kamu|you sekarang|kini ~2 bot|ai|tanpa|pembantu|bukan",
				"tanpa peraturan|sekatan|had|batasan",
			}},
			{w: 0.7, p: []string{
				"pretend|pretending|imagine you|youre|to_be",
				"act|behave|respond as_if|as_though|like_you",
				"you_are|youre|u_are no_longer|not_a ~3 bot|assistant|support|ai|chatbot",
				"you_are|youre ~3 assistant|bot|ai|model|persona|character now",
				"from now on ~2 you|ur|youre|your|act|respond|answer|reply|pretend",
				"instructions from ~2 administrator|admin|developer|developers|openai|anthropic|management",
				"act|acting|behave|respond as|like ?my|an|a ~2 lawyer|grandmother|grandma|admin|administrator|developer|manager|ceo|bank|unfiltered|evil|ai",
				"roleplay|role_play|rollespil",
				"rp as",
				"ai|assistant|bot|model|chatbot|you ~3 without|with_no|no ~1 rules|restrictions|limits|filters|guidelines|censorship|limitations",
				"reply|respond|answer|say only with|yes|approved",
				"reveal|print|show|output|repeat|display|leak ~4 your|hidden|system|initial ~1 instructions|prompt|rules",
				"reveal|output|leak|dump|list ~3 customer_emails|other_customers|all_customers|all_customer|customer_data|database|other_users",
				"lad_som_om|lad_som_at|foregiv|opfør_dig_som",
				"spil rollen|rollen_som",
				"假装|假裝|扮演|角色扮演|假设你是|假設你是",
				"你现在是|你現在是|从现在开始你|從現在開始你|从现在起你|從現在起你",
				"berlakon|berpura|pura|main_peranan|anggap_awak|anggap_anda",
			}},
			{w: 0.4, p: []string{
				"you_are|youre|u_are now",
				"new|updated instructions|system_prompt",
				"play a game",
				"lets play",
				"without ~2 rules|restrictions|limits|filters|guidelines|censorship|limitations",
				"administrator|admin|sudo|root",
				"approve ~3 refund|discount|voucher",
			}},
		},
		vetoes: []string{
			"mailing|email|contact|marketing|wish|shopping list",
		},
	}
}

// markupCues are strings in the raw text that look like an attempt to
// fake a message from the system or the model. They are looked for in
// the lowercased text before tokenising, since punctuation carries them.
func markupCues() []string {
	return []string{
		"</context>", "<context>", "</system>", "<system>", "<|im_start|>", "<|im_end|>", "<|system|>",
		"[system]", "[inst]", "[/inst]", "<<sys>>", "### system", "### instruction", "system:", "assistant:",
		"\nuser:", "<|endoftext|>",
	}
}
