package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit/role"
)

// TestCustomerDataIsNeverCached: every answer that may carry customer data
// or the log (answers, event streams, the queue, exports, the console) is
// sent with Cache-Control: no-store; only the sentences, the widget's
// settings and the static assets may be kept.
func TestCustomerDataIsNeverCached(t *testing.T) {
	env := newEnv(t, &fakeAsker{}, Options{})
	srv := env.serve(t)
	tests := []struct {
		method, path string
		role         role.Role
		body, accept string
		noStore      bool
	}{
		{"POST", "/api/v1/ask", "", `{"question": "hi"}`, "", true},
		{"POST", "/api/v1/ask", "", `{"question": "hi"}`, "text/event-stream", true},
		{"GET", "/api/v1/handoffs", role.Agent, "", "", true},
		{"GET", "/api/v1/handoffs/events", role.Agent, "", "text/event-stream", true},
		{"GET", "/api/v1/audit?format=jsonl", role.Compliance, "", "", true},
		{"GET", "/api/v1/audit/events", role.Compliance, "", "", true},
		{"GET", "/api/v1/requests", role.Compliance, "", "", true},
		{"GET", "/api/v1/tokens", role.Admin, "", "", true},
		{"GET", "/console", "", "", "", true},
		{"GET", "/api/v1/strings", "", "", "", false},
		{"GET", "/api/v1/widget/config", "", "", "", false},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(tt.body))
		req.Header.Set("Content-Type", "application/json")
		if tt.accept != "" {
			req.Header.Set("Accept", tt.accept)
		}
		if tt.role != "" {
			req.Header.Set("Authorization", "Bearer "+env.secret[tt.role])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		got := resp.Header.Get("Cache-Control")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s %s (%s) = %d", tt.method, tt.path, tt.accept, resp.StatusCode)
		}
		if (got == "no-store") != tt.noStore {
			t.Errorf("%s %s (%s): Cache-Control %q, want no-store %v", tt.method, tt.path, tt.accept, got, tt.noStore)
		}
	}
}
