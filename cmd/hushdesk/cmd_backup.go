package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/hushdesk/hushdesk/audit"
)

// runAuditBackup writes a consistent backup of the audit store (a tar of
// audit.db and keys.db; not the master key) to FILE. With --server it
// takes a hot backup from a running server through its API, with the
// admin token in HUSHDESK_TOKEN.
func runAuditBackup(ctx context.Context, e env) error {
	fs := newFlagSet("audit backup", e.stderr, storeSettings...)
	server := fs.String("server", "", "base URL of a running server to back up hot (token in HUSHDESK_TOKEN)")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: audit backup [--server URL] FILE", errUsage)
	}
	path := fs.Arg(0)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	var n int64
	if *server != "" {
		n, err = fetchBackup(ctx, *server, f)
	} else {
		n, err = localBackup(ctx, fs, e, f)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return err
	}
	fmt.Fprintf(e.stderr, "backup of %d bytes written to %s; restore it with: hushdesk audit restore %s --data NEW_DIR (with the same master key)\n", n, path, path)
	return nil
}

// localBackup backs up the store in the data directory; it fails at once
// when a server holds it (use --server then).
func localBackup(ctx context.Context, fs *flag.FlagSet, e env, w io.Writer) (int64, error) {
	m, err := openAudit(fs, e.stderr, true)
	if err != nil {
		return 0, err
	}
	defer m.Close()
	return m.Store.Backup(ctx, w)
}

// fetchBackup streams a hot backup from a running server.
func fetchBackup(ctx context.Context, server string, w io.Writer) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(server, "/")+"/api/v1/audit/backup", nil)
	if err != nil {
		return 0, fmt.Errorf("%w: --server: %w", errUsage, err)
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("HUSHDESK_TOKEN"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return 0, fmt.Errorf("server answered %s: %s", resp.Status, strings.TrimSpace(string(msg)))
	}
	return io.Copy(w, resp.Body)
}

// runAuditRestore unpacks a backup into a new data directory.
func runAuditRestore(ctx context.Context, e env) error {
	fs := newFlagSet("audit restore", e.stderr, storeSettings...)
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: audit restore FILE --data NEW_DIR", errUsage)
	}
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	defer f.Close()
	if err := audit.RestoreBackup(ctx, f, c.Data); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "restored into %s; give it the master key it was made under (HUSHDESK_MASTER_KEY, or a key file named by HUSHDESK_MASTER_KEY_FILE, or master.key beside it, mode 0600), then run: hushdesk audit verify --data %s\n", c.Data, c.Data)
	return nil
}

// runAuditRetention runs the retention job once, now.
func runAuditRetention(ctx context.Context, e env) error {
	fs := newFlagSet("audit retention", e.stderr, storeSettings...)
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	m, err := openRecords(ctx, fs, e.stderr, false)
	if err != nil {
		return err
	}
	defer m.Close()
	var rep audit.RetentionReport
	if m.Shared != nil {
		rep, err = m.Shared.RunRetention(ctx)
	} else {
		rep, err = m.Store.RunRetention(ctx)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "retention: %d content keys older than %s shredded, %d kept for legal holds; recorded as event %d\n",
		rep.Shredded, rep.Cutoff.Format("2006-01-02"), rep.Held, rep.AuditSeq)
	return nil
}

// runAuditRebuild makes the audit store's projections (its indexes and
// the agent queue) again from the log, with the server stopped.
func runAuditRebuild(ctx context.Context, e env) error {
	return withWritableAudit(e, "audit rebuild", func(s *audit.Store) error {
		rep, err := s.Rebuild(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "rebuilt the indexes and the agent queue from %d events; %d hand-offs\n", rep.Events, rep.Handoffs)
		return nil
	})
}

// withWritableAudit runs a command that takes only the store settings on
// the audit store, opened alone for writing.
func withWritableAudit(e env, name string, run func(*audit.Store) error) error {
	fs := newFlagSet(name, e.stderr, storeSettings...)
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	m, err := openAudit(fs, e.stderr, false)
	if err != nil {
		return err
	}
	defer m.Close()
	return run(m.Store)
}
