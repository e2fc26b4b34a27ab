package web

import (
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// customerRoutes are the endpoints a customer's browser calls, from the
// chat page or from the widget on the company's own site.
var customerRoutes = []string{
	"/api/v1/ask", "/api/v1/feedback", "/api/v1/handoff", "/api/v1/widget/config", "/api/v1/strings",
	"/api/v1/conversations/:id", "/api/v1/conversations/:id/events", "/api/v1/conversations/:id/email",
}

// cors lets the configured embedding origins call the customer endpoints
// (the widget). Nothing else is open across origins, and no credentials
// travel: the conversation id in the request is the customer's proof.
func (s *Server) cors() echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{
		Skipper: func(c echo.Context) bool {
			return len(s.opts.AllowedOrigins) == 0 || !slices.Contains(customerRoutes, c.Path())
		},
		AllowOrigins: s.opts.AllowedOrigins,
		AllowMethods: []string{http.MethodGet, http.MethodPost, http.MethodDelete},
		AllowHeaders: []string{"Content-Type", "Accept"},
		MaxAge:       600,
	})
}

// rateLimit bounds how often one client address may ask, so that one
// client cannot take the model away from everyone else.
func (s *Server) rateLimit() echo.MiddlewareFunc {
	limit := s.opts.AskRatePerMinute
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper: func(c echo.Context) bool {
			p := c.Path()
			return limit <= 0 || (p != "/api/v1/ask" && p != "/api/v1/handoff" && p != "/api/v1/feedback")
		},
		Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
			Rate: rate.Limit(float64(limit) / 60), Burst: max(limit/4, 5), ExpiresIn: 10 * time.Minute,
		}),
		IdentifierExtractor: func(c echo.Context) (string, error) { return clientKey(c.RealIP()), nil },
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			c.Response().Header().Set("Retry-After", "10")
			return &httpError{status: http.StatusTooManyRequests, msg: "too many questions from this address; please wait a moment"}
		},
		ErrorHandler: func(c echo.Context, err error) error {
			return &httpError{status: http.StatusForbidden, msg: "could not tell who is asking"}
		},
	})
}

// securityHeaders sets the headers every answer carries. Pages are never
// framed, except the chat page by the configured embedding origins; every
// asset comes from this server, so the CSP allows nothing else.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		if s.opts.TLSCert != "" {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		frame := "'none'"
		switch c.Path() {
		case "/":
			if len(s.opts.AllowedOrigins) > 0 {
				frame = "'self' " + strings.Join(s.opts.AllowedOrigins, " ")
			}
		case "/widget.js", "/widget.css":
			// Loaded by other sites' pages.
			h.Set("Cross-Origin-Resource-Policy", "cross-origin")
		}
		if frame == "'none'" {
			h.Set("X-Frame-Options", "DENY")
		}
		if private(c.Path()) {
			h.Set("Cache-Control", "no-store")
		}
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors "+frame+"; base-uri 'none'; form-action 'self'")
		return next(c)
	}
}

// ipExtractor reads a request's client address: the peer's, or behind
// trusted proxies the last address in X-Forwarded-For that no trusted
// proxy wrote. Only the configured proxies (loopback by default) are
// trusted; not every private address, which any client on the network
// may have.
func (s *Server) ipExtractor() echo.IPExtractor {
	if !s.opts.TrustProxy {
		direct := echo.ExtractIPDirect()
		return func(r *http.Request) string {
			if r.Header.Get("X-Forwarded-For") != "" {
				s.warnUntrustedForward()
			}
			return direct(r)
		}
	}
	opts := []echo.TrustOption{echo.TrustLoopback(true), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range s.opts.TrustedProxies {
		opts = append(opts, echo.TrustIPRange(prefixNet(p)))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// fromTrustedProxy reports whether the request's peer is a proxy whose
// forwarded headers are believed, as ipExtractor believes them: with
// TrustProxy set, a loopback address or one of TrustedProxies.
func (s *Server) fromTrustedProxy(r *http.Request) bool {
	if !s.opts.TrustProxy {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	a = a.Unmap()
	if a.IsLoopback() {
		return true
	}
	for _, p := range s.opts.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

func prefixNet(p netip.Prefix) *net.IPNet {
	return &net.IPNet{IP: p.Addr().AsSlice(), Mask: net.CIDRMask(p.Bits(), p.Addr().BitLen())}
}

// warnUntrustedForward says, at most once in ten minutes, that requests
// carry X-Forwarded-For the server does not believe: behind a proxy
// without --trust-proxy, every customer shares the proxy's address and
// its limits.
func (s *Server) warnUntrustedForward() {
	now := time.Now().Unix()
	last := s.warned.Load()
	if now-last < 600 || !s.warned.CompareAndSwap(last, now) {
		return
	}
	s.log.Warn("requests carry X-Forwarded-For, which is ignored: behind a reverse proxy set --trust-proxy and --trusted-proxies, or every customer shares the proxy's rate limit")
}

// private reports whether answers on a route may carry customer data or
// the log (a transcript, an answer, a queue, an export, a session): they
// are sent with Cache-Control: no-store, so that no browser or proxy
// keeps a copy. Only the sentences, the widget's settings and the static
// assets may be cached.
func private(path string) bool {
	switch path {
	case "/api/v1/strings", "/api/v1/widget/config":
		return false
	}
	return strings.HasPrefix(path, "/api/") || path == "/console" || strings.HasPrefix(path, "/console/") && !strings.HasPrefix(path, "/console/static/")
}
