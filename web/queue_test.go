package web

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference"
)

// deskAgent is an agent token made for a test: its secret, its token id
// and the actor the log knows it by.
type deskAgent struct {
	secret, id, actor, name string
}

func newAgent(t *testing.T, env *testEnv, name, team string) deskAgent {
	t.Helper()
	secret, tok, err := env.store.CreateToken(context.Background(), role.Agent, "desk", "test", audit.DisplayName(name), audit.InTeam(team))
	if err != nil {
		t.Fatal(err)
	}
	return deskAgent{secret: secret, id: tok.ID, actor: string(role.Agent) + ":" + tok.ID, name: name}
}

// handOff records a customer's question that a person is to answer, as
// the assistant does, and returns the hand-off it opened. customer may be
// empty (the site did not say who the customer is).
func handOff(t *testing.T, env *testEnv, customer, team, language, question string) audit.Handoff {
	t.Helper()
	ctx := context.Background()
	conv, msg := env.store.ConversationRef(inference.NewConversationID()), inference.NewMessageID()
	subject := ""
	if customer != "" {
		subject = env.store.SubjectPseudonym(customer)
	}
	if _, err := env.store.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Subject: subject, Conversation: conv, Message: msg,
		Decision: "handoff", ReasonCode: "person_requested", Language: language, Attrs: map[string]string{"team": team}},
		&audit.Content{Question: question}); err != nil {
		t.Fatal(err)
	}
	h, err := env.store.Handoff(ctx, audit.HandoffID(msg))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// queue reads GET /api/v1/handoffs?query as the token's holder.
func queue(t *testing.T, url, token, query string) (int, []queueRow, string) {
	t.Helper()
	code, body := call(t, "GET", url+"/api/v1/handoffs?"+query, token, "")
	var page struct{ Handoffs []queueRow }
	if code == http.StatusOK {
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			t.Fatalf("decode %.300s: %v", body, err)
		}
	}
	return code, page.Handoffs, body
}

// TestQueueViews: each view of the queue and each filter by team and by
// language lists exactly its hand-offs: mine, another agent's, open ones,
// in two teams and two languages.
func TestQueueViews(t *testing.T) {
	env := newEnv(t, nil, Options{})
	srv := env.serve(t)
	ctx := context.Background()
	mette, bo := newAgent(t, env, "Mette", "technical"), newAgent(t, env, "Bo", "billing")

	byName := map[string]audit.Handoff{
		"mine":           handOff(t, env, "cust-1", "technical", "en", "My kettle will not boil"),
		"bo's":           handOff(t, env, "cust-2", "billing", "da", "Min faktura er forkert"),
		"open technical": handOff(t, env, "cust-3", "technical", "da", "Min lampe blinker"),
		"open billing":   handOff(t, env, "cust-4", "billing", "en", "I was charged twice"),
		"resolved mine":  handOff(t, env, "cust-5", "technical", "en", "The plug is dead"),
	}
	claim := func(name string, a deskAgent) {
		if _, err := env.store.ClaimHandoff(ctx, byName[name].ID, audit.Agent{ID: a.actor, Name: a.name}); err != nil {
			t.Fatal(err)
		}
	}
	claim("mine", mette)
	claim("bo's", bo)
	claim("resolved mine", mette)
	if _, err := env.store.ResolveHandoff(ctx, byName["resolved mine"].ID, audit.Agent{ID: mette.actor}); err != nil {
		t.Fatal(err)
	}
	active := []string{"mine", "bo's", "open technical", "open billing"}

	for _, tc := range []struct {
		query string
		as    deskAgent
		want  []string
	}{
		{"", mette, active},
		{"view=all", mette, active},
		{"view=mine", mette, []string{"mine"}},
		{"view=mine", bo, []string{"bo's"}},
		{"view=unassigned", mette, []string{"open technical", "open billing"}},
		{"team=technical", mette, []string{"mine", "open technical"}},
		{"team=billing", mette, []string{"bo's", "open billing"}},
		{"language=en", mette, []string{"mine", "open billing"}},
		{"language=da", mette, []string{"bo's", "open technical"}},
		{"view=unassigned&team=billing", mette, []string{"open billing"}},
		{"view=unassigned&language=da", bo, []string{"open technical"}},
		{"view=mine&team=billing", mette, nil},
		{"view=mine&status=all", mette, []string{"mine", "resolved mine"}},
		{"view=all&status=resolved", bo, []string{"resolved mine"}},
	} {
		t.Run(tc.query+" as "+tc.as.name, func(t *testing.T) {
			code, rows, body := queue(t, srv.URL, tc.as.secret, tc.query)
			if code != http.StatusOK {
				t.Fatalf("= %d %s", code, body)
			}
			var got []string
			for _, r := range rows {
				name := ""
				for n, h := range byName {
					if h.ID == r.ID {
						name = n
					}
				}
				got = append(got, name)
				if mine := r.ClaimedBy == tc.as.actor; r.Mine != mine {
					t.Errorf("%s: mine = %v, claimed by %s", name, r.Mine, r.ClaimedBy)
				}
			}
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("rows = %q, want %q", got, want)
			}
		})
	}
	for _, bad := range []string{"view=theirs", "status=pending"} {
		if code, _, body := queue(t, srv.URL, mette.secret, bad); code != http.StatusBadRequest {
			t.Errorf("%s = %d %s", bad, code, body)
		}
	}
}

// TestAssignOverHTTP: POST /api/v1/handoffs/{id}/assign gives a hand-off
// to an agent: the log records a handoff.assigned event by the assigner
// naming the assignee, whose envelope holds none of the customer's words,
// and the assignee finds it under view=mine. Who may assign what follows
// the claim: anyone an open one, the claimant theirs, an admin any.
func TestAssignOverHTTP(t *testing.T) {
	const question = "My kettle leaks, write to ib.holm@example.dk"
	for _, tc := range []struct {
		name      string
		claimedBy string // "", "bo" or "lis"
		by        string // "bo", "lis" or "admin"
		to        string // "mette", "officer" or "nobody"
		code      int
	}{
		{"an open one, by anyone", "", "lis", "mette", http.StatusOK},
		{"one's own claim passed on", "bo", "bo", "mette", http.StatusOK},
		{"another agent's claim", "bo", "lis", "mette", http.StatusConflict},
		{"another agent's claim, by an admin", "bo", "admin", "mette", http.StatusOK},
		{"to a compliance officer", "", "bo", "officer", http.StatusBadRequest},
		{"to no such agent", "", "bo", "nobody", http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newEnv(t, nil, Options{})
			srv := env.serve(t)
			ctx := context.Background()
			agents := map[string]deskAgent{"mette": newAgent(t, env, "Mette", "technical"), "bo": newAgent(t, env, "Bo", "technical"),
				"lis": newAgent(t, env, "Lis", "billing")}
			admin, _, _ := env.store.CreateToken(ctx, role.Admin, "desk admin", "test")
			_, officer, _ := env.store.CreateToken(ctx, role.Compliance, "officer", "test")
			agents["admin"] = deskAgent{secret: admin}
			agents["officer"] = deskAgent{id: officer.ID}
			agents["nobody"] = deskAgent{id: "t_nobody"}
			h := handOff(t, env, "cust-1", "technical", "en", question)
			if tc.claimedBy != "" {
				a := agents[tc.claimedBy]
				if _, err := env.store.ClaimHandoff(ctx, h.ID, audit.Agent{ID: a.actor, Name: a.name}); err != nil {
					t.Fatal(err)
				}
			}
			before := types(t, env.store)

			to := agents[tc.to]
			code, body := call(t, "POST", srv.URL+"/api/v1/handoffs/"+h.ID+"/assign", agents[tc.by].secret, `{"agent": "`+to.id+`"}`)
			if code != tc.code {
				t.Fatalf("assign = %d %s", code, body)
			}
			var evs []audit.Event
			env.store.Scan(ctx, audit.Filter{Types: []string{audit.TypeAssignment}}, false, func(e audit.Event) error {
				evs = append(evs, e)
				return nil
			})
			if code != http.StatusOK {
				if len(evs) != 0 || !slices.Equal(types(t, env.store), before) {
					t.Errorf("a refused assignment was recorded: %+v", evs)
				}
				if _, rows, _ := queue(t, srv.URL, agents["mette"].secret, "view=mine"); len(rows) != 0 {
					t.Errorf("refused, yet Mette's queue holds %+v", rows)
				}
				return
			}
			var got audit.Handoff
			json.Unmarshal([]byte(body), &got)
			if got.Status != audit.HandoffClaimed || got.ClaimedBy != to.actor || got.AgentName != "Mette" {
				t.Errorf("assigned hand-off = %s", body)
			}
			if len(evs) != 1 {
				t.Fatalf("assignment events = %+v", evs)
			}
			e := evs[0]
			by := agents[tc.by].actor
			if tc.by == "admin" {
				by = "admin:"
			}
			if !strings.HasPrefix(e.Actor, by) || e.Attrs["assignee"] != to.actor || e.Attrs["handoff"] != h.ID ||
				e.Conversation != h.Conversation || e.Subject != h.Subject {
				t.Errorf("the assignment event = %+v", e.Envelope)
			}
			envelope, _ := json.Marshal(e.Envelope)
			for _, secret := range []string{"kettle", "leaks", "ib.holm", "example.dk"} {
				if strings.Contains(string(envelope), secret) {
					t.Errorf("the envelope holds the customer's %q: %s", secret, envelope)
				}
			}

			_, rows, body := queue(t, srv.URL, to.secret, "view=mine")
			if len(rows) != 1 || rows[0].ID != h.ID || !rows[0].Mine {
				t.Errorf("Mette's own queue = %s", body)
			}
			if tc.claimedBy != "" {
				if _, rows, body := queue(t, srv.URL, agents[tc.claimedBy].secret, "view=mine"); len(rows) != 0 {
					t.Errorf("the former claimant's own queue = %s", body)
				}
			}
		})
	}
}
