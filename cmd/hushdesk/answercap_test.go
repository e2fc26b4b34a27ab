package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
)

// TestAnswerCappedAtTokenLimit: max-answer-tokens reaches the model as
// its num_predict, an answer the model stops there is still given to the
// customer, and the decision log records it with the outcome capped; the
// running configuration shows both caps.
func TestAnswerCappedAtTokenLimit(t *testing.T) {
	const limit = 6
	ts := startServer(t, func(c *Config) {
		c.AdminToken = adminToken
		c.MaxAnswerTokens, c.MaxAnswerTime = limit, 45*time.Second
	})
	// The fake's answer is longer than the cap: two sentences of the
	// first source; Ollama stops at num_predict and says "length".
	code, r, raw := ts.ask(t, `{"question": "How do I return an item?"}`)
	if code != http.StatusOK || r.Decision != "answer" || r.Generator.Mode != "ollama" || r.Answer == "" {
		t.Fatalf("ask = %d %s", code, raw)
	}
	reqs := ts.Ollama.Requests()
	if len(reqs) != 1 || reqs[0].Options["num_predict"] != float64(limit) {
		t.Fatalf("chat requests = %+v, want one with num_predict %d", reqs, limit)
	}
	var outcomes []string
	err := ts.Main.Store.Scan(context.Background(), audit.Filter{Types: []string{audit.TypeDecision}}, false, func(e audit.Event) error {
		outcomes = append(outcomes, e.Outcome)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(outcomes) != 1 || outcomes[0] != "capped" {
		t.Fatalf("decision outcomes = %q, want [capped]", outcomes)
	}

	code, body, _ := ts.call(t, "GET", "/api/v1/config", adminToken, "")
	if code != http.StatusOK || !strings.Contains(body, `"max_answer_tokens":6`) || !strings.Contains(body, `"max_answer_time":"45s"`) {
		t.Fatalf("config = %d %s", code, body)
	}
}
