package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/hushdesk/hushdesk/audit"
)

// Webhook tells an outside ticketing system about hand-offs: signed JSON
// (HMAC-SHA256 of the body with a shared secret, in X-Hushdesk-Signature),
// retried with exponential backoff. Payloads carry no customer text and no
// personal data: the hand-off's pseudonymous record only.
type Webhook struct {
	url, secret string
	client      *http.Client
	log         *slog.Logger
	queue       chan webhookPayload
	backoff     time.Duration
	attempts    int
	done        chan struct{}
}

type webhookPayload struct {
	Event   string        `json:"event"`
	Time    time.Time     `json:"time"`
	Handoff audit.Handoff `json:"handoff"`
}

// NewWebhook starts a sender for url; Close stops it. A notification is
// tried six times, one second apart at first and twice as long each time.
func NewWebhook(url, secret string, log *slog.Logger) *Webhook {
	return newWebhook(url, secret, log, time.Second, 6)
}

func newWebhook(url, secret string, log *slog.Logger, backoff time.Duration, attempts int) *Webhook {
	w := &Webhook{url: url, secret: secret, client: &http.Client{Timeout: 10 * time.Second}, log: log,
		queue: make(chan webhookPayload, 1024), backoff: backoff, attempts: attempts, done: make(chan struct{})}
	go w.run()
	return w
}

// Send queues a notification; it never blocks the request that caused it.
func (w *Webhook) Send(event string, h audit.Handoff) {
	select {
	case w.queue <- webhookPayload{Event: event, Time: time.Now().UTC(), Handoff: h}:
	default:
		w.log.Error("webhook queue full; notification dropped", "event", event, "handoff", h.ID)
	}
}

// Close stops sending after the queued notifications are tried once more.
func (w *Webhook) Close() {
	close(w.queue)
	<-w.done
}

func (w *Webhook) run() {
	defer close(w.done)
	for p := range w.queue {
		body, err := json.Marshal(p)
		if err != nil {
			w.log.Error("webhook payload", "err", err)
			continue
		}
		delay := w.backoff
		for attempt := 1; ; attempt++ {
			err := w.post(body, p.Event)
			if err == nil {
				break
			}
			var refused refusedError
			if attempt >= w.attempts || errors.As(err, &refused) {
				w.log.Error("webhook gave up", "event", p.Event, "handoff", p.Handoff.ID, "attempts", attempt, "err", err)
				break
			}
			w.log.Warn("webhook failed; retrying", "event", p.Event, "attempt", attempt, "in", delay.String(), "err", err)
			time.Sleep(delay)
			delay *= 2
		}
	}
}

// Sign returns the signature header value for a body.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

func (w *Webhook) post(body []byte, event string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Hushdesk-Event", event)
	req.Header.Set("X-Hushdesk-Timestamp", strconv.FormatInt(time.Now().Unix(), 10))
	req.Header.Set("X-Hushdesk-Signature", Sign(w.secret, body))
	resp, err := w.client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	switch {
	case resp.StatusCode < 300:
		return nil
	case resp.StatusCode >= 400 && resp.StatusCode < 500 &&
		resp.StatusCode != http.StatusRequestTimeout && resp.StatusCode != http.StatusTooManyRequests:
		return refusedError{resp.Status}
	default:
		return fmt.Errorf("status %s", resp.Status)
	}
}

// refusedError is a receiver's refusal that trying again cannot change
// (a 4xx status other than 408 and 429: a wrong URL, a bad signature
// secret, a payload it does not take). It is not retried.
type refusedError struct{ status string }

func (e refusedError) Error() string { return "refused with status " + e.status + "; not retried" }
