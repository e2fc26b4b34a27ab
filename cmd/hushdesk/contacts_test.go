package main

import (
	"strings"
	"testing"
)

// TestPublicContacts: a help article that publishes its contacts
// (public_contacts) keeps them, and the customer reads them as written;
// the same text in an article that does not is redacted, and the customer
// reads a word, never a placeholder. Ingest says what it kept and what it
// redacted.
func TestPublicContacts(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.AdminToken, c.Ollama = adminToken, "http://127.0.0.1:1"
		c.PublicContacts = []string{"larkspur.example"}
	})
	public := `{"id": "kb/claims-desk.md", "lang": "en", "public_contacts": true, "text": "# The claims desk\n\nClaims about damaged bicycles go to our claims desk. Call Jonas Holm, the desk's team lead, on +45 32 12 34 56."}`
	code, body, _ := ts.call(t, "POST", "/api/v1/documents", adminToken, public)
	if code != 200 || !strings.Contains(body, `"public_contacts":{"kb/claims-desk.md":{`) || !strings.Contains(body, `"PHONE":1`) {
		t.Fatalf("upload = %d %s", code, body)
	}
	private := `{"id": "kb/bicycle-repairs.md", "lang": "en", "text": "# Bicycle repairs\n\nFor repairs of unicycles, ask Jonas Holm on +45 32 12 34 56 or write to repairs@larkspur.example."}`
	code, body, _ = ts.call(t, "POST", "/api/v1/documents", adminToken, private)
	if code != 200 || !strings.Contains(body, `"personal_data":{"kb/bicycle-repairs.md":{`) {
		t.Fatalf("upload = %d %s", code, body)
	}
	_, r, raw := ts.ask(t, `{"question": "Who do I call about a damaged bicycle claim?"}`)
	if !strings.Contains(r.Answer, "+45 32 12 34 56") || !strings.Contains(r.Answer, "Jonas Holm") {
		t.Fatalf("the published contacts were not kept: %s", raw)
	}
	_, r, raw = ts.ask(t, `{"question": "Who repairs unicycles?"}`)
	if strings.Contains(r.Answer, "<") || strings.Contains(r.Answer, "32 12 34 56") || !strings.Contains(r.Answer, "[phone number]") ||
		!strings.Contains(r.Answer, "repairs@larkspur.example") {
		t.Fatalf("the unpublished article's answer = %s", raw)
	}
}
