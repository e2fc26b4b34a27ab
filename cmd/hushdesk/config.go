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
	"github.com/hushdesk/hushdesk/inference/ollama"
	"github.com/hushdesk/hushdesk/inference/team"
	"github.com/hushdesk/hushdesk/inference/triage"
	"github.com/hushdesk/hushdesk/retrieval/kb"
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
	Sample           string // the sample help centre an empty knowledge base is given
	Vocabulary       string // the folder of the company's vocabulary files
	MaxQuestionChars int
	// MaxAnswerTokens and MaxAnswerTime cap one answer of the chat model:
	// what it may write, and how long it may take from the request to
	// the last token. An answer cut at either is recorded as capped.
	MaxAnswerTokens int
	MaxAnswerTime   time.Duration
	// DrainDelay is how long the server goes on serving, with /readyz
	// answering 503, once told to stop, so that a load balancer notices
	// first; 0 stops at once.
	DrainDelay time.Duration
	// PublicContacts are the company's own published contacts: domains
	// ("larkspur.example"), e-mail addresses and phone numbers kept as
	// written wherever they appear.
	PublicContacts []string
	// ChatKeep is how long a customer's browser keeps their conversation
	// across tabs and visits.
	ChatKeep      time.Duration
	MinConfidence float64
	LogLevel      slog.Level
	LogFormat     string
	WebhookURL    string
	EmbedModel    string
	NameModel     string
	// ModelDigest pins the chat model's build across the model hosts.
	ModelDigest    string
	PersonalData   string
	WidgetOrigins  []string
	AskRate        int
	TrustProxy     bool
	TrustedProxies []netip.Prefix
	// Policy configures the hand-off triage (thresholds, teams); from the
	// config file's "policy" section only.
	Policy triage.Options
	// Teams are the teams' languages, target reply times and office
	// hours; from the config file's "teams" section only.
	Teams map[string]team.Config
	// PublicURL is where customers reach the chat page, for the link
	// back to their conversation in e-mailed replies.
	PublicURL string
	// SMTP is the mail relay for agents' replies to customers who asked
	// for them by e-mail (smtp://user@host:587 for STARTTLS,
	// smtps://user@host:465 for TLS); empty offers no e-mail.
	SMTP        string
	SMTPFrom    string
	SMTPCA      string
	SMTPTimeout time.Duration
	// mailBackoff is the wait before the first retry of an e-mail (0: the
	// outbox's default); tests shorten it.
	mailBackoff time.Duration
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
	// Identity is single sign-on, sessions, four-eyes and the SIEM feed.
	Identity
	SMTPPassword string
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
	{flag: "ollama", env: "OLLAMA_HOST", key: "ollama", def: "http://127.0.0.1:11434", help: "Ollama server; several, comma-separated, share the answers (healthy hosts serving the pinned build, least busy first)",
		set: func(c *Config, v string) error {
			var hosts []string
			for _, h := range strings.Split(v, ",") {
				if h = strings.TrimSpace(h); h != "" {
					if _, err := ollama.ParseHost(h); err != nil {
						return err
					}
					hosts = append(hosts, h)
				}
			}
			if len(hosts) == 0 {
				return fmt.Errorf("ollama needs at least one address")
			}
			c.Ollama = strings.Join(hosts, ",")
			return nil
		}},
	{flag: "model-digest", env: "HUSHDESK_MODEL_DIGEST", key: "model_digest", help: "the chat model's digest (sha256:...) every answer must come from; empty: the digest the first host serves at start",
		set: str(func(c *Config) *string { return &c.ModelDigest })},
	{flag: "model", env: "HUSHDESK_MODEL", key: "model", def: DefaultModel, help: "chat model", set: str(func(c *Config) *string { return &c.Model })},
	{flag: "config", env: "HUSHDESK_CONFIG", help: "config file (YAML)", set: str(func(c *Config) *string { return &c.ConfigFile })},
	{flag: "tls-cert", env: "HUSHDESK_TLS_CERT", key: "tls_cert", help: "TLS certificate file", set: str(func(c *Config) *string { return &c.TLSCert })},
	{flag: "tls-key", env: "HUSHDESK_TLS_KEY", key: "tls_key", help: "TLS key file", set: str(func(c *Config) *string { return &c.TLSKey })},
	{flag: "company", env: "HUSHDESK_COMPANY", key: "company", help: "organisation name shown to customers (default: the sample's company)", set: str(func(c *Config) *string { return &c.Company })},
	{flag: "sample", env: "HUSHDESK_SAMPLE", key: "sample", def: kb.DefaultSample, help: "sample help centre loaded into an empty knowledge base: " + strings.Join(kb.SampleNames(), " or "),
		set: func(c *Config, v string) error {
			if _, err := kb.Sample(v); err != nil {
				return fmt.Errorf("sample must be one of %s, not %q", strings.Join(kb.SampleNames(), ", "), v)
			}
			c.Sample = v
			return nil
		}},
	{flag: "vocabulary", env: "HUSHDESK_VOCABULARY", key: "vocabulary", help: "folder of vocabulary files (YAML) read on start and by a reindex (default: vocabulary in the data directory)", set: str(func(c *Config) *string { return &c.Vocabulary })},
	{flag: "max-question-chars", env: "HUSHDESK_MAX_QUESTION_CHARS", key: "max_question_chars", def: "4000", help: "longest question accepted, in characters",
		set: func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return fmt.Errorf("max-question-chars must be a positive whole number, not %q", v)
			}
			c.MaxQuestionChars = n
			return nil
		}},
	{flag: "max-answer-tokens", env: "HUSHDESK_MAX_ANSWER_TOKENS", key: "max_answer_tokens", def: strconv.Itoa(ollama.DefaultMaxAnswerTokens), help: "most tokens the chat model may write in one answer (an answer cut there is recorded as capped)",
		set: func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return fmt.Errorf("max-answer-tokens must be a positive whole number, not %q", v)
			}
			c.MaxAnswerTokens = n
			return nil
		}},
	{flag: "max-answer-time", env: "HUSHDESK_MAX_ANSWER_TIME", key: "max_answer_time", def: ollama.DefaultMaxAnswerTime.String(), help: "longest one answer of the chat model may take, from the request to the last token (90s, 2m)",
		set: func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				return fmt.Errorf("max-answer-time must be a duration greater than 0, like 90s or 2m, not %q", v)
			}
			c.MaxAnswerTime = d
			return nil
		}},
	{flag: "public-contacts", env: "HUSHDESK_PUBLIC_CONTACTS", key: "public_contacts", kind: kindList,
		help: "the company's own domains, e-mail addresses and phone numbers, comma-separated: never redacted (larkspur.example,+45 70 12 34 56)",
		set: func(c *Config, v string) error {
			c.PublicContacts = nil
			for _, x := range strings.Split(v, ",") {
				if x = strings.TrimSpace(x); x != "" {
					c.PublicContacts = append(c.PublicContacts, x)
				}
			}
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
	{flag: "drain-delay", env: "HUSHDESK_DRAIN_DELAY", key: "drain_delay", def: "0s", help: "once told to stop, how long to go on serving with /readyz answering 503, so that a load balancer stops sending requests first (5s behind one; 0: stop at once)",
		set: func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil || d < 0 || d > maxDrainDelay {
				return fmt.Errorf("drain-delay must be a duration from 0 to %s, like 5s, not %q", maxDrainDelay, v)
			}
			c.DrainDelay = d
			return nil
		}},
	{flag: "webhook-url", env: "HUSHDESK_WEBHOOK_URL", key: "webhook_url", help: "tell this URL about hand-offs (signed JSON; secret in HUSHDESK_WEBHOOK_SECRET)", set: str(func(c *Config) *string { return &c.WebhookURL })},
	{flag: "public-url", env: "HUSHDESK_PUBLIC_URL", key: "public_url", help: "the chat page's public address (https://support.example.com), for the link back to the conversation in e-mailed replies",
		set: func(c *Config, v string) error {
			if v != "" && !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") {
				return fmt.Errorf("public-url must be an http or https address, not %q", v)
			}
			c.PublicURL = strings.TrimRight(v, "/")
			return nil
		}},
	{flag: "smtp", env: "HUSHDESK_SMTP", key: "smtp", help: "mail relay for agents' replies by e-mail: smtp://user@host:587 (STARTTLS) or smtps://user@host:465 (TLS); password in HUSHDESK_SMTP_PASSWORD",
		set: func(c *Config, v string) error {
			if v != "" && !strings.HasPrefix(v, "smtp://") && !strings.HasPrefix(v, "smtps://") {
				return fmt.Errorf("smtp must be smtp://[user@]host:port (STARTTLS) or smtps://[user@]host:port (TLS), not %q", v)
			}
			c.SMTP = v
			return nil
		}},
	{flag: "smtp-from", env: "HUSHDESK_SMTP_FROM", key: "smtp_from", help: "sender address of e-mailed replies (support@example.com)", set: str(func(c *Config) *string { return &c.SMTPFrom })},
	{flag: "smtp-ca", env: "HUSHDESK_SMTP_CA", key: "smtp_ca", help: "PEM file of the certificate authority the mail relay's certificate is checked against (empty: the system's)", set: str(func(c *Config) *string { return &c.SMTPCA })},
	{flag: "smtp-timeout", env: "HUSHDESK_SMTP_TIMEOUT", key: "smtp_timeout", def: "30s", help: "how long one delivery to the mail relay may take before it is retried",
		set: func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				return fmt.Errorf("smtp-timeout must be a duration like 30s, not %q", v)
			}
			c.SMTPTimeout = d
			return nil
		}},
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

// maxDrainDelay bounds the drain delay: a stop should not wait for
// longer than a service manager does (systemd's default is 90 s).
const maxDrainDelay = time.Minute

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
		if fromFile, c.Policy, c.Teams, err = readConfigFile(file); err != nil {
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
	c.SMTPPassword = getenv("HUSHDESK_SMTP_PASSWORD")
	if c.SMTP != "" && c.SMTPFrom == "" {
		return c, fmt.Errorf("%w: smtp needs smtp-from, the address replies are sent from", errUsage)
	}
	if c.WebhookURL != "" && c.WebhookSecret == "" {
		return c, fmt.Errorf("%w: webhook-url needs HUSHDESK_WEBHOOK_SECRET to sign what it sends", errUsage)
	}
	if err := c.loadIdentity(getenv); err != nil {
		return c, err
	}
	if _, err := c.teamSet(); err != nil {
		return c, fmt.Errorf("%w: config file %s: teams: %w", errUsage, file, err)
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
// and "teams" sections. An unknown key is an error naming it, so a
// misspelt setting is not silently ignored.
func readConfigFile(path string) (map[string]yaml.Node, triage.Options, map[string]team.Config, error) {
	var pol triage.Options
	var teams map[string]team.Config
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, pol, nil, fmt.Errorf("config file: %w", err)
	}
	var raw map[string]yaml.Node
	if err := yaml.Unmarshal(b, &raw); err != nil {
		return nil, pol, nil, fmt.Errorf("config file %s: %w", path, err)
	}
	known := map[string]bool{}
	for _, s := range settings {
		known[s.key] = s.key != ""
	}
	// strict decodes a section, refusing misspelt keys.
	strict := func(n yaml.Node, v any) error {
		section, err := yaml.Marshal(&n)
		if err == nil {
			dec := yaml.NewDecoder(bytes.NewReader(section))
			dec.KnownFields(true)
			err = dec.Decode(v)
		}
		return err
	}
	for k, n := range raw {
		switch {
		case k == "policy":
			if err := strict(n, &pol); err != nil {
				return nil, pol, nil, fmt.Errorf("config file %s: policy: %w", path, err)
			}
			if err := pol.Validate(); err != nil {
				return nil, pol, nil, fmt.Errorf("config file %s: policy: %w", path, err)
			}
		case k == "teams":
			if err := strict(n, &teams); err != nil {
				return nil, pol, nil, fmt.Errorf("config file %s: teams: %w", path, err)
			}
		case !known[k]:
			return nil, pol, nil, fmt.Errorf("config file %s: unknown setting %q (line %d)", path, k, n.Line)
		}
	}
	return raw, pol, teams, nil
}

// teamSet checks the teams section against the teams hand-offs are
// routed to.
func (c Config) teamSet() (*team.Set, error) {
	pol := c.Policy
	names := []string{}
	teams := pol.Teams
	if teams == nil {
		teams = triage.DefaultTeams()
	}
	for n := range teams {
		names = append(names, n)
	}
	def := pol.DefaultTeam
	if def == "" {
		def = triage.DefaultTeam
	}
	if !slices.Contains(names, def) {
		names = append(names, def)
	}
	for _, t := range pol.TriggerTeams {
		if !slices.Contains(names, t) {
			names = append(names, t)
		}
	}
	if pol.TriggerTeams == nil {
		for _, t := range triage.DefaultTriggerTeams() {
			if !slices.Contains(names, t) {
				names = append(names, t)
			}
		}
	}
	return team.NewSet(names, c.Teams)
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

// ollamaHosts are the model hosts; the first also serves embeddings and
// the name model.
func (c Config) ollamaHosts() []string { return strings.Split(c.Ollama, ",") }
