package web

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/labstack/echo/v4"
	"golang.org/x/oauth2"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
)

// The console's single sign-on routes: GET /console/sso says whether it
// is configured, GET /console/oidc/login sends the browser to the
// provider, GET /console/oidc/callback takes it back.

const loginCookie = "hushdesk_oidc"

// routeSSO adds the single sign-on routes.
func (s *Server) routeSSO() {
	s.echo.GET("/console/sso", s.ssoInfo)
	s.echo.GET("/console/oidc/login", s.ssoLogin)
	s.echo.GET("/console/oidc/callback", s.ssoCallback)
}

// ssoInfo answers GET /console/sso: {"enabled", "login_url"}.
func (s *Server) ssoInfo(c echo.Context) error {
	if s.sso == nil {
		return c.JSON(http.StatusOK, map[string]any{"enabled": false})
	}
	return c.JSON(http.StatusOK, map[string]any{"enabled": true, "login_url": "/console/oidc/login"})
}

// ssoLogin answers GET /console/oidc/login: a fresh state, nonce and PKCE
// verifier are kept for this browser (a short-lived cookie names them),
// and the browser goes to the provider.
func (s *Server) ssoLogin(c echo.Context) error {
	if s.sso == nil {
		return s.ssoPage(c, http.StatusNotFound, "Single sign-on is not set up", "This server has no identity provider; log in with a token.")
	}
	cfg, _, err := s.sso.discover(c.Request().Context())
	if err != nil {
		s.log.Error("the identity provider could not be used", "issuer", s.sso.cfg.Issuer, "err", err)
		return s.ssoPage(c, http.StatusBadGateway, "The identity provider cannot be used",
			"The console could not read the identity provider's configuration, or it names another issuer than the one configured. Try again later; if it goes on, tell your administrator (the server's log says why).")
	}
	key, l := s.sso.begin(time.Now())
	c.SetCookie(&http.Cookie{Name: s.cookieName(c, loginCookie), Value: key, Path: "/", HttpOnly: true,
		// Lax: the provider sends the browser back with a top-level GET
		// from its own site, which a Strict cookie would not follow.
		SameSite: http.SameSiteLaxMode, Secure: s.secureRequest(c), MaxAge: int(loginTTL / time.Second)})
	return c.Redirect(http.StatusFound, cfg.AuthCodeURL(l.state, oidc.Nonce(l.nonce), oauth2.S256ChallengeOption(l.verifier)))
}

// ssoCallback answers GET /console/oidc/callback: it checks the state,
// redeems the code with the PKCE verifier, verifies the ID token
// (signature, issuer, audience, expiry, nonce), maps the person's groups
// to a role and starts a session. Every refusal is a page that says what
// to do, and a failed log-in in the security trail.
func (s *Server) ssoCallback(c echo.Context) error {
	if s.sso == nil {
		return s.ssoPage(c, http.StatusNotFound, "Single sign-on is not set up", "This server has no identity provider; log in with a token.")
	}
	ctx := c.Request().Context()
	refuse := func(status int, reason, title, text string) error {
		s.recordSecurity(c, audit.Envelope{Type: audit.TypeLoginFailed, Actor: "anonymous",
			Attrs: map[string]string{"method": "oidc", "reason": reason}})
		return s.ssoPage(c, status, title, text)
	}
	ck, err := c.Cookie(s.cookieName(c, loginCookie))
	c.SetCookie(&http.Cookie{Name: s.cookieName(c, loginCookie), Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: s.secureRequest(c)})
	if e := c.QueryParam("error"); e != "" {
		return refuse(http.StatusForbidden, "the provider refused: "+clip(e, 60), "The identity provider did not log you in",
			"It answered: "+clip(e+" "+c.QueryParam("error_description"), 200)+". Start again from the console.")
	}
	if err != nil {
		return refuse(http.StatusBadRequest, "no log-in under way", "This log-in has expired",
			"It took too long, or it began in another browser. Start again from the console.")
	}
	l, ok := s.sso.finish(ck.Value, time.Now())
	if !ok {
		return refuse(http.StatusBadRequest, "no log-in under way", "This log-in has expired",
			"It took too long, or it was used already. Start again from the console.")
	}
	if !sameSecret(c.QueryParam("state"), l.state) {
		return refuse(http.StatusBadRequest, "state mismatch", "This log-in was not the one started here",
			"The answer from the identity provider does not belong to the log-in this browser began. Start again from the console.")
	}
	cfg, verifier, err := s.sso.discover(ctx)
	if err != nil {
		s.log.Error("the identity provider could not be used", "err", err)
		return refuse(http.StatusBadGateway, "provider unavailable", "The identity provider cannot be used", "Try again later.")
	}
	pctx := oidc.ClientContext(ctx, s.sso.cfg.HTTPClient)
	tok, err := cfg.Exchange(pctx, c.QueryParam("code"), oauth2.VerifierOption(l.verifier))
	if err != nil {
		s.log.Warn("the identity provider did not redeem the code", "err", err)
		return refuse(http.StatusBadGateway, "code not redeemed", "The identity provider did not confirm the log-in", "Start again from the console.")
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := verifier.Verify(ctx, raw)
	if err != nil {
		reason := "id token not valid"
		var expired *oidc.TokenExpiredError
		switch {
		case errors.As(err, &expired):
			reason = "id token expired"
		case strings.Contains(err.Error(), "issuer"):
			reason = "id token from another issuer"
		}
		s.log.Warn("an ID token was refused", "reason", reason, "err", err)
		return refuse(http.StatusUnauthorized, reason, "The identity provider's answer was not valid",
			"The console could not trust the ID token it received ("+reason+"). Start again; if it goes on, tell your administrator.")
	}
	if !sameSecret(idt.Nonce, l.nonce) {
		return refuse(http.StatusUnauthorized, "nonce mismatch", "The identity provider's answer was not valid",
			"The ID token was not issued for this log-in. Start again from the console.")
	}
	id, err := s.sso.claims(idt)
	if err != nil {
		return refuse(http.StatusUnauthorized, "claims unreadable", "The identity provider's answer was not valid", "Start again.")
	}
	r, team, matched, err := s.sso.roleOf(id.Groups)
	if err != nil {
		uid := userID(s.sso.cfg.Issuer, id.Subject)
		s.recordSecurity(c, audit.Envelope{Type: audit.TypeLoginFailed, Actor: "user:" + uid,
			Attrs: map[string]string{"method": "oidc", "reason": err.Error(), "user": id.Username}})
		if errors.Is(err, errTwoRoles) {
			return s.ssoPage(c, http.StatusForbidden, "Your account has more than one role",
				"You are in groups that give more than one of the console's roles ("+strings.Trim(strings.TrimPrefix(err.Error(), errTwoRoles.Error()+" "), "()")+
					"). Their duties are kept apart, so the console takes one: ask your administrator to leave you in one group.")
		}
		return s.ssoPage(c, http.StatusForbidden, "Your account may not use this console",
			"You logged in as "+id.Username+", but you are not in any group that gives a role in the Hushdesk console. Ask your administrator to add you to the right group, then log in again.")
	}
	p := Principal{TokenID: userID(s.sso.cfg.Issuer, id.Subject), Role: r, Label: id.Username, Name: clip(id.Name, audit.MaxDisplayName), Team: team}
	s.noteRole(c, p)
	s.recordSecurity(c, audit.Envelope{Type: audit.TypeLogin, Actor: p.Actor(),
		Attrs: map[string]string{"method": "oidc", "user": id.Username, "groups": strings.Join(matched, ","), "team": team}})
	now := time.Now()
	sid, sess, err := s.sessions.create(c.Request().Context(), p)
	if err != nil {
		return err
	}
	x := ssoSession{refresh: tok.RefreshToken, idToken: raw, until: idt.Expiry, checkAt: now.Add(s.sso.cfg.Recheck)}
	if x.refresh == "" {
		x.checkAt = idt.Expiry
	}
	if err := s.sessions.setSSO(c.Request().Context(), sid, x); err != nil {
		return err
	}
	s.setSessionCookie(c, sid, sess.expires)
	return c.Redirect(http.StatusSeeOther, "/console")
}

// providerSaysYes checks, when it is due, that a session started
// through the provider still stands; when it does not, the session ends
// and the end is in the security trail.
func (s *Server) providerSaysYes(c echo.Context, id string, sess session) bool {
	now := time.Now()
	if s.sso == nil {
		s.sessions.drop(c.Request().Context(), id)
		return false
	}
	if now.Before(sess.sso.checkAt) {
		return true
	}
	ctx, cancel := context.WithTimeout(c.Request().Context(), 10*time.Second)
	defer cancel()
	x, err := s.sso.stillStands(ctx, *sess.sso, now)
	if err != nil {
		s.sessions.drop(c.Request().Context(), id)
		s.recordSecurity(c, audit.Envelope{Type: audit.TypeSessionEnded, Actor: sess.principal.Actor(),
			Attrs: map[string]string{"method": "oidc", "reason": err.Error()}})
		return false
	}
	s.sessions.setSSO(c.Request().Context(), id, x)
	return true
}

// consoleURL is the console's address as the browser reaches it.
func (s *Server) consoleURL(c echo.Context) string {
	scheme := "http"
	if s.secureRequest(c) {
		scheme = "https"
	}
	return scheme + "://" + c.Request().Host + "/console"
}

// noteRole records a role change: a person whose groups now give another
// role than at their last log-in.
func (s *Server) noteRole(c echo.Context, p Principal) {
	last, err := s.sso.roles.last(c.Request().Context(), s.parts.Log, p.TokenID)
	if err != nil {
		s.log.Warn("could not read the last log-ins", "err", err)
		return
	}
	if last != "" && last != p.Role {
		s.recordSecurity(c, audit.Envelope{Type: audit.TypeRoleChanged, Actor: p.Actor(),
			Attrs: map[string]string{"from": string(last), "to": string(p.Role), "user": p.Label}})
	}
}

// lastRoles is the role each person of the provider last logged in
// with, read from the log's log-in events.
type lastRoles struct {
	mu   sync.Mutex
	seen uint64
	m    map[string]role.Role
}

func (l *lastRoles) last(ctx context.Context, log Log, user string) (role.Role, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.m == nil {
		l.m = map[string]role.Role{}
	}
	err := log.Scan(ctx, audit.Filter{AfterSeq: l.seen, Types: []string{audit.TypeLogin}}, false, func(e audit.Event) error {
		l.seen = e.Seq
		if r, id, ok := strings.Cut(e.Actor, ":"); ok && strings.HasPrefix(id, "u_") {
			l.m[id] = role.Role(r)
		}
		return nil
	})
	return l.m[user], err
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

var ssoPageTemplate = template.Must(template.New("sso").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{.Title}} · Hushdesk console</title>
<link rel="stylesheet" href="/console/static/console.css">
</head>
<body>
<main id="main" class="view narrow">
<h1>{{.Title}}</h1>
<p id="sso-message">{{.Text}}</p>
<p><a href="/console">Back to the console</a></p>
</main>
</body>
</html>
`))

// ssoPage answers with a page that says what happened and what to do.
func (s *Server) ssoPage(c echo.Context, status int, title, text string) error {
	c.Response().Header().Set("Content-Type", "text/html; charset=utf-8")
	c.Response().WriteHeader(status)
	return ssoPageTemplate.Execute(c.Response(), map[string]string{"Title": title, "Text": text})
}
