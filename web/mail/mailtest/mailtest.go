// Package mailtest runs a real SMTP server for tests (go-smtp's), with
// STARTTLS (smtp://) or implicit TLS (smtps://) under a certificate made
// for the test, PLAIN authentication, and a switch that makes it refuse
// every message; and a relay that never answers. Only tests import it.
package mailtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// User and Password are the credentials the server accepts.
const (
	User     = "hushdesk"
	Password = "relay-secret"
)

// Message is one message the server took, over TLS (the server takes
// none in clear) from the user who authenticated.
type Message struct {
	From, To string
	User     string
	Data     []byte
}

// Server is a running SMTP server.
type Server struct {
	// URL is smtp://User@host:port (STARTTLS) or smtps://User@host:port
	// (implicit TLS); CAFile the PEM file of the certificate it presents.
	URL, CAFile string
	refuse      atomic.Bool
	mu          sync.Mutex
	msgs        []Message
	arrived     chan struct{}
}

// Start starts a server that speaks in clear and offers STARTTLS, as a
// submission port (587) does; it closes when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	return start(t, false)
}

// StartImplicitTLS starts a server that speaks TLS from the first byte,
// as an smtps port (465) does; it closes when the test ends.
func StartImplicitTLS(t testing.TB) *Server {
	t.Helper()
	return start(t, true)
}

func start(t testing.TB, implicit bool) *Server {
	t.Helper()
	cert, caFile := selfSigned(t)
	config := &tls.Config{Certificates: []tls.Certificate{cert}}
	var ln net.Listener
	var err error
	scheme := "smtp"
	if implicit {
		ln, err = tls.Listen("tcp", "127.0.0.1:0", config)
		scheme = "smtps"
	} else {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{CAFile: caFile, arrived: make(chan struct{}, 64)}
	srv := smtp.NewServer(backend{s})
	srv.Domain = "127.0.0.1"
	if !implicit {
		srv.TLSConfig = config // offered as STARTTLS
	}
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	s.URL = fmt.Sprintf("%s://%s@%s", scheme, User, ln.Addr())
	return s
}

// Refuse makes the server refuse (or accept again) every message.
func (s *Server) Refuse(on bool) { s.refuse.Store(on) }

// Messages returns the messages taken so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Wait waits for n messages in all, failing the test after d.
func (s *Server) Wait(t testing.TB, n int, d time.Duration) []Message {
	t.Helper()
	deadline := time.After(d)
	for {
		if m := s.Messages(); len(m) >= n {
			return m
		}
		select {
		case <-s.arrived:
		case <-deadline:
			t.Fatalf("the mail relay got %d messages, want %d", len(s.Messages()), n)
		}
	}
}

type backend struct{ s *Server }

func (b backend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{s: b.s, conn: c}, nil
}

type session struct {
	s        *Server
	conn     *smtp.Conn
	user     string // who authenticated
	from, to string
}

func (x *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (x *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if user != User || pass != Password {
			return errors.New("bad credentials")
		}
		x.user = user
		return nil
	}), nil
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if _, secure := x.conn.TLSConnectionState(); !secure {
		return &smtp.SMTPError{Code: 530, Message: "STARTTLS first"}
	}
	if x.user == "" {
		return smtp.ErrAuthRequired
	}
	if x.s.refuse.Load() {
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	x.from = from
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error { x.to = to; return nil }

func (x *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	x.s.mu.Lock()
	x.s.msgs = append(x.s.msgs, Message{From: x.from, To: x.to, User: x.user, Data: b})
	x.s.mu.Unlock()
	select {
	case x.s.arrived <- struct{}{}:
	default:
	}
	return nil
}

func (x *session) Reset()        {}
func (x *session) Logout() error { return nil }

// Silent starts a listener that takes connections and never answers, as
// a relay that hangs does, and returns its smtp:// URL.
func Silent(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return fmt.Sprintf("smtp://%s@%s", User, ln.Addr())
}

// selfSigned makes a certificate for 127.0.0.1 and writes it as the CA
// file.
func selfSigned(t testing.TB) (tls.Certificate, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mailtest"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	kb, _ := x509.MarshalECPrivateKey(key)
	cert, err := tls.X509KeyPair(certPEM, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "relay-ca.pem")
	if err := os.WriteFile(file, certPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	return cert, file
}
