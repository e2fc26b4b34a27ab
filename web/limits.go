package web

import (
	"net/http"
	"net/netip"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

// clientKey is what limits count a client by: its address, and for IPv6
// its /64, which one customer's network usually has whole.
func clientKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	a = a.Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

// keyedLimiter is a token bucket per client key, forgetting keys idle for
// a while.
type keyedLimiter struct {
	mu    sync.Mutex
	every rate.Limit
	burst int
	m     map[string]*limiterEntry
	sweep time.Time
}

type limiterEntry struct {
	l    *rate.Limiter
	seen time.Time
}

func newKeyedLimiter(perMinute float64, burst int) *keyedLimiter {
	return &keyedLimiter{every: rate.Limit(perMinute / 60), burst: burst, m: map[string]*limiterEntry{}, sweep: time.Now()}
}

func (k *keyedLimiter) get(key string) *rate.Limiter {
	k.mu.Lock()
	defer k.mu.Unlock()
	now := time.Now()
	if now.Sub(k.sweep) > 10*time.Minute {
		for key, e := range k.m {
			if now.Sub(e.seen) > 30*time.Minute {
				delete(k.m, key)
			}
		}
		k.sweep = now
	}
	e, ok := k.m[key]
	if !ok {
		e = &limiterEntry{l: rate.NewLimiter(k.every, k.burst)}
		k.m[key] = e
	}
	e.seen = now
	return e.l
}

// allow takes a token for key.
func (k *keyedLimiter) allow(key string) bool { return k.get(key).Allow() }

// exhausted reports whether key has no token left, without taking one.
func (k *keyedLimiter) exhausted(key string) bool { return k.get(key).Tokens() < 1 }

// streamCounter bounds the event streams open at once, per client and in
// all.
type streamCounter struct {
	mu             sync.Mutex
	perKey         map[string]int
	total          int
	maxKey, maxAll int
}

func newStreamCounter(perKey, all int) *streamCounter {
	return &streamCounter{perKey: map[string]int{}, maxKey: perKey, maxAll: all}
}

// acquire takes a place for key, or reports that there is none.
func (s *streamCounter) acquire(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.perKey[key] >= s.maxKey || s.total >= s.maxAll {
		return false
	}
	s.perKey[key]++
	s.total++
	return true
}

func (s *streamCounter) release(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.perKey[key]--
	if s.perKey[key] <= 0 {
		delete(s.perKey, key)
	}
	s.total--
}

// Limits on what a client may do.
const (
	// loginFailures is how many failed log-ins or bearer checks a client
	// may make in 15 minutes before every attempt is refused for a while.
	loginFailures = 10
	// conversationReads is how many reads of conversations a minute one
	// client may make (transcripts, downloads).
	conversationReads = 60
	// streamsPerClient and streamsInAll bound open event streams.
	streamsPerClient = 4
	streamsInAll     = 2000
)

var errTooMany = &httpError{status: http.StatusTooManyRequests, msg: "too many requests from this address; please wait a moment"}

// tooMany answers 429 with a Retry-After.
func tooMany(c echo.Context) error {
	c.Response().Header().Set("Retry-After", "30")
	return errTooMany
}

// limitConversationReads bounds how often one client reads conversations.
func (s *Server) limitConversationReads(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !s.reads.allow(clientKey(c.RealIP())) {
			return tooMany(c)
		}
		return next(c)
	}
}
