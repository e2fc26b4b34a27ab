package web

import (
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
				if r.Header.Get("X-Hushdesk-Signature") != Sign("s3cret", body) {
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
			w.Close()
			mu.Lock()
			defer mu.Unlock()
			if calls != tc.calls {
				t.Fatalf("receiver got %d calls, want %d", calls, tc.calls)
			}
		})
	}
}
