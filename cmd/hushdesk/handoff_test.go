package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/web"
)

// webhookSink records what the webhook receives, failing the first call to
// exercise the retry.
type webhookSink struct {
	mu     sync.Mutex
	events []string
	bad    int
	calls  int
}

func (w *webhookSink) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls++
	if w.calls == 1 {
		rw.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	if r.Header.Get("X-Hushdesk-Signature") != web.Sign("hook-secret", r.Header.Get("X-Hushdesk-Timestamp"), body) {
		w.bad++
	}
	w.events = append(w.events, r.Header.Get("X-Hushdesk-Event")+" "+string(body))
}

func (w *webhookSink) snapshot() ([]string, int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.events...), w.bad
}

// openEvents subscribes to a conversation's events and returns a channel
// of "name data" lines.
func openEvents(t *testing.T, url string) (<-chan string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "event: "); ok {
				name = n
			} else if d, ok := strings.CutPrefix(line, "data: "); ok {
				out <- name + " " + d
			}
		}
	}()
	return out, cancel
}

func next(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case s := <-ch:
		return s
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5s")
	}
	return ""
}

func TestHandoffToAgentAndBack(t *testing.T) {
	sink := &webhookSink{}
	hook := startHTTP(t, sink)
	t.Setenv("HUSHDESK_WEBHOOK_SECRET", "hook-secret")
	ts := startServer(t, func(c *Config) {
		c.AdminToken, c.WebhookURL, c.WebhookSecret = adminToken, hook, "hook-secret"
	})
	// The customer asks for a person and keeps the conversation open.
	code, r, raw := ts.ask(t, `{"question": "Can I talk to a real person? My parcel LH123456789DK is lost"}`)
	if code != 200 || r.Decision != "handoff" {
		t.Fatalf("ask = %s", raw)
	}
	events, stop := openEvents(t, ts.URL+"/api/v1/conversations/"+r.ConversationID+"/events")
	defer stop()
	if ev := next(t, events); !strings.Contains(ev, `"status":"open"`) {
		t.Fatalf("first event = %s", ev)
	}

	other := ts.newToken(t, "agent")
	code, body, _ := ts.call(t, "POST", "/api/v1/tokens", adminToken, `{"role": "agent", "label": "delivery desk", "name": "Mette"}`)
	var tok struct{ Token string }
	if json.Unmarshal([]byte(body), &tok); code != 201 || !strings.Contains(body, `"name":"Mette"`) {
		t.Fatalf("agent token = %d %s", code, body)
	}
	agent := tok.Token
	_, body, _ = ts.call(t, "GET", "/api/v1/handoffs", agent, "")
	var list struct {
		Handoffs []struct{ ID, Team, Status, ReasonCode string }
	}
	json.Unmarshal([]byte(body), &list)
	if len(list.Handoffs) != 1 || list.Handoffs[0].ID != audit.HandoffID(r.MessageID) || list.Handoffs[0].Team != "delivery" {
		t.Fatalf("queue = %s", body)
	}
	code, body, _ = ts.call(t, "GET", "/api/v1/handoffs/"+audit.HandoffID(r.MessageID), agent, "")
	if code != 200 || !strings.Contains(body, "LH123456789DK") || !strings.Contains(body, `"role":"customer"`) {
		t.Fatalf("detail = %d %s", code, body)
	}
	if code, _, _ := ts.call(t, "POST", "/api/v1/handoffs/"+audit.HandoffID(r.MessageID)+"/claim", agent, ""); code != 200 {
		t.Fatalf("claim = %d", code)
	}
	// The customer is told who joined, by the name the agent shows.
	if ev := next(t, events); !strings.Contains(ev, `"agent_name":"Mette"`) || !strings.Contains(ev, `"status":"claimed"`) {
		t.Fatalf("claim event = %s", ev)
	}
	if code, body, _ := ts.call(t, "POST", "/api/v1/handoffs/"+audit.HandoffID(r.MessageID)+"/claim", other, ""); code != 409 {
		t.Fatalf("second agent's claim = %d %s", code, body)
	}

	// The agent's reply reaches the open conversation as written, and is
	// stored redacted.
	code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+audit.HandoffID(r.MessageID)+"/reply", agent,
		`{"text": "Hello, Mette here! I've found it; we'll email you at ole@example.dk today."}`)
	if code != 200 || !strings.Contains(body, `"delivered_live":true`) || strings.Contains(body, `"stored":"Hello! I've found it; we'll email you at ole@`) {
		t.Fatalf("reply = %d %s", code, body)
	}
	if ev := next(t, events); !strings.HasPrefix(ev, "agent_reply") || !strings.Contains(ev, "ole@example.dk") {
		t.Fatalf("customer got %s", ev)
	}
	next(t, events) // the status change of the reply
	_, tr, _ := ts.call(t, "GET", "/api/v1/conversations/"+r.ConversationID, "", "")
	if !strings.Contains(tr, `"role":"agent"`) || strings.Contains(tr, "ole@example.dk") || !strings.Contains(tr, "[e-mail address]") ||
		!strings.Contains(tr, "Mette here") || !strings.Contains(tr, `"agent_name":"Mette"`) || strings.Contains(tr, "<EMAIL_") {
		t.Fatalf("transcript = %s", tr)
	}
	// The agent may see a value behind a placeholder only with a reason,
	// and the reveal is an event compliance officers see.
	code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+audit.HandoffID(r.MessageID)+"/reveal", agent, `{"label": "<EMAIL_1>", "reason": "x"}`)
	if code != 400 {
		t.Fatalf("reveal without a real reason = %d %s", code, body)
	}
	code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+audit.HandoffID(r.MessageID)+"/reveal", other, `{"label": "<EMAIL_1>", "reason": "to check the address for the parcel"}`)
	if code != 409 {
		t.Fatalf("reveal by another agent = %d %s", code, body)
	}
	// While the person has it, the assistant stays quiet.
	_, r2, _ := ts.ask(t, fmt.Sprintf(`{"question": "thanks! my other address is kim@example.dk", "conversation_id": %q}`, r.ConversationID))
	if r2.ReasonCode != "awaiting_person" || r2.Answer != "" {
		t.Fatalf("while handed off = %+v", r2)
	}
	code, body, _ = ts.call(t, "POST", "/api/v1/handoffs/"+audit.HandoffID(r.MessageID)+"/reveal", agent, `{"label": "<EMAIL_2>", "reason": "to send the parcel's new tracking link"}`)
	if code != 200 || !strings.Contains(body, `"value":"kim@example.dk"`) {
		t.Fatalf("reveal = %d %s", code, body)
	}
	_, body, _ = ts.call(t, "GET", "/api/v1/audit/events?type=handoff.reveal", ts.newToken(t, "compliance"), "")
	if !strings.Contains(body, `"label":"\u003cEMAIL_2\u003e"`) && !strings.Contains(body, `"label":"<EMAIL_2>"`) {
		t.Fatalf("the reveal is not in the log: %s", body)
	}
	if strings.Contains(body, "kim@example.dk") {
		t.Fatal("the revealed value is in the log")
	}
	if code, _, _ := ts.call(t, "POST", "/api/v1/handoffs/"+audit.HandoffID(r.MessageID)+"/resolve", agent, ""); code != 200 {
		t.Fatalf("resolve = %d", code)
	}
	if ev := next(t, events); !strings.Contains(ev, `"status":"resolved"`) || !strings.Contains(ev, "Mette has finished") {
		t.Fatalf("resolve event = %s", ev)
	}
	if _, tr, _ := ts.call(t, "GET", "/api/v1/conversations/"+r.ConversationID, "", ""); !strings.Contains(tr, `"reason":"handed_back"`) {
		t.Fatalf("transcript after the hand-back = %s", tr)
	}
	_, r3, _ := ts.ask(t, fmt.Sprintf(`{"question": "how do returns work?", "conversation_id": %q}`, r.ConversationID))
	if r3.Decision != "answer" {
		t.Fatalf("after resolution = %+v", r3)
	}
	// The customer's button asks for a person directly.
	code, body, _ = ts.call(t, "POST", "/api/v1/handoff", "", `{"language": "ms"}`)
	if code != 200 || !strings.Contains(body, `"decision":"handoff"`) || !strings.Contains(body, `"language":"ms"`) {
		t.Fatalf("button = %d %s", code, body)
	}
	if code, _, _ := ts.call(t, "GET", "/api/v1/handoffs", "", ""); code != 401 {
		t.Fatalf("queue without a token = %d", code)
	}
	// The support report counts all this, and names the gaps.
	code, body, _ = ts.call(t, "GET", "/api/v1/reports/support", agent, "")
	if code != 200 || !strings.Contains(body, `"person_requested":2`) || !strings.Contains(body, `"knowledge_gaps"`) {
		t.Fatalf("support report = %d %s", code, body)
	}
	code, body, _ = ts.call(t, "GET", "/api/v1/reports/support?format=html", agent, "")
	if code != 200 || !strings.Contains(body, "Knowledge gaps") || !strings.Contains(body, "<svg") {
		t.Fatalf("support page = %d %.300s", code, body)
	}

	// The webhook got every change, signed, after one failed delivery.
	deadline := time.Now().Add(10 * time.Second)
	for {
		evs, bad := sink.snapshot()
		if len(evs) >= 5 {
			if bad != 0 {
				t.Fatalf("%d unsigned webhook calls", bad)
			}
			joined := strings.Join(evs, "\n")
			for _, want := range []string{"handoff.created", "handoff.claimed", "handoff.replied", "handoff.resolved"} {
				if !strings.Contains(joined, want) {
					t.Fatalf("webhook lacks %s:\n%s", want, joined)
				}
			}
			if strings.Contains(joined, "LH123456789DK") || strings.Contains(joined, "ole@") {
				t.Fatalf("webhook carried customer text:\n%s", joined)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("webhook got %d events: %v", len(evs), evs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestRevokedAgentsClaimsGoBack: a hand-off claimed by an agent whose
// token is revoked goes back to the queue; admins reassign and release.
func TestRevokedAgentsClaimsGoBack(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	_, r, _ := ts.ask(t, `{"question": "Can I talk to a real person please?"}`)
	ids := map[string]string{}
	agents := map[string]string{}
	for _, name := range []string{"ann", "bo"} {
		code, body, _ := ts.call(t, "POST", "/api/v1/tokens", adminToken, fmt.Sprintf(`{"role": "agent", "label": "desk", "name": %q}`, name))
		var tok struct{ Token, ID string }
		if json.Unmarshal([]byte(body), &tok); code != 201 {
			t.Fatalf("token = %d %s", code, body)
		}
		agents[name], ids[name] = tok.Token, tok.ID
	}
	path := "/api/v1/handoffs/" + audit.HandoffID(r.MessageID)
	if code, body, _ := ts.call(t, "POST", path+"/claim", agents["ann"], ""); code != 200 {
		t.Fatalf("claim = %d %s", code, body)
	}
	if code, _, _ := ts.call(t, "POST", path+"/release", agents["bo"], ""); code != 409 {
		t.Fatalf("another agent released the claim: %d", code)
	}
	if code, _, _ := ts.call(t, "DELETE", "/api/v1/tokens/"+ids["ann"], adminToken, ""); code != 204 {
		t.Fatalf("revoke = %d", code)
	}
	if _, body, _ := ts.call(t, "GET", path, agents["bo"], ""); !strings.Contains(body, `"status":"open"`) {
		t.Fatalf("after the revocation = %s", body)
	}
	// The admin assigns it to Bo, who sees it as his; a bad agent id is refused.
	if code, body, _ := ts.call(t, "POST", path+"/assign", adminToken, `{"agent": "t_nobody"}`); code != 400 {
		t.Fatalf("assign to nobody = %d %s", code, body)
	}
	if code, body, _ := ts.call(t, "POST", path+"/assign", adminToken, fmt.Sprintf(`{"agent": %q}`, ids["bo"])); code != 200 ||
		!strings.Contains(body, `"agent_name":"bo"`) || !strings.Contains(body, `"status":"claimed"`) {
		t.Fatalf("assign = %d %s", code, body)
	}
	if code, body, _ := ts.call(t, "POST", path+"/release", agents["bo"], ""); code != 200 || !strings.Contains(body, `"status":"open"`) {
		t.Fatalf("release by its claimant = %d %s", code, body)
	}
}
