package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference/decision"
)

// TestKnowledgeGapExamplesForComplianceOnly: the questions behind a
// knowledge gap are customers' words. Compliance officers read them in
// the support report; agents and admins see the gaps and their counts
// only, as JSON and on the printable page.
func TestKnowledgeGapExamplesForComplianceOnly(t *testing.T) {
	const question = "Do you repair antique grandfather clocks from the harbour shop?"
	env := newEnv(t, nil, Options{})
	srv := env.serve(t)
	if _, err := env.store.Append(context.Background(), audit.Envelope{Type: audit.TypeDecision, Conversation: "k_gap", Message: "m_gap",
		Decision: string(decision.Abstain), ReasonCode: string(decision.NoRelevant), Language: "en", Scores: map[string]float64{"confidence": 0.05}},
		&audit.Content{Question: question}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		role     role.Role
		examples bool
	}{
		{role.Agent, false},
		{role.Admin, false},
		{role.Compliance, true},
	} {
		code, body := call(t, "GET", srv.URL+"/api/v1/reports/support", env.secret[tt.role], "")
		var rep struct {
			Gaps []struct {
				Count    int
				Examples []string
			} `json:"knowledge_gaps"`
		}
		if err := json.Unmarshal([]byte(body), &rep); err != nil || code != http.StatusOK || len(rep.Gaps) != 1 || rep.Gaps[0].Count != 1 {
			t.Fatalf("%s: report = %d %s", tt.role, code, body)
		}
		if got := len(rep.Gaps[0].Examples) == 1 && rep.Gaps[0].Examples[0] == question; got != tt.examples {
			t.Errorf("%s: examples %q, want shown %v", tt.role, rep.Gaps[0].Examples, tt.examples)
		}
		if !tt.examples && strings.Contains(body, "grandfather") {
			t.Errorf("%s: the JSON report holds the question: %s", tt.role, body)
		}
		code, page := call(t, "GET", srv.URL+"/api/v1/reports/support?format=html", env.secret[tt.role], "")
		if code != http.StatusOK || strings.Contains(page, "grandfather") != tt.examples {
			t.Errorf("%s: the printable report (%d) shows the question: %v, want %v", tt.role, code, strings.Contains(page, "grandfather"), tt.examples)
		}
	}
}
