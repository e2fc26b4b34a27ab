package main

import (
	"errors"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func configFrom(t *testing.T, args []string, env map[string]string, file string) (Config, error) {
	t.Helper()
	fs := newFlagSet("serve", io.Discard)
	if file != "" {
		path := filepath.Join(t.TempDir(), "hushdesk.yaml")
		if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
			t.Fatal(err)
		}
		args = append([]string{"--config", path}, args...)
	}
	if err := parseFlags(fs, args); err != nil {
		return Config{}, err
	}
	return loadConfig(fs, func(k string) string { return env[k] })
}

// TestConfigFileIsTyped: lists are lists, unknown keys are errors that
// name the key, and values are checked as flags are.
func TestConfigFileIsTyped(t *testing.T) {
	c, err := configFrom(t, nil, nil, `
widget_origins:
  - https://shop.example
  - https://www.shop.example/
trust_proxy: true
trusted_proxies: [10.1.0.0/16, 10.2.0.7]
log_level: warn
ask_rate: 12
policy:
  thresholds:
    anger: 0.6
`)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.WidgetOrigins, []string{"https://shop.example", "https://www.shop.example"}) || !c.TrustProxy ||
		c.LogLevel != slog.LevelWarn || c.AskRate != 12 || c.Policy.Thresholds["anger"] != 0.6 ||
		!slices.Equal(c.TrustedProxies, []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16"), netip.MustParsePrefix("10.2.0.7/32")}) {
		t.Fatalf("config = %+v", c)
	}
	for _, tt := range []struct{ file, want string }{
		{"widget_orgins: [https://a.example]", `unknown setting "widget_orgins" (line 1)`},
		{"ask_rate: [1, 2]", "ask_rate (line 1) takes one value"},
		{"log_level: chatty", `log-level must be debug, info, warn or error, not "chatty"`},
		{"policy:\n  thresholds:\n    angr: 0.5", "angr"},
		{"policy:\n  treshold: 1", "treshold"},
		{"widget_origins: [ftp://x]", "must be a scheme and host"},
	} {
		_, err := configFrom(t, nil, nil, tt.file)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, errUsage) {
			t.Errorf("%q: err = %v, want one saying %q", tt.file, err, tt.want)
		}
	}
}

// TestBooleanFlagsNeedNoValue: --trust-proxy alone turns it on.
func TestBooleanFlagsNeedNoValue(t *testing.T) {
	c, err := configFrom(t, []string{"--trust-proxy"}, nil, "")
	if err != nil || !c.TrustProxy {
		t.Fatalf("--trust-proxy: %v, %v", c.TrustProxy, err)
	}
	c, err = configFrom(t, []string{"--trust-proxy=false"}, map[string]string{"HUSHDESK_TRUST_PROXY": "true"}, "")
	if err != nil || c.TrustProxy {
		t.Fatalf("--trust-proxy=false over the environment: %v, %v", c.TrustProxy, err)
	}
	if _, err := configFrom(t, []string{"--log-level", "loud"}, nil, ""); !errors.Is(err, errUsage) {
		t.Fatalf("an unknown log level = %v", err)
	}
}

// TestPrecedence: flag, then environment, then file, then default.
func TestPrecedence(t *testing.T) {
	file := "company: From File\naddr: 127.0.0.1:9001\nmodel: file-model\n"
	env := map[string]string{"HUSHDESK_ADDR": "127.0.0.1:9002", "HUSHDESK_MODEL": "env-model"}
	c, err := configFrom(t, []string{"--model", "flag-model"}, env, file)
	if err != nil {
		t.Fatal(err)
	}
	if c.Model != "flag-model" || c.Addr != "127.0.0.1:9002" || c.Company != "From File" || c.MaxQuestionChars != 4000 {
		t.Fatalf("config = model %q addr %q company %q max %d", c.Model, c.Addr, c.Company, c.MaxQuestionChars)
	}
}
