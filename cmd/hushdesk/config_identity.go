package main

import (
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/web"
)

// Identity is how people log in to the console and what they may do:
// single sign-on with an OpenID provider, the longest session, the
// actions that need a second officer, and the SIEM feed.
type Identity struct {
	// OIDCIssuer, OIDCClientID and OIDCRedirectURL configure single
	// sign-on; the client secret comes from HUSHDESK_OIDC_CLIENT_SECRET.
	OIDCIssuer, OIDCClientID, OIDCRedirectURL string
	OIDCClientSecret                          string
	// OIDCGroupsClaim is the ID token's claim that lists the person's
	// groups. Default "groups".
	OIDCGroupsClaim string
	// OIDCRoles maps the provider's groups to roles (and agents' teams).
	OIDCRoles []web.GroupRole
	// OIDCScopes are asked of the provider.
	OIDCScopes []string
	// SessionMax is the longest a console session lasts.
	SessionMax time.Duration
	// FourEyes names the actions that need a second officer's approval.
	FourEyes web.FourEyes
	// SIEMSyslog (host:port, TLS) and SIEMHTTPS (a URL) receive the audit
	// envelopes; SIEMCA is the CA that signed the collector's
	// certificate (default: the system's); the HTTPS collector's bearer
	// token comes from HUSHDESK_SIEM_TOKEN.
	SIEMSyslog, SIEMHTTPS, SIEMCA string
	SIEMToken                     string
}

// identitySettings are the settings of Identity, added to settings.
var identitySettings = []setting{
	{flag: "oidc-issuer", env: "HUSHDESK_OIDC_ISSUER", key: "oidc_issuer", help: "OpenID provider for console single sign-on (its issuer URL); client secret in HUSHDESK_OIDC_CLIENT_SECRET",
		set: func(c *Config, v string) error {
			if v != "" {
				if err := checkURL("oidc-issuer", v); err != nil {
					return err
				}
			}
			c.OIDCIssuer = strings.TrimRight(v, "/")
			return nil
		}},
	{flag: "oidc-client-id", env: "HUSHDESK_OIDC_CLIENT_ID", key: "oidc_client_id", help: "the console's client id at the OpenID provider",
		set: str(func(c *Config) *string { return &c.OIDCClientID })},
	{flag: "oidc-redirect-url", env: "HUSHDESK_OIDC_REDIRECT_URL", key: "oidc_redirect_url", help: "where the provider sends people back: https://YOUR-HOST/console/oidc/callback",
		set: func(c *Config, v string) error {
			if v != "" {
				if err := checkURL("oidc-redirect-url", v); err != nil {
					return err
				}
			}
			c.OIDCRedirectURL = v
			return nil
		}},
	{flag: "oidc-groups-claim", env: "HUSHDESK_OIDC_GROUPS_CLAIM", key: "oidc_groups_claim", def: "groups", help: "the ID token's claim that lists a person's groups",
		set: str(func(c *Config) *string { return &c.OIDCGroupsClaim })},
	{flag: "oidc-roles", env: "HUSHDESK_OIDC_ROLES", key: "oidc_roles", kind: kindList,
		help: "the provider's groups and the roles they give, comma-separated GROUP=ROLE or GROUP=agent:TEAM (support=agent, billing-desk=agent:billing, privacy=compliance, it-ops=admin)",
		set: func(c *Config, v string) error {
			c.OIDCRoles = nil
			for _, part := range strings.Split(v, ",") {
				if part = strings.TrimSpace(part); part == "" {
					continue
				}
				g, err := parseGroupRole(part)
				if err != nil {
					return err
				}
				c.OIDCRoles = append(c.OIDCRoles, g)
			}
			return nil
		}},
	{flag: "oidc-scopes", env: "HUSHDESK_OIDC_SCOPES", key: "oidc_scopes", kind: kindList, def: "openid,profile,email,offline_access",
		help: "scopes asked of the OpenID provider, comma-separated",
		set: func(c *Config, v string) error {
			c.OIDCScopes = nil
			for _, s := range strings.Split(v, ",") {
				if s = strings.TrimSpace(s); s != "" {
					c.OIDCScopes = append(c.OIDCScopes, s)
				}
			}
			return nil
		}},
	{flag: "session-max", env: "HUSHDESK_SESSION_MAX", key: "session_max", def: "8h", help: "the longest a console session lasts, from log-in (15m to 7d)",
		set: func(c *Config, v string) error {
			d, err := parseDays(v)
			if err != nil || d < 15*time.Minute || d > 7*24*time.Hour {
				return fmt.Errorf("session-max must be a duration from 15m to 7d, like 8h, not %q", v)
			}
			c.SessionMax = d
			return nil
		}},
	{flag: "four-eyes", env: "HUSHDESK_FOUR_EYES", key: "four_eyes", kind: kindList,
		help: "actions that need a second compliance officer's approval, comma-separated: erasure, hold-release",
		set: func(c *Config, v string) error {
			c.FourEyes = web.FourEyes{}
			for _, a := range strings.Split(v, ",") {
				switch strings.TrimSpace(a) {
				case "":
				case "erasure":
					c.FourEyes.Erasure = true
				case "hold-release":
					c.FourEyes.HoldRelease = true
				default:
					return fmt.Errorf("four-eyes takes erasure and hold-release, not %q", a)
				}
			}
			return nil
		}},
	{flag: "siem-syslog", env: "HUSHDESK_SIEM_SYSLOG", key: "siem_syslog", help: "send every audit envelope to this syslog collector (host:port) as RFC 5424 over TLS",
		set: func(c *Config, v string) error {
			if v != "" {
				if _, _, err := net.SplitHostPort(v); err != nil {
					return fmt.Errorf("siem-syslog must be host:port, not %q", v)
				}
			}
			c.SIEMSyslog = v
			return nil
		}},
	{flag: "siem-https", env: "HUSHDESK_SIEM_HTTPS", key: "siem_https", help: "POST every audit envelope to this HTTPS URL as JSON lines (bearer token in HUSHDESK_SIEM_TOKEN)",
		set: func(c *Config, v string) error {
			if v != "" && !strings.HasPrefix(v, "https://") {
				return fmt.Errorf("siem-https must be an https:// URL, not %q", v)
			}
			c.SIEMHTTPS = v
			return nil
		}},
	{flag: "siem-ca", env: "HUSHDESK_SIEM_CA", key: "siem_ca", help: "PEM file of the CA that signed the SIEM collector's certificate (default: the system's CAs)",
		set: str(func(c *Config) *string { return &c.SIEMCA })},
}

func init() { settings = append(settings, identitySettings...) }

// parseGroupRole reads GROUP=ROLE or GROUP=agent:TEAM.
func parseGroupRole(s string) (web.GroupRole, error) {
	group, rest, ok := strings.Cut(s, "=")
	group, rest = strings.TrimSpace(group), strings.TrimSpace(rest)
	if !ok || group == "" || rest == "" {
		return web.GroupRole{}, fmt.Errorf("oidc-roles entry %q must be GROUP=ROLE or GROUP=agent:TEAM", s)
	}
	name, team, _ := strings.Cut(rest, ":")
	r, err := role.Parse(name)
	if err != nil {
		return web.GroupRole{}, fmt.Errorf("oidc-roles entry %q: %w", s, err)
	}
	if team != "" && r != role.Agent {
		return web.GroupRole{}, fmt.Errorf("oidc-roles entry %q: only agents have teams", s)
	}
	return web.GroupRole{Group: group, Role: r, Team: team}, nil
}

func checkURL(name, v string) error {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("%s must be an http or https URL, not %q", name, v)
	}
	return nil
}

// loadIdentity reads the identity secrets from the environment and
// checks that the settings fit together.
func (c *Config) loadIdentity(getenv func(string) string) error {
	c.OIDCClientSecret = getenv("HUSHDESK_OIDC_CLIENT_SECRET")
	c.SIEMToken = getenv("HUSHDESK_SIEM_TOKEN")
	if c.OIDCIssuer == "" {
		if c.OIDCClientID != "" || c.OIDCRedirectURL != "" || len(c.OIDCRoles) > 0 {
			return fmt.Errorf("%w: the oidc settings need --oidc-issuer", errUsage)
		}
		return nil
	}
	switch {
	case c.OIDCClientID == "" || c.OIDCRedirectURL == "":
		return fmt.Errorf("%w: single sign-on needs --oidc-client-id and --oidc-redirect-url besides --oidc-issuer", errUsage)
	case len(c.OIDCRoles) == 0:
		return fmt.Errorf("%w: single sign-on needs --oidc-roles: which of the provider's groups give which role", errUsage)
	case !strings.HasSuffix(strings.TrimRight(c.OIDCRedirectURL, "/"), "/console/oidc/callback"):
		return fmt.Errorf("%w: oidc-redirect-url must end in /console/oidc/callback", errUsage)
	}
	return nil
}

// oidc is the single sign-on configuration for the server; nil without
// a provider.
func (c Config) oidc() *web.OIDC {
	if c.OIDCIssuer == "" {
		return nil
	}
	return &web.OIDC{Issuer: c.OIDCIssuer, ClientID: c.OIDCClientID, ClientSecret: c.OIDCClientSecret,
		RedirectURL: c.OIDCRedirectURL, GroupsClaim: c.OIDCGroupsClaim, Scopes: c.OIDCScopes, Groups: c.OIDCRoles}
}
