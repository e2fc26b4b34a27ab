package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestDeskHistoryOfARealCustomer: conversations held with the assistant
// as a named customer are their history in the desk: the earlier one is
// listed for the hand-off of the later, with what they first asked;
// another customer's and an anonymous one are not.
func TestDeskHistoryOfARealCustomer(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	ib, other := ts.subject("cust-42"), ts.subject("cust-43")
	askAs := func(subject, conversation, question string) string {
		t.Helper()
		body := fmt.Sprintf(`{"question": %q, "subject": %q, "conversation_id": %q}`, question, subject, conversation)
		code, r, raw := ts.ask(t, body)
		if code != 200 {
			t.Fatalf("ask = %d %s", code, raw)
		}
		return r.ConversationID
	}
	earlier := askAs(ib, "", "Where is my parcel? I ordered a lamp")
	askAs(ib, earlier, "It has been a week since I ordered it")
	askAs(other, "", "How do I return a lamp I bought?")
	askAs("", "", "Do you ship to Norway?")
	current := askAs(ib, "", "My kettle stopped working after two months, is it under warranty?")
	if code, body, _ := ts.call(t, "POST", "/api/v1/handoff", "", `{"conversation_id": "`+current+`", "language": "en", "subject": "`+ib+`"}`); code != 200 {
		t.Fatalf("hand-off = %d %s", code, body)
	}
	mette, _ := ts.agentToken(t, "Mette", "technical")
	_, body, _ := ts.call(t, "GET", "/api/v1/handoffs", mette, "")
	rows := decode[struct{ Handoffs []deskRow }](t, body).Handoffs
	if len(rows) != 1 {
		t.Fatalf("queue = %s", body)
	}

	code, body, _ := ts.call(t, "GET", "/api/v1/handoffs/"+rows[0].ID+"/history", mette, "")
	h := decode[struct {
		Known         bool `json:"known_customer"`
		Conversations []struct {
			Messages  int    `json:"messages"`
			First     string `json:"first_message"`
			HandedOff bool   `json:"handed_off"`
			Current   bool   `json:"current"`
		}
	}](t, body)
	if code != 200 || !h.Known || len(h.Conversations) != 2 {
		t.Fatalf("history = %d %s", code, body)
	}
	now, past := h.Conversations[0], h.Conversations[1]
	if !now.Current || !now.HandedOff || !strings.Contains(now.First, "kettle") {
		t.Errorf("the current conversation = %+v", now)
	}
	if past.Current || past.HandedOff || past.Messages != 2 || !strings.Contains(past.First, "Where is my parcel") {
		t.Errorf("the earlier conversation = %+v", past)
	}
	for _, notTheirs := range []string{"return a lamp", "Norway", earlier, current} {
		if strings.Contains(body, notTheirs) {
			t.Errorf("the history holds %q: %s", notTheirs, body)
		}
	}
}
