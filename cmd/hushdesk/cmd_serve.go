package main

import (
	"context"
	"fmt"
	"net"
	"os"

	"golang.org/x/sync/errgroup"
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
// listens on the configured address. Everything it starts runs under one
// errgroup and has ended when it returns, before the stores close.
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
	g, gctx := errgroup.WithContext(ctx)
	m.run(gctx, g)
	g.Go(func() error { return m.Server.Serve(gctx, ln) })
	m.Log.Info("hushdesk is ready", "url", scheme+"://"+ln.Addr().String()+"/", "data", m.Config.Data)
	return g.Wait()
}
