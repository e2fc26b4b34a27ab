package main

// Browser tests of what customers use: the chat page, and the widget on a
// company's site (a launcher, and the chat page in a frame from the
// Hushdesk origin).

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// shopPage is a page of a company's site that embeds the widget from
// hushdesk under a strict CSP: scripts, styles and the frame only from
// hushdesk, nothing inline.
func shopPage(hushdesk string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && r.URL.Path != "/garden" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src "+hushdesk+"; style-src "+hushdesk+
			"; connect-src "+hushdesk+"; frame-src "+hushdesk+"; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Larkspur Home</title></head>
<body><h1>Larkspur Home</h1><p>Garden furniture, lamps and more.</p>
<script src="%s/widget.js" async></script>
</body></html>`, hushdesk)
	})
}

// startWidgetSite starts hushdesk, allowing the shop's origin, and the
// shop on another site (localhost against hushdesk's 127.0.0.1, so that
// the browser keeps the two apart as it would two companies' domains),
// and returns both.
func startWidgetSite(t *testing.T, edit func(*Config)) (*testServer, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	shop := fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port)
	ts := startServer(t, func(c *Config) {
		c.WidgetOrigins = []string{shop}
		if edit != nil {
			edit(c)
		}
	})
	srv := &http.Server{Handler: shopPage(ts.URL)}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ts, shop
}

// launcher is the JavaScript path of an element of the widget's launcher.
func launcher(selector string) string {
	return `document.querySelector("hushdesk-widget")?.shadowRoot?.querySelector(` + jsString(selector) + `)`
}

// openWidget loads a page of the shop, opens the chat and returns the
// context of the chat's frame.
func (b *browserSession) openWidget(tab context.Context, page string) context.Context {
	b.t.Helper()
	b.run(tab, "open the shop", chromedp.Navigate(page))
	b.waitFor(tab, "the launcher", launcher(".hd-bubble")+` && !`+launcher(".hd")+`.hidden`)
	b.run(tab, "open the chat", chromedp.Click(chromedp.JSPath(launcher(".hd-bubble"))))
	b.waitFor(tab, "the frame", launcher(".hd-frame")+` && !`+launcher(".hd-panel")+`.hidden`)
	return b.frame(tab, "/?embed=1")
}

// frame returns the context of the tab's frame whose address holds part:
// a frame of another site is a target of its own.
func (b *browserSession) frame(tab context.Context, part string) context.Context {
	b.t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for time.Now().Before(deadline) {
		targets, err := chromedp.Targets(tab)
		if err != nil {
			b.t.Fatalf("list targets: %v", err)
		}
		for _, tg := range targets {
			if tg.Type == "iframe" && strings.Contains(tg.URL, part) {
				ctx, cancel := chromedp.NewContext(tab, chromedp.WithTargetID(tg.TargetID))
				b.close = append(b.close, cancel)
				// The first run attaches to the frame's target, and must run
				// on ctx itself: ending the context of that run detaches it.
				if err := chromedp.Do(ctx); err != nil {
					b.t.Fatalf("attach to the frame: %v", err)
				}
				b.waitFor(ctx, "the chat in the frame", `document.readyState === "complete" && !!document.getElementById("question")`)
				return ctx
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("no frame at %s", part)
	return nil
}

// say types a message into the chat and sends it with Enter.
func (b *browserSession) say(chat context.Context, text string) {
	b.t.Helper()
	b.run(chat, "say "+text, chromedp.Focus("#question"), chromedp.SetValue("#question", text), chromedp.KeyEvent("\r"))
}

// replies counts the assistant's finished messages; lastReply is the
// newest one's text.
const (
	replies   = `document.querySelectorAll("#log .assistant:not(.streaming)").length`
	lastReply = `Array.from(document.querySelectorAll("#log .assistant")).pop()`
)

// waitReplies waits until the chat shows n finished replies and nothing is
// streaming.
func (b *browserSession) waitReplies(chat context.Context, n int) {
	b.t.Helper()
	b.waitFor(chat, fmt.Sprintf("%d replies", n), fmt.Sprintf(`%s === %d && !document.querySelector("#log .streaming")`, replies, n))
}

// TestBrowserWidgetConversation: on a company's site, under a strict CSP,
// a customer asks, follows up, rates and says it solved their problem;
// on the next visit the conversation is still there, with their own
// words, and the site's page never held any of it.
func TestBrowserWidgetConversation(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	ts, shop := startWidgetSite(t, func(c *Config) { c.Ollama = "http://127.0.0.1:1" }) // the embedded default: no model
	tab := b.tab("customer")
	chat := b.openWidget(tab, shop)

	b.waitFor(chat, "the disclosure", `document.getElementById("disclosure").textContent.includes("generated automatically")`)
	b.checkAccessibility(chat, "chat in the widget", "document")
	b.checkAxe(chat, "chat in the widget")
	b.step("customer", "open")

	// A question with the customer's address, then a follow-up that only
	// makes sense with it.
	b.say(chat, "How do I return an item? You can reach me at kim.berg@example.dk")
	b.waitReplies(chat, 1)
	first := jsEval[string](b, chat, lastReply+`.querySelector(".text").innerHTML`)
	if !strings.Contains(first, "<ol>") || strings.Contains(first, "**") {
		t.Errorf("the answer is not rendered from Markdown: %s", first)
	}
	// Only the cited sources are listed, folded.
	if got := jsEval[string](b, chat, `(function () { var d = `+lastReply+`.querySelector("details.sources"); return d ? d.open + " " + d.querySelectorAll("li").length : "none"; })()`); got != "false 1" {
		t.Errorf("sources (open, count) = %s", got)
	}
	if l := jsEval[string](b, chat, lastReply+`.lang`); l != "en" {
		t.Errorf("the answer's lang is %q", l)
	}
	// A screen reader is told the finished answer, once.
	b.waitFor(chat, "the announcement", `document.getElementById("announce").textContent.includes("Return item")`)
	b.say(chat, "Does that cost anything?")
	b.waitReplies(chat, 2)
	if got := jsEval[string](b, chat, lastReply+`.querySelector(".text").textContent`); !strings.Contains(got, "prepaid return label") {
		t.Errorf("the follow-up was answered with %q", got)
	}
	b.step("customer", "follow-up")

	// Thumbs down asks what went wrong; "Did that solve it?" yes.
	b.run(chat, "rate down", chromedp.Click(chromedp.JSPath(lastReply+`.querySelector(".rate button.down")`)))
	b.waitFor(chat, "what went wrong", lastReply+`.querySelector(".why button.why-wrong_answer") !== null`)
	b.run(chat, "wrong answer", chromedp.Click(chromedp.JSPath(lastReply+`.querySelector(".why button.why-wrong_answer")`)))
	b.waitReplies(chat, 3)
	b.run(chat, "solved", chromedp.Click(chromedp.JSPath(`document.querySelector(".solved button.yes")`)))
	b.waitFor(chat, "thanks", `document.querySelector(".solved .thanks")?.textContent.includes("glad")`)
	if got := jsEval[int](b, chat, `document.querySelectorAll(".solved").length`); got != 1 {
		t.Errorf("%d answers ask whether they solved it; only the latest should", got)
	}

	// The site's page holds nothing of the conversation.
	if got := jsEval[string](b, tab, `JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie`); strings.Contains(got, "c_") || strings.Contains(got, "kim.berg") {
		t.Errorf("the shop's page holds %s", got)
	}
	// The next visit, on another page of the site: the conversation is
	// there, the customer's own address in their own words, and the
	// server's copy shows it only as a word.
	chat = b.openWidget(tab, shop+"/garden")
	b.waitReplies(chat, 2) // the two answers; the word on the rating was no message of the conversation
	if got := jsEval[string](b, chat, `document.querySelector("#log .customer").textContent`); !strings.Contains(got, "kim.berg@example.dk") {
		t.Errorf("after the reload the customer's message reads %q", got)
	}
	conv := jsEval[string](b, chat, `JSON.parse(localStorage.getItem("hushdesk.chat")).conversation`)
	if _, body, _ := ts.call(t, "GET", "/api/v1/conversations/"+conv, "", ""); strings.Contains(body, "kim.berg") || !strings.Contains(body, "[e-mail address]") {
		t.Errorf("the server's transcript = %.400s", body)
	}
	b.step("customer", "next-visit")

	// Escape in the chat closes it and gives the focus back to the launcher.
	b.run(chat, "escape", chromedp.KeyEvent("\x1b"))
	b.waitFor(tab, "the chat to close", launcher(".hd-panel")+`.hidden && document.querySelector("hushdesk-widget").shadowRoot.activeElement === `+launcher(".hd-bubble"))
	// On a small screen the open chat takes the whole screen.
	b.run(tab, "open on a small screen", chromedp.EmulateViewport(375, 700, chromedp.EmulateMobile),
		chromedp.Click(chromedp.JSPath(launcher(".hd-bubble"))))
	b.waitFor(tab, "a full-screen chat", `(function () { var r = `+launcher(".hd-panel")+
		`.getBoundingClientRect(); return r.width === innerWidth && r.height === innerHeight; })()`)
	b.step("customer", "small-screen")
	b.checkProblems()
	t.Logf("took %s", time.Since(start).Round(time.Millisecond))
}

// TestBrowserSmallTalkAndClarify: "hi" gets a greeting, a vague message
// gets suggestions, and a tapped suggestion is asked in the conversation.
func TestBrowserSmallTalkAndClarify(t *testing.T) {
	b := newBrowser(t)
	ts := startServer(t, func(c *Config) { c.Ollama = "http://127.0.0.1:1" })
	chat := b.tab("chat")
	b.run(chat, "open", chromedp.Navigate(ts.URL+"/"))
	b.say(chat, "hi")
	b.waitReplies(chat, 1)
	if got := jsEval[string](b, chat, lastReply+`.querySelector(".text").textContent`); !strings.Contains(got, "How can I help") {
		t.Errorf("hi = %q", got)
	}
	b.say(chat, "I have a problem with my order")
	b.waitReplies(chat, 2)
	n := jsEval[int](b, chat, lastReply+`.querySelectorAll(".suggestions button").length`)
	if n < 2 || n > 4 {
		t.Fatalf("%d suggestions", n)
	}
	label := jsEval[string](b, chat, lastReply+`.querySelector(".suggestions button").textContent`)
	b.checkAccessibility(chat, "chat with suggestions", "document")
	b.checkAxe(chat, "chat with suggestions")
	b.step("chat", "clarify")
	b.run(chat, "tap a suggestion", chromedp.Click(chromedp.JSPath(lastReply+`.querySelector(".suggestions button")`)))
	b.waitReplies(chat, 3)
	if got := jsEval[string](b, chat, `Array.from(document.querySelectorAll("#log .customer")).pop().textContent`); got == "" {
		t.Error("the tapped suggestion was not shown as the customer's message")
	}
	if got := jsEval[string](b, chat, lastReply+`.querySelector(".meta").textContent`); strings.Contains(got, "no answer") {
		t.Errorf("the suggestion %q was not answered: %s", label, got)
	}
	b.checkProblems()
}

// TestBrowserHandoffWithAgentName: a Danish customer asks for a person;
// the assistant stays quiet while the person has the conversation, the
// customer sees who joined and their reply, and the hand-back.
func TestBrowserHandoffWithAgentName(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	chat := b.tab("customer")
	ua := jsEval[string](b, chat, "navigator.userAgent")
	if _, err := chromedp.Call(chat, emulation.SetUserAgentOverride,
		emulation.SetUserAgentOverrideParams{UserAgent: ua, AcceptLanguage: "da-DK,da"}); err != nil {
		t.Fatal(err)
	}
	b.run(chat, "open", chromedp.Navigate(ts.URL+"/"))
	b.waitFor(chat, "the Danish disclosure", `document.getElementById("disclosure").textContent.includes("Svarene laves automatisk")`)
	b.run(chat, "ask for a person", chromedp.Click("#person"))
	b.waitFor(chat, "the waiting status", `document.getElementById("status").textContent.includes("Venter på en medarbejder") && document.getElementById("person").hidden`)
	// While waiting, the customer says what it is about: no bot reply.
	b.say(chat, "Min pakke LH123456789DK er aldrig kommet frem.")
	b.waitFor(chat, "the message to be sent", `document.querySelectorAll("#log .customer").length === 1 && !document.querySelector("#log .streaming") && !document.getElementById("send").disabled`)
	if got := jsEval[int](b, chat, replies); got != 1 {
		t.Errorf("%d assistant messages while waiting for a person; want only the hand-off", got)
	}
	b.step("customer", "waiting")

	// Maja, an agent with a display name, claims and replies.
	code, body, _ := ts.call(t, "POST", "/api/v1/tokens", adminToken, `{"role": "agent", "label": "delivery", "name": "Maja"}`)
	var tok struct{ Token string }
	if json.Unmarshal([]byte(body), &tok); code != 201 || tok.Token == "" {
		t.Fatalf("agent token = %d %s", code, body)
	}
	token := tok.Token
	_, body, _ = ts.call(t, "GET", "/api/v1/handoffs", token, "")
	var queue struct{ Handoffs []struct{ ID string } }
	if json.Unmarshal([]byte(body), &queue); len(queue.Handoffs) != 1 {
		t.Fatalf("queue = %s", body)
	}
	id := queue.Handoffs[0].ID
	if code, body, _ := ts.call(t, "POST", "/api/v1/handoffs/"+id+"/claim", token, ""); code != 200 {
		t.Fatalf("claim = %d %s", code, body)
	}
	b.waitFor(chat, "who joined", `document.getElementById("status").textContent.includes("Maja er med i samtalen")`)
	ts.call(t, "POST", "/api/v1/handoffs/"+id+"/reply", token, `{"text": "Hej! Jeg har fundet pakken. Den kommer **i morgen**."}`)
	b.waitFor(chat, "the reply", `document.querySelector("#log .agent .who")?.textContent === "Maja" && document.querySelector("#log .agent .text strong")?.textContent === "i morgen"`)
	b.checkAccessibility(chat, "chat with an agent", "document")
	b.checkAxe(chat, "chat with an agent")
	b.step("customer", "agent")
	ts.call(t, "POST", "/api/v1/handoffs/"+id+"/resolve", token, "")
	b.waitFor(chat, "the hand-back", `document.querySelector("#log .handback")?.textContent.includes("Maja er færdig") && !document.getElementById("person").hidden && document.getElementById("status").hidden`)
	// The assistant answers again.
	b.say(chat, "Hvordan returnerer jeg en vare?")
	b.waitFor(chat, "an answer", `!!`+lastReply+`.querySelector(".rate")`)
	b.step("customer", "handed-back")
	b.checkProblems()
	t.Logf("took %s", time.Since(start).Round(time.Millisecond))
}

// TestBrowserErasureRequestInChat: "delete all my data" in the chat is
// answered with a reference and a deadline, and the officer finds the
// request in the console's request log.
func TestBrowserErasureRequestInChat(t *testing.T) {
	b := newBrowser(t)
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	chat := b.tab("customer")
	b.run(chat, "open", chromedp.Navigate(ts.URL+"/"))
	b.say(chat, "Please delete all my personal data")
	b.waitReplies(chat, 1)
	answer := jsEval[string](b, chat, lastReply+`.querySelector(".text").textContent`)
	i := strings.Index(answer, "r_")
	if i < 0 || !strings.Contains(answer, time.Now().AddDate(0, 1, 0).Format("2006")) {
		t.Fatalf("the answer gives no reference or deadline: %q", answer)
	}
	ref := answer[i : i+18]
	b.step("customer", "requested")

	officer := b.tab("officer")
	b.loginConsole(officer, ts.URL, ts.newToken(t, "compliance"))
	b.run(officer, "open the requests", chromedp.Click(`#nav a[href="#subjects"]`))
	b.waitFor(officer, "the request", `Array.from(document.querySelectorAll("#requests-table tbody tr")).some(function (r) { return r.textContent.includes(`+jsString(ref)+`) && r.textContent.includes("erasure"); })`)
	b.step("officer", "request-log")
	b.checkProblems()
}

// TestBrowserChatPageLinksSources checks that the chat page, answering
// extractively, links a cited source to its published document (in a new
// tab, without telling it where the customer came from).
func TestBrowserChatPageLinksSources(t *testing.T) {
	b := newBrowser(t)
	ts := startServer(t, func(c *Config) { c.Ollama = "http://127.0.0.1:1"; c.AdminToken = adminToken })
	doc := `{"id": "kb/pigeons.md", "url": "https://help.example.com/pigeons", "lang": "en", "text": "# Pigeon post\n\nCarrier pigeons fly parcels for free within Denmark."}`
	if code, body, _ := ts.call(t, "POST", "/api/v1/documents", adminToken, doc); code != 200 {
		t.Fatalf("upload = %d %s", code, body)
	}
	tab := b.tab("chat")
	b.run(tab, "open", chromedp.Navigate(ts.URL+"/"))
	b.say(tab, "Do carrier pigeons fly parcels for free?")
	b.waitFor(tab, "answer", `document.querySelectorAll("#log .sources").length > 0`)
	if got := jsEval[string](b, tab, `document.querySelector("#log .sources a.title").href + " " + document.querySelector("#log .sources a.title").rel`); got != "https://help.example.com/pigeons noopener noreferrer" {
		t.Fatalf("link %q", got)
	}
	b.step("chat", "answered")
	b.checkProblems()
}

// TestBrowserChatPageErasesConversation checks that a customer can take
// a copy of their conversation and erase it from the chat page, and that
// the browser forgets it.
func TestBrowserChatPageErasesConversation(t *testing.T) {
	b := newBrowser(t)
	ts := startServer(t, nil)
	tab := b.tab("chat")
	b.run(tab, "open", chromedp.Navigate(ts.URL+"/"))
	if !jsEval[bool](b, tab, `document.getElementById("erase").hidden && document.getElementById("download").hidden`) {
		t.Fatal("erase and download offered before there is a conversation")
	}
	b.say(tab, "How do I return an item?")
	b.waitFor(tab, "answer", `document.querySelectorAll("#log .sources").length > 0 && !document.getElementById("erase").hidden`)
	conv := jsEval[string](b, tab, `JSON.parse(localStorage.getItem("hushdesk.chat")).conversation`)
	href := jsEval[string](b, tab, `document.getElementById("download").href`)
	if want := ts.URL + "/api/v1/conversations/" + conv; href != want {
		t.Fatalf("download link %q, want %q", href, want)
	}
	b.checkAccessibility(tab, "chat page with an answer", "document")
	b.checkAxe(tab, "chat page with an answer")
	// A second tab goes on with the same conversation.
	other := b.tab("second-tab")
	b.run(other, "open", chromedp.Navigate(ts.URL+"/"))
	b.waitFor(other, "the conversation in the second tab", `document.querySelector("#log .customer .text")?.textContent === "How do I return an item?"`)
	// The customer confirms the erasure.
	jsEval[bool](b, tab, `(window.confirm = function () { return true; }, true)`)
	b.run(tab, "erase", chromedp.Click("#erase"))
	b.waitFor(tab, "the erasure", `document.querySelectorAll("#log li").length === 1 && document.getElementById("erase").hidden`)
	if got := jsEval[string](b, tab, `document.querySelector("#log li .text").textContent`); got != "Your conversation was deleted." {
		t.Fatalf("after the erasure the page says %q", got)
	}
	if got := jsEval[string](b, tab, `localStorage.getItem("hushdesk.chat") || ""`); got != "" {
		t.Fatalf("the browser still holds %q", got)
	}
	b.waitFor(other, "the second tab to forget", `document.querySelectorAll("#log li").length === 0`)
	if _, body, _ := ts.call(t, "GET", "/api/v1/conversations/"+conv, "", ""); strings.Contains(body, "How do I return an item?") {
		t.Fatalf("the conversation's text is still served: %s", body)
	}
	b.step("chat", "erased")
	b.checkProblems()
}

// TestBrowserChatIMEAndLength: Enter while an input method composes
// (Chinese, Japanese) picks characters and sends nothing; the question
// field takes the configured longest question.
func TestBrowserChatIMEAndLength(t *testing.T) {
	b := newBrowser(t)
	ts := startServer(t, func(c *Config) { c.Ollama = "http://127.0.0.1:1"; c.MaxQuestionChars = 30 })
	chat := b.tab("chat")
	b.run(chat, "open", chromedp.Navigate(ts.URL+"/"))
	b.waitFor(chat, "the question field", `!!document.getElementById("question")`)
	if got := jsEval[int](b, chat, `document.getElementById("question").maxLength`); got != 30 {
		t.Errorf("maxlength = %d, want the setting's 30", got)
	}
	b.run(chat, "compose", chromedp.Focus("#question"), chromedp.SetValue("#question", "退货"))
	jsEval[bool](b, chat, `document.getElementById("question").dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", isComposing: true, bubbles: true, cancelable: true}))`)
	jsEval[bool](b, chat, `document.getElementById("question").dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", keyCode: 229, bubbles: true, cancelable: true}))`)
	time.Sleep(300 * time.Millisecond)
	if n := jsEval[int](b, chat, `document.querySelectorAll("#log .customer").length`); n != 0 {
		t.Fatalf("Enter during composition sent %d messages", n)
	}
	if got := jsEval[string](b, chat, `document.getElementById("question").value`); got != "退货" {
		t.Errorf("the field holds %q after composing", got)
	}
	b.run(chat, "send", chromedp.KeyEvent("\r"))
	b.waitReplies(chat, 1)
	b.checkProblems()
}
