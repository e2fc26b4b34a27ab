package web

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/web/oidctest"
)

// The console's single sign-on against a real OpenID provider started in
// the test (oidctest: the zitadel OP with in-memory storage).

var ssoUsers = []oidctest.User{
	{Username: "mette", Password: "pw-mette", Name: "Mette Holm", Groups: []string{"staff", "support-billing"}},
	{Username: "olu", Password: "pw-olu", Name: "Olu Bakare", Groups: []string{"privacy-office"}},
	{Username: "ida", Password: "pw-ida", Name: "Ida Berg", Groups: []string{"it-ops"}},
	{Username: "kim", Password: "pw-kim", Name: "Kim Lau", Groups: []string{"staff"}},
	{Username: "sam", Password: "pw-sam", Name: "Sam Roy", Groups: []string{"privacy-office", "it-ops"}},
}

type ssoFixture struct {
	op    *oidctest.Provider
	url   string
	env   *testEnv
	jar   http.CookieJar
	agent *http.Client // follows no redirects, keeps cookies: a browser, step by step
}

func newSSOFixture(t *testing.T, edit ...func(*OIDC, *Options)) *ssoFixture {
	t.Helper()
	p := oidctest.New(t, ssoUsers...)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	cfg := &OIDC{Issuer: p.Issuer, ClientID: p.ClientID, ClientSecret: p.ClientSecret, RedirectURL: base + "/console/oidc/callback",
		Groups: []GroupRole{{Group: "support-billing", Role: role.Agent, Team: "billing"}, {Group: "privacy-office", Role: role.Compliance},
			{Group: "it-ops", Role: role.Admin}}}
	opts := Options{OIDC: cfg}
	for _, e := range edit {
		e(cfg, &opts)
	}
	p.Allow(cfg.RedirectURL, base+"/console")
	env := newEnv(t, nil, opts)
	srv := httptest.NewUnstartedServer(env.srv.Handler())
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return &ssoFixture{op: p, url: base, env: env, jar: jar,
		agent: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// start begins a log-in at the console and returns the provider's
// authorization URL.
func (f *ssoFixture) start(t *testing.T) string {
	t.Helper()
	resp, err := f.agent.Get(f.url + "/console/oidc/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || !strings.HasPrefix(resp.Header.Get("Location"), f.op.Issuer) {
		t.Fatalf("log-in start = %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	return resp.Header.Get("Location")
}

// back takes the provider's answer to the console's callback.
func (f *ssoFixture) back(t *testing.T, callback string) (int, string) {
	t.Helper()
	resp, err := f.agent.Get(callback)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusSeeOther && resp.Header.Get("Location") != "/console" {
		t.Fatalf("after the log-in the console sends the browser to %q", resp.Header.Get("Location"))
	}
	return resp.StatusCode, string(b)
}

// login logs a user in, start to finish.
func (f *ssoFixture) login(t *testing.T, user, password string) (int, string) {
	t.Helper()
	return f.back(t, f.op.Login(t, f.start(t), user, password))
}

type whoami struct {
	Role, Label, Name, Team string
	CSRF                    string `json:"csrf_token"`
	SSO                     bool
}

func (f *ssoFixture) session(t *testing.T) (int, whoami) {
	t.Helper()
	resp, err := f.agent.Get(f.url + "/console/session")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var w whoami
	json.NewDecoder(resp.Body).Decode(&w)
	return resp.StatusCode, w
}

// events returns the log's events of a type.
func events(t *testing.T, store *audit.Store, typ string) []audit.Event {
	t.Helper()
	var out []audit.Event
	store.Scan(context.Background(), audit.Filter{Types: []string{typ}}, false, func(e audit.Event) error {
		out = append(out, e)
		return nil
	})
	return out
}

func TestSSOLoginPerRole(t *testing.T) {
	f := newSSOFixture(t)
	for _, tt := range []struct {
		user, password string
		role           role.Role
		team, name     string
		may, mayNot    string
	}{
		{"mette", "pw-mette", role.Agent, "billing", "Mette Holm", "/api/v1/handoffs", "/api/v1/audit/events"},
		{"olu", "pw-olu", role.Compliance, "", "Olu Bakare", "/api/v1/audit/security", "/api/v1/config"},
		{"ida", "pw-ida", role.Admin, "", "Ida Berg", "/api/v1/config", "/api/v1/audit/events"},
	} {
		t.Run(tt.user, func(t *testing.T) {
			f.jar, _ = cookiejar.New(nil)
			f.agent.Jar = f.jar
			if code, body := f.login(t, tt.user, tt.password); code != http.StatusSeeOther {
				t.Fatalf("callback = %d %s", code, body)
			}
			code, w := f.session(t)
			if code != 200 || w.Role != string(tt.role) || w.Team != tt.team || w.Name != tt.name || w.Label != tt.user || !w.SSO || w.CSRF == "" {
				t.Fatalf("session = %d %+v", code, w)
			}
			get := func(path string) int {
				resp, err := f.agent.Get(f.url + path)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				return resp.StatusCode
			}
			if code := get(tt.may); code != 200 {
				t.Errorf("%s GET %s = %d", tt.role, tt.may, code)
			}
			if code := get(tt.mayNot); code != 403 {
				t.Errorf("%s GET %s = %d, want 403", tt.role, tt.mayNot, code)
			}
		})
	}
	logins := events(t, f.env.store, audit.TypeLogin)
	if len(logins) != 3 || logins[0].Attrs["method"] != "oidc" || logins[0].Attrs["user"] != "mette" ||
		!strings.HasPrefix(logins[0].Actor, "agent:u_") || logins[0].Attrs["team"] != "billing" {
		t.Fatalf("log-ins = %+v", logins)
	}
}

func TestSSORefusals(t *testing.T) {
	f := newSSOFixture(t)
	for _, tt := range []struct {
		name   string
		try    func(t *testing.T) (int, string)
		status int
		page   string
		reason string
	}{
		{"no mapped group", func(t *testing.T) (int, string) { return f.login(t, "kim", "pw-kim") },
			403, "not in any group that gives a role", "not in a group that may use the console"},
		{"two roles", func(t *testing.T) (int, string) { return f.login(t, "sam", "pw-sam") },
			403, "more than one of the console&#39;s roles (admin, compliance)", "in groups that give more than one role (admin, compliance)"},
		{"tampered state", func(t *testing.T) (int, string) {
			back, _ := url.Parse(f.op.Login(t, f.start(t), "olu", "pw-olu"))
			q := back.Query()
			q.Set("state", q.Get("state")+"x")
			back.RawQuery = q.Encode()
			return f.back(t, back.String())
		}, 400, "not the one started here", "state mismatch"},
		{"wrong nonce", func(t *testing.T) (int, string) {
			auth, _ := url.Parse(f.start(t))
			q := auth.Query()
			q.Set("nonce", "a-nonce-the-console-never-made")
			auth.RawQuery = q.Encode()
			return f.back(t, f.op.Login(t, auth.String(), "olu", "pw-olu"))
		}, 401, "not issued for this log-in", "nonce mismatch"},
		{"expired ID token", func(t *testing.T) (int, string) {
			// The provider mints the ID token when the console redeems
			// the code; one whose lifetime is over when it arrives.
			f.op.SetIDTokenLifetime(-time.Minute)
			defer f.op.SetIDTokenLifetime(time.Hour)
			return f.login(t, "olu", "pw-olu")
		}, 401, "id token expired", "id token expired"},
		{"callback without a log-in", func(t *testing.T) (int, string) {
			return f.back(t, f.url+"/console/oidc/callback?code=x&state=y")
		}, 400, "This log-in has expired", "no log-in under way"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f.jar, _ = cookiejar.New(nil)
			f.agent.Jar = f.jar
			before := len(events(t, f.env.store, audit.TypeLoginFailed))
			code, page := tt.try(t)
			if code != tt.status || !strings.Contains(page, tt.page) {
				t.Fatalf("= %d %s, want %d with %q", code, page, tt.status, tt.page)
			}
			if code, _ := f.session(t); code != 401 {
				t.Fatalf("a refused log-in has a session: %d", code)
			}
			failed := events(t, f.env.store, audit.TypeLoginFailed)
			if len(failed) != before+1 || failed[len(failed)-1].Attrs["reason"] != tt.reason || failed[len(failed)-1].Attrs["method"] != "oidc" {
				t.Fatalf("failed log-ins = %+v", failed)
			}
		})
	}
	if n := len(events(t, f.env.store, audit.TypeLogin)); n != 0 {
		t.Fatalf("%d log-ins recorded", n)
	}
}

func TestSSOIssuerMismatch(t *testing.T) {
	f := newSSOFixture(t, func(o *OIDC, _ *Options) {
		// The same provider under another name: its discovery document
		// names 127.0.0.1, not localhost.
		o.Issuer = strings.Replace(o.Issuer, "127.0.0.1", "localhost", 1)
	})
	resp, err := f.agent.Get(f.url + "/console/oidc/login")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadGateway || !strings.Contains(string(b), "names another issuer") || resp.Header.Get("Location") != "" {
		t.Fatalf("log-in with a mismatched issuer = %d %s", resp.StatusCode, b)
	}
}

func TestSSOLogout(t *testing.T) {
	f := newSSOFixture(t)
	if code, body := f.login(t, "olu", "pw-olu"); code != http.StatusSeeOther {
		t.Fatalf("log-in = %d %s", code, body)
	}
	_, w := f.session(t)
	req, _ := http.NewRequest(http.MethodPost, f.url+"/console/logout", nil)
	req.Header.Set("X-CSRF-Token", w.CSRF)
	resp, err := f.agent.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		LogoutURL string `json:"logout_url"`
	}
	json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(out.LogoutURL, f.op.Issuer+"/end_session?") || !strings.Contains(out.LogoutURL, "id_token_hint=") {
		t.Fatalf("log-out = %d %+v", resp.StatusCode, out)
	}
	if code, _ := f.session(t); code != 401 {
		t.Fatalf("after the log-out the session answers %d", code)
	}
	// The browser goes on to the provider, which ends its session and
	// sends it back to the console.
	resp, err = f.agent.Get(out.LogoutURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode/100 != 3 || loc != f.url+"/console" {
		t.Fatalf("the provider's log-out = %s to %q", resp.Status, loc)
	}
	if out := events(t, f.env.store, audit.TypeLogout); len(out) != 1 || out[0].Attrs["method"] != "oidc" || !strings.HasPrefix(out[0].Actor, "compliance:u_") {
		t.Fatalf("log-outs = %+v", out)
	}
}

func TestSSOSessionEndsWhenTheProviderSaysSo(t *testing.T) {
	f := newSSOFixture(t, func(o *OIDC, _ *Options) { o.Recheck = time.Millisecond })
	if code, body := f.login(t, "mette", "pw-mette"); code != http.StatusSeeOther {
		t.Fatalf("log-in = %d %s", code, body)
	}
	time.Sleep(5 * time.Millisecond)
	if code, _ := f.session(t); code != 200 {
		t.Fatalf("a session the provider still vouches for = %d", code)
	}
	f.op.EndSessions("mette")
	time.Sleep(5 * time.Millisecond)
	if code, _ := f.session(t); code != 401 {
		t.Fatalf("after the provider ended it the session answers %d", code)
	}
	ended := events(t, f.env.store, audit.TypeSessionEnded)
	if len(ended) != 1 || !strings.Contains(ended[0].Attrs["reason"], "provider ended the session") {
		t.Fatalf("session ends = %+v", ended)
	}
}

func TestSSOSessionMaximum(t *testing.T) {
	f := newSSOFixture(t, func(_ *OIDC, o *Options) { o.SessionMax = time.Hour })
	f.login(t, "olu", "pw-olu")
	if code, _ := f.session(t); code != 200 {
		t.Fatalf("session = %d", code)
	}
	f.env.srv.sessions.now = func() time.Time { return time.Now().Add(61 * time.Minute) }
	if code, _ := f.session(t); code != 401 {
		t.Fatalf("a session past its maximum answers %d", code)
	}
}

func TestSSORoleChange(t *testing.T) {
	f := newSSOFixture(t)
	f.login(t, "mette", "pw-mette")
	f.op.SetGroups("mette", "privacy-office")
	f.jar, _ = cookiejar.New(nil)
	f.agent.Jar = f.jar
	f.login(t, "mette", "pw-mette")
	if _, w := f.session(t); w.Role != "compliance" {
		t.Fatalf("after the change of groups = %+v", w)
	}
	changes := events(t, f.env.store, audit.TypeRoleChanged)
	if len(changes) != 1 || changes[0].Attrs["from"] != "agent" || changes[0].Attrs["to"] != "compliance" {
		t.Fatalf("role changes = %+v", changes)
	}
}

func TestSSOTokensStillWork(t *testing.T) {
	f := newSSOFixture(t)
	if code, _ := call(t, "GET", f.url+"/api/v1/audit/verify", f.env.secret[role.Compliance], ""); code != 200 {
		t.Fatalf("a bearer token with a provider configured = %d", code)
	}
	resp, _ := http.Get(f.url + "/console/sso")
	var info struct {
		Enabled  bool
		LoginURL string `json:"login_url"`
	}
	json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	if !info.Enabled || info.LoginURL != "/console/oidc/login" {
		t.Fatalf("sso = %+v", info)
	}
}
