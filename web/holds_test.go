package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference"
)

// TestHoldIsToldToOfficersOnly: under a legal hold, a customer who
// deletes their conversation is refused with a generic 409 that says
// nothing of the hold (its basis, its actor, whom it concerns), while a
// compliance officer who erases the subject sees the hold.
func TestHoldIsToldToOfficersOnly(t *testing.T) {
	const basis = "case 2026-301 at the district court"
	for _, on := range []string{"subject", "conversation_id"} {
		t.Run("hold on the "+on, func(t *testing.T) {
			env := newEnv(t, nil, Options{})
			srv := env.serve(t)
			ctx := context.Background()
			officer := env.secret[role.Compliance]
			conv := inference.NewConversationID()
			subject := env.store.SubjectPseudonym("cust-7")
			if _, err := env.store.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Subject: subject,
				Conversation: env.store.ConversationRef(conv), Message: "m_1", Decision: "answer"},
				&audit.Content{Question: "where is my parcel", Answer: "On its way."}); err != nil {
				t.Fatal(err)
			}
			target := "cust-7"
			if on == "conversation_id" {
				target = conv
			}
			if code, body := call(t, "POST", srv.URL+"/api/v1/holds", officer, `{"`+on+`": "`+target+`", "basis": "`+basis+`"}`); code != http.StatusCreated {
				t.Fatalf("hold = %d %s", code, body)
			}
			holds, _ := env.store.Holds(ctx)
			if len(holds) != 1 {
				t.Fatalf("holds = %+v", holds)
			}
			hold := holds[0]

			// The customer: 409, and nothing of the hold.
			code, body := call(t, "DELETE", srv.URL+"/api/v1/conversations/"+conv, "", "")
			var refused map[string]any
			json.Unmarshal([]byte(body), &refused)
			if code != http.StatusConflict || refused["error"] != errCannotEraseNow.Error() {
				t.Fatalf("customer's deletion = %d %s", code, body)
			}
			if _, ok := refused["hold"]; ok {
				t.Fatalf("the customer was shown the hold: %s", body)
			}
			for _, secret := range []string{"hold", basis, "2026-301", hold.Actor, hold.Target, subject, "compliance"} {
				if strings.Contains(body, secret) {
					t.Errorf("the customer's answer tells %q: %s", secret, body)
				}
			}

			// The officer: 409 with the hold, its basis and actor.
			code, body = call(t, "DELETE", srv.URL+"/api/v1/subjects/cust-7", officer, "")
			var told struct{ Hold *audit.Hold }
			json.Unmarshal([]byte(body), &told)
			if code != http.StatusConflict || told.Hold == nil || told.Hold.Basis != basis || told.Hold.Actor != hold.Actor || told.Hold.Target != hold.Target {
				t.Fatalf("officer's erasure = %d %s", code, body)
			}

			// Nothing was erased.
			if evs, _ := env.store.Conversation(ctx, env.store.ConversationRef(conv)); len(evs) != 1 || evs[0].Shredded {
				t.Fatalf("the conversation under hold: %+v", evs)
			}
		})
	}
}
