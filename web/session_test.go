package web

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit/role"
)

// TestSessionCookieSecureBehindTrustedProxy: the session cookie is Secure
// (and named __Host-) when a trusted proxy says the browser came over
// HTTPS; a proxy that is not trusted, or a server not told to trust
// proxies, cannot make it so, and a plain request never is.
func TestSessionCookieSecureBehindTrustedProxy(t *testing.T) {
	proxies := []netip.Prefix{netip.MustParsePrefix("10.9.0.0/16")}
	for _, tt := range []struct {
		name   string
		opts   Options
		remote string
		proto  string
		secure bool
	}{
		{"trusted proxy, https", Options{TrustProxy: true, TrustedProxies: proxies}, "10.9.1.1:4000", "https", true},
		{"loopback proxy, https", Options{TrustProxy: true}, "127.0.0.1:4000", "https", true},
		{"trusted proxy, http", Options{TrustProxy: true, TrustedProxies: proxies}, "10.9.1.1:4000", "http", false},
		{"trusted proxy, no header", Options{TrustProxy: true, TrustedProxies: proxies}, "10.9.1.1:4000", "", false},
		{"proxies not trusted", Options{TrustedProxies: proxies}, "10.9.1.1:4000", "https", false},
		{"a peer that is not a trusted proxy", Options{TrustProxy: true, TrustedProxies: proxies}, "192.0.2.7:4000", "https", false},
		{"another private address", Options{TrustProxy: true, TrustedProxies: proxies}, "192.168.1.5:4000", "https", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t, nil, tt.opts)
			req := httptest.NewRequest(http.MethodPost, "/console/login", strings.NewReader(`{"token":"`+env.secret[role.Agent]+`"}`))
			req.Header.Set("Content-Type", "application/json")
			req.RemoteAddr = tt.remote
			if tt.proto != "" {
				req.Header.Set("X-Forwarded-Proto", tt.proto)
			}
			rec := httptest.NewRecorder()
			env.srv.Handler().ServeHTTP(rec, req)
			cookies := rec.Result().Cookies()
			if rec.Code != http.StatusOK || len(cookies) != 1 {
				t.Fatalf("log-in = %d, cookies %v", rec.Code, cookies)
			}
			ck := cookies[0]
			if ck.Secure != tt.secure || strings.HasPrefix(ck.Name, "__Host-") != tt.secure || !ck.HttpOnly {
				t.Fatalf("cookie %s: Secure %v HttpOnly %v, want Secure %v", ck.Name, ck.Secure, ck.HttpOnly, tt.secure)
			}
		})
	}
}
