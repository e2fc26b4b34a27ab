package main

import (
	"fmt"
	"io"
	"net/http"
	"testing"
)

// BenchmarkQueue200 is the agents' queue with 200 open hand-offs: one
// GET /api/v1/handoffs, which reads each conversation's first message
// (one decryption a row) and each team's target.
func BenchmarkQueue200(b *testing.B) {
	ts := startServer(b, func(c *Config) { c.AdminToken = adminToken })
	for i := 0; i < 200; i++ {
		code, _, raw := ts.ask(b, fmt.Sprintf(`{"question": "I want to talk to a person about order %d, my parcel is late"}`, 100000+i))
		if code != 200 {
			b.Fatal(raw)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		code, body := ts.get(b, "/api/v1/handoffs?view=all", adminToken)
		if code != 200 || len(body) < 200*300 {
			b.Fatalf("queue = %d, %d bytes", code, len(body))
		}
	}
}

// get makes a GET with a bearer token, for benchmarks (ts.call takes a
// *testing.T).
func (ts *testServer) get(tb testing.TB, path, token string) (int, []byte) {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, body
}
