package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// MaxAddress bounds an e-mail address, in bytes (RFC 5321).
const MaxAddress = 254

// ErrBadAddress means a customer's e-mail address cannot be used.
var ErrBadAddress = errors.New("that is not an e-mail address")

// parseAddress checks an address and returns it bare: name@domain, no
// display name, no line breaks.
func parseAddress(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > MaxAddress || !utf8.ValidString(s) || strings.ContainsAny(s, "\r\n<>\" ,;") {
		return "", ErrBadAddress
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return "", ErrBadAddress
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return "", ErrBadAddress
	}
	return s, nil
}

// CheckAddress returns a customer's address as it will be used, or
// ErrBadAddress.
func CheckAddress(s string) (string, error) { return parseAddress(s) }

// Letter is an agent's reply as it is e-mailed.
type Letter struct {
	From, To string
	Lang     lang.Tag
	Company  string
	// AgentName is the agent's display name; empty says "our support
	// team".
	AgentName string
	// Text is the reply as the customer reads it.
	Text string
	// Link leads back to the conversation; empty when the chat page has
	// no public address.
	Link string
	Date time.Time
}

// Compose writes the letter as a message: plain text in UTF-8,
// quoted-printable, with the reply, the AI disclosure, the link back and
// why the customer gets it.
func Compose(l Letter) []byte {
	t := l.Lang.Or(lang.Default)
	intro := catalog.Textf(t, "email.intro", "name", l.AgentName, "company", l.Company)
	if l.AgentName == "" {
		intro = catalog.Textf(t, "email.intro_anon", "company", l.Company)
	}
	back := catalog.Text(t, "email.no_link")
	if l.Link != "" {
		back = catalog.Textf(t, "email.link", "link", l.Link)
	}
	var body strings.Builder
	body.WriteString(intro + "\r\n\r\n")
	for _, line := range strings.Split(strings.ReplaceAll(strings.TrimSpace(l.Text), "\r\n", "\n"), "\n") {
		body.WriteString("    " + line + "\r\n")
	}
	body.WriteString("\r\n" + back + "\r\n\r\n-- \r\n")
	body.WriteString(catalog.Text(t, catalog.Disclosure) + "\r\n\r\n")
	body.WriteString(catalog.Text(t, "email.why") + "\r\n")

	id := make([]byte, 12)
	rand.Read(id)
	domain := "hushdesk.invalid"
	if _, d, ok := strings.Cut(l.From, "@"); ok {
		domain = d
	}
	if l.Date.IsZero() {
		l.Date = time.Now()
	}
	var b bytes.Buffer
	hdr := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	hdr("From", mime.QEncoding.Encode("utf-8", l.Company)+" <"+l.From+">")
	hdr("To", "<"+l.To+">")
	hdr("Subject", mime.QEncoding.Encode("utf-8", catalog.Textf(t, "email.subject", "company", l.Company)))
	hdr("Date", l.Date.Format(time.RFC1123Z))
	hdr("Message-ID", "<"+hex.EncodeToString(id)+"@"+domain+">")
	hdr("Content-Language", string(t))
	hdr("Auto-Submitted", "auto-generated")
	hdr("MIME-Version", "1.0")
	hdr("Content-Type", "text/plain; charset=utf-8")
	hdr("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	qp.Write([]byte(body.String()))
	qp.Close()
	return b.Bytes()
}
