package main

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/hushdesk/hushdesk/audit"
)

// TestBrowserOfficerRooms: the audit log reads newest first in words and
// an event opens with its proof; the request log shows the customer id
// the officer typed and the days left, and a deadline is extended for a
// reason; a hold shows its customer; the export comes as a letter in the
// customer's language; the printable report's charts have text
// alternatives. A request near its deadline is marked and reminded of;
// the printable support report passes axe-core.
func TestBrowserOfficerRooms(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	data := t.TempDir()
	seedRequest(t, data, "cust-9", 26*24*time.Hour)
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken; c.Data = data })
	ts.ask(t, `{"question": "Hvordan returnerer jeg en lampe? Min e-mail er lena@example.dk", "subject": "`+ts.subject("cust-42")+`"}`)
	officer := ts.newToken(t, "compliance")
	ts.call(t, "POST", "/api/v1/audit/checkpoint", officer, "")

	tab := b.tab("officer")
	downloads := t.TempDir()
	done := make(chan string, 4)
	yes := true
	if _, err := chromedp.CallBrowser(tab, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads, EventsEnabled: &yes,
	}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	go func() {
		for ev, err := range chromedp.BrowserEvents(tab, browser.DownloadProgress) {
			if err != nil {
				return
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				done <- ev.FilePath
			}
		}
	}()
	b.loginConsole(tab, ts.URL, officer)

	// Newest first, in words.
	b.waitFor(tab, "audit rows", `document.querySelectorAll("#audit-table tbody tr").length >= 4`)
	first := jsEval[[]string](b, tab, `Array.from(document.querySelectorAll("#audit-table tbody tr")).slice(0, 2).map(function (r) { return r.cells[0].textContent; })`)
	if len(first) != 2 || first[0] <= first[1] && len(first[0]) == len(first[1]) {
		t.Errorf("the log does not start with the newest event: %v", first)
	}
	if page := jsEval[string](b, tab, `document.getElementById("audit-table").textContent`); !strings.Contains(page, "The assistant decided") ||
		!strings.Contains(page, "A checkpoint of the log was signed") {
		t.Errorf("the log is not in words: %.400s", page)
	}
	b.checkAxe(tab, "console audit log")
	b.step("officer", "audit")
	// Open the decision: envelope, intact, covered by the checkpoint.
	b.run(tab, "open the decision", chromedp.Click(chromedp.JSPath(`Array.from(document.querySelectorAll("#audit-table tbody tr")).find(function (r) { return r.textContent.includes("The assistant decided"); }).querySelector("button")`)))
	b.waitFor(tab, "the proof", `document.getElementById("event-dialog").open && document.getElementById("event-proof").textContent.startsWith("Intact, and covered by the checkpoint")`)
	b.checkAxe(tab, "console audit event")
	b.step("officer", "event")
	b.run(tab, "close", chromedp.Click("#event-close"))

	// Requests: the customer id and the days left; an extension.
	b.run(tab, "open subject requests", chromedp.Click(`#nav a[href="#subjects"]`),
		chromedp.WaitVisible("#request-subject"), chromedp.SendKeys("#request-subject", "cust-42"), chromedp.Click("#request-form button"))
	b.waitFor(tab, "the request", `Array.from(document.querySelectorAll("#requests-table tbody tr")).some(function (r) { return r.textContent.includes("cust-42") && /\d+ days/.test(r.textContent); })`)
	// The request received 26 days ago is due within the week: the
	// reminder says so and its row is marked.
	if got := jsEval[string](b, tab, `(function (p) { return p.hidden ? "(hidden)" : p.textContent; })(document.getElementById("requests-reminder"))`); got != "1 request due within a week." {
		t.Errorf("the reminder says %q", got)
	}
	if got := jsEval[string](b, tab, `Array.from(document.querySelectorAll("#requests-table tbody tr")).map(function (r) {
		return (r.textContent.includes("cust-9") ? "cust-9" : "cust-42") + ":" + r.className + ":" + r.cells[5].textContent; }).join(" ")`); !regexp.MustCompile(`^cust-42::\d\d days cust-9:due-soon:[1-6] days?$`).MatchString(got) {
		t.Errorf("the requests (customer:class:days left) = %q", got)
	}
	if !jsEval[bool](b, tab, `getComputedStyle(document.querySelector("#requests-table tr.due-soon")).backgroundColor === getComputedStyle(document.getElementById("requests-reminder")).backgroundColor`) {
		t.Error("the row due soon is not highlighted as the reminder is")
	}
	b.step("officer", "due-soon")
	b.run(tab, "extend", chromedp.Click(`#requests-table button[aria-label^="Extend"]`))
	b.waitFor(tab, "the extension dialog", `document.getElementById("extend-dialog").open`)
	b.checkAxe(tab, "console extension dialog")
	b.run(tab, "give the reason", chromedp.SendKeys("#extend-reason", "three systems to search, and a second request"), chromedp.Click("#extend-confirm"))
	b.waitFor(tab, "extended", `document.getElementById("requests-table").textContent.includes("extended from")`)
	b.run(tab, "place a hold", chromedp.SendKeys("#hold-target", "cust-7"), chromedp.SendKeys("#hold-basis", "case 2026-17"), chromedp.Click("#hold-form button"))
	b.waitFor(tab, "the hold with its customer", `document.getElementById("holds-table").textContent.includes("cust-7")`)
	b.checkAccessibility(tab, "console subject requests", "document")
	b.checkAxe(tab, "console subject requests")
	b.step("officer", "requests")

	// The export as a letter in the customer's language.
	b.run(tab, "find the customer", chromedp.SendKeys("#subject-id", "cust-42"), chromedp.Click("#subject-form button"))
	b.waitFor(tab, "the summary", `document.getElementById("subject-summary").textContent.includes("event")`)
	b.run(tab, "download the letter", chromedp.Click("#subject-letter"))
	letter := nextDownload(t, done)
	if !strings.Contains(letter, `<html lang="da">`) || !strings.Contains(letter, "Hvad Larkspur Home har registreret om dig") ||
		strings.Contains(letter, "lena@example.dk") || !strings.Contains(letter, "@media print") {
		t.Errorf("letter: %.500s", letter)
	}
	b.run(tab, "download the letter as PDF", chromedp.Click("#subject-letter-pdf"))
	if pdf := nextDownload(t, done); !strings.HasPrefix(pdf, "%PDF-") || strings.Contains(pdf, "lena@example.dk") {
		t.Errorf("PDF letter: %.80q", pdf)
	}
	b.step("officer", "letter")

	// The printable transparency report: every chart has its figures in words.
	b.run(tab, "open the printable report", chromedp.Navigate(ts.URL+"/api/v1/reports/transparency?format=html"))
	b.waitFor(tab, "the charts", `document.querySelectorAll("svg.chart").length > 0`)
	if bare := jsEval[int](b, tab, `Array.from(document.querySelectorAll("svg.chart")).filter(function (s) { return !s.getAttribute("aria-label") || !s.querySelector("title"); }).length`); bare > 0 {
		t.Errorf("%d charts without a text alternative", bare)
	}
	b.checkAxe(tab, "printable transparency report")
	b.step("officer", "report")
	// The printable support report.
	b.run(tab, "open the printable support report", chromedp.Navigate(ts.URL+"/api/v1/reports/support?format=html"))
	b.waitFor(tab, "the report", `document.querySelector("h1")?.textContent === "Larkspur Home: support report" && document.querySelectorAll("table").length >= 2`)
	b.checkAccessibility(tab, "printable support report", "document")
	b.checkAxe(tab, "printable support report")
	b.step("officer", "support-report")
	b.checkProblems()
	t.Logf("took %s", time.Since(start).Round(time.Millisecond))
}

// TestBrowserAdminRooms: an admin invites an agent into a team, renames
// and moves them; writes canned responses (one with an unknown variable
// is refused); sets the widget's colour (a pale one is refused) and
// launcher text with a preview and the install tag, which the widget on
// a site then shows; searches the knowledge base and previews an
// article from the results; revokes the agent, whose token is then
// refused; and follows a knowledge gap of the support report to its
// article.
func TestBrowserAdminRooms(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	ts, shop := startWidgetSite(t, func(c *Config) { c.AdminToken = adminToken })
	// A knowledge gap: an answer the customer rated down.
	_, r, _ := ts.ask(t, `{"question": "Is my kettle covered by the warranty?"}`)
	if code, body, _ := ts.call(t, "POST", "/api/v1/feedback", "", fmt.Sprintf(`{"conversation_id": %q, "message_id": %q, "rating": "down"}`, r.ConversationID, r.MessageID)); code != 200 {
		t.Fatalf("thumbs-down = %d %s", code, body)
	}
	_, body, _ := ts.call(t, "GET", "/api/v1/reports/support", adminToken, "")
	gaps := decode[struct {
		Gaps []struct {
			Topic string
			DocID string `json:"doc_id"`
		} `json:"knowledge_gaps"`
	}](t, body).Gaps
	if len(gaps) != 1 || gaps[0].DocID == "" {
		t.Fatalf("knowledge gaps = %s", body)
	}
	gap := gaps[0]

	tab := b.tab("admin")
	b.run(tab, "open the console", chromedp.Navigate(ts.URL+"/console"), chromedp.WaitVisible("#login-token"))
	b.checkAccessibility(tab, "console log-in", "document")
	b.checkAxe(tab, "console log-in")
	b.step("admin", "log-in")
	b.loginConsole(tab, ts.URL, adminToken)
	jsEval[bool](b, tab, `(window.confirm = function () { return true; }, window.prompt = function () { return "Mette H."; }, true)`)

	// People.
	b.run(tab, "open people", chromedp.Click(`#nav a[href="#people"]`), chromedp.WaitVisible("#invite-name"))
	b.waitFor(tab, "the teams", `document.querySelectorAll("#invite-team option").length > 3`)
	b.run(tab, "invite", chromedp.SendKeys("#invite-name", "Mette"), chromedp.SendKeys("#invite-label", "front desk"),
		chromedp.SetValue("#invite-team", "technical"), chromedp.Click("#invite-form button"))
	b.waitFor(tab, "the token", `document.getElementById("invite-token").value.startsWith("hd_")`)
	b.waitFor(tab, "the agent listed", `Array.from(document.querySelectorAll("#people-table tbody tr")).some(function (r) { return r.textContent.includes("Mette"); })`)
	b.run(tab, "rename", chromedp.Click(`#people-table button[aria-label="Rename Mette"]`))
	b.waitFor(tab, "renamed", `document.getElementById("people-table").textContent.includes("Mette H.")`)
	b.run(tab, "move", chromedp.SetValue(`select[aria-label="Team of Mette H."]`, "delivery"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('select[aria-label="Team of Mette H."]').dispatchEvent(new Event("change"))`))
	b.waitFor(tab, "moved", `document.getElementById("people-note").textContent.includes("Moved to delivery")`)
	b.checkAccessibility(tab, "console people", "document")
	b.checkAxe(tab, "console people")
	b.step("admin", "people")
	// Revoke: the agent leaves the list and their token is refused.
	mette := jsEval[string](b, tab, `document.getElementById("invite-token").value`)
	if code, _, _ := ts.call(t, "GET", "/api/v1/handoffs", mette, ""); code != 200 {
		t.Fatalf("before the revocation the agent's token gets %d", code)
	}
	b.run(tab, "revoke", chromedp.Click(`#people-table button[aria-label="Revoke Mette H."]`))
	b.waitFor(tab, "revoked", `document.getElementById("people-note").textContent === "Access revoked." &&
		!document.getElementById("people-table").textContent.includes("Mette")`)
	if code, body, _ := ts.call(t, "GET", "/api/v1/handoffs", mette, ""); code != 401 {
		t.Errorf("a revoked agent's token gets %d %s", code, body)
	}
	b.step("admin", "revoked")

	// Canned responses.
	b.run(tab, "open canned responses", chromedp.Click(`#nav a[href="#canned"]`), chromedp.WaitVisible("#canned-name"))
	b.run(tab, "an unknown variable", chromedp.SendKeys("#canned-name", "Greeting"), chromedp.SendKeys("#canned-text", "Hi {{first_name}}!"),
		chromedp.Click("#canned-save"))
	b.waitFor(tab, "the refusal", `document.getElementById("canned-note").textContent.includes("first_name")`)
	b.run(tab, "fix it", chromedp.SetValue("#canned-text", "Hi {{customer_name}}, {{agent_name}} from {{company}} here."), chromedp.Click("#canned-save"))
	b.waitFor(tab, "saved", `document.getElementById("canned-table").textContent.includes("Greeting")`)
	b.checkAxe(tab, "console canned responses")
	b.step("admin", "canned")

	// The widget: a pale colour is refused; a dark one, on the left, with text.
	b.run(tab, "open the widget", chromedp.Click(`#nav a[href="#widget"]`), chromedp.WaitVisible("#widget-launcher"))
	b.waitFor(tab, "the snippet", `document.getElementById("widget-snippet").textContent.includes("/widget.js")`)
	b.run(tab, "a pale colour", chromedp.SetValue("#widget-color", "#ffdd00"), chromedp.Click("#widget-save"))
	b.waitFor(tab, "the refusal", `document.getElementById("widget-note").textContent.includes("contrast")`)
	b.run(tab, "a dark colour", chromedp.SetValue("#widget-color", "#0b6e4f"), chromedp.SetValue("#widget-position", "left"),
		chromedp.SendKeys("#widget-launcher", "Help"), chromedp.SendKeys("#widget-welcome", "Hi! Ask us about orders and returns."),
		chromedp.Click("#widget-save"))
	b.waitFor(tab, "saved", `document.getElementById("widget-note").textContent.startsWith("Saved")`)
	if preview := jsEval[string](b, tab, `document.getElementById("preview-bubble").textContent`); preview != "Help" {
		t.Errorf("the preview's launcher says %q", preview)
	}
	b.checkAccessibility(tab, "console widget", "document")
	b.checkAxe(tab, "console widget")
	b.step("admin", "widget")
	site := b.tab("site")
	b.run(site, "open the shop", chromedp.Navigate(shop))
	b.waitFor(site, "the launcher with its text", launcher(".hd-bubble.hd-text")+`?.textContent === "Help" && !!`+launcher(".hd.hd-left"))
	b.step("site", "widget")

	// The knowledge base: search, and an article's passages.
	b.run(tab, "open the knowledge base", chromedp.Click(`#nav a[href="#knowledge"]`), chromedp.WaitVisible("#kb-search"))
	b.run(tab, "search", chromedp.SendKeys("#kb-search", "kettle warranty"), chromedp.Click("#kb-search-form button"))
	b.waitFor(tab, "results", `document.querySelectorAll("#kb-results a").length > 0`)
	b.run(tab, "open the first", chromedp.Click("#kb-results a"))
	b.waitFor(tab, "the preview", `!document.getElementById("kb-preview").hidden && document.querySelectorAll("#kb-preview-passages li").length > 0`)
	b.checkAxe(tab, "console article preview")
	b.step("admin", "knowledge")

	// The support report's knowledge gap links to its article's preview.
	b.run(tab, "open the reports", chromedp.Click(`#nav a[href="#reports"]`))
	href := `"#knowledge/" + encodeURIComponent(` + jsString(gap.DocID) + `)`
	link := `Array.from(document.querySelectorAll("#support-body a")).find(function (a) { return a.getAttribute("href") === ` + href + `; })`
	b.waitFor(tab, "the gap's link", link+`?.textContent === `+jsString(gap.Topic))
	if head := jsEval[string](b, tab, `Array.from(document.querySelectorAll("#support-body table th")).map(function (h) { return h.textContent; }).join(", ")`); head != "Topic, Questions" {
		t.Errorf("an admin's knowledge gaps have the columns %q; the examples are the compliance officers'", head)
	}
	b.step("admin", "gap")
	b.run(tab, "follow it", chromedp.Click(chromedp.JSPath(link)))
	b.waitFor(tab, "the article's preview", `location.hash === `+href+` && !document.getElementById("kb-preview").hidden &&
		document.getElementById("kb-preview-meta").textContent.startsWith(`+jsString(gap.DocID+" · ")+`) && document.querySelectorAll("#kb-preview-passages li").length > 0`)
	b.step("admin", "gap-article")

	// The configuration: no empty rows, no -1.
	b.run(tab, "open the configuration", chromedp.Click(`#nav a[href="#config"]`))
	b.waitFor(tab, "the configuration", `document.querySelector("#config-list").textContent.includes("test-model:1b")`)
	if page := jsEval[string](b, tab, `document.getElementById("config-list").textContent`); strings.Contains(page, "-1") || strings.Contains(page, "—") {
		t.Errorf("the configuration shows internal values or empty rows: %s", page)
	}
	b.step("admin", "config")
	b.checkProblems()
	t.Logf("took %s", time.Since(start).Round(time.Millisecond))
}

// seedRequest logs an access request for customerID in the audit store
// under data as if it had been received age ago, before the server opens
// the store.
func seedRequest(t *testing.T, data, customerID string, age time.Duration) {
	t.Helper()
	st, err := audit.Open(data, audit.Options{Now: func() time.Time { return time.Now().Add(-age) }, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.LogRequest(context.Background(), audit.RequestSpec{Kind: audit.RequestAccess, Subject: st.SubjectPseudonym(customerID),
		Actor: "compliance:t_seed", Channel: audit.ChannelConsole, CustomerID: customerID}); err != nil {
		t.Fatal(err)
	}
}
