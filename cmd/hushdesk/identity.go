package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/siem"
)

// openFeeds builds the SIEM feeds that are configured, each with its
// cursor in the data directory.
func (m *Main) openFeeds() error {
	if m.Config.SIEMSyslog == "" && m.Config.SIEMHTTPS == "" {
		return nil
	}
	tlsCfg, err := siem.TLSConfig(m.Config.SIEMCA)
	if err != nil {
		return err
	}
	add := func(name string, sink siem.Sink) error {
		f, err := siem.New(siem.Options{Source: m.Audit, Sink: sink, Name: name, Logger: m.Log,
			Cursor: filepath.Join(m.Config.Data, "siem-"+name+".cursor")})
		if err != nil {
			return err
		}
		m.Feeds = append(m.Feeds, f)
		m.Log.Info("streaming the audit envelopes to the SIEM", "feed", name, "from_seq", f.Delivered()+1)
		return nil
	}
	if m.Config.SIEMSyslog != "" {
		if err := add("syslog", siem.NewSyslog(m.Config.SIEMSyslog, tlsCfg)); err != nil {
			return err
		}
	}
	if m.Config.SIEMHTTPS != "" {
		if err := add("https", siem.NewHTTPS(m.Config.SIEMHTTPS, m.Config.SIEMToken, tlsCfg)); err != nil {
			return err
		}
	}
	return nil
}

// recordConfig appends a config.changed event when the server starts with
// another configuration than the last one recorded: the settings that
// changed (names only) and a fingerprint of the whole, secrets counted
// only as set or not.
func (m *Main) recordConfig(ctx context.Context) error {
	view := m.Config.view()
	sums := map[string]string{}
	for k, v := range view {
		b, _ := json.Marshal(v)
		h := sha256.Sum256(b)
		sums[k] = hex.EncodeToString(h[:6])
	}
	var last audit.Event
	err := m.Audit.Scan(ctx, audit.Filter{Types: []string{audit.TypeConfigChanged}}, false, func(e audit.Event) error {
		last = e
		return nil
	})
	if err != nil {
		return fmt.Errorf("read the last configuration: %w", err)
	}
	var changed []string
	for k, v := range sums {
		if last.Attrs["setting."+k] != v {
			changed = append(changed, k)
		}
	}
	for k := range last.Attrs {
		if name, ok := strings.CutPrefix(k, "setting."); ok && sums[name] == "" {
			changed = append(changed, name)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	slices.Sort(changed)
	attrs := map[string]string{"changed": strings.Join(changed, ",")}
	if last.Seq == 0 {
		attrs["changed"] = "first start"
	}
	for k, v := range sums {
		attrs["setting."+k] = v
	}
	_, err = m.Audit.Append(ctx, audit.Envelope{Type: audit.TypeConfigChanged, Actor: "system", Attrs: attrs}, nil)
	return err
}
