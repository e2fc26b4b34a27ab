package main

import (
	"encoding/json"
	"fmt"
	"io"
	"mime/quotedprintable"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference/team"
	"github.com/hushdesk/hushdesk/web/letter/lettertest"
	"github.com/hushdesk/hushdesk/web/mail/mailtest"
)

// startDesk starts a server with a mail relay, a public address and
// teams, and an admin token.
func startDesk(t *testing.T, relay *mailtest.Server) *testServer {
	t.Helper()
	return startServer(t, func(c *Config) {
		c.AdminToken = adminToken
		c.SMTP, c.SMTPFrom, c.SMTPCA, c.SMTPPassword = relay.URL, "support@larkspur.example", relay.CAFile, mailtest.Password
		c.SMTPTimeout, c.mailBackoff = 2*time.Second, 20*time.Millisecond
		c.PublicURL = "https://support.larkspur.example"
		c.Teams = map[string]team.Config{"technical": {Languages: []string{"en", "da"}, TargetReply: "2h"}}
	})
}

// agentToken creates a named agent in a team and returns its secret and id.
func (ts *testServer) agentToken(t *testing.T, name, team string) (string, string) {
	t.Helper()
	code, body, _ := ts.call(t, "POST", "/api/v1/tokens", adminToken, fmt.Sprintf(`{"role": "agent", "label": "front desk", "name": %q, "team": %q}`, name, team))
	var tok struct{ Token, ID string }
	json.Unmarshal([]byte(body), &tok)
	if code != 201 {
		t.Fatalf("create agent = %d %s", code, body)
	}
	return tok.Token, tok.ID
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %.300s: %v", body, err)
	}
	return v
}

type deskRow struct {
	ID, Team, Status, Language string
	FirstMessage               string  `json:"first_message"`
	Unread                     int     `json:"unread"`
	TargetS                    float64 `json:"target_seconds"`
	Mine                       bool    `json:"mine"`
	EmailReplies               bool    `json:"email_replies"`
	Outcome                    string  `json:"outcome"`
}

func mailBody(t *testing.T, raw []byte) string {
	t.Helper()
	_, b, _ := strings.Cut(string(raw), "\r\n\r\n")
	dec, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(b)))
	return string(dec)
}

func TestAgentDesk(t *testing.T) {
	relay := mailtest.Start(t)
	ts := startDesk(t, relay)
	cust := ts.subject("cust-42")
	_, r1, _ := ts.ask(t, `{"question": "My kettle stopped working after two months, is it under warranty?", "subject": "`+cust+`"}`)
	code, body, _ := ts.call(t, "POST", "/api/v1/handoff", "", `{"conversation_id": "`+r1.ConversationID+`", "language": "en", "subject": "`+cust+`"}`)
	if code != 200 {
		t.Fatalf("hand-off = %d %s", code, body)
	}
	mette, metteID := ts.agentToken(t, "Mette", "technical")

	// The queue: a row titled with what the customer asked, routed by the
	// article in play, with the team's target reply time.
	code, body, _ = ts.call(t, "GET", "/api/v1/handoffs?view=unassigned&language=en", mette, "")
	rows := decode[struct{ Handoffs []deskRow }](t, body).Handoffs
	if code != 200 || len(rows) != 1 || !strings.Contains(rows[0].FirstMessage, "kettle") || rows[0].Team != "technical" ||
		rows[0].TargetS != 7200 || rows[0].Unread != 1 {
		t.Fatalf("queue = %d %s", code, body)
	}
	id := rows[0].ID

	// The customer asks for the reply by e-mail.
	if code, body, _ = ts.call(t, "POST", "/api/v1/conversations/"+r1.ConversationID+"/email", "", `{"address": "not an address"}`); code != 400 {
		t.Errorf("a bad address = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "POST", "/api/v1/conversations/"+r1.ConversationID+"/email", "", `{"address": "ib.holm@example.dk"}`); code != 200 || strings.Contains(body, "ib.holm") {
		t.Fatalf("e-mail me = %d %s", code, body)
	}

	// Mette writes a note, gets a suggestion and a summary, and replies.
	if code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+id+"/notes", mette, `{"text": "Second kettle this year; customer called +45 61 23 45 67"}`); code != 201 || strings.Contains(body, "61 23") {
		t.Errorf("note = %d %s", code, body)
	}
	code, body, _ = ts.call(t, "GET", "/api/v1/handoffs/"+id+"/suggestion", mette, "")
	if d := decode[struct {
		Text    string
		Sources []struct {
			DocID string `json:"doc_id"`
		}
	}](t, body); code != 200 || d.Text == "" || len(d.Sources) == 0 {
		t.Errorf("suggestion = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "GET", "/api/v1/handoffs/"+id+"/summary", mette, ""); code != 200 || !strings.Contains(body, "kettle") {
		t.Errorf("summary = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "GET", "/api/v1/handoffs/"+id+"/history", mette, ""); code != 200 || !strings.Contains(body, `"current":true`) {
		t.Errorf("history = %d %s", code, body)
	}
	code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+id+"/reply", mette, `{"text": "Hi, Mette here. A new kettle is on its way to you today."}`)
	if code != 200 || !strings.Contains(body, `"email":"queued"`) {
		t.Fatalf("reply = %d %s", code, body)
	}
	msgs := relay.Wait(t, 1, 10*time.Second)
	text := mailBody(t, msgs[0].Data)
	if msgs[0].To != "ib.holm@example.dk" || !strings.Contains(text, "Mette from Larkspur Home") || !strings.Contains(text, "new kettle") ||
		!strings.Contains(text, "https://support.larkspur.example/?lang=en#conversation="+url.QueryEscape(r1.ConversationID)) ||
		!strings.Contains(text, "AI assistant") {
		t.Errorf("the e-mail to %s:\n%s", msgs[0].To, text)
	}
	// The agent sees it went; the relay refusing is retried, then shown as not delivered.
	waitEmail := func(state string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			_, body, _ := ts.call(t, "GET", "/api/v1/handoffs/"+id, mette, "")
			if strings.Contains(body, `"state":"`+state+`"`) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("no e-mail %s in %s", state, body)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitEmail("sent")
	relay.Refuse(true)
	code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+id+"/reply", mette, `{"text": "Tracking follows tomorrow."}`)
	replyID := decode[struct {
		MessageID string `json:"message_id"`
	}](t, body).MessageID
	waitEmail("failed")
	relay.Refuse(false)
	if code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+id+"/email/retry", mette, `{"message_id": "`+replyID+`"}`); code != 202 {
		t.Fatalf("retry = %d %s", code, body)
	}
	if got := relay.Wait(t, 2, 10*time.Second); !strings.Contains(mailBody(t, got[1].Data), "Tracking follows tomorrow") {
		t.Errorf("the retried e-mail: %s", got[1].Data)
	}

	// Transfers: to an unknown team, to another, of a resolved hand-off.
	if code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+id+"/transfer", mette, `{"team": "kettles"}`); code != 400 || !strings.Contains(body, "no such team") {
		t.Errorf("transfer to an unknown team = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+id+"/assign", mette, `{"agent": "t_nobody"}`); code != 400 || !strings.Contains(body, "no such agent") {
		t.Errorf("assign to an unknown agent = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+id+"/transfer", mette, `{"team": "delivery"}`); code != 200 || !strings.Contains(body, `"team":"delivery"`) {
		t.Errorf("transfer = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+id+"/handback", mette, ""); code != 200 || !strings.Contains(body, `"outcome":"handed_back"`) {
		t.Errorf("hand back = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+id+"/transfer", mette, `{"team": "billing"}`); code != 409 || !strings.Contains(body, "resolved") {
		t.Errorf("transfer of a resolved conversation = %d %s", code, body)
	}
	// The customer reads the hand-back, not the note.
	_, body, _ = ts.call(t, "GET", "/api/v1/conversations/"+r1.ConversationID, "", "")
	if !strings.Contains(body, "handed_back") || strings.Contains(body, "Second kettle") {
		t.Errorf("customer's transcript: %s", body)
	}

	// Canned responses: an unknown variable is refused; a good one is filled for the conversation.
	if code, body, _ = ts.call(t, "POST", "/api/v1/canned", adminToken, `{"title": "Thanks", "language": "en", "text": "Hi {{first_name}}"}`); code != 400 || !strings.Contains(body, "first_name") {
		t.Errorf("canned with an unknown variable = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "POST", "/api/v1/canned", adminToken, `{"title": "Warranty", "language": "en", "text": "Hi {{customer_name}}, {{agent_name}} from {{company}} here."}`); code != 201 {
		t.Fatalf("canned = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "GET", "/api/v1/canned?language=en&q=warr&handoff="+id, mette, ""); code != 200 || !strings.Contains(body, `"filled":"Hi, Mette from Larkspur Home here."`) {
		t.Errorf("canned for an agent = %d %s", code, body)
	}

	// Agents are renamed and moved; an unknown team is refused.
	if code, body, _ = ts.call(t, "PATCH", "/api/v1/tokens/"+metteID, adminToken, `{"team": "kettles"}`); code != 400 {
		t.Errorf("move to an unknown team = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "PATCH", "/api/v1/tokens/"+metteID, adminToken, `{"name": "Mette H.", "team": "delivery"}`); code != 200 || !strings.Contains(body, `"team":"delivery"`) {
		t.Errorf("rename and move = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "GET", "/api/v1/teams", mette, ""); code != 200 || !strings.Contains(body, `"name":"Mette H."`) {
		t.Errorf("teams = %d %s", code, body)
	}

	// No envelope, index or log line holds the address, the note or the capability.
	officer := ts.newToken(t, "compliance")
	_, export, _ := ts.call(t, "GET", "/api/v1/audit", officer, "")
	for _, secret := range []string{"ib.holm@example.dk", "Second kettle", r1.ConversationID} {
		if strings.Contains(export, secret) || strings.Contains(ts.Logs.String(), secret) {
			t.Errorf("the envelopes or the log hold %q", secret)
		}
	}
	for _, typ := range []string{"handoff.note", "email.requested", "email.sent", "email.failed", "handoff.transferred", "handoff.handback"} {
		if !strings.Contains(export, `"type":"`+typ+`"`) {
			t.Errorf("no %s event in the log", typ)
		}
	}
}

func TestOfficersAndAdmins(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	ts.ask(t, `{"question": "Hvordan returnerer jeg en lampe? Min e-mail er lena@example.dk", "subject": "`+ts.subject("cust-42")+`"}`)
	officer := ts.newToken(t, "compliance")

	// The log newest first, in words; one event with its proof.
	code, body, _ := ts.call(t, "GET", "/api/v1/audit/events?order=desc&limit=3", officer, "")
	page := decode[struct {
		Events []struct {
			Seq   uint64
			Type  string
			Label string
		}
		Next uint64 `json:"next_before_seq"`
	}](t, body)
	if code != 200 || len(page.Events) != 3 || page.Next == 0 || page.Events[0].Seq < page.Events[1].Seq || page.Events[0].Label == page.Events[0].Type {
		t.Fatalf("newest first = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "POST", "/api/v1/audit/checkpoint", officer, ""); code != 201 {
		t.Fatal(body)
	}
	if code, body, _ = ts.call(t, "GET", fmt.Sprintf("/api/v1/audit/events/%d", page.Events[1].Seq), officer, ""); code != 200 ||
		!strings.Contains(body, `"intact":true`) || !strings.Contains(body, `"covered":true`) {
		t.Errorf("event detail = %d %s", code, body)
	}
	if code, _, _ = ts.call(t, "GET", "/api/v1/audit/events/999999", officer, ""); code != 404 {
		t.Errorf("unknown event = %d", code)
	}

	// Requests show the id the officer typed, with days left; one extension with a reason.
	code, body, _ = ts.call(t, "POST", "/api/v1/requests", officer, `{"kind": "access", "subject": "cust-42"}`)
	req := decode[struct{ ID string }](t, body)
	if code, body, _ = ts.call(t, "GET", "/api/v1/requests", officer, ""); !strings.Contains(body, `"customer_id":"cust-42"`) || !strings.Contains(body, `"days_left":`) {
		t.Errorf("requests = %s", body)
	}
	if code, body, _ = ts.call(t, "POST", "/api/v1/requests/"+req.ID+"/extend", officer, `{"reason": "complex: three systems to search"}`); code != 200 || !strings.Contains(body, `"first_deadline"`) {
		t.Errorf("extend = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "POST", "/api/v1/requests/"+req.ID+"/extend", officer, `{"reason": "complex: three systems to search"}`); code != 409 {
		t.Errorf("second extension = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "POST", "/api/v1/holds", officer, `{"subject": "cust-7", "basis": "case 2026-17"}`); code != 201 || !strings.Contains(body, `"customer_id":"cust-7"`) {
		t.Errorf("hold = %d %s", code, body)
	}

	// The export as a letter in the customer's language.
	code, body, resp := ts.call(t, "POST", "/api/v1/subjects/cust-42/export?format=html", officer, "")
	if code != 200 || !strings.Contains(body, `<html lang="da">`) || !strings.Contains(body, "Hvad Larkspur Home har registreret om dig") ||
		strings.Contains(body, "lena@example.dk") || !strings.Contains(resp.Header.Get("Content-Disposition"), "letter-") {
		t.Errorf("letter = %d %.600s", code, body)
	}
	code, body, resp = ts.call(t, "POST", "/api/v1/subjects/cust-42/export?format=pdf", officer, "")
	if code != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasSuffix(resp.Header.Get("Content-Disposition"), `-da.pdf"`) {
		t.Fatalf("PDF letter = %d %s %.200s", code, resp.Header, body)
	}
	if text := lettertest.Read(t, []byte(body)).Text(); !strings.Contains(text, lettertest.NoSpace("Hvad Larkspur Home har registreret om dig")) ||
		!strings.Contains(text, lettertest.NoSpace("Hvordan returnerer jeg en lampe? Min e-mail er [e-mailadresse]")) || strings.Contains(text, "lena@example.dk") {
		t.Errorf("PDF letter says %.600s", text)
	}

	// The widget's appearance: a colour white text cannot be read on is refused.
	if code, body, _ = ts.call(t, "PUT", "/api/v1/widget/appearance", adminToken, `{"color": "#ffdd00", "position": "left"}`); code != 400 || !strings.Contains(body, "contrast") {
		t.Errorf("pale colour = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "PUT", "/api/v1/widget/appearance", adminToken, `{"color": "#0B6E4F", "position": "left", "welcome": {"en": "Hi! Ask us anything."}, "launcher": {"en": "Help"}}`); code != 200 {
		t.Errorf("appearance = %d %s", code, body)
	}
	if _, body, _ = ts.call(t, "GET", "/api/v1/widget/config?lang=en", "", ""); !strings.Contains(body, `"color":"#0b6e4f"`) || !strings.Contains(body, "Ask us anything") {
		t.Errorf("widget config = %s", body)
	}

	// The knowledge base searched and an article previewed.
	code, body, _ = ts.call(t, "GET", "/api/v1/documents/search?q=warranty+kettle", adminToken, "")
	hits := decode[struct {
		Passages []struct {
			DocID string `json:"doc_id"`
		}
	}](t, body)
	if code != 200 || len(hits.Passages) == 0 {
		t.Fatalf("search = %d %s", code, body)
	}
	if code, body, _ = ts.call(t, "GET", "/api/v1/documents/passages?id="+url.QueryEscape(hits.Passages[0].DocID), adminToken, ""); code != 200 || !strings.Contains(body, `"passages":[{`) {
		t.Errorf("passages = %d %.300s", code, body)
	}
	if code, _, _ = ts.call(t, "GET", "/api/v1/documents/passages?id=nope", adminToken, ""); code != 404 {
		t.Errorf("passages of nothing = %d", code)
	}
	// The configuration lists no empty rows and no internal values.
	_, body, _ = ts.call(t, "GET", "/api/v1/config", adminToken, "")
	if strings.Contains(body, `"ask_rate":-1`) || strings.Contains(body, `:""`) || !strings.Contains(body, `"ask_rate":"no limit"`) {
		t.Errorf("config = %s", body)
	}
}
