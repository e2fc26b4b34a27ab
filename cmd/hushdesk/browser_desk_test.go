package main

// Browser tests of the rooms people work in: the agents' desk, the
// officers' and the admins' views. Each flow saves screenshots (b.step)
// and runs axe-core on every page it shows.

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hushdesk/hushdesk/web/mail/mailtest"
)

// TestBrowserAgentDesk: a customer with a broken kettle asks for a
// person and leaves an e-mail address; Mette finds the conversation at
// the top of her team's queue, titled with what the customer asked, opens
// it beside the queue with its summary, suggested reply, sources and the
// phone number to reveal; she answers with a canned response and
// Ctrl+Enter, and the reply reaches the customer live and by e-mail;
// she sends the suggested reply with a line of her own added, which the
// customer sees as she sent it; she writes a note the customer never
// sees; a new message arrives live;
// she transfers the conversation and hands it back. On a phone the
// conversation takes the whole screen.
func TestBrowserAgentDesk(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	relay := mailtest.Start(t)
	ts := startDesk(t, relay)
	mette, _ := ts.agentToken(t, "Mette", "technical")
	if code, body, _ := ts.call(t, "POST", "/api/v1/canned", adminToken,
		`{"title": "Warranty replacement", "language": "en", "text": "Hi {{customer_name}}, {{agent_name}} here. We will replace the kettle under warranty."}`); code != 201 {
		t.Fatalf("canned = %d %s", code, body)
	}

	// The customer.
	chat := b.tab("customer")
	b.run(chat, "open the chat", chromedp.Navigate(ts.URL+"/?lang=en"))
	b.waitFor(chat, "the chat", `document.readyState === "complete" && !!document.getElementById("question")`)
	b.say(chat, "My kettle stopped working after two months. Is it under warranty?")
	b.waitReplies(chat, 1)
	b.say(chat, "I would like a person to call me on +45 61 23 45 67")
	b.waitFor(chat, "the e-mail offer", `!document.getElementById("email-offer").hidden`)
	b.checkAccessibility(chat, "chat with the e-mail offer", "document")
	b.checkAxe(chat, "chat with the e-mail offer")
	b.step("customer", "email-offer")
	b.run(chat, "give an address", chromedp.SendKeys("#email-address", "ib.holm@example.dk"), chromedp.Click("#email-send"))
	b.waitFor(chat, "the address saved", `!document.getElementById("email-saved").hidden && document.getElementById("email-saved-text").textContent.includes("ib.holm@example.dk")`)
	b.step("customer", "email-saved")

	// Mette's queue: her team's unassigned conversations, full width.
	desk := b.tab("agent")
	b.loginConsole(desk, ts.URL, mette)
	b.waitFor(desk, "the queue row", `Array.from(document.querySelectorAll("#queue-list .row-title")).some(function (r) { return r.textContent.includes("kettle"); })`)
	row := jsEval[string](b, desk, `document.querySelector("#queue-list .row").textContent`)
	for _, want := range []string{"Asked for a person", "technical", "en", "target 2 h", "1 unread", "nobody yet"} {
		if !strings.Contains(row, want) {
			t.Errorf("the queue row lacks %q: %s", want, row)
		}
	}
	if wide := jsEval[bool](b, desk, `document.querySelector(".queue-pane").getBoundingClientRect().width > 1000`); !wide {
		t.Error("with nothing open the queue does not take the full width")
	}
	b.checkAccessibility(desk, "console queue", "document")
	b.checkAxe(desk, "console queue")
	b.step("agent", "queue")

	// The conversation beside the queue, with its context.
	b.run(desk, "open the conversation", chromedp.Click(`#queue-list .row-link`))
	b.waitFor(desk, "three panes", `!document.getElementById("handoff").hidden && !document.getElementById("context").hidden && document.getElementById("desk").classList.contains("has-open")`)
	b.waitFor(desk, "the summary", `document.getElementById("summary").textContent.includes("kettle")`)
	b.waitFor(desk, "the suggested reply", `document.getElementById("suggestion").textContent.length > 40 && !document.getElementById("suggestion-use").disabled`)
	b.waitFor(desk, "the sources", `document.getElementById("sources-used").textContent.includes("warranty")`)
	b.waitFor(desk, "the value to reveal", `document.getElementById("reveal-list").textContent.includes("[phone 1]")`)
	if atEnd := jsEval[bool](b, desk, `(function (ol) { return ol.scrollTop + ol.clientHeight >= ol.scrollHeight - 2; })(document.getElementById("handoff-transcript"))`); !atEnd {
		t.Error("the transcript does not open at the newest message")
	}
	b.checkAccessibility(desk, "console conversation", "document")
	b.checkAxe(desk, "console conversation")
	b.step("agent", "conversation")

	// Reveal the phone number, with a reason.
	b.run(desk, "reveal", chromedp.Click(`#reveal-list button`))
	b.waitFor(desk, "the reveal dialog", `document.getElementById("reveal-dialog").open`)
	b.checkAxe(desk, "console reveal dialog")
	b.run(desk, "give a reason", chromedp.SendKeys("#reveal-reason", "customer asked to be called back"), chromedp.Click("#reveal-confirm"))
	b.waitFor(desk, "the revealed value", `document.querySelector("#reveal-list .revealed").textContent.includes("61 23 45 67")`)
	b.step("agent", "revealed")

	// Claim, then a canned response with / and Ctrl+Enter.
	b.run(desk, "claim", chromedp.Click("#handoff-claim"))
	b.waitFor(desk, "claimed", `document.getElementById("handoff-facts").textContent.includes("with you")`)
	b.run(desk, "type /", chromedp.Focus("#reply-text"), chromedp.SendKeys("#reply-text", "/warr"))
	b.waitFor(desk, "the canned responses", `!document.getElementById("canned-list").hidden && document.querySelector("#canned-list [role=option]")`)
	b.step("agent", "canned")
	b.run(desk, "pick it", chromedp.KeyEvent("\r"))
	b.waitFor(desk, "the filled response", `document.getElementById("reply-text").value.startsWith("Hi, Mette here.")`)
	b.run(desk, "send with Ctrl+Enter", chromedp.KeyEvent("\r", chromedp.KeyModifiers(2))) // 2: Ctrl
	b.waitFor(desk, "the reply in the transcript", `Array.from(document.querySelectorAll("#handoff-transcript .msg.agent")).some(function (m) { return m.textContent.includes("replace the kettle"); })`)
	b.waitFor(chat, "the reply live", `document.querySelector("#log .agent .who")?.textContent === "Mette" && document.querySelector("#log .agent .text").textContent.includes("replace the kettle")`)
	if m := relay.Wait(t, 1, 10*time.Second); m[0].To != "ib.holm@example.dk" || !strings.Contains(mailBody(t, m[0].Data), "replace the kettle") {
		t.Errorf("e-mail = %+v", m[0])
	}
	b.waitFor(desk, "the e-mail sent", `Array.from(document.querySelectorAll("#handoff-transcript .email-state")).some(function (e) { return e.textContent === "e-mailed"; })`)
	b.step("customer", "reply")
	b.step("agent", "replied")

	// The suggested reply, edited before it goes.
	b.run(desk, "use the suggestion", chromedp.Click("#suggestion-use"))
	b.waitFor(desk, "the suggestion in the reply box", `document.getElementById("reply-text").value.length > 40 &&
		document.getElementById("reply-text").value === document.getElementById("suggestion").textContent && document.activeElement.id === "reply-text"`)
	suggestion := jsEval[string](b, desk, `document.getElementById("suggestion").textContent`)
	b.step("agent", "suggestion")
	b.run(desk, "edit it", chromedp.SendKeys("#reply-text", " P.S. The new kettle ships from our Aarhus store."))
	b.run(desk, "send it", chromedp.Click("#reply-send"))
	b.waitFor(chat, "the edited suggestion live", `Array.from(document.querySelectorAll("#log .agent .text")).pop().textContent.includes("Aarhus store")`)
	sent := jsEval[string](b, chat, `Array.from(document.querySelectorAll("#log .agent .text")).pop().textContent`)
	if want := suggestion + " P.S. The new kettle ships from our Aarhus store."; strings.TrimSpace(sent) != want {
		t.Errorf("the customer got %q, want the suggestion with the agent's line: %q", sent, want)
	}
	b.waitFor(desk, "the reply box emptied", `document.getElementById("reply-text").value === ""`)
	b.step("customer", "suggestion")

	// An internal note: in the console, never in the chat.
	b.run(desk, "write a note", chromedp.Click("#mode-note"), chromedp.SendKeys("#reply-text", "Second kettle this year, check the batch"),
		chromedp.Click("#reply-send"))
	b.waitFor(desk, "the note", `Array.from(document.querySelectorAll("#handoff-transcript .msg.note")).some(function (m) { return m.textContent.includes("Second kettle"); })`)
	b.step("agent", "note")

	// The customer writes again: the console shows it without a reload.
	b.say(chat, "Thank you! When will it arrive?")
	b.waitFor(desk, "the new message live", `Array.from(document.querySelectorAll("#handoff-transcript .msg.customer")).some(function (m) { return m.textContent.includes("When will it arrive"); })`)
	if strings.Contains(jsEval[string](b, chat, `document.getElementById("log").textContent`), "Second kettle") {
		t.Error("the customer sees the internal note")
	}

	// On a phone: the conversation alone, the queue a tap away.
	if _, err := chromedp.Call(desk, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 2, Mobile: true}); err != nil {
		t.Fatal(err)
	}
	b.waitFor(desk, "the phone layout", `getComputedStyle(document.getElementById("queue-list")).display === "none" && getComputedStyle(document.querySelector(".back")).display === "block"`)
	if over := jsEval[bool](b, desk, `document.documentElement.scrollWidth > window.innerWidth + 1`); over {
		t.Error("the conversation is wider than a phone's screen")
	}
	b.checkAxe(desk, "console conversation on a phone")
	b.step("agent", "phone")
	if _, err := chromedp.Call(desk, emulation.ClearDeviceMetricsOverride, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}

	// Transfer, then hand back to the assistant.
	b.run(desk, "transfer", chromedp.SetValue("#transfer-team", "delivery"), chromedp.Click("#handoff-transfer"))
	b.waitFor(desk, "transferred", `document.getElementById("toast").textContent.includes("Moved to team delivery")`)
	b.run(desk, "hand back", chromedp.Click("#handoff-handback"))
	b.waitFor(desk, "handed back", `document.getElementById("toast").textContent.includes("Handed back")`)
	b.waitFor(chat, "the hand-back", `!!document.querySelector("#log .handback") && !document.getElementById("person").hidden`)
	b.step("agent", "handed-back")
	b.step("customer", "handed-back")
	b.checkProblems()
	t.Logf("took %s", time.Since(start).Round(time.Millisecond))
}

// TestBrowserQueueTabsAndFilters: three customers wait, one of them
// claimed by Mette; the queue's tabs (Mine, Unassigned, All) and its team
// and language filters each change the rows shown, and the tab chosen is
// the one marked selected.
func TestBrowserQueueTabsAndFilters(t *testing.T) {
	b := newBrowser(t)
	ts := startDesk(t, mailtest.Start(t))
	mette, _ := ts.agentToken(t, "Mette", "technical")
	for _, c := range []struct{ lang, question string }{
		{"en", "My kettle stopped working after two months, is it under warranty?"},
		{"da", "Min pakke er aldrig kommet frem. Hvor er den?"},
		{"en", "How do I return an item?"},
	} {
		_, r, _ := ts.ask(t, `{"question": `+jsString(c.question)+`}`)
		code, body, _ := ts.call(t, "POST", "/api/v1/handoff", "", `{"conversation_id": "`+r.ConversationID+`", "language": "`+c.lang+`"}`)
		if code != 200 {
			t.Fatalf("hand-off = %d %s", code, body)
		}
	}
	// Routed by the article in play: the kettle to technical, the
	// parcel and the return to delivery.
	_, body, _ := ts.call(t, "GET", "/api/v1/handoffs?view=all", mette, "")
	teams, kettle := map[string]int{}, ""
	for _, h := range decode[struct{ Handoffs []deskRow }](t, body).Handoffs {
		teams[h.Team+" "+h.Language]++
		if strings.Contains(h.FirstMessage, "kettle") {
			kettle = h.ID
		}
	}
	if teams["technical en"] != 1 || teams["delivery da"] != 1 || teams["delivery en"] != 1 || kettle == "" {
		t.Fatalf("hand-offs = %s", body)
	}
	if code, body, _ := ts.call(t, "POST", "/api/v1/handoffs/"+kettle+"/claim", mette, ""); code != 200 {
		t.Fatalf("claim = %d %s", code, body)
	}

	desk := b.tab("agent")
	b.loginConsole(desk, ts.URL, mette)
	// rows waits for the list drawn anew (no row marked by stale) to
	// hold the rows want names.
	stale := chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#queue-list li").forEach(function (l) { l.dataset.stale = "1"; })`)
	rows := func(want string) {
		t.Helper()
		b.waitFor(desk, "the rows "+want, `!document.querySelector("#queue-list li[data-stale]") && Array.from(document.querySelectorAll("#queue-list .row-title")).map(function (r) {
			var t = r.textContent; return t.includes("kettle") ? "kettle" : t.includes("pakke") ? "pakke" : t.includes("return") ? "return" : t;
		}).sort().join(" ") === `+jsString(want)+` && document.getElementById("queue-empty").hidden === `+fmt.Sprint(want != ""))
	}
	tab := func(name, want string) {
		t.Helper()
		b.run(desk, "the tab "+name, stale, chromedp.Click("#tab-"+name))
		if got := jsEval[string](b, desk, `Array.from(document.querySelectorAll("#view-queue [role=tab][aria-selected=true]")).map(function (t) { return t.id; }).join()`); got != "tab-"+name {
			t.Errorf("after a click on %s the selected tab is %q", name, got)
		}
		rows(want)
	}
	filter := func(id, value, want string) {
		t.Helper()
		b.run(desk, "filter "+id+" "+value, stale, chromedp.SetValue(id, value),
			chromedp.Evaluate[chromedp.Void](`document.querySelector(`+jsString(id)+`).dispatchEvent(new Event("change"))`))
		rows(want)
	}

	// Her own team first, the unassigned tab: nobody waits there.
	if got := jsEval[string](b, desk, `document.getElementById("queue-team").value`); got != "technical" {
		t.Errorf("the team filter starts at %q, want Mette's team", got)
	}
	rows("")
	b.step("agent", "unassigned-technical")
	tab("mine", "kettle")
	tab("all", "kettle")
	filter("#queue-team", "", "kettle pakke return")
	b.checkAxe(desk, "console queue, all teams")
	b.step("agent", "all")
	filter("#queue-language", "da", "pakke")
	tab("unassigned", "pakke")
	filter("#queue-language", "en", "return")
	filter("#queue-team", "delivery", "return")
	tab("mine", "")
	b.step("agent", "mine-delivery")
	b.checkProblems()
}
