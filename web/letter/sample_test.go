package letter

import (
	"fmt"
	"time"

	"github.com/hushdesk/hushdesk/audit"
)

// sampleDay is when the sample conversations took place.
var sampleDay = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

// turn is one question and its answer, in one language.
type turn struct{ lang, question, answer string }

// sampleTurns are questions and answers as a customer of a shop might
// have them, one language each, with a placeholder for an e-mail address
// where the redactor put one.
var sampleTurns = []turn{
	{"en", "Hi, my kettle stopped working after two weeks. Can I return it? My e-mail is <EMAIL_1>.",
		"You can return an item within 30 days of delivery. Start the return from your order page, or reply here and a person will help."},
	{"da", "Hej, min lampe er gået i stykker. Kan jeg få pengene tilbage? Jeg bor på Østerbrogade i København.",
		"Du kan returnere en vare inden for 30 dage efter levering. Skriv til os, så hjælper en medarbejder dig med returnering og refusion."},
	{"zh-Hans", "你好，我买的台灯坏了，可以退货吗？我的邮箱是 <EMAIL_1>。",
		"您可以在收货后 30 天内退货。请在订单页面发起退货，或者在这里回复，我们的工作人员会帮助您。"},
	{"zh-Hant", "你好，我買的檯燈壞了，可以退貨嗎？訂單號碼在郵件裡。",
		"您可以在收貨後 30 天內退貨。請在訂單頁面發起退貨，或者在這裡回覆，我們的工作人員會協助您。"},
	{"ms", "Helo, cerek saya rosak selepas dua minggu. Boleh saya pulangkan?",
		"Anda boleh memulangkan barang dalam tempoh 30 hari selepas penghantaran. Mulakan pemulangan dari halaman pesanan anda."},
}

// sampleExport is a subject export of n conversation turns taken in turn
// from sampleTurns (lang first), two turns a conversation, with an
// agent's reply in the first conversation and the last turn erased.
func sampleExport(lang string, n int) audit.SubjectExport {
	exp := audit.SubjectExport{Subject: "s_sample0123456789", Generated: sampleDay.AddDate(0, 1, 0),
		Statement: audit.DefaultStatement(90 * 24 * time.Hour)}
	first := 0
	for i, t := range sampleTurns {
		if t.lang == lang {
			first = i
		}
	}
	for i := range n {
		t := sampleTurns[(first+i)%len(sampleTurns)]
		conv := fmt.Sprintf("k_sample%04d", i/2)
		if i%2 == 0 {
			exp.Conversations = append(exp.Conversations, conv)
		}
		e := audit.Event{Envelope: audit.Envelope{Time: sampleDay.Add(time.Duration(i) * time.Hour), Type: audit.TypeDecision,
			Conversation: conv, Subject: exp.Subject, Language: t.lang, Decision: "answer"},
			Content: &audit.Content{Question: t.question, Answer: t.answer}}
		if i == n-1 && n > 1 {
			e.Content, e.Shredded = nil, true
			exp.Shredded++
		}
		exp.Events = append(exp.Events, e)
		if i == 0 {
			exp.Events = append(exp.Events, audit.Event{Envelope: audit.Envelope{Time: e.Time.Add(time.Minute), Type: audit.TypeAgentReply,
				Conversation: conv, Attrs: map[string]string{"agent_name": "Mette"}},
				Content: &audit.Content{Text: "Hej! Jeg har sendt dig en returlabel. 谢谢 – Mette"}})
		}
	}
	done := sampleDay.AddDate(0, 1, 0)
	exp.Requests = []audit.Request{{Kind: audit.RequestAccess, Received: sampleDay.AddDate(0, 0, 20), Completed: &done},
		{Kind: audit.RequestErasure, Received: sampleDay.AddDate(0, 0, 25)}}
	return exp
}
