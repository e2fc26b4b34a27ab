package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
)

// pastConversation is a conversation of the desk's history view.
type pastConversation struct {
	Conversation string `json:"conversation"`
	Messages     int    `json:"messages"`
	First        string `json:"first_message"`
	HandedOff    bool   `json:"handed_off"`
	Current      bool   `json:"current"`
}

// TestHistoryIsTheCustomersOwn: GET /api/v1/handoffs/{id}/history lists
// the customer's earlier conversations, found by their pseudonym, newest
// first with the current one marked, and never another customer's nor one
// whose customer is unknown; a customer the site did not name has none.
func TestHistoryIsTheCustomersOwn(t *testing.T) {
	env := newEnv(t, nil, Options{})
	srv := env.serve(t)
	ctx := context.Background()
	agent := newAgent(t, env, "Mette", "technical")

	// answered records a conversation the assistant answered, message by message.
	answered := func(customer string, questions ...string) string {
		t.Helper()
		conv, subject := env.store.ConversationRef(inference.NewConversationID()), ""
		if customer != "" {
			subject = env.store.SubjectPseudonym(customer)
		}
		for _, q := range questions {
			if _, err := env.store.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Subject: subject, Conversation: conv,
				Message: inference.NewMessageID(), Decision: "answer", Language: "en"}, &audit.Content{Question: q, Answer: "Here is how."}); err != nil {
				t.Fatal(err)
			}
		}
		return conv
	}
	ibEarlier := answered("cust-7", "Where is my parcel?", "It has been a week since I ordered")
	otherEarlier := answered("cust-8", "How do I return a lamp?")
	anonymous := answered("", "Do you ship to Norway?")
	ib := handOff(t, env, "cust-7", "technical", "en", "My kettle leaks")
	other := handOff(t, env, "cust-8", "technical", "en", "My lamp flickers")
	unnamed := handOff(t, env, "", "technical", "en", "My plug sparks")

	for _, tc := range []struct {
		name  string
		h     audit.Handoff
		known bool
		want  []pastConversation // newest first
	}{
		{"a customer with an earlier conversation", ib, true, []pastConversation{
			{Conversation: ib.Conversation, Messages: 1, First: "My kettle leaks", HandedOff: true, Current: true},
			{Conversation: ibEarlier, Messages: 2, First: "Where is my parcel?"},
		}},
		{"another customer", other, true, []pastConversation{
			{Conversation: other.Conversation, Messages: 1, First: "My lamp flickers", HandedOff: true, Current: true},
			{Conversation: otherEarlier, Messages: 1, First: "How do I return a lamp?"},
		}},
		{"a customer the site did not name", unnamed, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := call(t, "GET", srv.URL+"/api/v1/handoffs/"+tc.h.ID+"/history", agent.secret, "")
			var got struct {
				Known         bool               `json:"known_customer"`
				Conversations []pastConversation `json:"conversations"`
			}
			if err := json.Unmarshal([]byte(body), &got); err != nil || code != http.StatusOK {
				t.Fatalf("history = %d %s", code, body)
			}
			if got.Known != tc.known || got.Conversations == nil || len(got.Conversations) != len(tc.want) {
				t.Fatalf("history = %s", body)
			}
			for i, w := range tc.want {
				if got.Conversations[i] != w {
					t.Errorf("conversation %d = %+v, want %+v", i, got.Conversations[i], w)
				}
			}
			for _, h := range []audit.Handoff{ib, other, unnamed} {
				if h.Subject != tc.h.Subject && strings.Contains(body, h.Conversation) {
					t.Errorf("another customer's conversation is listed: %s", body)
				}
			}
			if strings.Contains(body, anonymous) || strings.Contains(body, "Norway") || tc.h != other && strings.Contains(body, otherEarlier) {
				t.Errorf("a conversation not the customer's is listed: %s", body)
			}
		})
	}
	if code, body := call(t, "GET", srv.URL+"/api/v1/handoffs/h_nothing/history", agent.secret, ""); code != http.StatusNotFound {
		t.Errorf("history of no hand-off = %d %s", code, body)
	}
}
