package triage

// lexicon is what the classifier knows about one trigger.
type lexicon struct {
	trigger Trigger
	// negatable: a negation just before a cue cancels it ("I don't need a
	// human"). Off for triggers where a negation is part of the cue or a
	// miss costs too much (self-harm).
	negatable bool
	cues      []cues
	// vetoes are look-alikes: a cue overlapping one of them is ignored
	// ("human resources", "人工费").
	vetoes []string
	// clauseVetoes cancel a cue anywhere in the same clause: "I spoke to
	// an agent yesterday" reports a past contact, it does not ask for one.
	clauseVetoes []string
	// messageVetoes cancel a cue anywhere in the message: "气死我了，自己
	// 下单的时候忘了填" is angry, but with oneself, said a clause later.
	messageVetoes []string
	// anchors are words the message must hold for the learned model to
	// fire the trigger alone: a word for a person, a call or a bot for a
	// request for a person. Without them, "please help me track my order"
	// could be taken for a request because requests are often polite. No
	// anchors: the model needs none.
	anchors []string
}

// cues are patterns that count as evidence of the same weight. lang, when
// set, limits them to messages in that language or of unknown language.
type cues struct {
	w    float64
	lang string
	p    []string
}

// lexicons returns the built-in lexicon of every trigger.
func lexicons() []lexicon {
	return []lexicon{
		personLexicon(), angerLexicon(), angerFeelingLexicon(), complaintLexicon(), legalLexicon(),
		selfHarmLexicon(), bereavementLexicon(), hardshipLexicon(), healthLexicon(),
		accessLexicon(), erasureLexicon(), injectionLexicon(),
	}
}

// negationWindow is how many tokens before a cue a negation may stand.
const negationWindow = 4

// negators are the words and phrases that negate a following cue.
func negators() []cues {
	return []cues{
		{p: []string{
			"not|no|dont|doesnt|didnt|never|without|neednt|nor",
			// A hypothetical asks about a person rather than for one:
			// "if I want to talk to a person, when are you open?"
			"if|hvis|kalau|jika|如果|要是",
			"ikke|ingen|aldrig|uden",
			"不用|不需要|无需|無需|不必|没有|沒有|没|沒|别|別|不要|不想|勿|唔使|唔洗|唔駛|唔需要|唔好|唔要|冇|免|不是|唔係",
			"tidak|bukan|jangan|tiada|tanpa|usah",
		}},
		// "tak" is Malay for "not" and Danish for "thanks"; "x" is Malay
		// chat shorthand for "tak".
		{lang: "ms", p: []string{"tak|x|tk|tak_payah"}},
	}
}

// negationExceptions are phrases around a negator that do not negate:
// "kan I ikke ..." (can't you ...), "not only".
func negationExceptions() []string {
	return []string{
		"kan|vil|kunne|ville|gider|skal i|du|de ikke",
		// "kan jeg ikke bare få ...", "er der ikke en ...": a question
		// put the negative way asks for it.
		"kan|kunne|må jeg|vi|man ikke",
		"er|findes|var der ikke",
		// "是不是要..." asks; it does not negate.
		"是不是|係唔係|是唔是",
		"not only|just",
		"no one|nobody|one",
		// A softener negates nothing that follows: "no offence but I'd
		// prefer a human".
		"no offence|offense|disrespect|worries|problem|rush|pressure|hard_feelings",
		"appreciate|appreciated|grateful|great|nice|good|helpful|happy ?it if",
		"boleh|bolehkah|blh|bole|boley|bleh|ada|ke tak|x|tk",
		// "takkan tak boleh cakap dengan orang betul?": surely one can.
		"takkan tak|x|tidak|tk",
		"why|how_come ?do|does not|dont|doesnt|cant",
	}
}
