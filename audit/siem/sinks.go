package siem

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/audit"
)

// TLSConfig is the TLS configuration for a collector: the system's CAs,
// or those of caFile (PEM) when it is set; TLS 1.2 at least.
func TLSConfig(caFile string) (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if caFile == "" {
		return cfg, nil
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("siem CA: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("siem CA %s: no PEM certificate in it", caFile)
	}
	cfg.RootCAs = pool
	return cfg, nil
}

// Facility 13 is "log audit"; severities: 4 warning, 5 notice, 6 info.
const facilityLogAudit = 13

// sdID is the structured data element's id: a private name under the
// enterprise number that RFC 5612 reserves for documentation.
const sdID = "hushdesk@32473"

// severity ranks an event for syslog: failures and broken chains warn,
// the rest of the security trail is a notice, decisions are information.
func severity(r Record) int {
	switch {
	case r.Type == audit.TypeLoginFailed || r.Outcome == "broken" || r.Type == audit.TypeSessionEnded:
		return 4
	case isSecurity(r.Type):
		return 5
	}
	return 6
}

func isSecurity(t string) bool {
	for _, s := range audit.SecurityTypes() {
		if s == t {
			return true
		}
	}
	return false
}

// message renders one RFC 5424 message.
func (s *Syslog) message(r Record) ([]byte, error) {
	body, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("siem record %d: %w", r.Seq, err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<%d>1 %s %s hushdesk - %s [%s", facilityLogAudit*8+severity(r),
		r.Time.UTC().Format("2006-01-02T15:04:05.000000Z07:00"), s.hostname, printable(r.Type, 32), sdID)
	param := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, ` %s="%s"`, k, sdEscape(v))
		}
	}
	param("seq", strconv.FormatUint(r.Seq, 10))
	param("hash", r.Hash)
	param("type", r.Type)
	param("actor", r.Actor)
	param("outcome", r.Outcome)
	param("decision", r.Decision)
	param("reason", r.ReasonCode)
	param("conversation", r.Conversation)
	param("subject", r.Subject)
	b.WriteString("] \xef\xbb\xbf") // the BOM says MSG is UTF-8
	b.Write(body)
	return b.Bytes(), nil
}

// printable keeps a header field to printable US-ASCII without spaces,
// at most n characters ("-" when empty).
func printable(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < 33 || r > 126 {
			return '_'
		}
		return r
	}, s)
	if len(s) > n {
		s = s[:n]
	}
	if s == "" {
		return "-"
	}
	return s
}

// sdEscape escapes a structured data parameter's value (RFC 5424 6.3.3).
func sdEscape(v string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, `]`, `\]`).Replace(v)
}

// HTTPS POSTs records as JSON lines (Content-Type application/x-ndjson),
// one request a batch; a 2xx answer means the collector took them. The
// request says which events it carries (X-Hushdesk-First-Seq and
// X-Hushdesk-Last-Seq) and, with a token, authenticates with it
// (Authorization: Bearer).
type HTTPS struct {
	url    string
	token  string
	client *http.Client
}

// NewHTTPS returns a sink for the collector at url.
func NewHTTPS(url, token string, cfg *tls.Config) *HTTPS {
	return &HTTPS{url: url, token: token, client: &http.Client{Timeout: 30 * time.Second,
		Transport: &http.Transport{TLSClientConfig: cfg, Proxy: http.ProxyFromEnvironment}}}
}

// Send POSTs the batch.
func (h *HTTPS) Send(ctx context.Context, batch []Record) error {
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false)
	for _, r := range batch {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("siem record %d: %w", r.Seq, err)
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.url, &body)
	if err != nil {
		return fmt.Errorf("https collector: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("X-Hushdesk-First-Seq", strconv.FormatUint(batch[0].Seq, 10))
	req.Header.Set("X-Hushdesk-Last-Seq", strconv.FormatUint(batch[len(batch)-1].Seq, 10))
	if h.token != "" {
		req.Header.Set("Authorization", "Bearer "+h.token)
	}
	resp, err := h.client.Do(req)
	if err != nil {
		return fmt.Errorf("https collector: %w: %w", ErrUnavailable, err)
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("https collector answered %s: %w", resp.Status, ErrUnavailable)
	}
	return nil
}

// Close closes idle connections.
func (h *HTTPS) Close() error {
	h.client.CloseIdleConnections()
	return nil
}
