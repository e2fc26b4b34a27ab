package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/labstack/echo/v4"
)

// authServer has one route per role that answers with the actor.
func authServer(t *testing.T) (*httptest.Server, *testEnv) {
	t.Helper()
	env := newEnv(t, nil, Options{})
	for _, r := range role.All() {
		h := func(c echo.Context) error { return c.String(200, principal(c).Actor()) }
		env.srv.echo.GET("/t/"+string(r), h, env.srv.requireRole(r))
		env.srv.echo.POST("/t/"+string(r), h, env.srv.requireRole(r))
	}
	return env.serve(t), env
}

func TestRoles(t *testing.T) {
	srv, env := authServer(t)
	tests := []struct {
		route, header string
		status        int
	}{
		{"compliance", "", 401},
		{"compliance", "Bearer nope", 401},
		{"compliance", "Basic Y29tcGxpYW5jZS1zZWNyZXQ=", 401},
		{"compliance", "Bearer " + env.secret[role.Agent], 403},
		{"compliance", "Bearer " + env.secret[role.Compliance], 200},
		{"compliance", "Bearer " + env.secret[role.Admin], 403}, // duties are separate
		{"agent", "Bearer " + env.secret[role.Admin], 403},
		{"agent", "Bearer " + env.secret[role.Agent], 200},
		{"agent", "bearer " + env.secret[role.Agent], 200},
		{"admin", "Bearer " + env.secret[role.Compliance], 403},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/t/"+tt.route, nil)
		if tt.header != "" {
			req.Header.Set("Authorization", tt.header)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s with %q = %d, want %d", tt.route, tt.header, resp.StatusCode, tt.status)
		}
		if resp.StatusCode == 401 && resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("401 without WWW-Authenticate")
		}
	}
}

func TestConsoleSessionAndCSRF(t *testing.T) {
	srv, env := authServer(t)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err := client.Post(srv.URL+"/console/login", "application/json", strings.NewReader(`{"token":"wrong"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("bad login = %d", resp.StatusCode)
	}
	resp, _ = client.Post(srv.URL+"/console/login", "application/json", strings.NewReader(`{"token":"`+env.secret[role.Compliance]+`"}`))
	var login struct {
		Role string
		CSRF string `json:"csrf_token"`
	}
	json.NewDecoder(resp.Body).Decode(&login)
	resp.Body.Close()
	ck := resp.Cookies()
	if len(ck) != 1 || !ck[0].HttpOnly || ck[0].SameSite != http.SameSiteStrictMode || login.CSRF == "" {
		t.Fatalf("login = %+v cookies %+v", login, ck)
	}
	// Reads with the cookie work; writes need the CSRF header.
	resp, _ = client.Get(srv.URL + "/t/compliance")
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET with session = %d", resp.StatusCode)
	}
	resp, _ = client.Post(srv.URL+"/t/compliance", "application/json", nil)
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("POST without CSRF = %d", resp.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/t/compliance", nil)
	req.Header.Set(csrfHeader, login.CSRF)
	resp, _ = client.Do(req)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("POST with CSRF = %d", resp.StatusCode)
	}
	resp, _ = client.Get(srv.URL + "/t/admin")
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Fatalf("compliance session on admin route = %d", resp.StatusCode)
	}
	resp, _ = client.Post(srv.URL+"/console/logout", "application/json", nil)
	resp.Body.Close()
	resp, _ = client.Get(srv.URL + "/t/compliance")
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("after logout = %d", resp.StatusCode)
	}
}

// TestRevokedTokenEndsItsSessions: revoking a token (or changing its
// role) ends its console sessions at once, not hours later.
func TestRevokedTokenEndsItsSessions(t *testing.T) {
	srv, env := authServer(t)
	ctx := context.Background()
	secret, tok, err := env.store.CreateToken(ctx, role.Admin, "to revoke", "test")
	if err != nil {
		t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err := client.Post(srv.URL+"/console/login", "application/json", strings.NewReader(`{"token":"`+secret+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	get := func() int {
		resp, err := client.Get(srv.URL + "/t/admin")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := get(); code != 200 {
		t.Fatalf("before revocation = %d", code)
	}
	// Revoked behind the server's back (another replica, the command
	// line): the next request of the session is refused.
	if err := env.store.RevokeToken(ctx, tok.ID, "test"); err != nil {
		t.Fatal(err)
	}
	if code := get(); code != 401 {
		t.Fatalf("after revocation = %d, want 401", code)
	}
}

// TestSessionIdleTimeout: a console left alone logs itself out.
func TestSessionIdleTimeout(t *testing.T) {
	ss := newSessions(nil)
	now := time.Unix(1e9, 0)
	ss.now = func() time.Time { return now }
	ctx := context.Background()
	id, _, err := ss.create(ctx, Principal{TokenID: "t_1", Role: role.Agent})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(sessionIdle - time.Minute)
	if _, ok := ss.get(ctx, id); !ok {
		t.Fatal("a session in use ended")
	}
	now = now.Add(sessionIdle + time.Minute)
	if _, ok := ss.get(ctx, id); ok {
		t.Fatal("an idle session lived on")
	}
}
