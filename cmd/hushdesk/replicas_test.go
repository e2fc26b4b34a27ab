package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/retrieval/pgdb/pgdbtest"
)

// testMasterKey is the master key every replica of a test shares.
const testMasterKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

// testDatabase returns the URL of a fresh database on the throwaway
// PostgreSQL of .ci/postgres (HUSHDESK_TEST_POSTGRES), dropped when the
// test ends. Without one the test is skipped, except under CI.
func testDatabase(t testing.TB) string {
	t.Helper()
	return pgdbtest.Database(t)
}

// startReplica starts a server on the shared store db, with a data
// directory (and so an index of the shared knowledge base) of its own.
func startReplica(t *testing.T, db string, edit func(*Config)) *testServer {
	t.Helper()
	return startServer(t, func(c *Config) {
		c.Store, c.MasterKey, c.AdminToken = db, testMasterKey, adminToken
		if edit != nil {
			edit(c)
		}
	})
}

// console is a browser's console session on one replica or another: one
// cookie jar, one CSRF token.
type console struct {
	client *http.Client
	csrf   string
}

func (c *console) do(t *testing.T, ts *testServer, method, path string) int {
	t.Helper()
	req, _ := http.NewRequest(method, ts.URL+path, nil)
	req.Header.Set("X-CSRF-Token", c.csrf)
	resp, err := c.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestReplicasShareOneDatabase: two replicas on one PostgreSQL database
// are one service. A hand-off opened through A is claimed and answered by
// an agent on B, and the customer connected to A gets the reply live; a
// console session made on A works on B until it is logged out on A; a
// token revoked on A is refused on B; a conversation erased through A
// can no longer be read through B.
func TestReplicasShareOneDatabase(t *testing.T) {
	db := testDatabase(t)
	a := startReplica(t, db, nil)
	b := startReplica(t, db, nil)

	code, r, raw := a.ask(t, `{"question": "Can I talk to a real person? My email is ole@example.dk"}`)
	if code != 200 || r.Decision != "handoff" {
		t.Fatalf("ask on A = %s", raw)
	}
	events, stop := openEvents(t, a.URL+"/api/v1/conversations/"+r.ConversationID+"/events")
	defer stop()
	if ev := next(t, events); !strings.Contains(ev, `"status":"open"`) {
		t.Fatalf("first event on A = %s", ev)
	}
	agent, agentID := a.agentToken(t, "Mette", "")
	id := audit.HandoffID(r.MessageID)
	if code, body, _ := b.call(t, "GET", "/api/v1/handoffs", agent, ""); code != 200 || !strings.Contains(body, id) {
		t.Fatalf("B's queue = %d %s", code, body)
	}
	if code, body, _ := b.call(t, "POST", "/api/v1/handoffs/"+id+"/claim", agent, ""); code != 200 {
		t.Fatalf("claim on B = %d %s", code, body)
	}
	if ev := next(t, events); !strings.Contains(ev, `"status":"claimed"`) {
		t.Fatalf("claim seen on A = %s", ev)
	}
	code, body, _ := b.call(t, "POST", "/api/v1/handoffs/"+id+"/reply", agent, `{"text": "Mette here; we will write to you at ole@example.dk."}`)
	if code != 200 {
		t.Fatalf("reply on B = %d %s", code, body)
	}
	if ev := next(t, events); !strings.HasPrefix(ev, "agent_reply") || !strings.Contains(ev, "ole@example.dk") {
		t.Fatalf("the customer on A got %s", ev)
	}
	// The customer's next message goes through B: the person has the
	// conversation there too, and the same value keeps its placeholder.
	_, r2, raw := b.ask(t, fmt.Sprintf(`{"question": "thanks, it is ole@example.dk", "conversation_id": %q}`, r.ConversationID))
	if r2.ReasonCode != "awaiting_person" {
		t.Fatalf("follow-up on B = %s", raw)
	}
	if _, tr, _ := a.call(t, "GET", "/api/v1/conversations/"+r.ConversationID, "", ""); strings.Contains(tr, "<EMAIL_2>") || strings.Count(tr, `"role":"customer"`) != 2 {
		t.Fatalf("transcript on A after B = %s", tr)
	}

	// A console session made on A works on B, and ends on both at once.
	jar, _ := cookiejar.New(nil) // one host, two ports: the browser sends the cookie to both
	c := &console{client: &http.Client{Jar: jar}}
	req, _ := http.NewRequest("POST", a.URL+"/console/login", strings.NewReader(fmt.Sprintf(`{"token": %q}`, agent)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var sess struct {
		CSRF string `json:"csrf_token"`
	}
	json.NewDecoder(resp.Body).Decode(&sess)
	resp.Body.Close()
	if resp.StatusCode != 200 || sess.CSRF == "" {
		t.Fatalf("log-in on A = %d", resp.StatusCode)
	}
	c.csrf = sess.CSRF
	if code := c.do(t, b, "GET", "/console/session"); code != 200 {
		t.Fatalf("A's session on B = %d", code)
	}
	if code := c.do(t, b, "GET", "/api/v1/handoffs"); code != 200 {
		t.Fatalf("A's session reading B's queue = %d", code)
	}
	if code := c.do(t, a, "POST", "/console/logout"); code != 204 {
		t.Fatalf("log-out on A = %d", code)
	}
	if code := c.do(t, b, "GET", "/api/v1/handoffs"); code != 401 {
		t.Fatalf("a session logged out on A answers %d on B", code)
	}

	// A token revoked on A is refused on B at once.
	if code, _, _ := b.call(t, "GET", "/api/v1/handoffs", agent, ""); code != 200 {
		t.Fatalf("the agent on B before the revocation = %d", code)
	}
	if code, body, _ := a.call(t, "DELETE", "/api/v1/tokens/"+agentID, adminToken, ""); code != 200 && code != 204 {
		t.Fatalf("revoke on A = %d %s", code, body)
	}
	if code, _, _ := b.call(t, "GET", "/api/v1/handoffs", agent, ""); code != 401 {
		t.Fatalf("a token revoked on A answers %d on B", code)
	}

	// A conversation erased through A is unreadable through B.
	if code, body, _ := a.call(t, "DELETE", "/api/v1/conversations/"+r.ConversationID, "", ""); code != 200 {
		t.Fatalf("erase on A = %d %s", code, body)
	}
	_, tr, _ := b.call(t, "GET", "/api/v1/conversations/"+r.ConversationID, "", "")
	if strings.Contains(tr, "Mette here") || strings.Contains(tr, "real person") {
		t.Fatalf("B still reads the erased conversation: %s", tr)
	}
	if code, body, _ := b.call(t, "GET", "/api/v1/handoffs/"+id, b.newToken(t, "agent"), ""); code != 404 {
		t.Fatalf("the erased conversation's hand-off on B = %d %s", code, body)
	}
}
