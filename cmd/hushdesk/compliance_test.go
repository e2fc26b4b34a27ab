package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

const adminToken = "test-admin-token-0123456789abcdef"

// call makes an API request with a bearer token (none when empty) and
// returns the status, the body and the response.
func (ts *testServer) call(t *testing.T, method, path, token, body string) (int, string, *http.Response) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, ts.URL+path, r)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp
}

// newToken creates a token with the admin token and returns its secret.
func (ts *testServer) newToken(t *testing.T, role string) string {
	t.Helper()
	code, body, _ := ts.call(t, "POST", "/api/v1/tokens", adminToken, fmt.Sprintf(`{"role": %q, "label": "test %s"}`, role, role))
	var tok struct{ Token string }
	json.Unmarshal([]byte(body), &tok)
	if code != 201 || tok.Token == "" {
		t.Fatalf("create %s token = %d %s", role, code, body)
	}
	return tok.Token
}

func TestComplianceAPI(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	marker := "zebra-lamp-7731"
	ts.ask(t, `{"question": "How do I return the `+marker+` I bought? Mail me at lena.berg@example.se", "subject": "`+ts.subject("cust-42")+`"}`)
	ts.ask(t, `{"question": "When will my refund arrive?", "subject": "`+ts.subject("cust-42")+`"}`)
	_, other, _ := ts.ask(t, `{"question": "Can I pay with PayPal?", "subject": "`+ts.subject("cust-7")+`"}`)

	agent, officer := ts.newToken(t, "agent"), ts.newToken(t, "compliance")
	for _, tt := range []struct {
		token string
		want  int
	}{{"", 401}, {"wrong", 401}, {agent, 403}, {officer, 200}, {adminToken, 403}} { // admins read no log
		if code, body, _ := ts.call(t, "GET", "/api/v1/audit/verify", tt.token, ""); code != tt.want {
			t.Errorf("verify with %q = %d %s, want %d", tt.token, code, body, tt.want)
		}
	}

	// Export: JSON lines with seq, the SHA-256 in a trailer, a manifest.
	code, body, resp := ts.call(t, "GET", "/api/v1/audit?type=decision", officer, "")
	lines := strings.Split(strings.TrimSpace(body), "\n")
	if code != 200 || len(lines) != 3 {
		t.Fatalf("export = %d, %d lines", code, len(lines))
	}
	for _, l := range lines {
		if !strings.Contains(l, `"seq":`) || strings.Contains(l, "lena.berg") {
			t.Fatalf("export line %s", l)
		}
	}
	sum := sha256.Sum256([]byte(body))
	if got := resp.Trailer.Get("X-Hushdesk-Export-Sha256"); got != hex.EncodeToString(sum[:]) {
		t.Fatalf("trailer sha256 %q, body hashes to %x", got, sum)
	}
	code, manifest, _ := ts.call(t, "GET", "/api/v1/audit/exports/"+resp.Trailer.Get("X-Hushdesk-Export-Seq"), officer, "")
	if code != 200 || !strings.Contains(manifest, hex.EncodeToString(sum[:])) || !strings.Contains(manifest, `"checkpoint"`) {
		t.Fatalf("manifest = %d %s", code, manifest)
	}
	if code, body, _ := ts.call(t, "GET", "/api/v1/audit?from=yesterday", officer, ""); code != 400 {
		t.Fatalf("bad from = %d %s", code, body)
	}

	// A checkpoint signed on demand, then fetched as the latest.
	code, cp, _ := ts.call(t, "POST", "/api/v1/audit/checkpoint", officer, "")
	code2, latest, _ := ts.call(t, "GET", "/api/v1/audit/checkpoint", officer, "")
	if code != 201 || code2 != 200 || !strings.Contains(cp, `"signature"`) || cp != latest {
		t.Fatalf("checkpoint = %d %s / %d %s", code, cp, code2, latest)
	}

	// Access: everything about cust-42, and the request is logged.
	code, body, _ = ts.call(t, "GET", "/api/v1/subjects/cust-42/export", officer, "")
	if code != 200 || !strings.Contains(body, marker) || strings.Contains(body, "lena.berg") || !strings.Contains(body, `"statement"`) {
		t.Fatalf("subject export = %d %.600s", code, body)
	}
	if strings.Contains(body, "PayPal") {
		t.Fatal("the subject export holds another subject's question")
	}

	// Erasure is blocked by a legal hold, with its basis.
	code, body, _ = ts.call(t, "POST", "/api/v1/holds", officer, `{"subject": "cust-42", "basis": "case 2026-118"}`)
	if code != 201 {
		t.Fatalf("place hold = %d %s", code, body)
	}
	code, body, _ = ts.call(t, "DELETE", "/api/v1/subjects/cust-42", officer, "")
	if code != 409 || !strings.Contains(body, "case 2026-118") {
		t.Fatalf("erase under hold = %d %s", code, body)
	}
	var holds struct{ Holds []struct{ Target string } }
	_, body, _ = ts.call(t, "GET", "/api/v1/holds", officer, "")
	json.Unmarshal([]byte(body), &holds)
	if len(holds.Holds) != 1 {
		t.Fatalf("holds = %s", body)
	}
	if code, body, _ = ts.call(t, "DELETE", "/api/v1/holds/"+holds.Holds[0].Target, officer, ""); code != 204 {
		t.Fatalf("release = %d %s", code, body)
	}
	code, body, _ = ts.call(t, "DELETE", "/api/v1/subjects/cust-42", officer, "")
	var receipt struct {
		Subject        string `json:"subject"`
		ErasedAt       string `json:"erased_at"`
		EventsAffected int    `json:"events_affected"`
	}
	json.Unmarshal([]byte(body), &receipt)
	if code != 200 || !strings.HasPrefix(receipt.Subject, "s_") || receipt.ErasedAt == "" || receipt.EventsAffected < 2 {
		t.Fatalf("erase = %d %s", code, body)
	}

	// Afterwards the log still verifies, the content is gone from every
	// export, the other subject's is not, and the requests are logged.
	if code, body, _ = ts.call(t, "GET", "/api/v1/audit/verify", officer, ""); code != 200 || !strings.Contains(body, `"ok":true`) {
		t.Fatalf("verify after erasure = %s", body)
	}
	_, body, _ = ts.call(t, "GET", "/api/v1/audit?content=true", officer, "")
	if strings.Contains(body, marker) || !strings.Contains(body, "PayPal") {
		t.Fatalf("decrypted export after erasure:\n%s", body)
	}
	_, body, _ = ts.call(t, "GET", "/api/v1/requests", officer, "")
	if strings.Count(body, `"status":"completed"`) < 2 || !strings.Contains(body, `"kind":"erasure"`) {
		t.Fatalf("requests = %s", body)
	}

	// The customer erases their own conversation.
	code, body, _ = ts.call(t, "DELETE", "/api/v1/conversations/"+other.ConversationID, "", "")
	if code != 200 || !strings.Contains(body, `"events_affected"`) {
		t.Fatalf("customer erasure = %d %s", code, body)
	}
	// The conversation is gone from every index: it no longer exists.
	if code, body, _ = ts.call(t, "GET", "/api/v1/conversations/"+other.ConversationID, "", ""); code != 404 {
		t.Fatalf("transcript after erasure = %d %s", code, body)
	}
	// A retry (the first answer was lost) gets the same receipt.
	first := body
	if code, again, _ := ts.call(t, "DELETE", "/api/v1/conversations/"+other.ConversationID, "", ""); code != 200 || !strings.Contains(again, `"events_affected"`) {
		t.Fatalf("erasure retried = %d %s (first %s)", code, again, first)
	}

	// Transparency: JSON figures and a printable page with inline charts.
	code, body, _ = ts.call(t, "GET", "/api/v1/reports/transparency", officer, "")
	if code != 200 || !strings.Contains(body, `"decisions_total":3`) {
		t.Fatalf("transparency = %d %s", code, body)
	}
	code, body, _ = ts.call(t, "GET", "/api/v1/reports/transparency?format=html", officer, "")
	if code != 200 || !strings.Contains(body, "<svg") || strings.Contains(body, "http://") || strings.Contains(body, "https://") {
		t.Fatalf("transparency page = %d %.300s", code, body)
	}

	// Admins see the running configuration, without secrets.
	code, body, _ = ts.call(t, "GET", "/api/v1/config", adminToken, "")
	if code != 200 || !strings.Contains(body, `"admin_token":"set"`) || strings.Contains(body, adminToken) {
		t.Fatalf("config = %d %s", code, body)
	}
	if code, _, _ = ts.call(t, "GET", "/api/v1/config", officer, ""); code != 403 {
		t.Fatalf("config for compliance = %d", code)
	}
	code, body, _ = ts.call(t, "GET", "/api/v1/widget/config?lang=zh-TW", "", "")
	if code != 200 || !strings.Contains(body, `"language":"zh-Hant"`) || !strings.Contains(body, "AI") {
		t.Fatalf("widget config = %d %s", code, body)
	}

	// Nothing erased is left in any file, and no token is stored in clear.
	ts.stop()
	walkFiles(t, ts.Main.Config.Data, func(path string, data []byte) {
		for _, s := range []string{marker, "lena.berg", adminToken, agent, officer, "cust-42"} {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s holds %q", path, s)
			}
		}
	})
}
