package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// Console sessions: an agent or officer logs in once with a token and then
// uses a session cookie (HttpOnly, SameSite=Strict, Secure under TLS).
// Requests that change state with the cookie must carry the session's CSRF
// token in the X-CSRF-Token header.

const (
	sessionCookie = "hushdesk_session"
	csrfHeader    = "X-CSRF-Token"
	sessionTTL    = 8 * time.Hour
)

type session struct {
	principal Principal
	csrf      string
	expires   time.Time
}

// sessions holds console sessions in memory; a restart logs everyone out.
type sessions struct {
	mu sync.Mutex
	m  map[string]*session
}

func newSessions() *sessions { return &sessions{m: make(map[string]*session)} }

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func (ss *sessions) create(p Principal) (id string, s *session) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := time.Now()
	for k, v := range ss.m {
		if now.After(v.expires) {
			delete(ss.m, k)
		}
	}
	id = randomToken()
	s = &session{principal: p, csrf: randomToken(), expires: now.Add(sessionTTL)}
	ss.m[id] = s
	return id, s
}

func (ss *sessions) get(id string) (*session, bool) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s, ok := ss.m[id]
	if !ok || time.Now().After(s.expires) {
		delete(ss.m, id)
		return nil, false
	}
	return s, true
}

func (ss *sessions) drop(id string) {
	ss.mu.Lock()
	delete(ss.m, id)
	ss.mu.Unlock()
}

// sessionPrincipal authenticates a request by its session cookie, checking
// the CSRF token on every request that can change state.
func (s *Server) sessionPrincipal(c echo.Context) (Principal, bool) {
	ck, err := c.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return Principal{}, false
	}
	sess, ok := s.sessions.get(ck.Value)
	if !ok {
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

type loginRequest struct {
	Token string `json:"token"`
}

// login answers POST /console/login: a valid token starts a session.
func (s *Server) login(c echo.Context) error {
	var req loginRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if s.opts.Auth == nil || req.Token == "" {
		return &apiError{status: http.StatusUnauthorized, msg: "the token is not valid"}
	}
	p, err := s.opts.Auth.Authenticate(c.Request().Context(), req.Token)
	if err != nil {
		return &apiError{status: http.StatusUnauthorized, msg: "the token is not valid"}
	}
	id, sess := s.sessions.create(p)
	c.SetCookie(&http.Cookie{
		Name: sessionCookie, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: c.IsTLS() || s.opts.TLSCert != "", Expires: sess.expires,
	})
	return c.JSON(http.StatusOK, map[string]any{"role": p.Role, "label": p.Label, "csrf_token": sess.csrf})
}

// logout answers POST /console/logout.
func (s *Server) logout(c echo.Context) error {
	if ck, err := c.Cookie(sessionCookie); err == nil {
		s.sessions.drop(ck.Value)
	}
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return c.NoContent(http.StatusNoContent)
}

// whoami answers GET /console/session with the session's principal and
// CSRF token, so a reloaded console page can go on.
func (s *Server) whoami(c echo.Context) error {
	ck, err := c.Cookie(sessionCookie)
	if err != nil {
		return &apiError{status: http.StatusUnauthorized, msg: "not logged in"}
	}
	sess, ok := s.sessions.get(ck.Value)
	if !ok {
		return &apiError{status: http.StatusUnauthorized, msg: "not logged in"}
	}
	return c.JSON(http.StatusOK, map[string]any{"role": sess.principal.Role, "label": sess.principal.Label, "csrf_token": sess.csrf})
}
