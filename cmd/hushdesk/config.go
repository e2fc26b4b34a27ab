package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/hushdesk/hushdesk/inference/policy"
)

// Config is every setting of a Hushdesk process.
type Config struct {
	Data             string
	Addr             string
	Ollama           string
	Model            string
	ConfigFile       string
	TLSCert          string
	TLSKey           string
	Company          string
	MaxQuestionChars int
	MinConfidence    float64
	LogLevel         string
	LogFormat        string
	WebhookURL       string
	EmbedModel       string
	NameModel        string
	PersonalData     string
	WidgetOrigins    []string
	AskRate          int
	TrustProxy       bool
	// Policy configures the hand-off policy (thresholds, teams); from the
	// config file's "policy" section only.
	Policy policy.Options
	// From the environment only: secrets never go in flags.
	AdminToken    string
	MasterKey     string
	WebhookSecret string
	SubjectSecret string
}

// DefaultModel is the chat model used when none is configured: a small
// multilingual instruct model.
const DefaultModel = "qwen2.5:3b-instruct"

// setting describes one configurable value and where it can come from.
type setting struct {
	flag, env, key, def, help string
	set                       func(c *Config, v string) error
}

func str(p func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error { *p(c) = v; return nil }
}

var settings = []setting{
	{"data", "HUSHDESK_DATA", "data", "./data", "data directory (audit store, index, keys)", str(func(c *Config) *string { return &c.Data })},
	{"addr", "HUSHDESK_ADDR", "addr", "127.0.0.1:8080", "listen address", str(func(c *Config) *string { return &c.Addr })},
	{"ollama", "OLLAMA_HOST", "ollama", "http://127.0.0.1:11434", "Ollama server", str(func(c *Config) *string { return &c.Ollama })},
	{"model", "HUSHDESK_MODEL", "model", DefaultModel, "chat model", str(func(c *Config) *string { return &c.Model })},
	{"config", "HUSHDESK_CONFIG", "", "", "config file (YAML)", str(func(c *Config) *string { return &c.ConfigFile })},
	{"tls-cert", "HUSHDESK_TLS_CERT", "tls_cert", "", "TLS certificate file", str(func(c *Config) *string { return &c.TLSCert })},
	{"tls-key", "HUSHDESK_TLS_KEY", "tls_key", "", "TLS key file", str(func(c *Config) *string { return &c.TLSKey })},
	{"company", "HUSHDESK_COMPANY", "company", "Larkspur Home", "organisation name shown to customers", str(func(c *Config) *string { return &c.Company })},
	{"max-question-chars", "HUSHDESK_MAX_QUESTION_CHARS", "max_question_chars", "4000", "longest question accepted, in characters", func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return fmt.Errorf("max-question-chars must be a positive whole number, not %q", v)
		}
		c.MaxQuestionChars = n
		return nil
	}},
	{"min-confidence", "HUSHDESK_MIN_CONFIDENCE", "min_confidence", "0.3", "retrieval confidence below which the assistant abstains (0-1)", func(c *Config, v string) error {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 1 {
			return fmt.Errorf("min-confidence must be a number from 0 to 1, not %q", v)
		}
		c.MinConfidence = f
		return nil
	}},
	{"embed-model", "HUSHDESK_EMBED_MODEL", "embed_model", "", "Ollama embedding model for hybrid search (empty: words only)", str(func(c *Config) *string { return &c.EmbedModel })},
	{"name-model", "HUSHDESK_NAME_MODEL", "name_model", "", "Ollama model for the model-assisted pass for names in questions (empty: rules only)", str(func(c *Config) *string { return &c.NameModel })},
	{"personal-data", "HUSHDESK_PERSONAL_DATA", "personal_data", "redact", "a knowledge-base document holding personal data is indexed redacted (redact) or refused (refuse)", func(c *Config, v string) error {
		if v != "redact" && v != "refuse" {
			return fmt.Errorf("personal-data must be redact or refuse, not %q", v)
		}
		c.PersonalData = v
		return nil
	}},
	{"widget-origins", "HUSHDESK_WIDGET_ORIGINS", "widget_origins", "", "sites that may embed the chat widget, comma-separated (https://www.example.com)", func(c *Config, v string) error {
		c.WidgetOrigins = nil
		for _, o := range strings.Split(strings.Trim(v, "[]"), ",") {
			if o = strings.TrimSpace(o); o == "" {
				continue
			}
			if !strings.HasPrefix(o, "https://") && !strings.HasPrefix(o, "http://") || strings.Count(o, "/") > 2 {
				return fmt.Errorf("widget origin %q must be a scheme and host, like https://www.example.com", o)
			}
			c.WidgetOrigins = append(c.WidgetOrigins, strings.TrimRight(o, "/"))
		}
		return nil
	}},
	{"ask-rate", "HUSHDESK_ASK_RATE", "ask_rate", "30", "questions per minute one client address may ask (0: no limit)", func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return fmt.Errorf("ask-rate must be a whole number of questions per minute, not %q", v)
		}
		c.AskRate = n
		if n == 0 {
			c.AskRate = -1
		}
		return nil
	}},
	{"trust-proxy", "HUSHDESK_TRUST_PROXY", "trust_proxy", "false", "read client addresses from X-Forwarded-For (behind a reverse proxy)", func(c *Config, v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("trust-proxy must be true or false, not %q", v)
		}
		c.TrustProxy = b
		return nil
	}},
	{"webhook-url", "HUSHDESK_WEBHOOK_URL", "webhook_url", "", "tell this URL about hand-offs (signed JSON; secret in HUSHDESK_WEBHOOK_SECRET)", str(func(c *Config) *string { return &c.WebhookURL })},
	{"log-level", "HUSHDESK_LOG_LEVEL", "log_level", "info", "debug, info, warn or error", str(func(c *Config) *string { return &c.LogLevel })},
	{"log-format", "HUSHDESK_LOG_FORMAT", "log_format", "text", "text or json", str(func(c *Config) *string { return &c.LogFormat })},
}

// storeSettings are the settings of commands that only open the data
// directory (audit, subject): they have no model or server.
var storeSettings = []string{"data", "config", "log-level", "log-format"}

// newFlagSet returns a flag set for a command with the settings it uses:
// those named, or all when none are.
func newFlagSet(name string, stderr io.Writer, only ...string) *flag.FlagSet {
	fs := flag.NewFlagSet("hushdesk "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	for _, s := range settings {
		if len(only) == 0 || slices.Contains(only, s.flag) {
			fs.String(s.flag, s.def, s.help)
		}
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return fmt.Errorf("%w: see the flags above", errUsage)
		}
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	return nil
}

// loadConfig resolves every setting: flag, then environment, then config
// file, then default.
func loadConfig(fs *flag.FlagSet, getenv func(string) string) (Config, error) {
	var c Config
	explicit := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { explicit[f.Name] = true })
	value := func(s setting) (string, bool) {
		if explicit[s.flag] && fs.Lookup(s.flag) != nil {
			return fs.Lookup(s.flag).Value.String(), true
		}
		if v := getenv(s.env); v != "" {
			return v, true
		}
		return "", false
	}
	// The config file's own location comes from the flag or environment.
	file := ""
	for _, s := range settings {
		if s.flag == "config" {
			file, _ = value(s)
		}
	}
	fromFile := map[string]string{}
	if file != "" {
		var err error
		if fromFile, c.Policy, err = readConfigFile(file); err != nil {
			return c, err
		}
	}
	for _, s := range settings {
		v, ok := value(s)
		if !ok {
			if fv, inFile := fromFile[s.key]; inFile && s.key != "" {
				v = fv
			} else {
				v = s.def
			}
		}
		if err := s.set(&c, v); err != nil {
			return c, fmt.Errorf("%w: %w", errUsage, err)
		}
	}
	c.AdminToken = getenv("HUSHDESK_ADMIN_TOKEN")
	c.MasterKey = getenv("HUSHDESK_MASTER_KEY")
	c.WebhookSecret = getenv("HUSHDESK_WEBHOOK_SECRET")
	c.SubjectSecret = getenv("HUSHDESK_SUBJECT_SECRET")
	if c.WebhookURL != "" && c.WebhookSecret == "" {
		return c, fmt.Errorf("%w: webhook-url needs HUSHDESK_WEBHOOK_SECRET to sign what it sends", errUsage)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return c, fmt.Errorf("%w: log-format must be text or json, not %q", errUsage, c.LogFormat)
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return c, fmt.Errorf("%w: tls-cert and tls-key must be given together", errUsage)
	}
	return c, nil
}

// readConfigFile reads a YAML file of key: value settings and the
// optional "policy" section. Unknown keys are an error, so a misspelt
// setting is not silently ignored.
func readConfigFile(path string) (map[string]string, policy.Options, error) {
	var pol policy.Options
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, pol, fmt.Errorf("config file: %w", err)
	}
	raw := map[string]any{}
	if err := yaml.Unmarshal(b, &raw); err != nil {
		return nil, pol, fmt.Errorf("config file %s: %w", path, err)
	}
	known := map[string]bool{}
	for _, s := range settings {
		known[s.key] = true
	}
	out := map[string]string{}
	for k, v := range raw {
		if k == "policy" {
			section, err := yaml.Marshal(v)
			if err == nil {
				dec := yaml.NewDecoder(bytes.NewReader(section))
				dec.KnownFields(true)
				err = dec.Decode(&pol)
			}
			if err == nil {
				err = pol.Validate()
			}
			if err != nil {
				return nil, pol, fmt.Errorf("config file %s: policy: %w", path, err)
			}
			continue
		}
		if !known[k] || k == "" {
			return nil, pol, fmt.Errorf("config file %s: unknown setting %q", path, k)
		}
		out[k] = strings.TrimSpace(fmt.Sprint(v))
	}
	return out, pol, nil
}
