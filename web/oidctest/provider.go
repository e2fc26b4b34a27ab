// Package oidctest runs a real OpenID provider for tests: the OP of
// github.com/zitadel/oidc with its example in-memory storage, one client
// (the console), users with groups, and a plain log-in form. Tests start
// it with New, point the console at it, and log in through the form as
// a browser would (Login) or with a real browser.
//
// It is for tests only: nothing of the binary imports it.
package oidctest

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// User is a person known to the provider.
type User struct {
	Username, Password string
	Name               string // given and family name, as the name claim
	Groups             []string
}

// Provider is a running OpenID provider.
type Provider struct {
	// Issuer is the provider's issuer URL (http://127.0.0.1:PORT).
	Issuer string
	// ClientID and ClientSecret are the console's.
	ClientID, ClientSecret string

	srv  *httptest.Server
	op   *op.Provider
	st   *storage.Storage
	mu   sync.Mutex
	lt   time.Duration // ID token lifetime
	uris []string      // redirect URIs
	back []string      // post-logout redirect URIs
	byID map[string]*User
}

// New starts a provider with the given users until the test ends.
func New(t testing.TB, users ...User) *Provider {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Provider{Issuer: "http://" + ln.Addr().String(), ClientID: "hushdesk-console", ClientSecret: "console-secret-for-tests",
		lt: time.Hour, byID: map[string]*User{}}
	us := userStore{}
	for i := range users {
		u := users[i]
		id := fmt.Sprintf("user-%d", i+1)
		p.byID[id] = &u
		us[id] = &storage.User{ID: id, Username: u.Username, Password: u.Password, FirstName: u.Name,
			Email: u.Username + "@example.com", EmailVerified: true, PreferredLanguage: language.English}
	}
	p.st = storage.NewStorageWithClients(us, map[string]*storage.Client{})
	cfg := &op.Config{
		CryptoKey: sha256.Sum256([]byte("oidctest")), DefaultLogoutRedirectURI: "/logged-out",
		CodeMethodS256: true, AuthMethodPost: true, GrantTypeRefreshToken: true, SupportedUILocales: []language.Tag{language.English},
		SupportedClaims: append(op.DefaultSupportedClaims, "groups"),
	}
	p.op, err = op.NewProvider(cfg, &opStorage{Storage: p.st, p: p}, op.StaticIssuer(p.Issuer), op.WithAllowInsecure())
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/login", p.login)
	mux.HandleFunc("/logged-out", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "signed out") })
	mux.Handle("/", p.op)
	p.srv = httptest.NewUnstartedServer(mux)
	p.srv.Listener.Close()
	p.srv.Listener = ln
	p.srv.Start()
	t.Cleanup(p.srv.Close)
	return p
}

// Allow registers the console's callback and the page it comes back to
// after a log-out.
func (p *Provider) Allow(redirectURL, postLogoutURL string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.uris = append(p.uris, redirectURL)
	p.back = append(p.back, postLogoutURL)
}

// SetIDTokenLifetime changes how long the ID tokens issued from now on
// are valid.
func (p *Provider) SetIDTokenLifetime(d time.Duration) {
	p.mu.Lock()
	p.lt = d
	p.mu.Unlock()
}

// EndSessions ends every session of a user at the provider (as an
// administrator who disables an account does): their refresh tokens stop
// working.
func (p *Provider) EndSessions(username string) {
	for id, u := range p.byID {
		if u.Username == username {
			p.st.TerminateSession(context.Background(), id, p.ClientID)
		}
	}
}

// SetGroups changes a user's groups, for the tokens issued from now on.
func (p *Provider) SetGroups(username string, groups ...string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, u := range p.byID {
		if u.Username == username {
			u.Groups = groups
		}
	}
}

// Login follows an authorization URL as a browser would, logs in with
// the form, and returns the URL the provider sends the browser back to
// (the console's callback with code and state), without following it.
func (p *Provider) Login(t testing.TB, authURL, username, password string) string {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(req *http.Request, _ []*http.Request) error {
		if !strings.HasPrefix(req.URL.String(), p.Issuer) {
			return http.ErrUseLastResponse // back to the console: stop there
		}
		return nil
	}}
	resp, err := c.Get(authURL)
	if err != nil {
		t.Fatalf("authorize: %v", err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/login" {
		t.Fatalf("the provider did not show its log-in form: %s %s", resp.Status, resp.Request.URL)
	}
	form := url.Values{"id": {resp.Request.URL.Query().Get("authRequestID")}, "username": {username}, "password": {password}}
	resp, err = c.PostForm(p.Issuer+"/login", form)
	if err != nil {
		t.Fatalf("log in: %v", err)
	}
	resp.Body.Close()
	back := resp.Header.Get("Location")
	if resp.StatusCode/100 != 3 || back == "" {
		t.Fatalf("the provider did not send the browser back: %s", resp.Status)
	}
	return back
}

var loginForm = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test provider: log in</title></head>
<body><h1>Log in to the test provider</h1>
<form method="post" action="/login">
<input type="hidden" name="id" value="{{.ID}}">
<label for="username">Username</label> <input id="username" name="username">
<label for="password">Password</label> <input id="password" name="password" type="password">
<button type="submit" id="submit">Log in</button>
</form>{{if .Error}}<p id="error">{{.Error}}</p>{{end}}</body></html>`))

// login shows the form (GET) and checks it (POST), then hands the
// browser back to the OP to finish the authorization.
func (p *Provider) login(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet {
		loginForm.Execute(w, map[string]string{"ID": r.URL.Query().Get("authRequestID")})
		return
	}
	r.ParseForm()
	id := r.PostForm.Get("id")
	if err := p.st.CheckUsernamePassword(r.PostForm.Get("username"), r.PostForm.Get("password"), id); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		loginForm.Execute(w, map[string]string{"ID": id, "Error": "wrong username or password"})
		return
	}
	http.Redirect(w, r, op.AuthCallbackURL(p.op)(op.ContextWithIssuer(r.Context(), p.Issuer), id), http.StatusFound)
}

// userStore is the example storage's user store over our users.
type userStore map[string]*storage.User

func (u userStore) GetUserByID(id string) *storage.User { return u[id] }
func (u userStore) GetUserByUsername(name string) *storage.User {
	for _, x := range u {
		if x.Username == name {
			return x
		}
	}
	return nil
}
func (u userStore) ExampleClientID() string { return "service" }

// opStorage is the example storage with our client, and the name and
// groups in the ID token.
type opStorage struct {
	*storage.Storage
	p *Provider
}

func (s *opStorage) GetClientByClientID(_ context.Context, id string) (op.Client, error) {
	if id != s.p.ClientID {
		return nil, fmt.Errorf("client not found")
	}
	return client{s.p}, nil
}

func (s *opStorage) AuthorizeClientIDSecret(_ context.Context, id, secret string) error {
	if id != s.p.ClientID || subtle.ConstantTimeCompare([]byte(secret), []byte(s.p.ClientSecret)) != 1 {
		return fmt.Errorf("invalid client")
	}
	return nil
}

func (s *opStorage) SetUserinfoFromRequest(ctx context.Context, info *oidc.UserInfo, req op.IDTokenRequest, scopes []string) error {
	if err := s.Storage.SetUserinfoFromRequest(ctx, info, req, scopes); err != nil {
		return err
	}
	s.p.mu.Lock()
	defer s.p.mu.Unlock()
	if u := s.p.byID[req.GetSubject()]; u != nil {
		info.Name = u.Name
		info.AppendClaims("groups", append([]string{}, u.Groups...))
	}
	return nil
}

// client is the console as the provider knows it: a confidential web
// client with the code flow, PKCE and refresh tokens, whose ID tokens
// carry the profile and the groups.
type client struct{ p *Provider }

func (c client) GetID() string { return c.p.ClientID }
func (c client) RedirectURIs() []string {
	c.p.mu.Lock()
	defer c.p.mu.Unlock()
	return append([]string(nil), c.p.uris...)
}
func (c client) PostLogoutRedirectURIs() []string {
	c.p.mu.Lock()
	defer c.p.mu.Unlock()
	return append([]string(nil), c.p.back...)
}
func (client) ApplicationType() op.ApplicationType { return op.ApplicationTypeWeb }
func (client) AuthMethod() oidc.AuthMethod         { return oidc.AuthMethodBasic }
func (client) ResponseTypes() []oidc.ResponseType  { return []oidc.ResponseType{oidc.ResponseTypeCode} }
func (client) GrantTypes() []oidc.GrantType {
	return []oidc.GrantType{oidc.GrantTypeCode, oidc.GrantTypeRefreshToken}
}
func (client) LoginURL(id string) string            { return "/login?authRequestID=" + url.QueryEscape(id) }
func (client) AccessTokenType() op.AccessTokenType  { return op.AccessTokenTypeBearer }
func (client) DevMode() bool                        { return true }
func (client) IsScopeAllowed(string) bool           { return false }
func (client) IDTokenUserinfoClaimsAssertion() bool { return true }
func (client) ClockSkew() time.Duration             { return 0 }
func (c client) IDTokenLifetime() time.Duration {
	c.p.mu.Lock()
	defer c.p.mu.Unlock()
	return c.p.lt
}
func (client) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
func (client) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
