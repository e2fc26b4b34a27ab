package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
		s := newEnv(t, nil, Options{AskRatePerMinute: 6, TrustProxy: trust}).srv
		codes := map[int]int{}
		for i := range 12 {
			req := httptest.NewRequest(http.MethodPost, "/api/v1/ask", strings.NewReader(`{"question":"hi"}`))
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
