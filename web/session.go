package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/labstack/echo/v4"
)

// Console sessions: an agent or officer logs in once with a token, or
// through the OpenID provider (oidc.go), and then uses a session cookie
// (HttpOnly, SameSite=Strict; under TLS Secure and named with the
// __Host- prefix, so that no other host or path can set it).
// Requests that change state with the cookie must carry the session's CSRF
// token in the X-CSRF-Token header. A session lives while its token does,
// with the token's role: every request checks both, so revoking a token
// (or changing its role) ends its sessions at once. A session also ends
// after sessionIdle without a request, and Options.SessionMax (default
// sessionTTL) after log-in; one started through the provider also when
// the provider says so.

const (
	sessionCookie = "hushdesk_session"
	csrfHeader    = "X-CSRF-Token"
	sessionTTL    = 8 * time.Hour
	sessionIdle   = 30 * time.Minute
)

type session struct {
	principal Principal
	csrf      string
	expires   time.Time
	lastSeen  time.Time
	sso       *ssoSession // nil for a session started with a token
}

// sessions are the console sessions, kept by a SessionStore: in memory
// by default (a restart logs everyone out), or in the shared store, so
// that a session made through one replica works on every other and one
// ended on any replica is refused by all.
type sessions struct {
	store SessionStore
	now   func() time.Time
	ttl   time.Duration // the longest a session lasts
}

func newSessions(store SessionStore) *sessions {
	if store == nil {
		store = newMemorySessions()
	}
	return &sessions{store: store, now: time.Now, ttl: sessionTTL}
}

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func (ss *sessions) create(ctx context.Context, p Principal) (id string, s *session, err error) {
	now := ss.now()
	id = randomToken()
	s = &session{principal: p, csrf: randomToken(), expires: now.Add(ss.ttl), lastSeen: now}
	return id, s, ss.save(ctx, id, s)
}

func (ss *sessions) save(ctx context.Context, id string, s *session) error {
	rec, err := sealSession(id, s)
	if err != nil {
		return err
	}
	if err := ss.store.SaveSession(ctx, sessionKey(id), rec); err != nil {
		return fmt.Errorf("keep the session: %w", err)
	}
	return nil
}

func (s *session) ended(now time.Time) bool {
	return now.After(s.expires) || now.Sub(s.lastSeen) > sessionIdle
}

// sessionTouch is how often a session in use has its last use recorded.
const sessionTouch = 15 * time.Second

// get returns a live session and marks it used.
func (ss *sessions) get(ctx context.Context, id string) (session, bool) {
	if id == "" {
		return session{}, false
	}
	rec, ok, err := ss.store.LoadSession(ctx, sessionKey(id))
	if err != nil || !ok {
		return session{}, false
	}
	s, err := openSession(id, rec)
	now := ss.now()
	if err != nil || s.ended(now) {
		ss.drop(ctx, id)
		return session{}, false
	}
	if now.Sub(s.lastSeen) > sessionTouch {
		s.lastSeen = now
		ss.save(ctx, id, &s)
	}
	return s, true
}

// setSSO keeps what a session started through the provider knows of it.
func (ss *sessions) setSSO(ctx context.Context, id string, x ssoSession) error {
	rec, ok, err := ss.store.LoadSession(ctx, sessionKey(id))
	if err != nil || !ok {
		return err
	}
	s, err := openSession(id, rec)
	if err != nil {
		return err
	}
	s.sso = &x
	return ss.save(ctx, id, &s)
}

func (ss *sessions) drop(ctx context.Context, id string) {
	ss.store.EndSessions(ctx, sessionKey(id), "")
}

// dropToken ends every session of a token.
func (ss *sessions) dropToken(ctx context.Context, tokenID string) {
	ss.store.EndSessions(ctx, nil, tokenID)
}

// sessionPrincipal authenticates a request by its session cookie,
// checking that the session's token still lives with the same role, and
// the CSRF token on every request that can change state.
func (s *Server) sessionPrincipal(c echo.Context) (Principal, bool) {
	ck, err := c.Cookie(s.cookieName(c, sessionCookie))
	if err != nil || ck.Value == "" {
		return Principal{}, false
	}
	ctx := c.Request().Context()
	sess, ok := s.sessions.get(ctx, ck.Value)
	if !ok {
		return Principal{}, false
	}
	if sess.sso != nil {
		if !s.providerSaysYes(c, ck.Value, sess) {
			return Principal{}, false
		}
	} else if tok, err := s.parts.Tokens.Token(ctx, sess.principal.TokenID); err != nil || tok.Role != sess.principal.Role {
		s.sessions.drop(ctx, ck.Value)
		return Principal{}, false
	}
	switch c.Request().Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
	default:
		got := c.Request().Header.Get(csrfHeader)
		if subtle.ConstantTimeCompare([]byte(got), []byte(sess.csrf)) != 1 {
			return Principal{}, false
		}
	}
	return sess.principal, true
}

// login answers POST /console/login: a valid token starts a session. A
// log-in from another site's page (an Origin that is not this server) is
// refused, and a client that fails too often is refused for a while.
func (s *Server) login(c echo.Context) error {
	if o := c.Request().Header.Get("Origin"); o != "" && !s.sameOrigin(c, o) {
		return fault.Wrap(fault.Forbidden, errors.New("log in from this server's own console"))
	}
	key := clientKey(c.RealIP())
	if s.failures.exhausted(key) {
		return tooMany(c)
	}
	var req struct {
		Token string `json:"token"`
	}
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	tok, err := s.parts.Tokens.LookupToken(c.Request().Context(), req.Token)
	if req.Token == "" || err != nil {
		s.failures.allow(key)
		s.recordSecurity(c, audit.Envelope{Type: audit.TypeLoginFailed, Actor: "anonymous",
			Attrs: map[string]string{"method": "token", "reason": "unknown or revoked token"}})
		return errBadToken
	}
	p := principalOf(tok)
	s.recordSecurity(c, audit.Envelope{Type: audit.TypeLogin, Actor: p.Actor(), Attrs: map[string]string{"method": "token"}})
	id, sess, err := s.sessions.create(c.Request().Context(), p)
	if err != nil {
		return err
	}
	s.setSessionCookie(c, id, sess.expires)
	return c.JSON(http.StatusOK, sessionAnswer(p, sess))
}

// sessionAnswer is what the console learns of its session.
func sessionAnswer(p Principal, sess *session) map[string]any {
	return map[string]any{"role": p.Role, "label": p.Label, "name": p.Name, "team": p.Team,
		"csrf_token": sess.csrf, "sso": sess.sso != nil}
}

// setSessionCookie sends the session's cookie.
func (s *Server) setSessionCookie(c echo.Context, id string, expires time.Time) {
	c.SetCookie(&http.Cookie{
		Name: s.cookieName(c, sessionCookie), Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: s.secureRequest(c), Expires: expires,
	})
}

// cookieName is a cookie's name as this request sees it: under TLS with
// the __Host- prefix, which browsers accept only from a secure origin,
// with Path=/ and no Domain, so that no other host (a subdomain) can set
// or shadow it.
func (s *Server) cookieName(c echo.Context, name string) string {
	if s.secureRequest(c) {
		return "__Host-" + name
	}
	return name
}

// secureRequest reports whether the request reached us over TLS: directly,
// or through a trusted proxy that says so (a header from any other peer
// is not believed).
func (s *Server) secureRequest(c echo.Context) bool {
	if c.IsTLS() || s.opts.TLSCert != "" {
		return true
	}
	return s.fromTrustedProxy(c.Request()) && c.Request().Header.Get("X-Forwarded-Proto") == "https"
}

// logout answers POST /console/logout.
// A session started through the provider is told where to go to end
// the provider's session too: {"logout_url"}.
func (s *Server) logout(c echo.Context) error {
	var providerLogout string
	if ck, err := c.Cookie(s.cookieName(c, sessionCookie)); err == nil {
		if sess, ok := s.sessions.get(c.Request().Context(), ck.Value); ok {
			method := "token"
			if sess.sso != nil {
				method = "oidc"
				if s.sso != nil {
					providerLogout = s.sso.logoutURL(*sess.sso, s.consoleURL(c))
				}
			}
			s.recordSecurity(c, audit.Envelope{Type: audit.TypeLogout, Actor: sess.principal.Actor(), Attrs: map[string]string{"method": method}})
		}
		s.sessions.drop(c.Request().Context(), ck.Value)
	}
	c.SetCookie(&http.Cookie{Name: s.cookieName(c, sessionCookie), Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: s.secureRequest(c)})
	if providerLogout != "" {
		return c.JSON(http.StatusOK, map[string]any{"logout_url": providerLogout})
	}
	return c.NoContent(http.StatusNoContent)
}

// whoami answers GET /console/session with the session's principal and
// CSRF token, so a reloaded console page can go on.
func (s *Server) whoami(c echo.Context) error {
	p, ok := s.sessionPrincipal(c)
	if !ok {
		return errNotLoggedIn
	}
	ck, _ := c.Cookie(s.cookieName(c, sessionCookie))
	sess, _ := s.sessions.get(c.Request().Context(), ck.Value)
	return c.JSON(http.StatusOK, sessionAnswer(p, &sess))
}

// sameOrigin reports whether origin is this server's own, as the browser
// reached it.
func (s *Server) sameOrigin(c echo.Context, origin string) bool {
	scheme := "http"
	if s.secureRequest(c) {
		scheme = "https"
	}
	return strings.EqualFold(origin, scheme+"://"+c.Request().Host)
}

// recordSecurity appends a security event (log-ins, log-outs, failures)
// to the decision log: the envelope only, never a secret. A failure to
// record is logged, not shown to the client.
func (s *Server) recordSecurity(c echo.Context, env audit.Envelope) {
	if env.Attrs == nil {
		env.Attrs = map[string]string{}
	}
	env.Attrs["route"] = c.Path()
	if _, err := s.parts.Log.Append(c.Request().Context(), env, nil); err != nil {
		s.log.Error("could not record a security event", "type", env.Type, "err", err)
	}
}
