package web

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"

	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference"
)

// logSink is a log handler's output, safe for concurrent writes.
type logSink struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logSink) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logSink) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// logger logs JSON lines to sink, every level.
func (l *logSink) logger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// request serves one request from remote with the headers given.
func request(t *testing.T, h http.Handler, method, path, remote string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	req.RemoteAddr = remote
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestBearerFailuresLimitedByPeerNotForwardedFor: wrong bearer tokens
// are limited per client address; a client without --trust-proxy cannot
// pass as many with X-Forwarded-For, which is ignored and warned of once.
// Requests without a token do not count.
func TestBearerFailuresLimitedByPeerNotForwardedFor(t *testing.T) {
	var logs logSink
	env := newEnv(t, nil, Options{Logger: logs.logger()})
	h := env.srv.Handler()
	codes := map[int]int{}
	for i := range loginFailures + 3 {
		rec := request(t, h, "GET", "/api/v1/handoffs", "192.0.2.7:5000", map[string]string{
			"Authorization": "Bearer hd_guess" + itoa(i), "X-Forwarded-For": "198.51.100." + itoa(i)})
		codes[rec.Code]++
		if rec.Code == http.StatusTooManyRequests && rec.Header().Get("Retry-After") == "" {
			t.Fatal("429 without Retry-After")
		}
	}
	if codes[http.StatusUnauthorized] != loginFailures || codes[http.StatusTooManyRequests] != 3 {
		t.Fatalf("wrong tokens = %v, want %d refusals then 429s", codes, loginFailures)
	}
	if n := strings.Count(logs.String(), "requests carry X-Forwarded-For, which is ignored"); n != 1 {
		t.Fatalf("the untrusted X-Forwarded-For was warned of %d times, want once:\n%s", n, logs.String())
	}
	// The limited client is refused even with a good token; another
	// address is not.
	if rec := request(t, h, "GET", "/api/v1/handoffs", "192.0.2.7:5001", map[string]string{"Authorization": "Bearer " + env.secret[role.Agent]}); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("the limited client with a good token = %d", rec.Code)
	}
	if rec := request(t, h, "GET", "/api/v1/handoffs", "192.0.2.8:5000", map[string]string{"Authorization": "Bearer " + env.secret[role.Agent]}); rec.Code != http.StatusOK {
		t.Fatalf("another client = %d", rec.Code)
	}
	for range loginFailures + 3 {
		if rec := request(t, h, "GET", "/api/v1/handoffs", "192.0.2.9:5000", nil); rec.Code != http.StatusUnauthorized {
			t.Fatalf("no token = %d, want 401 every time", rec.Code)
		}
	}
}

// TestForwardedForFromTrustedProxy: behind a trusted proxy each forwarded
// client has its own limit, and nothing is warned of.
func TestForwardedForFromTrustedProxy(t *testing.T) {
	var logs logSink
	env := newEnv(t, nil, Options{Logger: logs.logger(), TrustProxy: true,
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.9.0.0/16")}})
	for i := range loginFailures + 3 {
		rec := request(t, env.srv.Handler(), "GET", "/api/v1/handoffs", "10.9.1.1:5000", map[string]string{
			"Authorization": "Bearer hd_guess", "X-Forwarded-For": "198.51.100." + itoa(i)})
		if rec.Code != http.StatusUnauthorized {
			t.Fatalf("client %d behind the proxy = %d", i, rec.Code)
		}
	}
	if strings.Contains(logs.String(), "X-Forwarded-For") {
		t.Fatalf("warned behind a trusted proxy:\n%s", logs.String())
	}
}

// TestConversationReadsAreLimited: one client may read (or delete, or
// guess) only so many conversations a minute, whichever ids it tries.
func TestConversationReadsAreLimited(t *testing.T) {
	env := newEnv(t, nil, Options{})
	h := env.srv.Handler()
	codes := map[int]int{}
	for i := range conversationReads + 5 {
		method := "GET"
		if i%3 == 2 {
			method = "DELETE"
		}
		rec := request(t, h, method, "/api/v1/conversations/"+inference.NewConversationID(), "192.0.2.7:5000", nil)
		codes[rec.Code]++
		if rec.Code == http.StatusTooManyRequests && rec.Header().Get("Retry-After") == "" {
			t.Fatal("429 without Retry-After")
		}
	}
	if codes[http.StatusNotFound] != conversationReads || codes[http.StatusTooManyRequests] != 5 {
		t.Fatalf("reads = %v, want %d then 429s", codes, conversationReads)
	}
	if rec := request(t, h, "GET", "/api/v1/conversations/"+inference.NewConversationID(), "192.0.2.8:5000", nil); rec.Code != http.StatusNotFound {
		t.Fatalf("another client = %d", rec.Code)
	}
}
