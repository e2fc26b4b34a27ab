package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
)

// TestRecordedGetsNeedABearerToken: verifying the log and backing it up
// are recorded, so a console session (a cookie another site's link could
// send) cannot GET them: it POSTs with its CSRF token. Scripts with a
// bearer token still GET.
func TestRecordedGetsNeedABearerToken(t *testing.T) {
	for _, tt := range []struct {
		path string
		role role.Role
		typ  string
	}{
		{"/api/v1/audit/verify", role.Compliance, audit.TypeVerified},
		{"/api/v1/audit/backup", role.Admin, audit.TypeBackup},
	} {
		t.Run(tt.path, func(t *testing.T) {
			env := newEnv(t, nil, Options{})
			srv := env.serve(t)
			// The backup is recorded once its archive has been sent, so
			// the client may have it a moment before the event lands.
			recorded := func(want int) int {
				t.Helper()
				deadline := time.Now().Add(5 * time.Second)
				for {
					n := len(events(t, env.store, tt.typ))
					if n >= want || time.Now().After(deadline) {
						return n
					}
					time.Sleep(10 * time.Millisecond)
				}
			}

			jar, _ := cookiejar.New(nil)
			client := &http.Client{Jar: jar}
			resp, err := client.Post(srv.URL+"/console/login", "application/json", strings.NewReader(`{"token":"`+env.secret[tt.role]+`"}`))
			if err != nil {
				t.Fatal(err)
			}
			var login struct {
				CSRF string `json:"csrf_token"`
			}
			json.NewDecoder(resp.Body).Decode(&login)
			resp.Body.Close()
			if resp.StatusCode != 200 || login.CSRF == "" {
				t.Fatalf("log-in = %d", resp.StatusCode)
			}
			send := func(method string, csrf bool) int {
				t.Helper()
				req, _ := http.NewRequest(method, srv.URL+tt.path, nil)
				if csrf {
					req.Header.Set(csrfHeader, login.CSRF)
				}
				resp, err := client.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				return resp.StatusCode
			}

			if code := send(http.MethodGet, false); code != http.StatusMethodNotAllowed {
				t.Errorf("GET with a session = %d, want 405", code)
			}
			if code := send(http.MethodPost, false); code != http.StatusUnauthorized {
				t.Errorf("POST with a session and no CSRF token = %d, want 401", code)
			}
			if n := recorded(0); n != 0 {
				t.Fatalf("%d %s events after refused requests", n, tt.typ)
			}
			if code := send(http.MethodPost, true); code != http.StatusOK {
				t.Errorf("POST with a session and its CSRF token = %d, want 200", code)
			}
			if n := recorded(1); n != 1 {
				t.Fatalf("%d %s events after the console's POST, want 1", n, tt.typ)
			}
			if code, _ := call(t, http.MethodGet, srv.URL+tt.path, env.secret[tt.role], ""); code != http.StatusOK {
				t.Errorf("GET with a bearer token = %d, want 200", code)
			}
			if n := recorded(2); n != 2 {
				t.Fatalf("%d %s events after the script's GET, want 2", n, tt.typ)
			}
		})
	}
}
