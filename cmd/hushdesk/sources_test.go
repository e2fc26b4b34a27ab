package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAnswerLinksPublishedDocument checks that a document given a URL
// is cited with it, and that a URL a browser would run is refused.
func TestAnswerLinksPublishedDocument(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	doc := `{"id": "kb/pigeons.md", "url": "https://help.example.com/pigeons", "lang": "en",
		"text": "# Pigeon post\n\nCarrier pigeons fly parcels for free within Denmark."}`
	if code, body, _ := ts.call(t, "POST", "/api/v1/documents", adminToken, doc); code != 200 {
		t.Fatalf("upload = %d %s", code, body)
	}
	bad := `{"id": "kb/x.md", "url": "javascript:alert(1)", "text": "# X\n\nText."}`
	if code, body, _ := ts.call(t, "POST", "/api/v1/documents", adminToken, bad); code != 400 || !strings.Contains(body, "http or https") {
		t.Fatalf("upload with a script URL = %d %s", code, body)
	}
	code, body, _ := ts.call(t, "POST", "/api/v1/ask", "", `{"question": "Do carrier pigeons fly parcels for free?"}`)
	if code != 200 {
		t.Fatalf("ask = %d %s", code, body)
	}
	var reply struct {
		Sources []struct {
			DocID string `json:"doc_id"`
			URL   string `json:"url"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(body), &reply); err != nil {
		t.Fatal(err)
	}
	if len(reply.Sources) == 0 || reply.Sources[0].DocID != "kb/pigeons.md" || reply.Sources[0].URL != "https://help.example.com/pigeons" {
		t.Fatalf("sources %+v", reply.Sources)
	}
}

// TestReindexOverHTTP checks that an admin can have the knowledge base
// analysed again, that nobody else can, and that the log records it.
func TestReindexOverHTTP(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	if code, _, _ := ts.call(t, "POST", "/api/v1/documents/reindex", "", ""); code != 401 {
		t.Fatalf("without a token = %d", code)
	}
	code, body, _ := ts.call(t, "POST", "/api/v1/documents/reindex", adminToken, "")
	if code != 200 {
		t.Fatalf("reindex = %d %s", code, body)
	}
	var rep struct{ Passages, Synonyms int }
	if err := json.Unmarshal([]byte(body), &rep); err != nil {
		t.Fatal(err)
	}
	n, _ := ts.Main.Index.Chunks()
	if rep.Passages != int(n) || rep.Synonyms == 0 {
		t.Fatalf("report %+v, index holds %d passages", rep, n)
	}
	if code, body, _ := ts.call(t, "POST", "/api/v1/ask", "", `{"question": "How do I return an item?"}`); code != 200 || !strings.Contains(body, `"decision":"answer"`) {
		t.Fatalf("ask after the reindex = %d %s", code, body)
	}
	_, log, _ := ts.call(t, "GET", "/api/v1/audit?type=kb.ingest", ts.newToken(t, "compliance"), "")
	if !strings.Contains(log, `"action":"reindex"`) {
		t.Fatalf("the reindex is not in the log:\n%s", log)
	}
}
