package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

// fakeAuth knows one token per role: "<role>-secret".
type fakeAuth struct{}

func (fakeAuth) Authenticate(_ context.Context, secret string) (Principal, error) {
	for _, r := range []string{RoleAgent, RoleCompliance, RoleAdmin} {
		if secret == r+"-secret" {
			return Principal{TokenID: "t_" + r, Role: r, Label: r}, nil
		}
	}
	return Principal{}, ErrUnknownToken
}

// authServer has one route per role that answers with the actor.
func authServer(t *testing.T) *httptest.Server {
	t.Helper()
	s := New(&fakeAsker{}, noTranscripts{}, Options{Auth: fakeAuth{}})
	for _, role := range []string{RoleAgent, RoleCompliance, RoleAdmin} {
		h := func(c echo.Context) error { return c.String(200, principal(c).Actor()) }
		s.echo.GET("/t/"+role, h, s.requireRole(role))
		s.echo.POST("/t/"+role, h, s.requireRole(role))
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv
}

func TestRoles(t *testing.T) {
	srv := authServer(t)
	tests := []struct {
		route, header string
		status        int
	}{
		{"compliance", "", 401},
		{"compliance", "Bearer nope", 401},
		{"compliance", "Basic Y29tcGxpYW5jZS1zZWNyZXQ=", 401},
		{"compliance", "Bearer agent-secret", 403},
		{"compliance", "Bearer compliance-secret", 200},
		{"compliance", "Bearer admin-secret", 200},
		{"agent", "Bearer agent-secret", 200},
		{"agent", "bearer agent-secret", 200},
		{"admin", "Bearer compliance-secret", 403},
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
	srv := authServer(t)
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
	resp, _ = client.Post(srv.URL+"/console/login", "application/json", strings.NewReader(`{"token":"compliance-secret"}`))
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
