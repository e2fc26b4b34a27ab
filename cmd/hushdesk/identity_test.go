package main

import (
	"context"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
)

func TestIdentitySettings(t *testing.T) {
	c, err := configFrom(t, []string{"--oidc-issuer", "https://id.example.com/", "--four-eyes", "erasure,hold-release"},
		map[string]string{"HUSHDESK_OIDC_CLIENT_ID": "hushdesk", "HUSHDESK_OIDC_CLIENT_SECRET": "s3cret",
			"HUSHDESK_OIDC_REDIRECT_URL": "https://support.example.com/console/oidc/callback"},
		"oidc_roles: [support=agent, billing=agent:billing, privacy=compliance, it=admin]\nsession_max: 4h\n")
	if err != nil {
		t.Fatal(err)
	}
	o := c.oidc()
	if o == nil || o.Issuer != "https://id.example.com" || o.ClientSecret != "s3cret" || len(o.Groups) != 4 ||
		o.Groups[1].Team != "billing" || o.Groups[2].Role != role.Compliance || c.SessionMax.Hours() != 4 ||
		!c.FourEyes.Erasure || !c.FourEyes.HoldRelease || o.GroupsClaim != "groups" || len(o.Scopes) != 4 {
		t.Fatalf("config = %+v, oidc %+v", c.Identity, o)
	}
	if v := c.view(); v["oidc_client_secret"] != "set" {
		t.Fatalf("view = %v", v["oidc_client_secret"])
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--oidc-issuer", "https://id.example.com"}, "needs --oidc-client-id"},
		{[]string{"--oidc-client-id", "x"}, "need --oidc-issuer"},
		{[]string{"--oidc-issuer", "https://i", "--oidc-client-id", "x", "--oidc-redirect-url", "https://h/console/oidc/callback"}, "needs --oidc-roles"},
		{[]string{"--oidc-roles", "privacy=compliance:legal"}, "only agents have teams"},
		{[]string{"--oidc-roles", "privacy=root"}, "unknown role"},
		{[]string{"--four-eyes", "export"}, "takes erasure and hold-release"},
		{[]string{"--siem-https", "http://collector"}, "must be an https:// URL"},
		{[]string{"--siem-syslog", "collector"}, "must be host:port"},
		{[]string{"--session-max", "1m"}, "a duration from 15m to 7d"},
	} {
		if _, err := configFrom(t, tt.args, nil, ""); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: %v, want %q", tt.args, err, tt.want)
		}
	}
	// Nothing is needed: no provider, no four-eyes, no feed.
	c, err = configFrom(t, nil, nil, "")
	if err != nil || c.oidc() != nil || c.FourEyes.Erasure || c.SIEMSyslog != "" || c.SessionMax.Hours() != 8 {
		t.Fatalf("defaults = %+v, %v", c.Identity, err)
	}
}

// TestConfigChangeIsRecorded: a start with another configuration than the
// last is a config.changed event naming the settings, never a secret.
func TestConfigChangeIsRecorded(t *testing.T) {
	dir := t.TempDir()
	changes := func(ts *testServer) []audit.Event {
		var out []audit.Event
		ts.Main.Store.Scan(context.Background(), audit.Filter{Types: []string{audit.TypeConfigChanged}}, false, func(e audit.Event) error {
			out = append(out, e)
			return nil
		})
		return out
	}
	same := func(c *Config) { c.Data, c.Ollama = dir, "http://127.0.0.1:1" }
	ts := startServer(t, same)
	ts.stop()
	ts = startServer(t, same)
	ts.stop()
	ts = startServer(t, func(c *Config) {
		same(c)
		c.Company = "Other Co"
		c.WebhookURL, c.WebhookSecret = "http://127.0.0.1:1/hook", "another-secret-value"
	})
	got := changes(ts)
	if len(got) != 2 || got[0].Attrs["changed"] != "first start" || got[1].Attrs["changed"] != "company,webhook_secret,webhook_url" {
		t.Fatalf("config changes = %+v", got)
	}
	for _, e := range got {
		for _, v := range e.Attrs {
			if strings.Contains(v, "another-secret-value") || strings.Contains(v, "Other Co") {
				t.Fatalf("a setting's value is in the log: %v", e.Attrs)
			}
		}
	}
}
