package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/hushdesk/hushdesk/audit/role"
)

// Single sign-on: the console logs people in through the company's
// OpenID provider with the authorization code flow and PKCE. Their
// groups, read from a claim of the ID token, give their role (and an
// agent's team); the ID token's name is what customers see when an agent
// joins. A session ends at log-out, at the configured maximum, or when
// the provider says so: it is checked with the provider (a refresh) every
// few minutes, and without a refresh token it ends when the ID token
// does. Tokens remain for scripts and for installs without a provider.

// OIDC configures single sign-on with an OpenID provider.
type OIDC struct {
	// Issuer is the provider's issuer URL; its discovery document must
	// name the same issuer.
	Issuer string
	// ClientID and ClientSecret are the console's at the provider.
	ClientID, ClientSecret string
	// RedirectURL is this server's /console/oidc/callback as the
	// browser reaches it.
	RedirectURL string
	// GroupsClaim is the ID token claim that lists the person's groups.
	// Default "groups".
	GroupsClaim string
	// Scopes are asked of the provider. Default openid, profile, email,
	// offline_access.
	Scopes []string
	// Groups map the provider's groups to roles. A person whose groups
	// give no role, or more than one, is refused.
	Groups []GroupRole
	// Recheck is how often a session asks the provider whether it still
	// stands. Default 5 minutes.
	Recheck time.Duration
	// HTTPClient talks to the provider. Default: a client with a
	// 10-second timeout.
	HTTPClient *http.Client
}

// GroupRole is one of the provider's groups and the role it gives; an
// agent's group may also name the agent's team.
type GroupRole struct {
	Group string    `json:"group"`
	Role  role.Role `json:"role"`
	Team  string    `json:"team,omitempty"`
}

func (o OIDC) withDefaults() OIDC {
	if o.GroupsClaim == "" {
		o.GroupsClaim = "groups"
	}
	if len(o.Scopes) == 0 {
		o.Scopes = []string{oidc.ScopeOpenID, "profile", "email", oidc.ScopeOfflineAccess}
	}
	if !slices.Contains(o.Scopes, oidc.ScopeOpenID) {
		o.Scopes = append([]string{oidc.ScopeOpenID}, o.Scopes...)
	}
	if o.Recheck <= 0 {
		o.Recheck = 5 * time.Minute
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	return o
}

// loginTTL is how long a log-in may take at the provider.
const loginTTL = 10 * time.Minute

// sso is single sign-on as the server runs it. The provider is
// discovered at the first log-in (and again after a failure), so that the
// server starts while the provider is away.
type sso struct {
	cfg OIDC

	mu         sync.Mutex
	verifier   *oidc.IDTokenVerifier
	oauth      *oauth2.Config
	endSession string
	pending    map[string]pendingLogin // by the browser's log-in cookie
	roles      lastRoles
}

// pendingLogin is a log-in sent to the provider, waiting for its answer.
type pendingLogin struct {
	state, nonce, verifier string
	expires                time.Time
}

// ssoSession is what a session started through the provider keeps of it.
type ssoSession struct {
	refresh string    // the refresh token: the provider's word that the session stands
	idToken string    // the raw ID token, sent back as a hint at log-out
	until   time.Time // when the provider's word runs out without a recheck
	checkAt time.Time // when to ask the provider again
}

func newSSO(cfg OIDC) *sso {
	return &sso{cfg: cfg.withDefaults(), pending: map[string]pendingLogin{}}
}

// errProvider wraps failures to reach or trust the provider.
var errProvider = errors.New("identity provider")

// discover reads the provider's discovery document, once it answers.
func (p *sso) discover(ctx context.Context) (*oauth2.Config, *oidc.IDTokenVerifier, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.oauth != nil {
		return p.oauth, p.verifier, nil
	}
	prov, err := oidc.NewProvider(oidc.ClientContext(ctx, p.cfg.HTTPClient), p.cfg.Issuer)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", errProvider, err)
	}
	var extra struct {
		EndSession string `json:"end_session_endpoint"`
	}
	prov.Claims(&extra)
	p.endSession = extra.EndSession
	p.verifier = prov.Verifier(&oidc.Config{ClientID: p.cfg.ClientID})
	p.oauth = &oauth2.Config{ClientID: p.cfg.ClientID, ClientSecret: p.cfg.ClientSecret,
		Endpoint: prov.Endpoint(), RedirectURL: p.cfg.RedirectURL, Scopes: p.cfg.Scopes}
	return p.oauth, p.verifier, nil
}

// begin starts a log-in: the state, nonce and PKCE verifier are kept
// under a fresh key for the browser's cookie.
func (p *sso) begin(now time.Time) (key string, l pendingLogin) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for k, v := range p.pending {
		if now.After(v.expires) {
			delete(p.pending, k)
		}
	}
	l = pendingLogin{state: randomToken(), nonce: randomToken(), verifier: oauth2.GenerateVerifier(), expires: now.Add(loginTTL)}
	key = randomToken()
	p.pending[key] = l
	return key, l
}

// finish takes the log-in a browser's cookie names; each is used once.
func (p *sso) finish(key string, now time.Time) (pendingLogin, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	l, ok := p.pending[key]
	delete(p.pending, key)
	return l, ok && !now.After(l.expires)
}

// identity is what the console takes from an ID token.
type identity struct {
	Subject  string
	Username string
	Name     string
	Groups   []string
}

// claims reads the identity from a verified ID token. The groups claim
// may be a list or a single string.
func (p *sso) claims(tok *oidc.IDToken) (identity, error) {
	var all map[string]any
	if err := tok.Claims(&all); err != nil {
		return identity{}, err
	}
	str := func(k string) string { s, _ := all[k].(string); return strings.TrimSpace(s) }
	id := identity{Subject: tok.Subject, Name: str("name"),
		Username: cmpOrAll(str("preferred_username"), str("email"), tok.Subject)}
	switch g := all[p.cfg.GroupsClaim].(type) {
	case string:
		id.Groups = []string{g}
	case []any:
		for _, v := range g {
			if s, ok := v.(string); ok {
				id.Groups = append(id.Groups, s)
			}
		}
	}
	return id, nil
}

func cmpOrAll(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// errNoGroup and errTwoRoles refuse a person whose groups give no role,
// or more than one.
var (
	errNoGroup  = errors.New("not in a group that may use the console")
	errTwoRoles = errors.New("in groups that give more than one role")
)

// roleOf maps a person's groups to one role and, for an agent, a team.
func (p *sso) roleOf(groups []string) (role.Role, string, []string, error) {
	var roles []role.Role
	var team string
	var matched []string
	for _, g := range p.cfg.Groups {
		if !slices.Contains(groups, g.Group) {
			continue
		}
		matched = append(matched, g.Group)
		if !slices.Contains(roles, g.Role) {
			roles = append(roles, g.Role)
		}
		if g.Team != "" && team == "" {
			team = g.Team
		}
	}
	switch len(roles) {
	case 0:
		return "", "", nil, errNoGroup
	case 1:
		return roles[0], team, matched, nil
	}
	return "", "", matched, fmt.Errorf("%w (%s)", errTwoRoles, joinRoles(roles))
}

func joinRoles(rs []role.Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	slices.Sort(s)
	return strings.Join(s, ", ")
}

// userID is the console's id for a person of the provider: derived from
// the issuer and subject, so the log names people without their
// provider's internal id.
func userID(issuer, subject string) string {
	h := sha256.Sum256([]byte(issuer + "\x00" + subject))
	return "u_" + hex.EncodeToString(h[:8])
}

// stillStands asks the provider, with the refresh token, whether the
// session stands. It returns the renewed state, or an error when the
// provider refuses (the session ends). A provider that cannot be reached
// leaves the session until its last word runs out.
func (p *sso) stillStands(ctx context.Context, s ssoSession, now time.Time) (ssoSession, error) {
	if s.refresh == "" {
		if now.After(s.until) {
			return s, errors.New("the provider's ID token expired")
		}
		s.checkAt = s.until
		return s, nil
	}
	cfg, verifier, err := p.discover(ctx)
	if err != nil {
		return p.unreachable(s, now, err)
	}
	tok, err := cfg.TokenSource(oidc.ClientContext(ctx, p.cfg.HTTPClient), &oauth2.Token{RefreshToken: s.refresh}).Token()
	var re *oauth2.RetrieveError
	switch {
	case errors.As(err, &re) && re.Response != nil && re.Response.StatusCode < 500:
		return s, fmt.Errorf("the provider ended the session (%s)", cmpOrAll(re.ErrorCode, re.Response.Status))
	case err != nil:
		return p.unreachable(s, now, err)
	}
	if tok.RefreshToken != "" {
		s.refresh = tok.RefreshToken
	}
	if raw, ok := tok.Extra("id_token").(string); ok {
		if idt, err := verifier.Verify(ctx, raw); err == nil {
			s.idToken, s.until = raw, idt.Expiry
		}
	}
	if s.until.Before(now.Add(p.cfg.Recheck)) {
		s.until = now.Add(p.cfg.Recheck)
	}
	s.checkAt = now.Add(p.cfg.Recheck)
	return s, nil
}

// unreachable keeps a session while the provider cannot be asked, until
// its last word runs out.
func (p *sso) unreachable(s ssoSession, now time.Time, err error) (ssoSession, error) {
	if now.After(s.until) {
		return s, fmt.Errorf("the provider could not be asked whether the session stands: %w", err)
	}
	s.checkAt = now.Add(time.Minute)
	return s, nil
}

// logoutURL is where the browser goes to end the provider's session too:
// the end_session_endpoint, with the ID token as a hint and the console
// to come back to.
func (p *sso) logoutURL(s ssoSession, back string) string {
	p.mu.Lock()
	end := p.endSession
	p.mu.Unlock()
	if end == "" {
		return ""
	}
	q := url.Values{"client_id": {p.cfg.ClientID}, "post_logout_redirect_uri": {back}}
	if s.idToken != "" {
		q.Set("id_token_hint", s.idToken)
	}
	sep := "?"
	if strings.Contains(end, "?") {
		sep = "&"
	}
	return end + sep + q.Encode()
}

// sameSecret compares two secrets in constant time.
func sameSecret(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
