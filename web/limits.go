package web

import (
	"fmt"
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

// streamCounter bounds the event streams open at once, per holder (each
// with the cap it is given) and in all.
type streamCounter struct {
	mu     sync.Mutex
	perKey map[string]int
	total  int
	maxAll int
}

func newStreamCounter(all int) *streamCounter {
	return &streamCounter{perKey: map[string]int{}, maxAll: all}
}

// streamRefusal says why acquire found no place.
type streamRefusal uint8

const (
	streamOK         streamRefusal = iota
	streamHolderFull               // the holder has its cap open
	streamServerFull               // the server has streamsInAll open
)

// acquire takes a place for key, which may hold max streams at once.
func (s *streamCounter) acquire(key string, max int) streamRefusal {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.total >= s.maxAll:
		return streamServerFull
	case s.perKey[key] >= max:
		return streamHolderFull
	}
	s.perKey[key]++
	s.total++
	return streamOK
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

// streamHolder is whom an event stream counts against: an agent or an
// officer by their token or console session, since a team behind one
// office address would otherwise shut each other out; an anonymous
// customer by their address.
type streamHolder struct {
	key  string
	max  int
	full error // the answer when the holder has max open
}

func streamHolderOf(c echo.Context) streamHolder {
	if p := principal(c); p.TokenID != "" {
		return streamHolder{key: "principal " + p.Actor(), max: streamsPerPrincipal, full: errStreamsPerPrincipal}
	}
	return streamHolder{key: "client " + clientKey(c.RealIP()), max: streamsPerClient, full: errStreamsPerClient}
}

// openStream takes a place for the request's event stream and returns
// what gives it back, or a 429 that says whose streams are too many.
func (s *Server) openStream(c echo.Context) (release func(), err error) {
	h := streamHolderOf(c)
	switch s.streams.acquire(h.key, h.max) {
	case streamOK:
		return func() { s.streams.release(h.key) }, nil
	case streamHolderFull:
		err = h.full
	default:
		err = errStreamsInAll
	}
	c.Response().Header().Set("Retry-After", "30")
	return nil, err
}

// Limits on what a client may do.
const (
	// loginFailures is how many failed log-ins or bearer checks a client
	// may make in 15 minutes before every attempt is refused for a while.
	loginFailures = 10
	// conversationReads is how many reads of conversations a minute one
	// client may make (transcripts, downloads).
	conversationReads = 60
	// streamsPerClient bounds the event streams one anonymous client
	// address holds open, streamsPerPrincipal those of one token or
	// console session (a person's tabs and windows), and streamsInAll
	// every stream of the server.
	streamsPerClient    = 4
	streamsPerPrincipal = 8
	streamsInAll        = 2000
)

// Answers when an event stream is refused.
var (
	errStreamsPerClient = &httpError{status: http.StatusTooManyRequests,
		msg: fmt.Sprintf("too many event streams open from this address (at most %d); close the chat in another tab or window", streamsPerClient)}
	errStreamsPerPrincipal = &httpError{status: http.StatusTooManyRequests,
		msg: fmt.Sprintf("too many event streams open with this token or console session (at most %d); close the console in another tab or window", streamsPerPrincipal)}
	errStreamsInAll = &httpError{status: http.StatusTooManyRequests,
		msg: "the server has too many event streams open; please try again in a moment"}
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
