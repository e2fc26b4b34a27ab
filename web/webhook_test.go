package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
)

// TestWebhookRetries checks which answers of the receiver make the
// webhook try again: failures that may pass (5xx, 408, 429, no answer)
// are retried, refusals (other 4xx) are not.
func TestWebhookRetries(t *testing.T) {
	for _, tc := range []struct {
		name     string
		statuses []int // the receiver's answers, in turn; 200 after them
		calls    int   // how many calls the receiver gets
	}{
		{"accepted", nil, 1},
		{"server errors", []int{500, 503}, 3},
		{"rate limited", []int{429}, 2},
		{"timeout", []int{408}, 2},
		{"not found", []int{404}, 1},
		{"bad signature", []int{401}, 1},
		{"always failing", []int{500, 500, 500, 500, 500}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			calls := 0
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				body, _ := io.ReadAll(r.Body)
				if r.Header.Get("X-Hushdesk-Signature") != Sign("s3cret", r.Header.Get("X-Hushdesk-Timestamp"), body) {
					t.Errorf("call %d: bad signature", calls)
				}
				status := http.StatusOK
				if calls < len(tc.statuses) {
					status = tc.statuses[calls]
				}
				calls++
				w.WriteHeader(status)
			}))
			defer ts.Close()
			w := newWebhook(ts.URL, "s3cret", slog.New(slog.DiscardHandler), time.Millisecond, 4)
			w.Send("handoff.created", audit.Handoff{ID: "h1"})
			w.deliver(context.Background(), <-w.queue)
			mu.Lock()
			defer mu.Unlock()
			if calls != tc.calls {
				t.Fatalf("receiver got %d calls, want %d", calls, tc.calls)
			}
		})
	}
}

// TestWebhookShutdownIsPrompt: however much is queued and however long
// the backoff, Run returns as soon as its context ends.
func TestWebhookShutdownIsPrompt(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer ts.Close()
	w := newWebhook(ts.URL, "s3cret", slog.New(slog.DiscardHandler), time.Second, 6) // about a minute of retries each
	for i := range 100 {
		w.Send("handoff.created", audit.Handoff{ID: fmt.Sprint("h", i)})
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	time.Sleep(100 * time.Millisecond) // the first delivery is waiting to retry
	cancel()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not return within 2s of its context ending")
	}
}

// TestWebhookSignatureCoversTimestamp: a receiver that checks the
// signature refuses a body replayed with another timestamp.
func TestWebhookSignatureCoversTimestamp(t *testing.T) {
	body := []byte(`{"event":"handoff.created"}`)
	if Sign("k", "1700000000", body) == Sign("k", "1700000999", body) {
		t.Fatal("the signature does not depend on the timestamp")
	}
}
