package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference"
)

// leavingAsker is an assistant whose customer goes away while it
// answers: after the reply's first token when streaming, else before
// anything is sent.
type leavingAsker struct {
	fakeAsker
	leave context.CancelFunc
}

func (l *leavingAsker) Ask(ctx context.Context, q inference.Question, s *inference.Stream) (inference.Reply, error) {
	if s != nil {
		s.Meta(inference.Reply{ConversationID: "c_AAAAAAAAAAAAAAAAAAAAAA", Decision: "answer"})
		s.Token("Returns are ")
	}
	l.leave()
	<-ctx.Done()
	return inference.Reply{}, fmt.Errorf("generate: %w", ctx.Err())
}

// TestClientGoneIsLogged499: a customer who goes away mid-answer is
// logged (and counted) as 499, not as a server error nor as a success.
func TestClientGoneIsLogged499(t *testing.T) {
	for _, tt := range []struct {
		name   string
		accept string
	}{
		{"JSON answer", "application/json"},
		{"streamed answer", "text/event-stream"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var logs logSink
			a := &leavingAsker{}
			env := newEnv(t, a, Options{Logger: logs.logger()})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			a.leave = cancel
			req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/api/v1/ask", strings.NewReader(`{"question":"How do I return an item?"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept", tt.accept)
			env.srv.Handler().ServeHTTP(httptest.NewRecorder(), req)

			var status []int
			for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
				var rec struct {
					Msg, Route, Level string
					Status            int
				}
				json.Unmarshal([]byte(line), &rec)
				if rec.Level == "ERROR" {
					t.Errorf("logged as an error: %s", line)
				}
				if rec.Msg == "http request" && rec.Route == "/api/v1/ask" {
					status = append(status, rec.Status)
				}
			}
			if len(status) != 1 || status[0] != statusClientClosed {
				t.Fatalf("access log statuses %v, want [499]:\n%s", status, logs.String())
			}
			m := httptest.NewRecorder()
			env.srv.Handler().ServeHTTP(m, httptest.NewRequest(http.MethodGet, "/metrics", nil))
			if !strings.Contains(m.Body.String(), `hushdesk_http_requests_total{code="499",method="POST",route="/api/v1/ask"} 1`) {
				t.Errorf("metrics do not count a 499 on /api/v1/ask")
			}
		})
	}
}
