package main

// view is the configuration as admins may see it: every setting, with the
// secrets only said to be set or not.
func (c Config) view() map[string]any {
	set := func(s string) string {
		if s == "" {
			return "not set"
		}
		return "set"
	}
	return map[string]any{
		"data":               c.Data,
		"addr":               c.Addr,
		"ollama":             c.Ollama,
		"model":              c.Model,
		"embed_model":        c.EmbedModel,
		"name_model":         c.NameModel,
		"config_file":        c.ConfigFile,
		"tls":                c.TLSCert != "",
		"company":            c.Company,
		"sample":             c.Sample,
		"vocabulary":         c.Vocabulary,
		"max_question_chars": c.MaxQuestionChars,
		"chat_keep":          c.ChatKeep.String(),
		"public_contacts":    c.PublicContacts,
		"min_confidence":     c.MinConfidence,
		"personal_data":      c.PersonalData,
		"widget_origins":     c.WidgetOrigins,
		"ask_rate":           c.AskRate,
		"trust_proxy":        c.TrustProxy,
		"trusted_proxies":    c.TrustedProxies,
		"webhook_url":        c.WebhookURL,
		"log_level":          c.LogLevel.String(),
		"log_format":         c.LogFormat,
		"policy":             c.Policy,
		"admin_token":        set(c.AdminToken),
		"master_key":         masterKeyFrom(c),
		"anchor_file":        c.AnchorFile,
		"webhook_secret":     set(c.WebhookSecret),
		"subject_secret":     set(c.SubjectSecret),
		"oidc_issuer":        c.OIDCIssuer,
		"oidc_client_id":     c.OIDCClientID,
		"oidc_client_secret": set(c.OIDCClientSecret),
		"oidc_redirect_url":  c.OIDCRedirectURL,
		"oidc_groups_claim":  c.OIDCGroupsClaim,
		"oidc_roles":         c.OIDCRoles,
		"oidc_scopes":        c.OIDCScopes,
		"session_max":        c.SessionMax.String(),
		"four_eyes":          c.FourEyes,
		"siem_syslog":        c.SIEMSyslog,
		"siem_https":         c.SIEMHTTPS,
		"siem_ca":            c.SIEMCA,
		"siem_token":         set(c.SIEMToken),
	}
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
