package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"
)

func runServe(ctx context.Context, e env) error {
	fs := newFlagSet("serve", e.stderr)
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return err
	}
	m := NewMain(c, e.stderr)
	defer m.Close()
	return m.Serve(ctx, nil)
}

// Serve opens everything and serves HTTP until ctx ends. With ln nil it
// listens on the configured address.
func (m *Main) Serve(ctx context.Context, ln net.Listener) error {
	if err := m.Open(ctx); err != nil {
		return err
	}
	if err := m.OpenAssistant(ctx); err != nil {
		return err
	}
	if err := m.NewServer(ctx); err != nil {
		return err
	}
	go m.watchModel(ctx, 30*time.Second)
	if m.Config.EmbedModel != "" {
		// Embed, in the background, the passages that have no vector yet
		// (after a change of model, say); searches use words meanwhile.
		go func() {
			if n, err := m.Index.SyncVectors(ctx, nil); err != nil {
				m.Log.Warn("could not embed every passage; searching the rest by words", "embedded", n, "err", err)
			}
		}()
	}
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", m.Config.Addr); err != nil {
			return fmt.Errorf("listen on %s: %w", m.Config.Addr, err)
		}
	}
	scheme := "http"
	if m.Config.TLSCert != "" {
		scheme = "https"
	}
	m.Log.Info("hushdesk is ready", "url", scheme+"://"+ln.Addr().String()+"/", "data", m.Config.Data)
	return m.Server.Serve(ctx, ln)
}
