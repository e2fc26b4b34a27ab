package main

import (
	"context"
	"fmt"
	"time"
)

// runReport prints a report from the log:
//
//	report transparency [--from T] [--to T]   (JSON; the printable page is served at /api/v1/reports/transparency?format=html)
func runReport(ctx context.Context, e env) error {
	if len(e.args) == 0 || e.args[0] != "transparency" {
		return fmt.Errorf("%w: report transparency [--from T] [--to T]", errUsage)
	}
	fs := newFlagSet("report transparency", e.stderr, storeSettings...)
	from := fs.String("from", "", "start (RFC 3339 or YYYY-MM-DD); default 30 days before --to")
	to := fs.String("to", "", "end (RFC 3339 or YYYY-MM-DD); default now")
	if err := parseFlags(fs, e.args[1:]); err != nil {
		return err
	}
	t1, err := parseTime(*to)
	if err != nil {
		return fmt.Errorf("%w: --to: %w", errUsage, err)
	}
	if t1.IsZero() {
		t1 = time.Now().UTC()
	}
	t0, err := parseTime(*from)
	if err != nil {
		return fmt.Errorf("%w: --from: %w", errUsage, err)
	}
	if t0.IsZero() {
		t0 = t1.AddDate(0, 0, -30)
	}
	m, err := openRecords(ctx, fs, e.stderr, true)
	if err != nil {
		return err
	}
	defer m.Close()
	rep, err := m.Audit.Transparency(ctx, t0, t1)
	if err != nil {
		return err
	}
	return writeJSON(e.stdout, rep)
}
