package main

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/web"
	"github.com/hushdesk/hushdesk/web/oidctest"
)

// TestBrowserComplianceSSO: a compliance officer logs in to the console
// through the OpenID provider (a real one, started in the test), sees
// only the compliance views, finds the log-in in the security trail, and
// logs out of the console and the provider.
func TestBrowserComplianceSSO(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	p := oidctest.New(t, oidctest.User{Username: "olu", Password: "pw-olu", Name: "Olu Bakare", Groups: []string{"privacy-office"}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	p.Allow(base+"/console/oidc/callback", base+"/console")
	ts := startServerOn(t, ln, func(c *Config) {
		c.AdminToken = adminToken
		c.OIDCIssuer, c.OIDCClientID, c.OIDCClientSecret = p.Issuer, p.ClientID, p.ClientSecret
		c.OIDCRedirectURL = base + "/console/oidc/callback"
		c.OIDCRoles = []web.GroupRole{{Group: "privacy-office", Role: role.Compliance}, {Group: "support", Role: role.Agent}}
	})
	ts.ask(t, `{"question": "How do I return an item?"}`)

	tab := b.tab("officer")
	b.run(tab, "open the console", chromedp.Navigate(ts.URL+"/console"),
		chromedp.WaitVisible(chromedp.CSS("#sso-button")))
	b.checkAccessibility(tab, "console log-in with single sign-on", "document")
	b.run(tab, "log in at the provider", chromedp.Click(chromedp.CSS("#sso-button")),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "olu"),
		chromedp.SendKeys(chromedp.CSS("#password"), "pw-olu"),
		chromedp.Click(chromedp.CSS("#submit")),
		chromedp.WaitVisible(chromedp.CSS("#nav")))
	if nav := b.visibleNav(tab); nav != "Audit log, Subject requests, Security trail, Reports" {
		t.Errorf("a compliance officer from the provider sees %q", nav)
	}
	if who := jsEval[string](b, tab, `document.querySelector("#who-label").textContent`); who != "Olu Bakare · compliance" {
		t.Errorf("signed in as %q", who)
	}
	b.step("officer", "logged-in")

	// The security trail shows the log-in of the last day.
	b.run(tab, "open the security trail", chromedp.Click(chromedp.CSS(`#nav a[href="#security"]`)))
	b.waitFor(tab, "the log-in in the trail", `Array.from(document.querySelectorAll("#security-table tbody tr")).some(function (r) {
		return r.textContent.includes("auth.login") && r.textContent.includes("compliance:u_") && r.textContent.includes("method=oidc"); })`)
	b.checkAccessibility(tab, "console security trail", "document")
	b.step("officer", "trail")

	// Log out: the console, then the provider, which sends the browser back.
	jsEval[bool](b, tab, `(window.beforeLogout = true)`)
	b.run(tab, "log out", chromedp.Click(chromedp.CSS("#logout")))
	// The page goes to the provider and comes back: poll across the
	// navigations until the new console page shows the log-in.
	back := `!window.beforeLogout && location.pathname === "/console" && !document.querySelector("#view-login").hidden && !document.querySelector("#sso-login").hidden`
	for deadline := time.Now().Add(stepTimeout); ; time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(tab, time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](back))
		cancel()
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the console did not come back logged out after the provider's log-out (%v)", err)
		}
	}
	if code := jsEval[int](b, tab, `(function () { var x = new XMLHttpRequest(); x.open("GET", "/console/session", false); x.send(); return x.status; })()`); code != 401 {
		t.Errorf("after the log-out the browser's session answers %d", code)
	}
	officer := ts.newToken(t, "compliance")
	_, trail, _ := ts.call(t, "GET", "/api/v1/audit/security?type=auth.logout", officer, "")
	if !strings.Contains(trail, `"method":"oidc"`) || !strings.Contains(trail, `"actor":"compliance:u_`) {
		t.Errorf("the log-out is not in the trail: %s", trail)
	}
	b.checkProblems()
	t.Logf("took %s", time.Since(start).Round(time.Millisecond))
}
