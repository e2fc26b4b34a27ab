package siem

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
)

// marker is customer text in the events' content: it must never reach
// the SIEM.
const marker = "zebra-lamp-7731 lena.berg@example.se"

func openStore(t *testing.T) *audit.Store {
	t.Helper()
	s, err := audit.Open(t.TempDir(), audit.Options{RetentionInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// appendEvents adds n events, half decisions with content, half log-ins.
func appendEvents(t *testing.T, s *audit.Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		env := audit.Envelope{Type: audit.TypeDecision, Conversation: "k_c", Decision: "answer", ReasonCode: "answered"}
		var content *audit.Content
		if i%2 == 0 {
			content = &audit.Content{Question: marker, Answer: "Here is how"}
		} else {
			env = audit.Envelope{Type: audit.TypeLoginFailed, Actor: "anonymous", Attrs: map[string]string{"reason": `bad "token" ]`}}
		}
		if _, err := s.Append(context.Background(), env, content); err != nil {
			t.Fatal(err)
		}
	}
}

// hashes returns every event's chain hash by sequence number.
func hashes(t *testing.T, s *audit.Store) map[uint64]string {
	t.Helper()
	out := map[uint64]string{}
	s.Scan(context.Background(), audit.Filter{}, false, func(e audit.Event) error { out[e.Seq] = e.Hash; return nil })
	return out
}

// selfSigned makes a certificate for 127.0.0.1 and a pool that trusts it.
func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "collector"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

// syslogMessage is an RFC 5424 message as the receiver parsed it.
type syslogMessage struct {
	pri                                  int
	version                              string
	time, host, app, procid, msgid, sdid string
	params                               map[string]string
	msg                                  string
}

var header = regexp.MustCompile(`^<(\d{1,3})>(\d) (\S+) (\S+) (\S+) (\S+) (\S+) `)

// parse5424 reads one RFC 5424 message with one structured data element.
func parse5424(raw string) (syslogMessage, error) {
	m := header.FindStringSubmatch(raw)
	if m == nil {
		return syslogMessage{}, fmt.Errorf("not RFC 5424: %.80q", raw)
	}
	pri, _ := strconv.Atoi(m[1])
	out := syslogMessage{pri: pri, version: m[2], time: m[3], host: m[4], app: m[5], procid: m[6], msgid: m[7], params: map[string]string{}}
	rest := raw[len(m[0]):]
	if !strings.HasPrefix(rest, "[") {
		return out, fmt.Errorf("no structured data: %.80q", rest)
	}
	i := 1
	for i < len(rest) && rest[i] != ' ' && rest[i] != ']' {
		i++
	}
	out.sdid = rest[1:i]
	for rest[i] == ' ' {
		i++
		eq := strings.IndexByte(rest[i:], '=')
		name := rest[i : i+eq]
		i += eq + 2 // past ="
		var v strings.Builder
		for ; rest[i] != '"'; i++ {
			if rest[i] == '\\' {
				i++
			}
			v.WriteByte(rest[i])
		}
		out.params[name] = v.String()
		i++
	}
	if rest[i] != ']' {
		return out, fmt.Errorf("structured data not closed at %d: %.80q", i, rest[i:])
	}
	out.msg = strings.TrimPrefix(rest[i+1:], " \xef\xbb\xbf")
	return out, nil
}

// syslogReceiver is a TLS syslog collector: octet-counted frames, each
// parsed as RFC 5424. kill crashes it as a process dies: the listener and
// every connection closed at once, whatever was not read yet lost.
type syslogReceiver struct {
	ln       net.Listener
	dieAfter int // kill after this many messages, when > 0
	mu       sync.Mutex
	conns    map[net.Conn]bool
	got      []syslogMessage
	errs     []error
}

func startSyslog(t *testing.T, addr string, cert tls.Certificate) *syslogReceiver {
	t.Helper()
	return startSyslogDying(t, addr, cert, 0)
}

// startSyslogDying starts a collector that crashes after dieAfter
// messages (never, with 0).
func startSyslogDying(t *testing.T, addr string, cert tls.Certificate, dieAfter int) *syslogReceiver {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	r := &syslogReceiver{ln: ln, dieAfter: dieAfter, conns: map[net.Conn]bool{}}
	t.Cleanup(r.kill)
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			r.mu.Lock()
			if r.conns == nil { // killed meanwhile
				r.mu.Unlock()
				conn.Close()
				return
			}
			r.conns[conn] = true
			r.mu.Unlock()
			go r.read(tls.Server(conn, cfg))
		}
	}()
	return r
}

// kill closes the listener and the connections' sockets (no TLS
// close_notify): what the kernel or the reader held unread is lost.
func (r *syslogReceiver) kill() {
	r.ln.Close()
	r.mu.Lock()
	defer r.mu.Unlock()
	for c := range r.conns {
		c.Close()
	}
	r.conns = nil
}

func (r *syslogReceiver) read(conn *tls.Conn) {
	defer conn.NetConn().Close()
	br := bufio.NewReader(conn)
	for {
		n, err := br.ReadString(' ')
		if err != nil {
			return
		}
		size, err := strconv.Atoi(strings.TrimSpace(n))
		if err != nil {
			r.fail(fmt.Errorf("frame length %q", n))
			return
		}
		buf := make([]byte, size)
		if _, err := io.ReadFull(br, buf); err != nil {
			return
		}
		m, err := parse5424(string(buf))
		r.mu.Lock()
		if err != nil {
			r.errs = append(r.errs, err)
		} else {
			r.got = append(r.got, m)
		}
		die := r.dieAfter > 0 && len(r.got) >= r.dieAfter
		r.mu.Unlock()
		if die {
			r.kill()
			return
		}
	}
}

func (r *syslogReceiver) fail(err error) {
	r.mu.Lock()
	r.errs = append(r.errs, err)
	r.mu.Unlock()
}

func (r *syslogReceiver) messages() []syslogMessage {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]syslogMessage(nil), r.got...)
}

// waitFor polls until cond holds, failing the test after 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// runFeed runs a feed until the test ends.
func runFeed(t *testing.T, o Options) *Feed {
	t.Helper()
	o.Poll, o.MinBackoff, o.MaxBackoff = 10*time.Millisecond, 10*time.Millisecond, 50*time.Millisecond
	f, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return f
}

func TestSyslogOverTLS(t *testing.T) {
	store := openStore(t)
	appendEvents(t, store, 10)
	cert, pool := selfSigned(t)
	rcv := startSyslog(t, "127.0.0.1:0", cert)
	cursor := filepath.Join(t.TempDir(), "syslog.cursor")
	f := runFeed(t, Options{Source: store, Sink: newSyslog(rcv.ln.Addr().String(), pool), Cursor: cursor, Batch: 3})
	appendEvents(t, store, 4)
	want := hashes(t, store)
	waitFor(t, "every event at the collector", func() bool { return len(rcv.messages()) >= len(want) })

	seen := map[uint64]bool{}
	for _, m := range rcv.messages() {
		seq, _ := strconv.ParseUint(m.params["seq"], 10, 64)
		seen[seq] = true
		if m.version != "1" || m.app != "hushdesk" || m.sdid != "hushdesk@32473" || m.params["hash"] != want[seq] || m.msgid != m.params["type"] {
			t.Errorf("message %d = %+v", seq, m)
		}
		if _, err := time.Parse(time.RFC3339Nano, m.time); err != nil {
			t.Errorf("timestamp %q: %v", m.time, err)
		}
		var rec Record
		if err := json.Unmarshal([]byte(m.msg), &rec); err != nil || rec.Seq != seq || rec.Hash != want[seq] {
			t.Errorf("MSG of %d = %q (%v)", seq, m.msg, err)
		}
		if strings.Contains(m.msg, "zebra") || strings.Contains(m.msg, "lena.berg") || strings.Contains(m.msg, "content") {
			t.Fatalf("content reached the SIEM: %s", m.msg)
		}
		switch m.params["type"] {
		case audit.TypeLoginFailed:
			if m.pri != 13*8+4 || m.params["actor"] != "anonymous" || !strings.Contains(m.msg, `bad \"token\" ]`) {
				t.Errorf("failed log-in = %+v", m)
			}
		case audit.TypeDecision:
			if m.pri != 13*8+6 || m.params["decision"] != "answer" {
				t.Errorf("decision = %+v", m)
			}
		}
	}
	for seq := range want {
		if !seen[seq] {
			t.Errorf("event %d never arrived", seq)
		}
	}
	if len(rcv.errs) > 0 {
		t.Errorf("receiver: %v", rcv.errs)
	}
	waitFor(t, "the cursor", func() bool { return f.Delivered() == uint64(len(want)) })
	if got, _ := readCursor(cursor); got != uint64(len(want)) {
		t.Errorf("cursor file = %d, want %d", got, len(want))
	}
}

// warnings counts the feed's warnings: each is a failed delivery.
type warnings struct{ n atomic.Int64 }

func (w *warnings) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelWarn }
func (w *warnings) Handle(context.Context, slog.Record) error    { w.n.Add(1); return nil }
func (w *warnings) WithAttrs([]slog.Attr) slog.Handler           { return w }
func (w *warnings) WithGroup(string) slog.Handler                { return w }

// newSyslog is a syslog sink with a short grace window, for tests.
func newSyslog(addr string, pool *x509.CertPool) *Syslog {
	s := NewSyslog(addr, &tls.Config{RootCAs: pool})
	s.Grace = 100 * time.Millisecond
	return s
}

// received is what the collectors got, by sequence number: the chain
// hash of each (a repeat must carry the same one).
func received(t *testing.T, rcvs ...*syslogReceiver) map[uint64]string {
	t.Helper()
	out := map[uint64]string{}
	for _, r := range rcvs {
		for _, m := range r.messages() {
			seq, err := strconv.ParseUint(m.params["seq"], 10, 64)
			if err != nil {
				t.Fatalf("seq %q: %v", m.params["seq"], err)
			}
			if h, ok := out[seq]; ok && h != m.params["hash"] {
				t.Fatalf("event %d arrived with two hashes, %s and %s", seq, h, m.params["hash"])
			}
			out[seq] = m.params["hash"]
		}
	}
	return out
}

// gaps is what a SIEM checks of what it received: the sequence numbers
// missing from 1 to last, and those whose chain hash is not the log's.
func gaps(got, log map[uint64]string, last uint64) (missing, changed []uint64) {
	for seq := uint64(1); seq <= last; seq++ {
		h, ok := got[seq]
		switch {
		case !ok:
			missing = append(missing, seq)
		case h != log[seq]:
			changed = append(changed, seq)
		}
	}
	return missing, changed
}

// checkAll asserts that every event of the log arrived at least once,
// with its chain hash, and that the check would have seen a gap.
func checkAll(t *testing.T, store *audit.Store, got map[uint64]string) {
	t.Helper()
	log := hashes(t, store)
	last := uint64(len(log))
	if missing, changed := gaps(got, log, last); len(missing) > 0 || len(changed) > 0 || len(got) != len(log) {
		t.Fatalf("the collectors got %d events of %d: missing %v, hash not the log's %v", len(got), len(log), missing, changed)
	}
	// The same check finds an event lost in the middle, or changed.
	cut := map[uint64]string{}
	for seq, h := range got {
		cut[seq] = h
	}
	delete(cut, last/2)
	cut[1] = log[2]
	if missing, changed := gaps(cut, log, last); len(missing) != 1 || missing[0] != last/2 || len(changed) != 1 || changed[0] != 1 {
		t.Fatalf("the gap check missed a lost and a changed event: missing %v, changed %v", missing, changed)
	}
}

// TestSyslogCollectorDown: events written while the collector is away
// arrive when it comes back, and none is lost when it crashes: what it
// had not read is sent again to the collector started in its place.
func TestSyslogCollectorDown(t *testing.T) {
	store := openStore(t)
	cert, pool := selfSigned(t)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close() // nobody listens yet
	cursor := filepath.Join(t.TempDir(), "syslog.cursor")
	warned := &warnings{}
	f := runFeed(t, Options{Source: store, Sink: newSyslog(addr, pool), Cursor: cursor, Batch: 5, Logger: slog.New(warned)})
	appendEvents(t, store, 6)
	waitFor(t, "two failed deliveries", func() bool { return warned.n.Load() >= 2 })
	if f.Delivered() != 0 {
		t.Fatalf("delivered %d with no collector", f.Delivered())
	}

	rcv := startSyslog(t, addr, cert)
	waitFor(t, "the events written while the collector was down", func() bool { return f.Delivered() == 6 })
	if got := received(t, rcv); len(got) != 6 {
		t.Fatalf("the collector got %d events, want 6", len(got))
	}

	// The collector crashes; events are written while it is down.
	rcv.kill()
	before := warned.n.Load()
	appendEvents(t, store, 4)
	waitFor(t, "the feed to see the collector gone", func() bool { return warned.n.Load() > before })
	if d := f.Delivered(); d != 6 {
		t.Fatalf("delivered %d with the collector down, want 6", d)
	}

	rcv2 := startSyslog(t, addr, cert)
	waitFor(t, "the events after the restart", func() bool { return f.Delivered() == 10 })
	checkAll(t, store, received(t, rcv, rcv2))
	if got, _ := readCursor(cursor); got != 10 {
		t.Errorf("cursor file = %d, want 10", got)
	}
}

// TestSyslogCollectorDiesMidBatch: the collector reads part of a batch
// and crashes with the rest in its buffers; the write had succeeded, but
// the cursor does not pass what it lost, and the collector started in
// its place gets it.
func TestSyslogCollectorDiesMidBatch(t *testing.T) {
	store := openStore(t)
	appendEvents(t, store, 40)
	cert, pool := selfSigned(t)
	rcv := startSyslogDying(t, "127.0.0.1:0", cert, 4)
	addr := rcv.ln.Addr().String()
	cursor := filepath.Join(t.TempDir(), "syslog.cursor")
	warned := &warnings{}
	f := runFeed(t, Options{Source: store, Sink: newSyslog(addr, pool), Cursor: cursor, Batch: 10, Logger: slog.New(warned)})
	// A batch is one TLS record (under 16 KiB), written whole before the
	// collector has read its fourth message.
	waitFor(t, "the collector's crash", func() bool { return len(rcv.messages()) >= 4 && warned.n.Load() > 0 })
	if got := len(received(t, rcv)); got != 4 {
		t.Fatalf("the dying collector got %d events, want 4", got)
	}
	if d := f.Delivered(); d >= 10 {
		t.Fatalf("the cursor is at %d: past events the collector never read", d)
	}

	appendEvents(t, store, 3)
	rcv2 := startSyslog(t, addr, cert)
	waitFor(t, "every event after the restart", func() bool { return f.Delivered() == 43 })
	checkAll(t, store, received(t, rcv, rcv2))
	if len(rcv2.errs) > 0 {
		t.Errorf("receiver: %v", rcv2.errs)
	}
}

// httpsCollector is a JSON-lines collector over HTTPS that refuses its
// first requests.
type httpsCollector struct {
	mu      sync.Mutex
	refuse  int
	records []Record
	bad     []string
}

func (c *httpsCollector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r.Header.Get("Authorization") != "Bearer collector-token" || r.Header.Get("Content-Type") != "application/x-ndjson" {
		c.bad = append(c.bad, fmt.Sprint(r.Header))
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if c.refuse > 0 {
		c.refuse--
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	sc := bufio.NewScanner(r.Body)
	var first uint64
	for sc.Scan() {
		var rec Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			c.bad = append(c.bad, sc.Text())
			continue
		}
		if first == 0 {
			first = rec.Seq
		}
		c.records = append(c.records, rec)
		if strings.Contains(sc.Text(), "zebra") {
			c.bad = append(c.bad, "content: "+sc.Text())
		}
	}
	if r.Header.Get("X-Hushdesk-First-Seq") != strconv.FormatUint(first, 10) {
		c.bad = append(c.bad, "first seq header "+r.Header.Get("X-Hushdesk-First-Seq"))
	}
	w.WriteHeader(http.StatusNoContent)
}

func (c *httpsCollector) seqs() []uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []uint64
	for _, r := range c.records {
		out = append(out, r.Seq)
	}
	return out
}

func TestHTTPSJSONLines(t *testing.T) {
	store := openStore(t)
	appendEvents(t, store, 7)
	col := &httpsCollector{refuse: 2}
	srv := httptest.NewTLSServer(col)
	t.Cleanup(srv.Close)
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	cursor := filepath.Join(t.TempDir(), "https.cursor")
	sink := NewHTTPS(srv.URL+"/ingest", "collector-token", &tls.Config{RootCAs: pool})
	f, err := New(Options{Source: store, Sink: sink, Cursor: cursor, Batch: 4, Poll: 10 * time.Millisecond,
		MinBackoff: 10 * time.Millisecond, MaxBackoff: 40 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- f.Run(ctx) }()
	waitFor(t, "seven records", func() bool { return f.Delivered() == 7 })
	cancel()
	<-done
	want := hashes(t, store)
	got := col.seqs()
	if len(got) != 7 {
		t.Fatalf("collector got %v; the refused batches must be sent again, the accepted ones once", got)
	}
	for i, seq := range got {
		if seq != uint64(i+1) || col.records[i].Hash != want[seq] {
			t.Errorf("record %d = seq %d hash %s", i, seq, col.records[i].Hash)
		}
	}
	if len(col.bad) > 0 {
		t.Errorf("collector: %v", col.bad)
	}
	// A restarted feed goes on from its cursor: nothing is sent twice.
	appendEvents(t, store, 2)
	runFeed(t, Options{Source: store, Sink: sink, Cursor: cursor})
	waitFor(t, "the two new records", func() bool { return len(col.seqs()) == 9 })
	time.Sleep(50 * time.Millisecond)
	if got := col.seqs(); len(got) != 9 || got[7] != 8 || got[8] != 9 {
		t.Fatalf("after the restart the collector has %v", got)
	}
}

func TestNewNeedsACursor(t *testing.T) {
	if _, err := New(Options{Source: openStore(t), Sink: NewHTTPS("https://x.invalid", "", nil)}); !errors.Is(err, ErrNoCursor) {
		t.Fatalf("New without a cursor = %v", err)
	}
}
