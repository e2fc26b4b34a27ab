package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/web"
)

// auditLog is the audit store as the audit and token commands use it,
// embedded or in PostgreSQL.
type auditLog interface {
	VerifyWith(ctx context.Context, o audit.VerifyOptions) (audit.VerifyResult, error)
	Export(ctx context.Context, w io.Writer, req audit.ExportRequest) (audit.ExportSummary, error)
	SubjectPseudonym(id string) string
	Checkpoint(ctx context.Context) (audit.Checkpoint, error)
	LatestCheckpoint(ctx context.Context) (audit.Checkpoint, error)
	CreateToken(ctx context.Context, r role.Role, label, actor string, opts ...audit.TokenOption) (string, audit.Token, error)
	Tokens(ctx context.Context) ([]audit.Token, error)
	RevokeToken(ctx context.Context, id, actor string) error
	// anchorsCheckpoints says whether the store sends its checkpoints to
	// the anchor of audit.Options itself (the embedded one does, on
	// Close); otherwise the command appends them.
	anchorsCheckpoints() bool
	Close() error
}

var (
	_ auditLog  = embeddedLog{}
	_ auditLog  = pgLog{}
	_ web.Relay = (*pgstore.Relay)(nil)
)

// embeddedLog is the embedded store with the process that holds its data
// directory: closing it closes both.
type embeddedLog struct {
	*audit.Store
	m *Main
}

func (l embeddedLog) Close() error { return l.m.Close() }

func (embeddedLog) anchorsCheckpoints() bool { return true }

// CreateToken stores the label redacted, as the server does.
func (l embeddedLog) CreateToken(ctx context.Context, r role.Role, label, actor string, opts ...audit.TokenOption) (string, audit.Token, error) {
	return l.m.tokens().CreateToken(ctx, r, label, actor, opts...)
}

// pgLog is the PostgreSQL store, with the redactor for token labels.
type pgLog struct {
	*pgstore.Store
	m *Main
}

func (pgLog) anchorsCheckpoints() bool { return false }

func (l pgLog) CreateToken(ctx context.Context, r role.Role, label, actor string, opts ...audit.TokenOption) (string, audit.Token, error) {
	return l.Store.CreateToken(ctx, r, l.m.Redactor.Redact(label, nil).Text, actor, opts...)
}

// openAuditLog opens the store the settings name: the embedded one (as
// openAuditWith does) or the PostgreSQL one of --store.
func openAuditLog(ctx context.Context, fs *flag.FlagSet, stderr io.Writer, o audit.Options) (auditLog, error) {
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return nil, err
	}
	if c.Store == "" {
		m, err := openAuditWith(fs, stderr, o)
		if err != nil {
			return nil, err
		}
		return embeddedLog{Store: m.Store, m: m}, nil
	}
	m := NewMain(c, stderr)
	s, err := openPostgres(ctx, c, m, o.ReadOnly)
	if err != nil {
		return nil, err
	}
	return pgLog{Store: s, m: m}, nil
}

// openPostgres opens the PostgreSQL store of c.Store for a command; its
// periodic jobs are left to the servers.
func openPostgres(ctx context.Context, c Config, m *Main, readOnly bool) (*pgstore.Store, error) {
	s, err := pgstore.Open(ctx, c.Store, pgstore.Options{
		MasterKey: c.MasterKey, MasterKeyFile: c.MasterKeyFile, DataDir: c.Data,
		KEKFile: c.KEKFile, KEKs: c.KEKs, ReadOnly: readOnly, Logger: m.Log,
		RetentionInterval: -1, CheckpointInterval: -1,
	})
	if err != nil {
		return nil, fmt.Errorf("open audit store %s: %w", redactURL(c.Store), err)
	}
	return s, nil
}

// redactURL is a store URL without its password, for messages and the
// configuration view.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

func storeView(s string) string {
	if s == "" {
		return "embedded (audit.db in the data directory)"
	}
	return redactURL(s)
}

// errNotOnPostgres is the answer of the commands that work on the
// embedded store's files only, saying what does it for PostgreSQL.
func errNotOnPostgres(what string) error {
	instead := "use the embedded store's data directory"
	switch what {
	case "hushdesk audit backup", "hushdesk audit restore":
		instead = "back a PostgreSQL store up with pg_dump or pgBackRest (and restore with pg_restore), keeping the master key and the KEK file apart"
	case "hushdesk audit rebuild":
		instead = "in PostgreSQL the records are changed in the transaction of each event and there is no file to repair"
	}
	return fmt.Errorf("%w: %s works on the embedded store only: %s", errUsage, what, instead)
}

// runAuditMigrate copies the embedded log of the data directory into an
// empty PostgreSQL database and verifies the copy against the latest
// checkpoint.
func runAuditMigrate(ctx context.Context, e env) error {
	fs := newFlagSet("audit migrate", e.stderr, storeSettings...)
	to := fs.String("to", "", "the empty PostgreSQL database to copy the log into (postgres://...)")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if !pgstore.IsURL(*to) {
		return fmt.Errorf("%w: audit migrate --to postgres://...", errUsage)
	}
	m, err := openAudit(fs, e.stderr, false)
	if err != nil {
		return err
	}
	defer m.Close()
	c := m.Config
	start := time.Now()
	rep, err := pgstore.Migrate(ctx, *to, pgstore.Options{MasterKey: c.MasterKey, MasterKeyFile: c.MasterKeyFile, DataDir: c.Data, Logger: m.Log}, m.Store)
	if err != nil {
		return err
	}
	writeJSON(e.stdout, rep)
	if !rep.Verify.OK {
		fmt.Fprintf(e.stderr, "copied, but the copy FAILED verification at seq %d: %s\n", rep.Verify.FirstBad, rep.Verify.Problem)
		return errFailed
	}
	at := "no checkpoint yet"
	if rep.Checkpoint != nil {
		at = fmt.Sprintf("the checkpoint at seq %d", rep.Checkpoint.Seq)
	}
	fmt.Fprintf(e.stderr, "copied %d events to %s in %s; the copy verifies against %s. Start the servers with --store set to it.\n",
		rep.Events, redactURL(*to), time.Since(start).Round(time.Millisecond), at)
	return nil
}

// runAuditKEK rotates the key-encryption key of a PostgreSQL store, or
// destroys the versions whose grace period has passed.
func runAuditKEK(ctx context.Context, e env, destroy bool) error {
	name := "audit rotate-kek"
	if destroy {
		name = "audit destroy-keks"
	}
	fs := newFlagSet(name, e.stderr, storeSettings...)
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return err
	}
	if c.Store == "" {
		return fmt.Errorf("%w: %s needs a PostgreSQL store (--store); the embedded store rewrites its key file on every erasure instead", errUsage, name)
	}
	m := NewMain(c, e.stderr)
	s, err := openPostgres(ctx, c, m, false)
	if err != nil {
		return err
	}
	defer s.Close()
	var rep pgstore.KEKReport
	if destroy {
		rep, err = s.DestroyRetiredKEKs(ctx)
	} else {
		rep, err = s.RotateKEK(ctx)
	}
	if err != nil {
		return err
	}
	b, _ := json.MarshalIndent(rep, "", "  ")
	fmt.Fprintln(e.stdout, string(b))
	if !destroy {
		fmt.Fprintf(e.stderr, "KEK version %d written to %s; copy it to every replica now. Older versions are destroyed by audit destroy-keks after the grace period.\n", rep.Version, c.KEKFile)
	} else if len(rep.Destroyed) > 0 {
		fmt.Fprintf(e.stderr, "destroyed KEK versions %v in %s; remove them from every other copy of the KEKs too\n", rep.Destroyed, c.KEKFile)
	}
	return nil
}
