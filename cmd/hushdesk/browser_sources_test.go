package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserChatPageLinksSources checks that the chat page, answering
// extractively, links a source to its published document (in a new tab,
// without telling it where the customer came from).
func TestBrowserChatPageLinksSources(t *testing.T) {
	b := newBrowser(t)
	ts := startServer(t, func(c *Config) { c.Ollama = "http://127.0.0.1:1"; c.AdminToken = adminToken })
	doc := `{"id": "kb/pigeons.md", "url": "https://help.example.com/pigeons", "lang": "en", "text": "# Pigeon post\n\nCarrier pigeons fly parcels for free within Denmark."}`
	if code, body, _ := ts.call(t, "POST", "/api/v1/documents", adminToken, doc); code != 200 {
		t.Fatalf("upload = %d %s", code, body)
	}
	tab := b.tab("chat")
	b.run(tab, "open", chromedp.Navigate(ts.URL+"/"))
	b.run(tab, "ask", chromedp.Click("#question"), chromedp.KeyEvent("Do carrier pigeons fly parcels for free?"), chromedp.KeyEvent("\r"))
	b.waitFor(tab, "answer", `document.querySelectorAll("#log .sources").length > 0`)
	if got := jsEval[string](b, tab, `document.querySelector("#log .sources a.title").href + " " + document.querySelector("#log .sources a.title").rel`); got != "https://help.example.com/pigeons noopener noreferrer" {
		t.Fatalf("link %q", got)
	}
	b.step("chat", "answered")
	b.checkProblems()
}
