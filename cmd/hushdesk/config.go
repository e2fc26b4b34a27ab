package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/hushdesk/hushdesk/audit/pgstore"
	"github.com/hushdesk/hushdesk/inference/triage"
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
	// ChatKeep is how long a customer's browser keeps their conversation
	// across tabs and visits.
	ChatKeep       time.Duration
	MinConfidence  float64
	LogLevel       slog.Level
	LogFormat      string
	WebhookURL     string
	EmbedModel     string
	NameModel      string
	PersonalData   string
	WidgetOrigins  []string
	AskRate        int
	TrustProxy     bool
	TrustedProxies []netip.Prefix
	// Policy configures the hand-off triage (thresholds, teams); from the
	// config file's "policy" section only.
	Policy triage.Options
	// From the environment only: secrets never go in flags or files.
	AdminToken string
	MasterKey  string
	// MasterKeyFile names a file (mode 0600, outside the data directory)
	// holding the master key.
	MasterKeyFile string
	// Store is where the audit log lives: empty for the embedded store in
	// the data directory, a postgres:// URL for one shared by replicas.
	Store string
	// KEKFile names the file of versioned key-encryption keys of the
	// PostgreSQL store; KEKs gives them in HUSHDESK_KEKS instead.
	KEKFile string
	KEKs    string
	// AnchorFile is an append-only file, on another mount or machine, that
	// receives every checkpoint as it is signed.
	AnchorFile    string
	WebhookSecret string
	SubjectSecret string
}

// DefaultModel is the chat model used when none is configured: a small
// multilingual instruct model.
const DefaultModel = "qwen2.5:3b-instruct"

// kind is how a setting's value is written.
type kind uint8

const (
	kindString kind = iota
	kindBool        // a flag that needs no value: --trust-proxy
	kindList        // comma-separated in flags and the environment, a list in the file
)

// setting describes one configurable value and where it can come from:
// flag, then environment, then config file, then default.
type setting struct {
	flag, env, key, def, help string
	kind                      kind
	set                       func(c *Config, v string) error
}

func str(p func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error { *p(c) = v; return nil }
}

var settings = []setting{
	{flag: "data", env: "HUSHDESK_DATA", key: "data", def: "./data", help: "data directory (audit store, index, keys)", set: str(func(c *Config) *string { return &c.Data })},
	{flag: "addr", env: "HUSHDESK_ADDR", key: "addr", def: "127.0.0.1:8080", help: "listen address", set: str(func(c *Config) *string { return &c.Addr })},
	{flag: "ollama", env: "OLLAMA_HOST", key: "ollama", def: "http://127.0.0.1:11434", help: "Ollama server", set: str(func(c *Config) *string { return &c.Ollama })},
	{flag: "model", env: "HUSHDESK_MODEL", key: "model", def: DefaultModel, help: "chat model", set: str(func(c *Config) *string { return &c.Model })},
	{flag: "config", env: "HUSHDESK_CONFIG", help: "config file (YAML)", set: str(func(c *Config) *string { return &c.ConfigFile })},
	{flag: "tls-cert", env: "HUSHDESK_TLS_CERT", key: "tls_cert", help: "TLS certificate file", set: str(func(c *Config) *string { return &c.TLSCert })},
	{flag: "tls-key", env: "HUSHDESK_TLS_KEY", key: "tls_key", help: "TLS key file", set: str(func(c *Config) *string { return &c.TLSKey })},
	{flag: "company", env: "HUSHDESK_COMPANY", key: "company", def: "Larkspur Home", help: "organisation name shown to customers", set: str(func(c *Config) *string { return &c.Company })},
	{flag: "max-question-chars", env: "HUSHDESK_MAX_QUESTION_CHARS", key: "max_question_chars", def: "4000", help: "longest question accepted, in characters",
		set: func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return fmt.Errorf("max-question-chars must be a positive whole number, not %q", v)
			}
			c.MaxQuestionChars = n
			return nil
		}},
	{flag: "chat-keep", env: "HUSHDESK_CHAT_KEEP", key: "chat_keep", def: "24h", help: "how long a customer's browser keeps their conversation across tabs and visits (90m, 24h, 7d; 0: this tab only)",
		set: func(c *Config, v string) error {
			d, err := parseDays(v)
			if err != nil || d < 0 || d > 90*24*time.Hour {
				return fmt.Errorf("chat-keep must be a duration from 0 to 90d, like 24h or 7d, not %q", v)
			}
			c.ChatKeep = d
			return nil
		}},
	{flag: "store", env: "HUSHDESK_STORE", key: "store", help: "where the audit log lives: empty for the embedded store in the data directory, or a postgres:// URL shared by every replica (password in the URL, PGPASSWORD or ~/.pgpass)",
		set: func(c *Config, v string) error {
			if v != "" && !pgstore.IsURL(v) {
				return fmt.Errorf("store must be empty or a postgres:// URL, not %q", redactURL(v))
			}
			c.Store = v
			return nil
		}},
	{flag: "kek-file", env: "HUSHDESK_KEK_FILE", key: "kek_file", help: "with a PostgreSQL store: file of versioned key-encryption keys (mode 0600, outside the database and its backups); audit rotate-kek writes it",
		set: str(func(c *Config) *string { return &c.KEKFile })},
	{flag: "anchor-file", env: "HUSHDESK_ANCHOR_FILE", key: "anchor_file", help: "append-only file, on another mount or machine, that receives every signed checkpoint (audit verify --anchor checks against it)",
		set: str(func(c *Config) *string { return &c.AnchorFile })},
	{flag: "min-confidence", env: "HUSHDESK_MIN_CONFIDENCE", key: "min_confidence", def: "0.3", help: "retrieval confidence below which the assistant abstains (0-1)",
		set: func(c *Config, v string) error {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < 0 || f > 1 {
				return fmt.Errorf("min-confidence must be a number from 0 to 1, not %q", v)
			}
			c.MinConfidence = f
			return nil
		}},
	{flag: "embed-model", env: "HUSHDESK_EMBED_MODEL", key: "embed_model", help: "Ollama embedding model for hybrid search (empty: words only)", set: str(func(c *Config) *string { return &c.EmbedModel })},
	{flag: "name-model", env: "HUSHDESK_NAME_MODEL", key: "name_model", help: "Ollama model for the model-assisted pass for names in questions (empty: rules only)", set: str(func(c *Config) *string { return &c.NameModel })},
	{flag: "personal-data", env: "HUSHDESK_PERSONAL_DATA", key: "personal_data", def: "redact", help: "a knowledge-base document holding personal data is indexed redacted (redact) or refused (refuse)",
		set: func(c *Config, v string) error {
			if v != "redact" && v != "refuse" {
				return fmt.Errorf("personal-data must be redact or refuse, not %q", v)
			}
			c.PersonalData = v
			return nil
		}},
	{flag: "widget-origins", env: "HUSHDESK_WIDGET_ORIGINS", key: "widget_origins", kind: kindList, help: "sites that may embed the chat widget, comma-separated (https://www.example.com)",
		set: func(c *Config, v string) error {
			c.WidgetOrigins = nil
			for _, o := range strings.Split(v, ",") {
				if o = strings.TrimSpace(o); o == "" {
					continue
				}
				if !strings.HasPrefix(o, "https://") && !strings.HasPrefix(o, "http://") || strings.Count(strings.TrimRight(o, "/"), "/") > 2 {
					return fmt.Errorf("widget origin %q must be a scheme and host, like https://www.example.com", o)
				}
				c.WidgetOrigins = append(c.WidgetOrigins, strings.TrimRight(o, "/"))
			}
			return nil
		}},
	{flag: "ask-rate", env: "HUSHDESK_ASK_RATE", key: "ask_rate", def: "30", help: "questions per minute one client address may ask (0: no limit)",
		set: func(c *Config, v string) error {
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
	{flag: "trust-proxy", env: "HUSHDESK_TRUST_PROXY", key: "trust_proxy", def: "false", kind: kindBool, help: "read client addresses from X-Forwarded-For (behind a reverse proxy)",
		set: func(c *Config, v string) error {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("trust-proxy must be true or false, not %q", v)
			}
			c.TrustProxy = b
			return nil
		}},
	{flag: "trusted-proxies", env: "HUSHDESK_TRUSTED_PROXIES", key: "trusted_proxies", def: "127.0.0.0/8,::1/128", kind: kindList,
		help: "addresses of the reverse proxies whose X-Forwarded-For is believed, comma-separated (CIDR)",
		set: func(c *Config, v string) error {
			c.TrustedProxies = nil
			for _, part := range strings.Split(v, ",") {
				if part = strings.TrimSpace(part); part == "" {
					continue
				}
				p, err := netip.ParsePrefix(part)
				if err != nil {
					a, aerr := netip.ParseAddr(part)
					if aerr != nil {
						return fmt.Errorf("trusted proxy %q must be an address or a CIDR range (10.0.0.5, 10.0.0.0/24)", part)
					}
					p = netip.PrefixFrom(a, a.BitLen())
				}
				c.TrustedProxies = append(c.TrustedProxies, p.Masked())
			}
			return nil
		}},
	{flag: "webhook-url", env: "HUSHDESK_WEBHOOK_URL", key: "webhook_url", help: "tell this URL about hand-offs (signed JSON; secret in HUSHDESK_WEBHOOK_SECRET)", set: str(func(c *Config) *string { return &c.WebhookURL })},
	{flag: "log-level", env: "HUSHDESK_LOG_LEVEL", key: "log_level", def: "info", help: "debug, info, warn or error",
		set: func(c *Config, v string) error {
			if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
				return fmt.Errorf("log-level must be debug, info, warn or error, not %q", v)
			}
			return nil
		}},
	{flag: "log-format", env: "HUSHDESK_LOG_FORMAT", key: "log_format", def: "text", help: "text or json",
		set: func(c *Config, v string) error {
			if v != "text" && v != "json" {
				return fmt.Errorf("log-format must be text or json, not %q", v)
			}
			c.LogFormat = v
			return nil
		}},
}

// storeSettings are the settings of commands that only open the data
// directory (audit, subject): they have no model or server.
var storeSettings = []string{"data", "config", "log-level", "log-format", "store", "kek-file"}

// settingFlag is a setting as a command-line flag: its value is checked
// when the flag is parsed, and a boolean one needs no value.
type settingFlag struct {
	s   *setting
	raw string
	set bool
}

func (f *settingFlag) String() string {
	if f == nil || f.s == nil {
		return ""
	}
	if f.set {
		return f.raw
	}
	return f.s.def
}

func (f *settingFlag) Set(v string) error {
	if err := f.s.set(&Config{}, v); err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), f.s.flag+" "))
	}
	f.raw, f.set = v, true
	return nil
}

// IsBoolFlag lets a boolean setting be given as --trust-proxy alone.
func (f *settingFlag) IsBoolFlag() bool { return f.s.kind == kindBool }

// newFlagSet returns a flag set for a command with the settings it uses:
// those named, or all when none are.
func newFlagSet(name string, stderr io.Writer, only ...string) *flag.FlagSet {
	fs := flag.NewFlagSet("hushdesk "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	for i := range settings {
		s := &settings[i]
		if len(only) == 0 || slices.Contains(only, s.flag) {
			fs.Var(&settingFlag{s: s}, s.flag, s.help)
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
	explicit := map[string]string{}
	fs.Visit(func(f *flag.Flag) {
		if sf, ok := f.Value.(*settingFlag); ok {
			explicit[f.Name] = sf.raw
		}
	})
	file := getenv("HUSHDESK_CONFIG")
	if v, ok := explicit["config"]; ok {
		file = v
	}
	var fromFile map[string]yaml.Node
	if file != "" {
		var err error
		if fromFile, c.Policy, err = readConfigFile(file); err != nil {
			return c, fmt.Errorf("%w: %w", errUsage, err)
		}
	}
	for i := range settings {
		s := &settings[i]
		var err error
		switch v, byFlag := explicit[s.flag]; {
		case byFlag:
			err = s.set(&c, v)
		case getenv(s.env) != "":
			err = s.set(&c, getenv(s.env))
		case fromFile[s.key].Kind != 0 && s.key != "":
			err = s.setYAML(&c, file, fromFile[s.key])
		default:
			err = s.set(&c, s.def)
		}
		if err != nil {
			return c, fmt.Errorf("%w: %w", errUsage, err)
		}
	}
	c.AdminToken = getenv("HUSHDESK_ADMIN_TOKEN")
	c.MasterKey = getenv("HUSHDESK_MASTER_KEY")
	c.MasterKeyFile = getenv("HUSHDESK_MASTER_KEY_FILE")
	c.KEKs = getenv("HUSHDESK_KEKS")
	if c.MasterKey != "" && c.MasterKeyFile != "" {
		return c, fmt.Errorf("%w: give the master key in HUSHDESK_MASTER_KEY or HUSHDESK_MASTER_KEY_FILE, not both", errUsage)
	}
	c.WebhookSecret = getenv("HUSHDESK_WEBHOOK_SECRET")
	c.SubjectSecret = getenv("HUSHDESK_SUBJECT_SECRET")
	if c.WebhookURL != "" && c.WebhookSecret == "" {
		return c, fmt.Errorf("%w: webhook-url needs HUSHDESK_WEBHOOK_SECRET to sign what it sends", errUsage)
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return c, fmt.Errorf("%w: tls-cert and tls-key must be given together", errUsage)
	}
	return c, nil
}

// setYAML sets a setting from its node in the config file: a list for a
// list setting (or one comma-separated string), a single value otherwise.
func (s *setting) setYAML(c *Config, file string, n yaml.Node) error {
	switch {
	case n.Kind == yaml.SequenceNode && s.kind == kindList:
		var items []string
		if err := n.Decode(&items); err != nil {
			return fmt.Errorf("config file %s: %s (line %d) must be a list of strings", file, s.key, n.Line)
		}
		return s.set(c, strings.Join(items, ","))
	case n.Kind != yaml.ScalarNode:
		return fmt.Errorf("config file %s: %s (line %d) takes one value, not a list or a section", file, s.key, n.Line)
	}
	if err := s.set(c, n.Value); err != nil {
		return fmt.Errorf("config file %s: line %d: %w", file, n.Line, err)
	}
	return nil
}

// readConfigFile reads a YAML file of settings and the optional "policy"
// section. An unknown key is an error naming it, so a misspelt setting is
// not silently ignored.
func readConfigFile(path string) (map[string]yaml.Node, triage.Options, error) {
	var pol triage.Options
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, pol, fmt.Errorf("config file: %w", err)
	}
	var raw map[string]yaml.Node
	if err := yaml.Unmarshal(b, &raw); err != nil {
		return nil, pol, fmt.Errorf("config file %s: %w", path, err)
	}
	known := map[string]bool{}
	for _, s := range settings {
		known[s.key] = s.key != ""
	}
	for k, n := range raw {
		switch {
		case k == "policy":
			section, err := yaml.Marshal(&n)
			if err == nil {
				dec := yaml.NewDecoder(bytes.NewReader(section))
				dec.KnownFields(true) // a misspelt threshold or team is an error too
				err = dec.Decode(&pol)
			}
			if err != nil {
				return nil, pol, fmt.Errorf("config file %s: policy: %w", path, err)
			}
			if err := pol.Validate(); err != nil {
				return nil, pol, fmt.Errorf("config file %s: policy: %w", path, err)
			}
		case !known[k]:
			return nil, pol, fmt.Errorf("config file %s: unknown setting %q (line %d)", path, k, n.Line)
		}
	}
	return raw, pol, nil
}

// parseDays reads a duration as Go writes it (90m, 24h), or a number of
// days (7d).
func parseDays(v string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(v, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil {
			return 0, err
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	return time.ParseDuration(v)
}
