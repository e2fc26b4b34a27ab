package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference/ollama"
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

// TestAnswerCaps: the caps on one answer come from a flag, the
// environment or the file, default to the model client's, and a value
// that is not a positive number or duration is refused naming the
// setting.
func TestAnswerCaps(t *testing.T) {
	for _, tt := range []struct {
		name       string
		args       []string
		env        map[string]string
		file       string
		wantTokens int
		wantTime   time.Duration
		wantErr    string
	}{
		{name: "defaults", wantTokens: ollama.DefaultMaxAnswerTokens, wantTime: ollama.DefaultMaxAnswerTime},
		{name: "flags", args: []string{"--max-answer-tokens", "64", "--max-answer-time", "45s"}, wantTokens: 64, wantTime: 45 * time.Second},
		{name: "environment", env: map[string]string{"HUSHDESK_MAX_ANSWER_TOKENS": "128", "HUSHDESK_MAX_ANSWER_TIME": "3m"}, wantTokens: 128, wantTime: 3 * time.Minute},
		{name: "file", file: "max_answer_tokens: 256\nmax_answer_time: 90s\n", wantTokens: 256, wantTime: 90 * time.Second},
		{name: "flag over environment over file", args: []string{"--max-answer-tokens", "32"},
			env: map[string]string{"HUSHDESK_MAX_ANSWER_TOKENS": "128", "HUSHDESK_MAX_ANSWER_TIME": "1m"}, file: "max_answer_tokens: 256\nmax_answer_time: 90s\n",
			wantTokens: 32, wantTime: time.Minute},
		{name: "zero tokens", args: []string{"--max-answer-tokens", "0"}, wantErr: `flag -max-answer-tokens: must be a positive whole number, not "0"`},
		{name: "negative tokens", env: map[string]string{"HUSHDESK_MAX_ANSWER_TOKENS": "-5"}, wantErr: `max-answer-tokens must be a positive whole number, not "-5"`},
		{name: "tokens not a number", file: "max_answer_tokens: lots\n", wantErr: `line 1: max-answer-tokens must be a positive whole number, not "lots"`},
		{name: "zero time", args: []string{"--max-answer-time", "0s"}, wantErr: `flag -max-answer-time: must be a duration greater than 0, like 90s or 2m, not "0s"`},
		{name: "negative time", env: map[string]string{"HUSHDESK_MAX_ANSWER_TIME": "-1m"}, wantErr: `max-answer-time must be a duration greater than 0, like 90s or 2m, not "-1m"`},
		{name: "time without a unit", file: "max_answer_time: 120\n", wantErr: `line 1: max-answer-time must be a duration greater than 0, like 90s or 2m, not "120"`},
		{name: "time unparsable", args: []string{"--max-answer-time", "two minutes"}, wantErr: `flag -max-answer-time: must be a duration greater than 0, like 90s or 2m, not "two minutes"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := configFrom(t, tt.args, tt.env, tt.file)
			if refused(t, err, tt.wantErr) {
				return
			}
			if c.MaxAnswerTokens != tt.wantTokens || c.MaxAnswerTime != tt.wantTime {
				t.Fatalf("max answer tokens %d, time %s; want %d, %s", c.MaxAnswerTokens, c.MaxAnswerTime, tt.wantTokens, tt.wantTime)
			}
			v := c.view()
			if v["max_answer_tokens"] != tt.wantTokens || v["max_answer_time"] != tt.wantTime.String() {
				t.Fatalf("config view: max_answer_tokens %v, max_answer_time %v", v["max_answer_tokens"], v["max_answer_time"])
			}
		})
	}
}

// TestDrainDelaySetting: the drain delay is 0 unless set, comes from a
// flag, the environment or the file, and is a duration from 0 to a
// minute.
func TestDrainDelaySetting(t *testing.T) {
	for _, tt := range []struct {
		name    string
		args    []string
		env     map[string]string
		file    string
		want    time.Duration
		wantErr string
	}{
		{name: "default: stop at once", want: 0},
		{name: "flag", args: []string{"--drain-delay", "5s"}, want: 5 * time.Second},
		{name: "environment", env: map[string]string{"HUSHDESK_DRAIN_DELAY": "10s"}, want: 10 * time.Second},
		{name: "file", file: "drain_delay: 3s\n", want: 3 * time.Second},
		{name: "zero over the file", args: []string{"--drain-delay", "0"}, file: "drain_delay: 3s\n", want: 0},
		{name: "negative", env: map[string]string{"HUSHDESK_DRAIN_DELAY": "-5s"}, wantErr: `drain-delay must be a duration from 0 to 1m0s, like 5s, not "-5s"`},
		{name: "too long", file: "drain_delay: 10m\n", wantErr: `line 1: drain-delay must be a duration from 0 to 1m0s, like 5s, not "10m"`},
		{name: "no unit", args: []string{"--drain-delay", "5"}, wantErr: `flag -drain-delay: must be a duration from 0 to 1m0s, like 5s, not "5"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := configFrom(t, tt.args, tt.env, tt.file)
			if refused(t, err, tt.wantErr) {
				return
			}
			if c.DrainDelay != tt.want {
				t.Fatalf("drain delay = %s, want %s", c.DrainDelay, tt.want)
			}
			view := "none: stops at once"
			if tt.want > 0 {
				view = tt.want.String() + " with /readyz answering 503 before stopping"
			}
			if v := c.view()["drain_delay"]; v != view {
				t.Fatalf("config view: drain_delay %q, want %q", v, view)
			}
		})
	}
}

// TestSMTPPasswordIsNotShown: a password written in the mail relay's URL
// (which the relay accepts) is not shown in the configuration view, as
// HUSHDESK_SMTP_PASSWORD is only said to be set.
func TestSMTPPasswordIsNotShown(t *testing.T) {
	for _, tt := range []struct {
		url, env, view, password string
	}{
		{"smtps://hushdesk:relay-secret@relay.example:465", "", "smtps://hushdesk:xxxxx@relay.example:465", "not set"},
		{"smtp://hushdesk@relay.example:587", "relay-secret", "smtp://hushdesk@relay.example:587", "set"},
	} {
		c, err := configFrom(t, []string{"--smtp", tt.url, "--smtp-from", "support@example.com"},
			map[string]string{"HUSHDESK_SMTP_PASSWORD": tt.env}, "")
		if err != nil {
			t.Fatal(err)
		}
		v := c.view()
		if v["smtp"] != tt.view || v["smtp_password"] != tt.password || strings.Contains(fmt.Sprint(v), "relay-secret") {
			t.Errorf("%s: view smtp = %v, smtp_password = %v", tt.url, v["smtp"], v["smtp_password"])
		}
	}
}

// refused checks a configuration's error against wantErr: a usage error
// saying it, or none when wantErr is "". It reports whether the
// configuration was refused (as wanted), so there is nothing more to check.
func refused(t *testing.T, err error, wantErr string) bool {
	t.Helper()
	if wantErr == "" {
		if err != nil {
			t.Fatal(err)
		}
		return false
	}
	if err == nil || !strings.Contains(err.Error(), wantErr) || !errors.Is(err, errUsage) {
		t.Fatalf("err = %v, want a usage error saying %q", err, wantErr)
	}
	return true
}
