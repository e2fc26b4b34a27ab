package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
)

func TestCORSOnlyForCustomerEndpoints(t *testing.T) {
	s := newEnv(t, nil, Options{AllowedOrigins: []string{"https://shop.example"}}).srv
	tests := []struct {
		path, origin string
		allowed      bool
	}{
		{"/api/v1/ask", "https://shop.example", true},
		{"/api/v1/ask", "https://evil.example", false},
		{"/api/v1/tokens", "https://shop.example", false},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodOptions, tt.path, nil)
		req.Header.Set("Origin", tt.origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		got := rec.Header().Get("Access-Control-Allow-Origin") == tt.origin
		if got != tt.allowed {
			t.Errorf("%s from %s: allowed %v, want %v (%v)", tt.path, tt.origin, got, tt.allowed, rec.Header())
		}
	}
}

func TestAskRateLimit(t *testing.T) {
	for _, trust := range []bool{false, true} {
		s := newEnv(t, nil, Options{AskRatePerMinute: 6, TrustProxy: trust,
			TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.9.0.0/16")}}).srv
		codes := map[int]int{}
		for i := range 12 {
			req := httptest.NewRequest(http.MethodPost, "/api/v1/ask", strings.NewReader(`{"question":"hi"}`))
			req.Header.Set("Content-Type", "application/json")
			req.RemoteAddr = "192.0.2.7:5000"
			if trust {
				req.RemoteAddr = "10.9.9.9:5000" // the proxy, on a private network
			}
			// A client that lies about its address must not escape the
			// limit unless the server is told to trust the proxy.
			req.Header.Set("X-Forwarded-For", "198.51.100."+itoa(i))
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			codes[rec.Code]++
			if rec.Code == 429 && rec.Header().Get("Retry-After") == "" {
				t.Fatal("429 without Retry-After")
			}
		}
		if !trust && (codes[429] == 0 || codes[200] != 5) {
			t.Errorf("direct: %v, want 5 answers then 429s", codes)
		}
		if trust && codes[429] != 0 {
			t.Errorf("behind a trusted proxy each forwarded address has its own limit: %v", codes)
		}
	}
}

func TestFrameAncestors(t *testing.T) {
	s := newEnv(t, nil, Options{AllowedOrigins: []string{"https://shop.example"}}).srv
	for path, want := range map[string]string{"/": "https://shop.example", "/healthz": "'none'"} {
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors "+want) && !strings.Contains(csp, "frame-ancestors 'self' "+want) {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if (path == "/") == (rec.Header().Get("X-Frame-Options") != "") {
			t.Errorf("%s: X-Frame-Options %q", path, rec.Header().Get("X-Frame-Options"))
		}
	}
}

// TestOnlyConfiguredProxiesAreTrusted: behind --trust-proxy, a client on
// another private address cannot escape its limit with X-Forwarded-For,
// and IPv6 clients are limited by their /64.
func TestOnlyConfiguredProxiesAreTrusted(t *testing.T) {
	s := newEnv(t, nil, Options{AskRatePerMinute: 6, TrustProxy: true,
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.9.0.0/16")}}).srv
	for _, from := range []func(i int) (remote, xff string){
		func(i int) (string, string) { return "192.168.1.5:5000", "198.51.100." + itoa(i) },  // not a proxy
		func(i int) (string, string) { return "[2001:db8:1:2::" + itoa(i+1) + "]:5000", "" }, // one /64
	} {
		codes := map[int]int{}
		for i := range 12 {
			req := httptest.NewRequest(http.MethodPost, "/api/v1/ask", strings.NewReader(`{"question":"hi"}`))
			req.Header.Set("Content-Type", "application/json")
			remote, xff := from(i)
			req.RemoteAddr = remote
			if xff != "" {
				req.Header.Set("X-Forwarded-For", xff)
			}
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			codes[rec.Code]++
		}
		if codes[429] == 0 {
			t.Errorf("a client escaped its limit: %v", codes)
		}
	}
}

// TestLoginFailuresAreLimited: after too many wrong tokens one client is
// refused for a while, and every failure is a security event.
func TestLoginFailuresAreLimited(t *testing.T) {
	env := newEnv(t, nil, Options{})
	codes := map[int]int{}
	for range loginFailures + 3 {
		req := httptest.NewRequest(http.MethodPost, "/console/login", strings.NewReader(`{"token":"guess"}`))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		env.srv.Handler().ServeHTTP(rec, req)
		codes[rec.Code]++
	}
	if codes[401] != loginFailures || codes[429] != 3 {
		t.Fatalf("log-ins = %v, want %d refusals then 429s", codes, loginFailures)
	}
	n := 0
	env.store.Scan(context.Background(), audit.Filter{Types: []string{audit.TypeLoginFailed}}, false, func(audit.Event) error { n++; return nil })
	if n != loginFailures {
		t.Fatalf("%d failed log-ins recorded, want %d", n, loginFailures)
	}
}

// TestLoginFromAnotherSiteIsRefused: a page on another origin cannot log
// a browser in.
func TestLoginFromAnotherSiteIsRefused(t *testing.T) {
	env := newEnv(t, nil, Options{})
	req := httptest.NewRequest(http.MethodPost, "/console/login", strings.NewReader(`{"token":"`+env.secret[role.Admin]+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "https://evil.example")
	rec := httptest.NewRecorder()
	env.srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Fatalf("cross-site log-in = %d", rec.Code)
	}
}

// TestJSONBodiesNeedJSONType: a JSON endpoint refuses a body sent as a
// form, as another site's form would send it.
func TestJSONBodiesNeedJSONType(t *testing.T) {
	env := newEnv(t, nil, Options{})
	req := httptest.NewRequest(http.MethodPost, "/api/v1/ask", strings.NewReader(`{"question":"hi"}`))
	req.Header.Set("Content-Type", "text/plain")
	rec := httptest.NewRecorder()
	env.srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusUnsupportedMediaType {
		t.Fatalf("text/plain body = %d", rec.Code)
	}
}

// TestUnknownMethodsAreRefusedBeforeMetrics: a method of the client's
// making is answered 405 and never becomes a label or a log field.
func TestUnknownMethodsAreRefusedBeforeMetrics(t *testing.T) {
	env := newEnv(t, nil, Options{})
	method := strings.Repeat("X", 10000)
	req := httptest.NewRequest(http.MethodGet, "/api/v1/ask", nil)
	req.Method = method
	rec := httptest.NewRecorder()
	env.srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("%d-byte method = %d", len(method), rec.Code)
	}
	m := httptest.NewRecorder()
	env.srv.Handler().ServeHTTP(m, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if strings.Contains(m.Body.String(), "XXXXXXXX") {
		t.Fatal("the method reached the metrics")
	}
}
