package courtesy

import (
	"slices"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

func TestRead(t *testing.T) {
	tests := []struct {
		text   string
		l      lang.Tag
		answer bool
		main   Kind
		first  Kind
		only   bool
		rest   string
	}{
		{"hi", lang.English, false, Greeting, Greeting, true, ""},
		{"Hi there!!", lang.English, false, Greeting, Greeting, true, ""},
		{"thanks so much 😊", lang.English, false, Thanks, Thanks, true, ""},
		{"thnaks", lang.English, false, Thanks, Thanks, true, ""},
		{"ok got it, thx", lang.English, false, Thanks, Ack, true, ""},
		{"thanks, bye", lang.English, false, Goodbye, Thanks, true, ""},
		{"u r awesome", lang.English, false, Compliment, Compliment, true, ""},
		// Intensifiers between a phrase's words keep the phrase.
		{"du er sgu god", lang.Danish, false, Compliment, Compliment, true, ""},
		{"i er sgu hurtige, godt gaaet", lang.Danish, false, Compliment, Compliment, true, ""},
		{"在吗 帮个忙", lang.ChineseSimplified, false, Greeting, Greeting, false, "帮个忙"},
		{"you are really great!", lang.English, false, Compliment, Compliment, true, ""},
		{"you are so so awesome", lang.English, false, Compliment, Compliment, true, ""},
		{"really", lang.English, false, None, None, false, "really"},
		{"the kettle", lang.English, false, None, None, false, "the kettle"},
		{"my parcel is late", lang.English, false, None, None, false, "my parcel is late"},
		{"looking for warehouse work in shah alam", lang.English, false, None, None, false, ""},
		{"sure, that'd be great", lang.English, true, Ack, Yes, true, ""},
		{"sure that would help", lang.English, true, None, Yes, true, ""},
		{"ja det ville være fint", lang.Danish, true, Ack, Yes, true, ""},
		{"that would be the return label", lang.English, true, None, None, false, "that would be the return label"},
		{"go for it", lang.English, true, None, Yes, true, ""},
		{"👍", lang.English, false, Ack, Ack, true, ""},
		{"🙏", lang.English, false, Thanks, Thanks, true, ""},
		{"lol ok", lang.English, false, Ack, Ack, true, ""},
		{"👍🏻", lang.English, true, None, Yes, true, ""},
		{"how do i return 😊", lang.English, false, Ack, Ack, false, "how do i return"},
		{"maybe later", lang.English, true, None, No, true, ""},
		{"i'll pass", lang.English, true, None, No, true, ""},
		{"ya tolong", lang.Malay, true, None, Yes, true, ""},
		{"转吧", lang.ChineseSimplified, true, None, Yes, true, ""},
		{"转账失败怎么办", lang.ChineseSimplified, true, None, None, false, "转账失败怎么办"},
		{"so how do I return a sofa", lang.English, false, None, None, false, "so how do I return a sofa"},
		{"hi, how do I return a sofa?", lang.English, false, Greeting, Greeting, false, "how do I return a sofa"},
		{"How do I return a sofa? thanks", lang.English, false, Thanks, Thanks, false, "How do I return a sofa"},
		{"hej", lang.Danish, false, Greeting, Greeting, true, ""},
		{"you've been super helpful", lang.English, false, Compliment, Compliment, true, ""},
		{"你們回覆好快 讚", lang.ChineseTraditional, false, Compliment, Compliment, true, ""},
		// Danish typed without æ, ø and å.
		{"tak for hjaelpen", lang.Danish, false, Thanks, Thanks, true, ""},
		{"paa gensyn", lang.Danish, false, Goodbye, Goodbye, true, ""},
		{"forstaaet, tak", lang.Danish, false, Thanks, Ack, true, ""},
		// A negation before a word makes it another word: "唔得" is "not OK".
		{"急死人 都係唔得", lang.ChineseTraditional, false, None, None, false, "急死人 都係唔得"},
		{"这样不好", lang.ChineseSimplified, false, None, None, false, "这样不好"},
		{"好的没问题", lang.ChineseSimplified, false, Ack, Ack, true, ""},
		{"super tak", lang.Danish, false, Thanks, Ack, true, ""},
		{"hav en god dag", lang.Danish, false, Goodbye, Goodbye, true, ""},
		{"tak", lang.Danish, false, Thanks, Thanks, true, ""},
		{"tq", lang.Malay, false, Thanks, Thanks, true, ""},
		{"tq2", lang.Malay, false, Thanks, Thanks, true, ""},
		{"ok la", lang.Malay, false, Ack, Ack, true, ""},
		{"assalamualaikum", lang.Malay, false, Greeting, Greeting, true, ""},
		{"谢啦", lang.ChineseSimplified, false, Thanks, Thanks, true, ""},
		{"好的 谢谢", lang.ChineseSimplified, false, Thanks, Ack, true, ""},
		{"好 了解 謝謝", lang.ChineseTraditional, false, Thanks, Ack, true, ""},
		{"88", lang.ChineseSimplified, false, Goodbye, Goodbye, true, ""},
		{"早晨", lang.ChineseTraditional, false, Greeting, Greeting, true, ""},
		{"你好，沙发怎么退？", lang.ChineseSimplified, false, Greeting, Greeting, false, "沙发怎么退"},
		// Replies to the assistant's question.
		{"yes please", lang.English, true, None, Yes, true, ""},
		{"no thanks", lang.English, true, None, No, true, ""},
		{"nej tak det er fint", lang.Danish, true, Ack, No, true, ""},
		{"x pe", lang.Malay, true, None, No, true, ""},
		{"tak", lang.Malay, true, None, No, true, ""},
		{"好的 麻烦了", lang.ChineseSimplified, true, None, Yes, true, ""},
		{"唔使喇", lang.ChineseTraditional, true, None, No, true, ""},
		{"no thanks, but where is my parcel", lang.English, true, None, No, false, "but where is my parcel"},
		// Praise in words no phrase holds, letters doubled for warmth.
		{"you're a lifesaver honestly", lang.English, false, Compliment, Compliment, true, ""},
		{"wah laju gila reply", lang.Malay, false, Compliment, Compliment, true, ""},
		{"det var hurtigt svaret", lang.Danish, false, Compliment, Compliment, true, ""},
		{"你们客服真贴心", lang.ChineseSimplified, false, Compliment, Compliment, true, ""},
		{"你們服務真的很好", lang.ChineseTraditional, false, Compliment, Compliment, true, ""},
		{"ok thanks, super quick as always", lang.English, false, Compliment, Ack, true, ""},
		// Praise of how clear, smart or good the answers are, in each
		// language's own words of praise and its companions.
		{"这个助手真好用", lang.ChineseSimplified, false, Compliment, Compliment, true, ""},
		{"解释得很清楚", lang.ChineseSimplified, false, Compliment, Compliment, true, ""},
		{"你哋個bot好醒", lang.ChineseTraditional, false, Compliment, Compliment, true, ""},
		{"i er seje", lang.Danish, false, Compliment, Compliment, true, ""},
		{"det var en tydelig forklaring", lang.Danish, false, Compliment, Compliment, true, ""},
		{"jawapan jelas, terbaik", lang.Malay, false, Compliment, Compliment, true, ""},
		{"very clear explanation 👍", lang.English, false, Compliment, Ack, true, ""},
		{"不清楚", lang.ChineseSimplified, false, None, None, false, "不清楚"},
		{"is the invoice clear", lang.English, false, None, None, false, "is the invoice clear"},
		{"not clear at all", lang.English, false, None, None, false, "not clear at all"},
		{"ty so much for sorting that", lang.English, false, Thanks, Thanks, true, ""},
		{"nak, tolong ye", lang.Malay, true, None, Yes, true, ""},
		{"heyy", lang.English, false, Greeting, Greeting, true, ""},
		{"thank youuu", lang.English, false, Thanks, Thanks, true, ""},
		// Praise asked, negated or about something else is not.
		{"is it good", lang.English, false, None, None, false, "is it good"},
		{"not very helpful", lang.English, false, None, None, false, "not very helpful"},
		{"客服回复不快", lang.ChineseSimplified, false, None, None, false, "客服回复不快"},
		{"幾耐回覆", lang.ChineseTraditional, false, None, None, false, "幾耐回覆"}, // how long until a reply: a question
		{"客服多久回复", lang.ChineseSimplified, false, None, None, false, "客服多久回复"},
		{"is express delivery fast", lang.English, false, None, None, false, "is express delivery fast"},
		{"the lamp is great but the plug is broken", lang.English, false, None, None, false, "the lamp is great but the plug is broken"},
		{"有用吗", lang.ChineseSimplified, false, None, None, false, "有用吗"},
		// A name beside courtesy, redacted: whom it thanks or greets, or
		// who signs it.
		{"thanks <PERSON_1>!", lang.English, false, Thanks, Thanks, true, ""},
		{"hi, <PERSON_1> here", lang.English, false, Greeting, Greeting, true, ""},
		{"cheers, <PERSON_2>", lang.Danish, false, Thanks, Thanks, true, ""},
		{"谢谢<PERSON_1>", lang.ChineseSimplified, false, Thanks, Thanks, true, ""},
		{"thanks, <EMAIL_1>", lang.English, false, Thanks, Thanks, false, "<EMAIL_1>"},
		// Not courtesy.
		{"<PERSON_1>", lang.English, false, None, None, false, "<PERSON_1>"},
		{"帮帮我", lang.ChineseSimplified, false, None, None, false, "帮帮我"},
		// Asking for help is no praise; thanking for it is thanks.
		{"hjælp tak", lang.Danish, false, Thanks, Thanks, false, "hjælp"},
		{"唔該幫幫手", lang.ChineseTraditional, false, Thanks, Thanks, false, "幫幫手"},
		{"谢谢你的帮忙", lang.ChineseSimplified, false, Thanks, Thanks, true, ""},
		{"多謝你幫手", lang.ChineseTraditional, false, Thanks, Thanks, true, ""},
		{"很有帮助 谢谢", lang.ChineseSimplified, false, Compliment, Compliment, true, ""},
		{"this is it", lang.English, false, None, None, false, "this is it"},
		{"where is my parcel", lang.English, false, None, None, false, "where is my parcel"},
		{"help", lang.English, false, None, None, false, "help"},
		{"you", lang.English, false, None, None, false, "you"},
		{"okay so how long does delivery take", lang.English, false, Ack, Ack, false, "how long does delivery take"},
	}
	for _, tt := range tests {
		r := Read(tt.text, tt.l, tt.answer)
		if r.Main() != tt.main || r.First() != tt.first || r.Only() != tt.only || (tt.rest != "" && r.Rest != tt.rest) {
			t.Errorf("Read(%q, %s, %v) = kinds %v rest %q; want main %s first %s only %v rest %q",
				tt.text, tt.l, tt.answer, r.Kinds, r.Rest, tt.main, tt.first, tt.only, tt.rest)
		}
	}
}

func TestLexiconCompiles(t *testing.T) {
	for _, e := range lexicon {
		if len(e.words) == 0 || slices.Contains(e.words, "") {
			t.Errorf("empty phrase of kind %s", e.kind)
		}
	}
}

// TestClosing: the courtesy a message ends with, after something else.
func TestClosing(t *testing.T) {
	for _, tt := range []struct {
		text string
		l    lang.Tag
		want Kind
	}{
		{"ok ill think about it, bye", lang.English, Goodbye},
		{"tq, nanti sy cuba. bye", lang.Malay, Goodbye},
		{"hej hej, kan i levere til en postboks", lang.Danish, None},
		{"thanks, bye", lang.English, None}, // courtesy only
		{"How do I return a sofa? thanks", lang.English, Thanks},
	} {
		if got := Read(tt.text, tt.l, false).Closing; got != tt.want {
			t.Errorf("Read(%q).Closing = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestOpening: the courtesy a message opens with, read for an answer, not
// the one it ends with ("ada yg lagi cepat x" asks, with a Malay "x" at
// its end); and whether its yes consents (asks for what was offered to be
// done) rather than saying an answer helped.
func TestOpening(t *testing.T) {
	for _, tt := range []struct {
		text    string
		l       lang.Tag
		want    Kind
		consent bool
	}{
		{"no thanks, ill look it up on maps", lang.English, No, false},
		{"不用了 我自己查", lang.ChineseSimplified, No, false},
		{"ok yeah put me through", lang.English, Yes, false},
		{"ada yg lagi cepat x", lang.Malay, None, false},
		{"如果还是解决不了呢", lang.ChineseSimplified, None, false},
		{"where is my parcel", lang.English, None, false},
		{"sure go ahead", lang.English, Yes, true},
		{"yes please", lang.English, Yes, true},
		{"好啊", lang.ChineseSimplified, Yes, true},
		{"ja tak", lang.Danish, Yes, true},
		{"ya tolong", lang.Malay, Yes, true},
		{"ok", lang.English, Yes, false},
		{"ok la", lang.Malay, Ack, false},
		{"yes thanks", lang.English, Yes, false},
		{"好的", lang.ChineseSimplified, Yes, false},
	} {
		r := Read(tt.text, tt.l, true)
		if r.Opening != tt.want || r.Consent != tt.consent {
			t.Errorf("Read(%q): Opening %s, Consent %v; want %s, %v", tt.text, r.Opening, r.Consent, tt.want, tt.consent)
		}
	}
}
