package main

import (
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/audit"
)

func runAudit(ctx context.Context, e env) error {
	subs := map[string]func(context.Context, env) error{
		"verify":     runAuditVerify,
		"export":     runAuditExport,
		"checkpoint": runAuditCheckpoint,
		"backup":     runAuditBackup,
		"restore":    runAuditRestore,
		"retention":  runAuditRetention,
		"rebuild":    runAuditRebuild,
		"migrate":    runAuditMigrate,
		"rotate-kek": func(ctx context.Context, e env) error { return runAuditKEK(ctx, e, false) },
		"destroy-keks": func(ctx context.Context, e env) error {
			return runAuditKEK(ctx, e, true)
		},
	}
	if len(e.args) == 0 {
		return fmt.Errorf("%w: audit verify | export | checkpoint | backup | restore | retention | rebuild | migrate | rotate-kek | destroy-keks", errUsage)
	}
	run, ok := subs[e.args[0]]
	if !ok {
		return fmt.Errorf("%w: unknown audit command %q (verify, export, checkpoint, backup, restore, retention, rebuild, migrate, rotate-kek, destroy-keks)", errUsage, e.args[0])
	}
	return run(ctx, env{args: e.args[1:], stdin: e.stdin, stdout: e.stdout, stderr: e.stderr})
}

// openAudit locks the data directory and opens the audit store alone.
// Read-only it takes no lock file and writes nothing, so that a read-only
// copy of the evidence can be verified; the store's own shared lock still
// keeps a writer out.
func openAudit(fs *flag.FlagSet, stderr io.Writer, readOnly bool) (*Main, error) {
	return openAuditWith(fs, stderr, audit.Options{ReadOnly: readOnly})
}

// openAuditWith is openAudit with more of the store's options. The master
// key comes from HUSHDESK_MASTER_KEY or from the file HUSHDESK_MASTER_KEY_FILE
// names (kept outside the data directory), else from master.key in it.
func openAuditWith(fs *flag.FlagSet, stderr io.Writer, o audit.Options) (*Main, error) {
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return nil, err
	}
	if c.Store != "" && fs.Name() != "hushdesk audit migrate" { // migrate reads the embedded store into PostgreSQL
		return nil, errNotOnPostgres("hushdesk " + strings.TrimPrefix(fs.Name(), "hushdesk "))
	}
	m := NewMain(c, stderr)
	if !o.ReadOnly {
		lock, err := lockDataDir(c.Data)
		if err != nil {
			return nil, err
		}
		m.lock = lock
	}
	o.MasterKey, o.MasterKeyFile = c.MasterKey, c.MasterKeyFile
	o.Logger, o.RetentionInterval = m.Log, -1
	m.Store, err = audit.Open(c.Data, o)
	if err != nil {
		m.Close()
		return nil, fmt.Errorf("open audit store: %w", err)
	}
	m.Audit = m.Store
	return m, nil
}

// openRecords opens the store the settings name, embedded or in
// PostgreSQL, for a command that reads or changes its records (subject
// requests, holds, reports); its periodic jobs are left to the servers.
func openRecords(ctx context.Context, fs *flag.FlagSet, stderr io.Writer, readOnly bool) (*Main, error) {
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return nil, err
	}
	if c.Store == "" {
		return openAudit(fs, stderr, readOnly)
	}
	m := NewMain(c, stderr)
	s, err := openPostgres(ctx, c, m, readOnly)
	if err != nil {
		return nil, err
	}
	m.Shared, m.Audit = s, s
	return m, nil
}

// readAnchorFile reads the last checkpoint of an anchor file (JSON lines)
// or a single checkpoint file.
func readAnchorFile(path string) (audit.Checkpoint, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return audit.Checkpoint{}, 0, err
	}
	defer f.Close()
	return audit.ReadAnchor(f)
}

// readJSONFile decodes a JSON file into v.
func readJSONFile(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func runAuditVerify(ctx context.Context, e env) error {
	fs := newFlagSet("audit verify", e.stderr, storeSettings...)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	cpFile := fs.String("checkpoint", "", "also verify against a checkpoint kept outside the data directory (from audit checkpoint)")
	anchorFile := fs.String("anchor", "", "also verify against the last checkpoint of an anchor file (JSON lines) or a checkpoint file")
	pin := fs.String("pin", "", "fail unless the checkpoints are signed by the key with this fingerprint (from audit checkpoint)")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if *cpFile != "" && *anchorFile != "" {
		return fmt.Errorf("%w: give --checkpoint or --anchor, not both", errUsage)
	}
	var o audit.VerifyOptions
	o.Pin = *pin
	if path := cmp.Or(*anchorFile, *cpFile); path != "" {
		cp, _, err := readAnchorFile(path)
		if err != nil {
			return fmt.Errorf("%w: %s: %w", errUsage, path, err)
		}
		o.Checkpoint = &cp
	}
	l, err := openAuditLog(ctx, fs, e.stderr, audit.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer l.Close()
	res, err := l.VerifyWith(ctx, o)
	if err != nil {
		return err
	}
	switch {
	case *asJSON:
		writeJSON(e.stdout, res)
	case res.OK && o.Checkpoint != nil:
		fmt.Fprintf(e.stdout, "ok: %d events, head %s; matches the checkpoint at seq %d; signing key %s\n", res.Events, res.Head, o.Checkpoint.Seq, res.Fingerprint)
	case res.OK:
		fmt.Fprintf(e.stdout, "ok: %d events, head %s; signing key %s\n", res.Events, res.Head, res.Fingerprint)
	default:
		fmt.Fprintf(e.stdout, "FAILED at seq %d: %s\n", res.FirstBad, res.Problem)
	}
	if !res.OK {
		return errFailed
	}
	return nil
}

func runAuditCheckpoint(ctx context.Context, e env) error {
	fs := newFlagSet("audit checkpoint", e.stderr, storeSettings...)
	out := fs.String("out", "", "write the checkpoint to this file instead of stdout")
	latest := fs.Bool("latest", false, "export the latest checkpoint the server wrote instead of signing one at the head now")
	anchor := fs.String("anchor", "", "also append the checkpoint to this anchor file (JSON lines; keep it outside the data directory)")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	o := audit.Options{ReadOnly: *latest}
	if *anchor != "" && !*latest {
		o.Anchor = audit.NewFileAnchor(*anchor)
	}
	l, err := openAuditLog(ctx, fs, e.stderr, o)
	if err != nil {
		return err
	}
	defer l.Close()
	var cp audit.Checkpoint
	if *latest {
		cp, err = l.LatestCheckpoint(ctx)
	} else {
		cp, err = l.Checkpoint(ctx)
	}
	if err == nil && *anchor != "" && (*latest || !l.anchorsCheckpoints()) {
		err = audit.NewFileAnchor(*anchor).Anchor(ctx, cp)
	}
	if err != nil {
		return err
	}
	if err := l.Close(); err != nil { // the embedded store sends the checkpoint to the anchor
		return err
	}
	fmt.Fprintf(e.stderr, "signing key fingerprint %s; publish it, and verify with: hushdesk audit verify --pin %s\n", cp.Fingerprint, cp.Fingerprint)
	if *out == "" {
		return writeJSON(e.stdout, cp)
	}
	f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if err := writeJSON(f, cp); err != nil {
		f.Close()
		return err
	}
	fmt.Fprintf(e.stderr, "checkpoint at seq %d written to %s; keep it outside the data directory\n", cp.Seq, *out)
	return f.Close()
}

func runAuditExport(ctx context.Context, e env) error {
	fs := newFlagSet("audit export", e.stderr, storeSettings...)
	from := fs.String("from", "", "first time to include (RFC 3339 or YYYY-MM-DD)")
	to := fs.String("to", "", "time to stop before (RFC 3339 or YYYY-MM-DD)")
	typ := fs.String("type", "", "event types to include, comma-separated")
	format := fs.String("format", "jsonl", "jsonl or csv")
	decision := fs.String("decision", "", "only decisions of this kind (answer, abstain, handoff)")
	model := fs.String("model", "", "only events from this model")
	subject := fs.String("subject", "", "only events of this customer id")
	manifest := fs.String("manifest", "", "write the export's manifest (SHA-256, filter, signed checkpoint) to this file")
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
	l, err := openAuditLog(ctx, fs, e.stderr, audit.Options{})
	if err != nil {
		return err
	}
	defer l.Close()
	if *subject != "" {
		f.Subject = l.SubjectPseudonym(*subject)
	}
	sum, err := l.Export(ctx, e.stdout, audit.ExportRequest{Filter: f, Format: *format, Content: *content, Actor: cliActor()})
	if err != nil {
		return err
	}
	if *manifest != "" {
		mf, err := os.OpenFile(*manifest, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return err
		}
		if err := writeJSON(mf, sum.Manifest); err != nil {
			mf.Close()
			return err
		}
		if err := mf.Close(); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stderr, "exported %d events (sha256 %s); recorded as audit event %d\n", sum.Events, sum.SHA256, sum.AuditSeq)
	return nil
}

// cliActor names the person at the shell in audit records.
func cliActor() string {
	if u := os.Getenv("USER"); u != "" {
		return "cli:" + u
	}
	return "cli"
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
