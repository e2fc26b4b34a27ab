package main

import (
	"strings"
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

// TestBrowserChatPageErasesConversation checks that a customer can take
// a copy of their conversation and erase it from the chat page.
func TestBrowserChatPageErasesConversation(t *testing.T) {
	b := newBrowser(t)
	ts := startServer(t, nil)
	tab := b.tab("chat")
	b.run(tab, "open", chromedp.Navigate(ts.URL+"/"))
	if !jsEval[bool](b, tab, `document.getElementById("erase").hidden && document.getElementById("download").hidden`) {
		t.Fatal("erase and download offered before there is a conversation")
	}
	b.run(tab, "ask", chromedp.Click("#question"), chromedp.KeyEvent("How do I return an item?"), chromedp.KeyEvent("\r"))
	b.waitFor(tab, "answer", `document.querySelectorAll("#log .sources").length > 0 && !document.getElementById("erase").hidden`)
	conv := jsEval[string](b, tab, `sessionStorage.getItem("hushdesk.conversation")`)
	href := jsEval[string](b, tab, `document.getElementById("download").href`)
	if want := ts.URL + "/api/v1/conversations/" + conv; href != want {
		t.Fatalf("download link %q, want %q", href, want)
	}
	if code, body, _ := ts.call(t, "GET", "/api/v1/conversations/"+conv, "", ""); code != 200 || !strings.Contains(body, "How do I return an item?") {
		t.Fatalf("the copy = %d %s", code, body)
	}
	b.checkAccessibility(tab, "chat page with an answer", "document")
	// Loaded again in the same tab, the page shows the conversation so far.
	b.run(tab, "reload", chromedp.Reload())
	b.waitFor(tab, "the restored conversation", `document.querySelector("#log .customer .text")?.textContent === "How do I return an item?" && `+
		`document.querySelectorAll("#log .assistant").length === 1 && !document.getElementById("erase").hidden`)
	b.step("chat", "before-erasure")
	// The customer confirms the erasure.
	jsEval[bool](b, tab, `(window.confirm = function () { return true; }, true)`)
	b.run(tab, "erase", chromedp.Click("#erase"))
	b.waitFor(tab, "the erasure", `document.querySelectorAll("#log li").length === 1 && document.getElementById("erase").hidden`)
	if got := jsEval[string](b, tab, `document.querySelector("#log li .text").textContent`); got != "Your conversation was deleted." {
		t.Fatalf("after the erasure the page says %q", got)
	}
	if got := jsEval[string](b, tab, `sessionStorage.getItem("hushdesk.conversation") || ""`); got != "" {
		t.Fatalf("the page still holds conversation %q", got)
	}
	_, body, _ := ts.call(t, "GET", "/api/v1/conversations/"+conv, "", "")
	if strings.Contains(body, "How do I return an item?") {
		t.Fatalf("the conversation's text is still served: %s", body)
	}
	b.step("chat", "erased")

	b.checkProblems()
}

// TestBrowserWidgetErasesConversation checks that a customer can take a
// copy of their conversation and erase it from the widget, on the shop's
// own origin (the DELETE crosses origins).
func TestBrowserWidgetErasesConversation(t *testing.T) {
	b := newBrowser(t)
	ts, shop := startWidgetSite(t, nil)
	tab := b.tab("customer")
	b.openWidget(tab, shop)
	if !jsEval[bool](b, tab, inWidget(".hd-mine")+`.hidden`) {
		t.Fatal("download and delete offered before there is a conversation")
	}
	b.run(tab, "ask", chromedp.KeyEvent("How do I return an item?"), chromedp.KeyEvent("\r"))
	b.waitFor(tab, "the answer", `!`+inWidget(".hd-streaming")+` && !!`+inWidget(".hd-assistant .hd-meta")+` && !`+inWidget(".hd-mine")+`.hidden`)
	conv := jsEval[string](b, tab, `sessionStorage.getItem("hushdesk.conversation")`)
	b.checkAccessibility(tab, "widget with a conversation", shadowRoot)
	jsEval[bool](b, tab, `(window.confirm = function () { return true; }, true)`)
	b.run(tab, "erase", chromedp.Click(widgetEl(".hd-mine .hd-link:last-child")))
	b.waitFor(tab, "the erasure", inWidget(".hd-log")+`.children.length === 1 && `+inWidget(".hd-mine")+`.hidden`)
	if got := jsEval[string](b, tab, inWidget(".hd-log .hd-text")+`.textContent`); got != "Your conversation was deleted." {
		t.Fatalf("after the erasure the widget says %q", got)
	}
	if got := jsEval[string](b, tab, `sessionStorage.getItem("hushdesk.conversation") || ""`); got != "" {
		t.Fatalf("the widget still holds conversation %q", got)
	}
	if _, body, _ := ts.call(t, "GET", "/api/v1/conversations/"+conv, "", ""); strings.Contains(body, "How do I return an item?") {
		t.Fatalf("the conversation's text is still served: %s", body)
	}
	b.step("customer", "erased")
	b.checkProblems()
}
