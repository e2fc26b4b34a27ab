package main

import (
	"cmp"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/inference/ollama"
	"github.com/hushdesk/hushdesk/web"
)

// view is the configuration as admins may see it: every setting that is
// set, written as people read it, with the secrets only said to be set
// or not. Settings left empty are not listed, and internal values (a rate
// of -1) are said in words.
func (c Config) view() map[string]any {
	set := func(s string) string {
		if s == "" {
			return "not set"
		}
		return "set"
	}
	askRate := fmt.Sprintf("%d questions a minute per client", c.AskRate)
	if c.AskRate < 0 {
		askRate = "no limit"
	}
	keep := c.ChatKeep.String()
	if c.ChatKeep == 0 {
		keep = "this tab only"
	}
	proxies := make([]string, len(c.TrustedProxies))
	for i, p := range c.TrustedProxies {
		proxies[i] = p.String()
	}
	v := map[string]any{
		"data":               c.Data,
		"addr":               c.Addr,
		"ollama":             c.Ollama,
		"model_digest":       c.ModelDigest,
		"model":              c.Model,
		"embed_model":        c.EmbedModel,
		"name_model":         c.NameModel,
		"config_file":        c.ConfigFile,
		"tls":                yesNo(c.TLSCert != ""),
		"company":            c.Company,
		"sample":             c.Sample,
		"vocabulary":         c.Vocabulary,
		"max_question_chars": c.MaxQuestionChars,
		"max_answer_tokens":  cmp.Or(c.MaxAnswerTokens, ollama.DefaultMaxAnswerTokens),
		"max_answer_time":    cmp.Or(c.MaxAnswerTime, ollama.DefaultMaxAnswerTime).String(),
		"chat_keep":          keep,
		"public_contacts":    c.PublicContacts,
		"min_confidence":     c.MinConfidence,
		"personal_data":      c.PersonalData,
		"widget_origins":     strings.Join(c.WidgetOrigins, ", "),
		"ask_rate":           askRate,
		"trust_proxy":        yesNo(c.TrustProxy),
		"drain_delay":        drainDelay(c.DrainDelay),
		"webhook_url":        c.WebhookURL,
		"log_level":          c.LogLevel.String(),
		"log_format":         c.LogFormat,
		"admin_token":        set(c.AdminToken),
		"master_key":         masterKeyFrom(c),
		"anchor_file":        c.AnchorFile,
		"store":              storeView(c.Store),
		"kek_file":           c.KEKFile,
		"subject_secret":     set(c.SubjectSecret),
		"oidc_issuer":        c.OIDCIssuer,
		"oidc_client_id":     c.OIDCClientID,
		"oidc_client_secret": set(c.OIDCClientSecret),
		"oidc_redirect_url":  c.OIDCRedirectURL,
		"oidc_groups_claim":  c.OIDCGroupsClaim,
		"oidc_roles":         c.OIDCRoles,
		"oidc_scopes":        c.OIDCScopes,
		"session_max":        cmp.Or(c.SessionMax, 8*time.Hour).String(),
		"four_eyes":          fourEyes(c.FourEyes),
		"siem_syslog":        c.SIEMSyslog,
		"siem_https":         c.SIEMHTTPS,
		"siem_ca":            c.SIEMCA,
		"siem_token":         set(c.SIEMToken),
		"public_url":         c.PublicURL,
		"smtp":               withoutPassword(c.SMTP),
	}
	if c.TrustProxy {
		v["trusted_proxies"] = strings.Join(proxies, ", ")
	}
	if c.WebhookURL != "" {
		v["webhook_secret"] = set(c.WebhookSecret)
	}
	if c.SMTP != "" {
		v["smtp_from"], v["smtp_ca"], v["smtp_timeout"], v["smtp_password"] = c.SMTPFrom, c.SMTPCA, c.SMTPTimeout.String(), set(c.SMTPPassword)
	}
	if !reflect.ValueOf(c.Policy).IsZero() {
		v["policy"] = c.Policy
	}
	if ts, err := c.teamSet(); err == nil {
		var teams []string
		for _, t := range ts.All() {
			s := t.Name + ": reply within " + t.TargetReply.String()
			if len(t.Languages) > 0 {
				s += fmt.Sprintf(", in %v", t.Languages)
			}
			if !t.Hours.Always() {
				s += ", " + t.Hours.String() + " " + t.Hours.Location().String()
			}
			teams = append(teams, s)
		}
		v["teams"] = strings.Join(teams, "; ")
	}
	for k, x := range v {
		rv := reflect.ValueOf(x)
		switch {
		case x == nil, rv.Kind() == reflect.String && rv.Len() == 0, rv.Kind() == reflect.Slice && rv.Len() == 0:
			delete(v, k) // no empty rows
		}
	}
	return v
}

// fourEyes names the actions that need a second officer's approval.
// withoutPassword is a URL with the password it may hold (the mail
// relay's may be written in it) shown as xxxxx.
func withoutPassword(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(not a URL)"
	}
	return u.Redacted()
}

func fourEyes(f web.FourEyes) string {
	var out []string
	if f.Erasure {
		out = append(out, "erasure")
	}
	if f.HoldRelease {
		out = append(out, "releasing a legal hold")
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

// drainDelay says how a stop goes.
func drainDelay(d time.Duration) string {
	if d == 0 {
		return "none: stops at once"
	}
	return d.String() + " with /readyz answering 503 before stopping"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// masterKeyFrom says where the master key comes from, never the key.
func masterKeyFrom(c Config) string {
	switch {
	case c.MasterKey != "":
		return "from HUSHDESK_MASTER_KEY"
	case c.MasterKeyFile != "":
		return "from the file in HUSHDESK_MASTER_KEY_FILE"
	}
	return "master.key in the data directory"
}
