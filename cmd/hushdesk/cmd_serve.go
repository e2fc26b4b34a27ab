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
// errgroup and has ended when it returns, before the stores close; the
// background work stops after the server, so that what is served during
// the drain delay is delivered.
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
	// The background work (webhook, mail, feeds) goes on until the server
	// has stopped: a request served while it drains may still queue a
	// notification. The server stops when ctx ends or the background
	// work fails.
	background, stopBackground := context.WithCancel(context.WithoutCancel(ctx))
	defer stopBackground()
	g, gctx := errgroup.WithContext(background)
	m.run(gctx, g)
	serving, stopServing := context.WithCancel(gctx)
	defer stopServing()
	defer context.AfterFunc(ctx, stopServing)()
	g.Go(func() error {
		defer stopBackground()
		return m.Server.Serve(serving, ln)
	})
	m.Log.Info("hushdesk is ready", "url", scheme+"://"+ln.Addr().String()+"/", "data", m.Config.Data)
	return g.Wait()
}
