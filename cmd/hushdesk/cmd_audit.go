package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/audit"
)

func runAudit(ctx context.Context, e env) error {
	if len(e.args) == 0 {
		return fmt.Errorf("%w: audit verify | audit export", errUsage)
	}
	sub, rest := e.args[0], env{args: e.args[1:], stdin: e.stdin, stdout: e.stdout, stderr: e.stderr}
	switch sub {
	case "verify":
		return runAuditVerify(ctx, rest)
	case "export":
		return runAuditExport(ctx, rest)
	}
	return fmt.Errorf("%w: unknown audit command %q (verify, export)", errUsage, sub)
}

// openAudit locks the data directory and opens the audit store alone.
func openAudit(fs *flag.FlagSet, stderr interface{ Write([]byte) (int, error) }, readOnly bool) (*Main, error) {
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return nil, err
	}
	m := NewMain(c, stderr)
	lock, err := lockDataDir(c.Data)
	if err != nil {
		return nil, err
	}
	m.lock = lock
	m.Store, err = audit.Open(c.Data, audit.Options{MasterKey: c.MasterKey, ReadOnly: readOnly, Logger: m.Log})
	if err != nil {
		m.Close()
		return nil, fmt.Errorf("open audit store: %w", err)
	}
	return m, nil
}

func runAuditVerify(ctx context.Context, e env) error {
	fs := newFlagSet("audit verify", e.stderr, storeSettings...)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	m, err := openAudit(fs, e.stderr, true)
	if err != nil {
		return err
	}
	defer m.Close()
	res, err := m.Store.Verify(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		json.NewEncoder(e.stdout).Encode(res)
	} else if res.OK {
		fmt.Fprintf(e.stdout, "ok: %d events, head %s\n", res.Events, res.Head)
	} else {
		fmt.Fprintf(e.stdout, "FAILED at seq %d: %s (%d events verified before it)\n", res.FirstBad, res.Problem, res.FirstBad-1)
	}
	if !res.OK {
		return errFailed
	}
	return nil
}

func runAuditExport(ctx context.Context, e env) error {
	fs := newFlagSet("audit export", e.stderr, storeSettings...)
	from := fs.String("from", "", "first time to include (RFC 3339 or YYYY-MM-DD)")
	to := fs.String("to", "", "time to stop before (RFC 3339 or YYYY-MM-DD)")
	typ := fs.String("type", "", "event types to include, comma-separated")
	format := fs.String("format", "jsonl", "jsonl or csv")
	decision := fs.String("decision", "", "only decisions of this kind (answer, abstain, handoff)")
	model := fs.String("model", "", "only events from this model")
	content := fs.Bool("content", false, "include the decrypted (redacted) question and answer text")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	f := audit.Filter{Decision: *decision, Model: *model}
	var err error
	if f.From, err = parseTime(*from); err != nil {
		return fmt.Errorf("%w: --from: %w", errUsage, err)
	}
	if f.To, err = parseTime(*to); err != nil {
		return fmt.Errorf("%w: --to: %w", errUsage, err)
	}
	if *typ != "" {
		f.Types = strings.Split(*typ, ",")
	}
	if *format != audit.FormatJSONL && *format != audit.FormatCSV {
		return fmt.Errorf("%w: --format must be jsonl or csv", errUsage)
	}
	m, err := openAudit(fs, e.stderr, false)
	if err != nil {
		return err
	}
	defer m.Close()
	actor := "cli:" + os.Getenv("USER")
	sum, err := m.Store.Export(ctx, e.stdout, audit.ExportRequest{Filter: f, Format: *format, Content: *content, Actor: actor})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "exported %d events (sha256 %s); recorded as audit event %d\n", sum.Events, sum.SHA256, sum.AuditSeq)
	return nil
}

// parseTime reads an RFC 3339 time or a date (midnight UTC).
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither RFC 3339 nor YYYY-MM-DD", s)
	}
	return t, nil
}
