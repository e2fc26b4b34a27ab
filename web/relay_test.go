package web

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
	"github.com/hushdesk/hushdesk/audit/role"
)

// relayDatabase is a fresh database on the throwaway PostgreSQL of
// .ci/run; without one the test is skipped, except under CI.
func relayDatabase(t *testing.T) string {
	t.Helper()
	base := os.Getenv("HUSHDESK_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("HUSHDESK_TEST_POSTGRES is not set: .ci/run starts PostgreSQL for these tests")
		}
		t.Skip("no PostgreSQL: set HUSHDESK_TEST_POSTGRES (see .ci/postgres)")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	name := "hd_web_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(context.Background(), base); err == nil {
			c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			c.Close(context.Background())
		}
	})
	u, _ := url.Parse(base)
	u.Path = "/" + name
	return u.String()
}

// TestAgentReplyReachesACustomerOnAnotherReplica: the customer watches
// the conversation through replica B; the agent answers through replica
// A; the reply travels by the PostgreSQL relay.
func TestAgentReplyReachesACustomerOnAnotherReplica(t *testing.T) {
	db := relayDatabase(t)
	ctx := context.Background()
	relay := func() Relay {
		s, err := pgstore.Open(ctx, db, pgstore.Options{MasterKey: strings.Repeat("ab", 32), DataDir: t.TempDir(),
			RetentionInterval: -1, CheckpointInterval: -1})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s.Relay()
	}
	var parts Parts
	a := newEnv(t, nil, Options{Company: "Testco", Relay: relay()}, func(p *Parts) { parts = *p })
	b, err := New(parts, Options{Company: "Testco", Relay: relay()})
	if err != nil {
		t.Fatal(err)
	}
	onA, onB := a.serve(t), httptest.NewServer(b.Handler())
	t.Cleanup(onB.Close)

	// A conversation handed off to a person.
	const capability = "c_BBBBBBBBBBBBBBBBBBBBBB"
	ref := a.store.ConversationRef(capability)
	if _, err := a.store.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Conversation: ref, Message: "m_relay1",
		Decision: "handoff", ReasonCode: "asked_for_person", Language: "en"}, &audit.Content{Question: "A person, please"}); err != nil {
		t.Fatal(err)
	}
	id := audit.HandoffID("m_relay1")

	// The customer listens on B.
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, onB.URL+"/api/v1/conversations/"+capability+"/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		name := ""
		for sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				name = n
			} else if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				lines <- name + " " + d
			}
		}
	}()
	wait := func(want string) string {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case l := <-lines:
				if strings.HasPrefix(l, want) {
					return l
				}
			case <-deadline:
				t.Fatalf("no %q event on B within 10s", want)
			}
		}
	}
	wait("status")
	time.Sleep(300 * time.Millisecond) // B's relay listens

	// The agent claims and answers on A.
	agent := a.secret[role.Agent]
	call := func(path, body string) {
		t.Helper()
		r, _ := http.NewRequest(http.MethodPost, onA.URL+path, strings.NewReader(body))
		r.Header.Set("Authorization", "Bearer "+agent)
		r.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(r)
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("POST %s: %v %v", path, res.Status, err)
		}
		res.Body.Close()
	}
	call("/api/v1/handoffs/"+id+"/claim", "")
	if got := wait("status"); !strings.Contains(got, `"claimed"`) {
		t.Fatalf("claim seen on B as %s", got)
	}
	call("/api/v1/handoffs/"+id+"/reply", `{"text": "Hello, I have your order here."}`)
	if got := wait("agent_reply"); !strings.Contains(got, "I have your order here") {
		t.Fatalf("reply seen on B as %s", got)
	}
}
