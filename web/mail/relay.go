// Package mail sends agents' replies to customers who asked for them by
// e-mail: a message in the customer's language with the reply, the AI
// disclosure and a link back to the conversation, delivered through the
// company's own mail relay (SMTP with STARTTLS or TLS, and
// authentication), retried with backoff when the relay refuses or does
// not answer. The customer's address is held in memory only while a
// reply is on its way; it is stored encrypted with the conversation by
// the audit store, and never logged.
package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"
	"net/url"
	"os"
	"strings"
	"time"
)

// Security is how the connection to the relay is protected.
type Security string

const (
	// StartTLS connects in clear and upgrades with STARTTLS, which the
	// relay must offer (smtp://, usually port 587).
	StartTLS Security = "starttls"
	// ImplicitTLS speaks TLS from the start (smtps://, usually port 465).
	ImplicitTLS Security = "tls"
)

// RelayOptions configures a Relay.
type RelayOptions struct {
	// URL is smtp://[user@]host:port (STARTTLS) or
	// smtps://[user@]host:port (TLS).
	URL string
	// Password authenticates the user of URL (PLAIN, over TLS only).
	Password string
	// From is the sender's address.
	From string
	// CAFile, when set, is a PEM file of the authorities the relay's
	// certificate is checked against, instead of the system's.
	CAFile string
	// Timeout bounds one delivery, from the dial to the end of the
	// message. Default 30 s.
	Timeout time.Duration
}

// Relay sends messages through one SMTP relay.
type Relay struct {
	addr, host, user, password, from string
	security                         Security
	tls                              *tls.Config
	timeout                          time.Duration
}

// NewRelay checks the options and returns a Relay.
func NewRelay(o RelayOptions) (*Relay, error) {
	u, err := url.Parse(o.URL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("mail relay %q: write it as smtp://user@host:587 or smtps://user@host:465", o.URL)
	}
	r := &Relay{addr: u.Host, host: u.Hostname(), password: o.Password, from: o.From, timeout: o.Timeout}
	switch u.Scheme {
	case "smtp":
		r.security = StartTLS
		if u.Port() == "" {
			r.addr = net.JoinHostPort(r.host, "587")
		}
		if u.Port() == "465" {
			// The port of implicit TLS (RFC 8314): a relay there waits for
			// a TLS hello while the client waits for its greeting, and
			// every delivery would end in a timeout.
			return nil, fmt.Errorf("mail relay %q: port 465 speaks TLS from the start; write smtps://", o.URL)
		}
	case "smtps":
		r.security = ImplicitTLS
		if u.Port() == "" {
			r.addr = net.JoinHostPort(r.host, "465")
		}
	default:
		return nil, fmt.Errorf("mail relay %q: the scheme must be smtp (STARTTLS) or smtps (TLS)", o.URL)
	}
	if u.User != nil {
		r.user = u.User.Username()
		if p, ok := u.User.Password(); ok && r.password == "" {
			r.password = p
		}
	}
	if _, err := parseAddress(o.From); err != nil {
		return nil, fmt.Errorf("mail sender %q: %w", o.From, err)
	}
	if r.timeout <= 0 {
		r.timeout = 30 * time.Second
	}
	r.tls = &tls.Config{ServerName: r.host, MinVersion: tls.VersionTLS12}
	if o.CAFile != "" {
		pem, err := os.ReadFile(o.CAFile)
		if err != nil {
			return nil, fmt.Errorf("mail relay CA: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("mail relay CA %s holds no PEM certificate", o.CAFile)
		}
		r.tls.RootCAs = pool
	}
	return r, nil
}

// From is the sender's address.
func (r *Relay) From() string { return r.from }

// Failures of a delivery, by kind; Problem names them for the log and the
// audit event without the relay's words, which may quote the address.
var (
	ErrRefused     = errors.New("the mail relay refused the message")
	ErrTimeout     = errors.New("the mail relay did not answer in time")
	ErrUnreachable = errors.New("the mail relay cannot be reached")
	ErrTLS         = errors.New("no secure connection to the mail relay")
	ErrAuth        = errors.New("the mail relay refused the credentials")
)

// Problem names the kind of a delivery failure: refused, timeout,
// unreachable, tls, auth or error.
func Problem(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrTimeout):
		return "timeout"
	case errors.Is(err, ErrRefused):
		return "refused"
	case errors.Is(err, ErrUnreachable):
		return "unreachable"
	case errors.Is(err, ErrTLS):
		return "tls"
	case errors.Is(err, ErrAuth):
		return "auth"
	}
	return "error"
}

// Send delivers msg (a whole RFC 5322 message) to one recipient.
func (r *Relay) Send(ctx context.Context, to string, msg []byte) (err error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	deadline, _ := ctx.Deadline()
	d := &net.Dialer{}
	var conn net.Conn
	if r.security == ImplicitTLS {
		conn, err = (&tls.Dialer{NetDialer: d, Config: r.tls}).DialContext(ctx, "tcp", r.addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", r.addr)
	}
	if err != nil {
		return classify(err, ErrUnreachable)
	}
	defer conn.Close()
	conn.SetDeadline(deadline)
	c, err := smtp.NewClient(conn, r.host)
	if err != nil {
		return classify(err, ErrRefused)
	}
	defer c.Close()
	if r.security == StartTLS {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return fmt.Errorf("%w: the relay does not offer STARTTLS", ErrTLS)
		}
		if err := c.StartTLS(r.tls); err != nil {
			return classify(err, ErrTLS)
		}
	}
	if r.user != "" {
		if err := c.Auth(smtp.PlainAuth("", r.user, r.password, r.host)); err != nil {
			return classify(err, ErrAuth)
		}
	}
	if err := c.Mail(r.from); err != nil {
		return classify(err, ErrRefused)
	}
	if err := c.Rcpt(to); err != nil {
		return classify(err, ErrRefused)
	}
	w, err := c.Data()
	if err != nil {
		return classify(err, ErrRefused)
	}
	if _, err := w.Write(msg); err != nil {
		return classify(err, ErrRefused)
	}
	if err := w.Close(); err != nil {
		return classify(err, ErrRefused)
	}
	if err := c.Quit(); err != nil {
		return classify(err, ErrRefused)
	}
	return nil
}

// classify wraps a failure in its kind: a timeout whatever the step, an
// SMTP reply code as a refusal, else kind. The relay's own text is kept
// out: it may quote the recipient.
func classify(err error, kind error) error {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return ErrTimeout
	}
	var pe *textproto.Error
	if errors.As(err, &pe) {
		if kind == ErrAuth {
			return fmt.Errorf("%w (code %d)", ErrAuth, pe.Code)
		}
		return fmt.Errorf("%w (code %d)", ErrRefused, pe.Code)
	}
	if kind == ErrTLS || strings.Contains(err.Error(), "tls:") || strings.Contains(err.Error(), "x509:") {
		return ErrTLS
	}
	return kind
}
