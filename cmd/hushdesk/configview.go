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
		"max_question_chars": c.MaxQuestionChars,
		"chat_keep":          c.ChatKeep.String(),
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
		"store":              storeView(c.Store),
		"kek_file":           c.KEKFile,
		"webhook_secret":     set(c.WebhookSecret),
		"subject_secret":     set(c.SubjectSecret),
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
