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
// (HMAC-SHA256 over the timestamp and the body with a shared secret, in
// X-Hushdesk-Signature, the timestamp in X-Hushdesk-Timestamp, so that a
// receiver can refuse replays), retried with exponential backoff. Payloads
// carry no customer text and no personal data: the hand-off's
// pseudonymous record only. Run delivers until its context ends.
type Webhook struct {
	url, secret string
	client      *http.Client
	log         *slog.Logger
	queue       chan webhookPayload
	backoff     time.Duration
	attempts    int
	outbox      WebhookOutbox // nil: the queue in memory
	wake        chan struct{}
}

// WebhookOutbox keeps notifications until they are delivered, so that a
// crash loses none, and lets several replicas share the delivering.
type WebhookOutbox interface {
	Enqueue(ctx context.Context, event string, body []byte) error
	// Next takes the oldest notification that is due, so that no other
	// sender takes it meanwhile, and tries it with try: when try says
	// done it is removed, else it is due again after retry.
	Next(ctx context.Context, try func(event string, body []byte, attempt int) (done bool, retry time.Duration)) (took bool, err error)
}

// WithOutbox keeps the notifications in o instead of this process's
// memory, and delivers those o holds, whichever process queued them.
func (w *Webhook) WithOutbox(o WebhookOutbox) *Webhook {
	w.outbox, w.wake = o, make(chan struct{}, 1)
	return w
}

type webhookPayload struct {
	Event   string        `json:"event"`
	Time    time.Time     `json:"time"`
	Handoff audit.Handoff `json:"handoff"`
}

// NewWebhook returns a sender for url; Run sends. A notification is tried
// six times, one second apart at first and twice as long each time.
func NewWebhook(url, secret string, log *slog.Logger) *Webhook {
	return newWebhook(url, secret, log, time.Second, 6)
}

func newWebhook(url, secret string, log *slog.Logger, backoff time.Duration, attempts int) *Webhook {
	return &Webhook{url: url, secret: secret, client: &http.Client{Timeout: 10 * time.Second}, log: log,
		queue: make(chan webhookPayload, 1024), backoff: backoff, attempts: attempts}
}

// Send queues a notification; it never blocks the request that caused
// it for long (with an outbox, it waits for the outbox's write).
func (w *Webhook) Send(event string, h audit.Handoff) {
	if w.outbox != nil {
		w.enqueue(webhookPayload{Event: event, Time: time.Now().UTC(), Handoff: h})
		return
	}
	select {
	case w.queue <- webhookPayload{Event: event, Time: time.Now().UTC(), Handoff: h}:
	default:
		w.log.Error("webhook queue full; notification dropped", "event", event, "handoff", h.ID)
	}
}

// Run sends the queued notifications until ctx ends, then returns at
// once: a retry waiting for its turn is given up, and what is still
// queued is logged as not delivered.
func (w *Webhook) Run(ctx context.Context) error {
	if w.outbox != nil {
		return w.drain(ctx)
	}
	for {
		select {
		case <-ctx.Done():
			if n := len(w.queue); n > 0 {
				w.log.Warn("webhook stopped with notifications not delivered", "count", n)
			}
			return nil
		case p := <-w.queue:
			w.deliver(ctx, p)
		}
	}
}

// deliver sends one notification, retrying with backoff while ctx lasts.
func (w *Webhook) deliver(ctx context.Context, p webhookPayload) {
	body, err := json.Marshal(p)
	if err != nil {
		w.log.Error("webhook payload", "err", err)
		return
	}
	delay := w.backoff
	for attempt := 1; ; attempt++ {
		err := w.post(ctx, body, p.Event)
		if err == nil {
			return
		}
		var refused refusedError
		if attempt >= w.attempts || errors.As(err, &refused) || ctx.Err() != nil {
			w.log.Error("webhook gave up", "event", p.Event, "handoff", p.Handoff.ID, "attempts", attempt, "err", err)
			return
		}
		w.log.Warn("webhook failed; retrying", "event", p.Event, "attempt", attempt, "in", delay.String(), "err", err)
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			w.log.Warn("webhook stopped before a retry", "event", p.Event, "handoff", p.Handoff.ID)
			return
		case <-t.C:
		}
		delay *= 2
	}
}

// Sign returns the signature header value for a body sent at timestamp
// (Unix seconds, as in X-Hushdesk-Timestamp): HMAC-SHA256 over
// timestamp + "." + body. A receiver recomputes it and refuses a
// timestamp older than a few minutes.
func Sign(secret, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(timestamp))
	m.Write([]byte("."))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

func (w *Webhook) post(ctx context.Context, body []byte, event string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Hushdesk-Event", event)
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req.Header.Set("X-Hushdesk-Timestamp", ts)
	req.Header.Set("X-Hushdesk-Signature", Sign(w.secret, ts, body))
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

func (w *Webhook) enqueue(p webhookPayload) {
	body, err := json.Marshal(p)
	if err != nil {
		w.log.Error("webhook payload", "err", err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := w.outbox.Enqueue(ctx, p.Event, body); err != nil {
		w.log.Error("webhook notification not queued", "event", p.Event, "handoff", p.Handoff.ID, "err", err)
		return
	}
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// drain delivers what the outbox holds until ctx ends: one attempt at a
// time, a failure due again after the backoff, given up after the last
// attempt or a refusal.
func (w *Webhook) drain(ctx context.Context) error {
	idle := time.NewTimer(time.Second)
	defer idle.Stop()
	for {
		took, err := w.outbox.Next(ctx, func(event string, body []byte, attempt int) (bool, time.Duration) {
			err := w.post(ctx, body, event)
			if err == nil {
				return true, 0
			}
			var refused refusedError
			if attempt >= w.attempts || errors.As(err, &refused) {
				w.log.Error("webhook gave up", "event", event, "attempts", attempt, "err", err)
				return true, 0
			}
			delay := w.backoff << (attempt - 1)
			w.log.Warn("webhook failed; retrying", "event", event, "attempt", attempt, "in", delay.String(), "err", err)
			return false, delay
		})
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			w.log.Error("webhook outbox", "err", err)
		}
		if took && err == nil {
			continue
		}
		idle.Reset(time.Second)
		select {
		case <-ctx.Done():
			return nil
		case <-w.wake:
		case <-idle.C:
		}
	}
}
