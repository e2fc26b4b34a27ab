package main

// Browser tests: the widget on another site under a strict
// Content-Security-Policy, and the console, driven in headless Chromium.
// Without a Chromium they skip, unless CI=true, where they fail. On
// failure each tab's screenshot is saved under $HUSHDESK_SCREENSHOTS (or
// the test's temporary directory); with HUSHDESK_SCREENSHOTS set, the
// tests also save one at each main step.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// stepTimeout bounds one step of a browser test: a wait for text, a
// click, a navigation.
const stepTimeout = 15 * time.Second

// findChromium finds a Chromium or Chrome binary, skipping the test without
// one (failing it when CI=true).
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium found (chromium, chromium-browser, google-chrome, headless-shell); the browser tests need one in CI")
	}
	t.Skip("no Chromium found (chromium, chromium-browser, google-chrome, headless-shell); skipping the browser tests")
	return ""
}

// browserSession is one headless Chromium for one test.
type browserSession struct {
	t     *testing.T
	ctx   context.Context // the browser; tabs derive from it
	shots string          // where screenshots go
	mu    sync.Mutex
	tabs  map[string]context.Context
	close []context.CancelFunc // the tabs', run after the failure screenshots
	// problems collects script errors and CSP violations from every tab.
	problems []string
}

func newBrowser(t *testing.T) *browserSession {
	t.Helper()
	exe := findChromium(t)
	// Not t.TempDir: Chromium's helpers may still write there while the
	// test's own directories are removed.
	profile, err := os.MkdirTemp("", "hushdesk-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true), // /dev/shm is small in containers
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("lang", "en-US"),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	b := &browserSession{t: t, ctx: ctx, tabs: map[string]context.Context{}}
	b.shots = os.Getenv("HUSHDESK_SCREENSHOTS")
	if b.shots == "" {
		b.shots = t.TempDir()
	}
	t.Cleanup(func() {
		if t.Failed() {
			for name := range b.tabs {
				b.screenshot(name, "failure")
			}
		}
		for _, c := range b.close {
			c()
		}
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	})
	// The first Do starts the browser; it must run on ctx itself, since
	// ending the context of that call ends the browser.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	return b
}

// tab opens a new tab named for screenshots and logs.
func (b *browserSession) tab(name string) context.Context {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	b.close = append(b.close, cancel)
	err := chromedp.Listen(ctx, func(ev any) {
		var problem string
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			problem = "exception: " + ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				problem += " " + ev.ExceptionDetails.Exception.Description
			}
		case *cdplog.EventEntryAdded:
			// CSP violations are reported here; failed loads (a missing
			// favicon) are not the widget's problem.
			if strings.Contains(ev.Entry.Text, "Content Security Policy") ||
				ev.Entry.Level == cdplog.EntryLevelError && ev.Entry.Source != cdplog.EntrySourceNetwork {
				problem = string(ev.Entry.Source) + ": " + ev.Entry.Text
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				problem = "console.error"
				for _, a := range ev.Args {
					problem += " " + string(a.Value) + a.Description
				}
			}
		}
		if problem != "" {
			b.mu.Lock()
			b.problems = append(b.problems, name+": "+problem)
			b.mu.Unlock()
		}
	})
	if err != nil {
		b.t.Fatalf("listen to the %s tab: %v", name, err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		b.t.Fatalf("enable the log of the %s tab: %v", name, err)
	}
	b.tabs[name] = ctx
	return ctx
}

// run runs actions in a tab within stepTimeout, failing the test with
// what was being done.
func (b *browserSession) run(ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	c, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(c, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// waitFor polls a JavaScript expression until it is truthy.
func (b *browserSession) waitFor(ctx context.Context, what, expr string) {
	b.t.Helper()
	b.run(ctx, "wait for "+what, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(stepTimeout)))
}

// jsEval evaluates a JavaScript expression.
func jsEval[T any](b *browserSession, ctx context.Context, expr string) T {
	b.t.Helper()
	c, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(c, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// screenshot saves the tab's viewport as a PNG.
func (b *browserSession) screenshot(tab, step string) {
	ctx, ok := b.tabs[tab]
	if !ok {
		return
	}
	c, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(c, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Logf("screenshot of %s: %v", tab, err)
		return
	}
	name := filepath.Join(b.shots, fmt.Sprintf("%s-%s-%s.png", strings.ReplaceAll(b.t.Name(), "/", "_"), tab, step))
	if err := os.WriteFile(name, png, 0o644); err != nil {
		b.t.Logf("save screenshot: %v", err)
		return
	}
	if os.Getenv("HUSHDESK_SCREENSHOTS") == "" {
		b.t.Logf("screenshot: %s (removed with the test's directory; set HUSHDESK_SCREENSHOTS to keep it)", name)
		return
	}
	b.t.Logf("screenshot: %s", name)
}

// step saves a screenshot of a main step when HUSHDESK_SCREENSHOTS is set.
func (b *browserSession) step(tab, name string) {
	if os.Getenv("HUSHDESK_SCREENSHOTS") != "" {
		b.screenshot(tab, name)
	}
}

// checkProblems fails the test on any script error or CSP violation.
func (b *browserSession) checkProblems() {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		b.t.Errorf("browser reported %s", p)
	}
}

// a11yCheck is a basic automated accessibility check over a document or
// shadow root: every control has an accessible name, every image-like
// SVG a label, and ids are unique. It returns the offenders.
const a11yCheck = `(function (root) {
  var bad = [];
  function byId(id) { return root.getElementById ? root.getElementById(id) : root.querySelector("#" + CSS.escape(id)); }
  function name(e) {
    var n = (e.getAttribute("aria-label") || "").trim();
    if (n) return n;
    var by = e.getAttribute("aria-labelledby");
    if (by) return by.split(" ").map(function (id) { var l = byId(id); return l ? l.textContent : ""; }).join(" ").trim();
    if (e.labels && e.labels.length) return Array.prototype.map.call(e.labels, function (l) { return l.textContent; }).join(" ").trim();
    if (e.tagName === "BUTTON" || e.tagName === "A") return e.textContent.trim();
    return (e.getAttribute("title") || "").trim();
  }
  root.querySelectorAll("button, a[href], input:not([type=hidden]), select, textarea, [role=dialog], svg[role=img]").forEach(function (e) {
    if (!name(e)) bad.push("no accessible name: " + e.outerHTML.slice(0, 100));
  });
  var seen = {};
  root.querySelectorAll("[id]").forEach(function (e) {
    if (seen[e.id]) bad.push("duplicate id " + e.id);
    seen[e.id] = true;
  });
  return bad;
})`

func (b *browserSession) checkAccessibility(ctx context.Context, where, root string) {
	b.t.Helper()
	for _, p := range jsEval[[]string](b, ctx, a11yCheck+"("+root+")") {
		b.t.Errorf("accessibility (%s): %s", where, p)
	}
}

// loginConsole logs into the console with a token.
func (b *browserSession) loginConsole(tab context.Context, url, token string) {
	b.t.Helper()
	b.run(tab, "log in", chromedp.Navigate(url+"/console"),
		chromedp.WaitVisible(chromedp.CSS("#login-token")),
		chromedp.SendKeys(chromedp.CSS("#login-token"), token),
		chromedp.Click(chromedp.CSS("#login-form button")),
		chromedp.WaitVisible(chromedp.CSS("#nav")))
}

// visibleNav lists the console views the signed-in role sees.
func (b *browserSession) visibleNav(tab context.Context) string {
	return jsEval[string](b, tab, `Array.from(document.querySelectorAll("#nav li:not([hidden]) a")).map(function (a) { return a.textContent; }).join(", ")`)
}

func TestBrowserComplianceErasure(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	marker := "zebra-lamp-7731"
	ts.ask(t, `{"question": "How do I return the `+marker+` I bought? Mail me at lena.berg@example.se", "subject": "`+ts.subject("cust-42")+`"}`)
	ts.ask(t, `{"question": "Can I pay with PayPal?", "subject": "`+ts.subject("cust-7")+`"}`)

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
	b.loginConsole(tab, ts.URL, ts.newToken(t, "compliance"))
	if nav := b.visibleNav(tab); nav != "Audit log, Subject requests, Security trail, Reports" { // no hand-offs, no configuration
		t.Errorf("a compliance officer sees %q", nav)
	}

	// The audit log opens first; verify it.
	b.run(tab, "verify", chromedp.WaitVisible(chromedp.CSS("#audit-verify")), chromedp.Click(chromedp.CSS("#audit-verify")))
	b.waitFor(tab, "the verdict", `document.querySelector("#audit-verdict.ok")?.textContent.startsWith("Intact")`)
	b.waitFor(tab, "audit rows", `document.querySelectorAll("#audit-table tbody tr").length >= 3`)
	b.checkAccessibility(tab, "console audit", "document")
	b.checkAxe(tab, "console audit")
	b.step("officer", "verified")

	// Sign a checkpoint and download it; download the decisions as JSON lines.
	b.run(tab, "sign a checkpoint", chromedp.Click(chromedp.CSS("#checkpoint-sign")))
	b.waitFor(tab, "the signature", `document.querySelector("#toast").textContent.startsWith("Checkpoint signed")`)
	b.run(tab, "download the checkpoint", chromedp.Click(chromedp.CSS("#checkpoint-download")))
	if cp := nextDownload(t, done); !strings.Contains(cp, `"signature"`) || !strings.Contains(cp, `"public_key"`) {
		t.Errorf("checkpoint = %.300s", cp)
	}
	b.run(tab, "filter the decisions", chromedp.SendKeys(chromedp.CSS("#audit-type"), "decision"),
		chromedp.Click(chromedp.CSS("#audit-filters button")))
	b.waitFor(tab, "the filtered rows", `document.querySelectorAll("#audit-table tbody tr").length === 2`)
	b.run(tab, "export", chromedp.Click(chromedp.CSS("#export-jsonl")))
	if lines := strings.Split(strings.TrimSpace(nextDownload(t, done)), "\n"); len(lines) != 2 || !strings.Contains(lines[0], `"seq":`) {
		t.Errorf("JSON lines export = %q", lines)
	}

	// Find the customer and export what is held.
	b.run(tab, "find the customer",
		chromedp.Click(`#nav a[href="#subjects"]`),
		chromedp.WaitVisible(chromedp.CSS("#subject-id")),
		chromedp.SendKeys(chromedp.CSS("#subject-id"), "cust-42"),
		chromedp.Click(chromedp.CSS("#subject-form button")))
	b.waitFor(tab, "the summary", `document.querySelector("#subject-summary").textContent.includes("1 event in 1 conversation,")`)
	b.run(tab, "export", chromedp.Click(chromedp.CSS("#subject-export")))
	b.waitFor(tab, "the export", `document.querySelector("#subject-export-result").textContent.startsWith("Exported")`)
	if exp := nextDownload(t, done); !strings.Contains(exp, marker) || strings.Contains(exp, "lena.berg@example.se") {
		t.Errorf("downloaded export: %.500s", exp)
	}

	// Erasure needs the id typed again.
	b.run(tab, "mistype the confirmation", chromedp.SendKeys(chromedp.CSS("#erase-confirm"), "cust-4"))
	if !jsEval[bool](b, tab, `document.querySelector("#subject-erase").disabled`) {
		t.Error("erase is possible with the wrong confirmation")
	}
	b.run(tab, "confirm", chromedp.SendKeys(chromedp.CSS("#erase-confirm"), "2"))
	if jsEval[bool](b, tab, `document.querySelector("#subject-erase").disabled`) {
		t.Fatal("erase is not possible with the right confirmation")
	}
	b.run(tab, "erase", chromedp.Click(chromedp.CSS("#subject-erase")))
	b.waitFor(tab, "the receipt", `document.querySelector("#erase-result").textContent.startsWith("Erased s_")`)
	b.waitFor(tab, "the request log", `Array.from(document.querySelectorAll("#requests-table tbody tr")).some(function (r) { return r.textContent.includes("erasure"); })`)
	b.checkAccessibility(tab, "console subjects", "document")
	b.checkAxe(tab, "console subjects")
	b.step("officer", "erased")

	// The transparency report, drawn in the page.
	b.run(tab, "open the reports", chromedp.Click(chromedp.CSS(`#nav a[href="#reports"]`)))
	b.waitFor(tab, "the charts", `document.querySelectorAll("#transparency-body svg.bars").length >= 2`)
	b.waitFor(tab, "the support figures with the gaps' examples", `document.querySelector("#support-body .stats") &&
		Array.from(document.querySelectorAll("#support-body table th")).some(function (h) { return h.textContent === "Examples (redacted)"; })`)
	b.checkAccessibility(tab, "console reports", "document")
	b.checkAxe(tab, "console reports")
	b.step("officer", "reports")

	// The log still verifies and the customer's text is gone.
	officer := ts.newToken(t, "compliance")
	if code, body, _ := ts.call(t, "GET", "/api/v1/audit/verify", officer, ""); code != 200 || !strings.Contains(body, `"ok":true`) {
		t.Errorf("verify after erasure = %d %s", code, body)
	}
	if code, body, _ := ts.call(t, "GET", "/api/v1/subjects/cust-42/export", officer, ""); code != 200 || strings.Contains(body, marker) {
		t.Errorf("export after erasure = %d %.300s", code, body)
	}
	b.checkProblems()
	t.Logf("took %s", time.Since(start).Round(time.Millisecond))
}

func TestBrowserAdminConsole(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	doc := filepath.Join(t.TempDir(), "warranty-claims.md")
	os.WriteFile(doc, []byte("# Warranty claims\n\nSend warranty claims to our claims desk. Questions: call Jonas Holm on +45 32 12 34 56.\n"), 0o644)

	tab := b.tab("admin")
	b.loginConsole(tab, ts.URL, adminToken)
	// Duties are separate: an admin configures and reads no conversation.
	if nav := b.visibleNav(tab); nav != "Reports, Knowledge base, Canned responses, People, Widget, Configuration" {
		t.Errorf("an admin sees %q", nav)
	}
	// The knowledge base: the sample documents, then an upload whose
	// personal data is flagged.
	b.run(tab, "open the knowledge base", chromedp.Click(chromedp.CSS(`#nav a[href="#knowledge"]`)))
	b.waitFor(tab, "the documents", `document.querySelector("#knowledge-summary").textContent.includes("documents")`)
	b.run(tab, "upload", chromedp.SetUploadFiles(chromedp.CSS("#upload-files"), []string{doc}),
		chromedp.Click(chromedp.CSS("#upload-form button")))
	b.waitFor(tab, "the upload", `document.querySelector("#knowledge-note").textContent.startsWith("Added 1")`)
	b.waitFor(tab, "the warning", `Array.from(document.querySelectorAll("#documents-table tr.flagged")).some(function (r) { return r.textContent.includes("upload/warranty-claims.md") && r.textContent.includes("PHONE"); })`)
	b.checkAccessibility(tab, "console knowledge base", "document")
	b.checkAxe(tab, "console knowledge base")
	b.step("admin", "knowledge")
	// Re-indexing analyses every passage again: the sample's and the upload's.
	jsEval[bool](b, tab, `(window.confirm = function () { return true; }, true)`)
	b.run(tab, "re-index", chromedp.Click(chromedp.CSS("#reindex")))
	b.waitFor(tab, "the re-index", `document.querySelector("#knowledge-note").textContent.startsWith("Re-indexed ")`)
	passages, err := ts.Main.Index.Chunks()
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("Re-indexed %d passages", passages)
	if got := jsEval[string](b, tab, `document.querySelector("#knowledge-note").textContent`); !strings.HasPrefix(got, want) {
		t.Errorf("after the re-index the console says %q, want %q", got, want)
	}

	// The running configuration, secrets only said to be set.
	b.run(tab, "open the configuration", chromedp.Click(chromedp.CSS(`#nav a[href="#config"]`)))
	b.waitFor(tab, "the configuration", `document.querySelector("#config-list").textContent.includes("test-model:1b")`)
	if page := jsEval[string](b, tab, `document.querySelector("#config-list").textContent`); strings.Contains(page, adminToken) {
		t.Error("the configuration view shows the admin token")
	}
	b.checkAxe(tab, "console configuration")
	b.step("admin", "config")

	// Reports: an admin sees the support figures, not the transparency
	// report, which is the compliance officers'.
	b.run(tab, "open the reports", chromedp.Click(chromedp.CSS(`#nav a[href="#reports"]`)))
	b.waitFor(tab, "the support figures", `document.querySelector("#support-body .stats")`)
	if !jsEval[bool](b, tab, `document.querySelector("#report-transparency").hidden`) {
		t.Error("an admin sees the transparency report")
	}
	b.step("admin", "reports")
	b.checkProblems()
	t.Logf("took %s", time.Since(start).Round(time.Millisecond))
}

// nextDownload waits for the next finished download and returns its content.
func nextDownload(t *testing.T, done <-chan string) string {
	t.Helper()
	select {
	case path := <-done:
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read the download: %v", err)
		}
		return string(data)
	case <-time.After(stepTimeout):
		t.Fatal("nothing was downloaded")
	}
	return ""
}

// jsString quotes s as a JavaScript string.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
