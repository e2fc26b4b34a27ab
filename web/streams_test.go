package web

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit/role"
)

// TestEventStreamCaps: the agents' queue stream counts against the
// agent's token, not the address, so a team behind one office address
// each gets theirs beyond the per-address cap; one token opening too
// many is refused, and anonymous customers' streams are still capped
// by address.
func TestEventStreamCaps(t *testing.T) {
	env := newEnv(t, nil, Options{})
	ts := env.serve(t)
	client := &http.Client{Transport: &http.Transport{}}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); client.CloseIdleConnections() }) // before the server closes
	// open opens an event stream and, when it is accepted, reads its
	// first event, so that it is counted; every stream comes from
	// 127.0.0.1.
	open := func(path, token string) (int, string, http.Header) {
		t.Helper()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(b), resp.Header
		}
		line, err := bufio.NewReader(resp.Body).ReadString('\n')
		if err != nil {
			t.Fatalf("%s: first event: %v", path, err)
		}
		return resp.StatusCode, line, resp.Header
	}
	const queue, conversation = "/api/v1/handoffs/events", "/api/v1/conversations/c_AAAAAAAAAAAAAAAAAAAAAA/events"

	// More agents than one address may hold streams, each with a token.
	for i := range streamsPerClient + 2 {
		secret, _, err := env.store.CreateToken(ctx, role.Agent, fmt.Sprintf("agent %d", i), "test")
		if err != nil {
			t.Fatal(err)
		}
		if code, body, _ := open(queue, secret); code != http.StatusOK || !strings.HasPrefix(body, "event: ready") {
			t.Fatalf("agent %d's queue stream = %d %s", i, code, body)
		}
	}

	// One token has a cap of its own.
	agent := env.secret[role.Agent]
	for i := range streamsPerPrincipal {
		if code, body, _ := open(queue, agent); code != http.StatusOK {
			t.Fatalf("stream %d of one token = %d %s", i+1, code, body)
		}
	}
	code, body, h := open(queue, agent)
	if code != http.StatusTooManyRequests || !strings.Contains(body, "too many event streams open with this token or console session") || h.Get("Retry-After") == "" {
		t.Fatalf("one stream over the token's cap = %d %s (Retry-After %q)", code, body, h.Get("Retry-After"))
	}

	// Anonymous customers' streams are capped by address, the agents'
	// streams from the same address notwithstanding.
	for i := range streamsPerClient {
		if code, body, _ := open(conversation, ""); code != http.StatusOK || !strings.HasPrefix(body, "event: status") {
			t.Fatalf("customer stream %d = %d %s", i+1, code, body)
		}
	}
	code, body, _ = open(conversation, "")
	if code != http.StatusTooManyRequests || !strings.Contains(body, "too many event streams open from this address") {
		t.Fatalf("one customer stream over the address's cap = %d %s", code, body)
	}
}

// TestStreamCounter: each holder has its cap, the server one in all, and
// a stream given back makes room again.
func TestStreamCounter(t *testing.T) {
	s := newStreamCounter(3)
	for i, step := range []struct {
		release bool
		key     string
		max     int
		want    streamRefusal
	}{
		{key: "a", max: 1, want: streamOK},
		{key: "a", max: 1, want: streamHolderFull},
		{key: "b", max: 2, want: streamOK},
		{key: "b", max: 2, want: streamOK},
		{key: "c", max: 5, want: streamServerFull},
		{release: true, key: "b"},
		{key: "c", max: 5, want: streamOK},
		{release: true, key: "a"},
		{key: "a", max: 1, want: streamOK},
	} {
		if step.release {
			s.release(step.key)
			continue
		}
		if got := s.acquire(step.key, step.max); got != step.want {
			t.Fatalf("step %d: acquire(%q, %d) = %d, want %d", i, step.key, step.max, got, step.want)
		}
	}
}
