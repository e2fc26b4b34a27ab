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

// startSSO starts an OpenID provider with users and a server that logs
// into its console through it: the group privacy-office gives the
// compliance role, support the agent's.
func startSSO(t *testing.T, users ...oidctest.User) *testServer {
	t.Helper()
	p := oidctest.New(t, users...)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	p.Allow(base+"/console/oidc/callback", base+"/console")
	return startServerOn(t, ln, func(c *Config) {
		c.AdminToken = adminToken
		c.OIDCIssuer, c.OIDCClientID, c.OIDCClientSecret = p.Issuer, p.ClientID, p.ClientSecret
		c.OIDCRedirectURL = base + "/console/oidc/callback"
		c.OIDCRoles = []web.GroupRole{{Group: "privacy-office", Role: role.Compliance}, {Group: "support", Role: role.Agent}}
	})
}

// ssoLogin follows the console's single sign-on button to the
// provider's form and logs in there.
func (b *browserSession) ssoLogin(tab context.Context, username, password string) {
	b.t.Helper()
	b.run(tab, "log in at the provider", chromedp.Click(chromedp.CSS("#sso-button")),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), username),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS("#submit")))
}

// waitAcross polls a JavaScript expression until it is truthy while the
// tab goes from page to page (to the provider and back), when an
// evaluation may meet a page that is going away.
func (b *browserSession) waitAcross(tab context.Context, what, expr string) {
	b.t.Helper()
	for deadline := time.Now().Add(stepTimeout); ; time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(tab, time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("wait for %s: not so after %s (%v)", what, stepTimeout, err)
		}
	}
}

// TestBrowserComplianceSSO: a compliance officer logs in to the console
// through the OpenID provider (a real one, started in the test), sees
// only the compliance views, finds the log-in in the security trail, and
// logs out of the console and the provider. The log-in page and the
// trail pass axe-core.
func TestBrowserComplianceSSO(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	ts := startSSO(t, oidctest.User{Username: "olu", Password: "pw-olu", Name: "Olu Bakare", Groups: []string{"privacy-office"}})
	ts.ask(t, `{"question": "How do I return an item?"}`)

	tab := b.tab("officer")
	b.run(tab, "open the console", chromedp.Navigate(ts.URL+"/console"),
		chromedp.WaitVisible(chromedp.CSS("#sso-button")))
	b.checkAccessibility(tab, "console log-in with single sign-on", "document")
	b.checkAxe(tab, "console log-in with single sign-on")
	b.step("officer", "log-in")
	b.ssoLogin(tab, "olu", "pw-olu")
	b.waitAcross(tab, "the console", `location.pathname === "/console" && !document.getElementById("nav").hidden`)
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
	b.checkAxe(tab, "console security trail")
	b.step("officer", "trail")

	// Log out: the console, then the provider, which sends the browser back.
	jsEval[bool](b, tab, `(window.beforeLogout = true)`)
	b.run(tab, "log out", chromedp.Click(chromedp.CSS("#logout")))
	// The page goes to the provider and comes back: poll across the
	// navigations until the new console page shows the log-in.
	b.waitAcross(tab, "the console logged out after the provider's log-out",
		`!window.beforeLogout && location.pathname === "/console" && !document.querySelector("#view-login").hidden && !document.querySelector("#sso-login").hidden`)
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

// TestBrowserSSORefusal: someone the provider knows, in no group that
// gives a role, is sent back to a page that says so and what to do; it
// passes axe-core, and the console keeps them logged out.
func TestBrowserSSORefusal(t *testing.T) {
	b := newBrowser(t)
	ts := startSSO(t, oidctest.User{Username: "kai", Password: "pw-kai", Name: "Kai Lund", Groups: []string{"marketing"}})
	tab := b.tab("stranger")
	b.run(tab, "open the console", chromedp.Navigate(ts.URL+"/console"),
		chromedp.WaitVisible(chromedp.CSS("#sso-button")))
	b.ssoLogin(tab, "kai", "pw-kai")
	b.waitAcross(tab, "the refusal", `location.pathname === "/console/oidc/callback" && document.getElementById("sso-message")?.textContent.includes("not in any group")`)
	if h := jsEval[string](b, tab, `document.querySelector("h1").textContent`); h != "Your account may not use this console" {
		t.Errorf("the refusal's heading is %q", h)
	}
	b.checkAccessibility(tab, "single sign-on refusal", "document")
	b.checkAxe(tab, "single sign-on refusal")
	b.step("stranger", "refused")
	b.run(tab, "back to the console", chromedp.Click(chromedp.CSS(`a[href="/console"]`)),
		chromedp.WaitVisible(chromedp.CSS("#sso-button")))
	if !jsEval[bool](b, tab, `document.getElementById("nav").hidden`) {
		t.Error("after the refusal the console shows its views")
	}
	b.checkProblems()
}
