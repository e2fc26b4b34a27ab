package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs hushdesk with args and returns the exit status, stdout and
// stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCLISubjectTokenCheckpointBackup(t *testing.T) {
	dir := t.TempDir()
	off := "--ollama=http://127.0.0.1:1"
	if code, _, stderr := cli(t, "ask", "--data", dir, off, "--subject", "cust-9", "How long is the warranty? I'm at kai@example.org"); code != 0 {
		t.Fatalf("ask: %s", stderr)
	}

	// Tokens: created once, listed without the secret, revoked.
	code, secret, stderr := cli(t, "token", "create", "--data", dir, "--role", "compliance", "--label", "audit team")
	secret = strings.TrimSpace(secret)
	if code != 0 || len(secret) < 20 {
		t.Fatalf("token create: %d %q %s", code, secret, stderr)
	}
	_, list, _ := cli(t, "token", "list", "--data", dir)
	if !strings.Contains(list, "compliance") || strings.Contains(list, secret) {
		t.Fatalf("token list: %s", list)
	}
	id := strings.Fields(list)[0]
	if code, _, stderr := cli(t, "token", "revoke", "--data", dir, id); code != 0 {
		t.Fatalf("revoke: %s", stderr)
	}
	if code, _, _ := cli(t, "token", "create", "--data", dir, "--role", "janitor"); code == 0 {
		t.Fatal("a token with an unknown role was created")
	}

	// Subject access and erasure, with a hold in between.
	code, exp, _ := cli(t, "subject", "export", "--data", dir, "cust-9")
	if code != 0 || !strings.Contains(exp, "warranty") || strings.Contains(exp, "kai@example.org") {
		t.Fatalf("subject export: %d %.400s", code, exp)
	}
	if code, _, stderr := cli(t, "subject", "hold", "--data", dir, "--basis", "dispute 44", "cust-9"); code != 0 {
		t.Fatalf("hold: %s", stderr)
	}
	if code, _, stderr := cli(t, "subject", "erase", "--data", dir, "cust-9"); code == 0 || !strings.Contains(stderr, "dispute 44") {
		t.Fatalf("erase under hold: %d %s", code, stderr)
	}
	cli(t, "subject", "release", "--data", dir, "cust-9")
	code, receipt, stderr := cli(t, "subject", "erase", "--data", dir, "cust-9")
	if code != 0 || !strings.Contains(receipt, `"events_affected": 1`) {
		t.Fatalf("erase: %d %s %s", code, receipt, stderr)
	}
	_, reqs, _ := cli(t, "subject", "requests", "--data", dir)
	if strings.Count(reqs, "completed") != 2 || !strings.Contains(reqs, "open") {
		t.Fatalf("requests:\n%s", reqs)
	}

	// A checkpoint kept outside the data directory verifies the log.
	cpFile := filepath.Join(t.TempDir(), "checkpoint.json")
	if code, _, stderr := cli(t, "audit", "checkpoint", "--data", dir, "--out", cpFile); code != 0 {
		t.Fatalf("checkpoint: %s", stderr)
	}
	if code, out, stderr := cli(t, "audit", "verify", "--data", dir, "--checkpoint", cpFile); code != 0 || !strings.Contains(out, "matches the checkpoint") {
		t.Fatalf("verify --checkpoint: %d %s %s", code, out, stderr)
	}

	// Backup, restore into a fresh directory, and the copy verifies.
	bak := filepath.Join(t.TempDir(), "backup.tar")
	if code, _, stderr := cli(t, "audit", "backup", "--data", dir, bak); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	restored := filepath.Join(t.TempDir(), "restored")
	if code, _, stderr := cli(t, "audit", "restore", "--data", restored, bak); code != 0 {
		t.Fatalf("restore: %s", stderr)
	}
	key, _ := os.ReadFile(filepath.Join(dir, "master.key"))
	os.WriteFile(filepath.Join(restored, "master.key"), key, 0o600)
	if code, out, stderr := cli(t, "audit", "verify", "--data", restored, "--checkpoint", cpFile); code != 0 {
		t.Fatalf("verify restored: %s %s", out, stderr)
	}

	if code, out, _ := cli(t, "report", "transparency", "--data", dir); code != 0 || !strings.Contains(out, `"decisions_total": 1`) {
		t.Fatalf("report: %s", out)
	}
	if code, out, _ := cli(t, "audit", "retention", "--data", dir); code != 0 || !strings.Contains(out, "retention:") {
		t.Fatalf("retention: %s", out)
	}
	if code, out, stderr := cli(t, "audit", "rebuild", "--data", dir); code != 0 || !strings.Contains(out, "rebuilt the indexes and the agent queue from") {
		t.Fatalf("rebuild: %s %s", out, stderr)
	}
	if code, out, stderr := cli(t, "audit", "verify", "--data", dir); code != 0 {
		t.Fatalf("verify after the rebuild: %s %s", out, stderr)
	}
}

func TestHotBackupFromServer(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	ts.ask(t, `{"question": "How do I return an item?"}`)
	bak := filepath.Join(t.TempDir(), "hot.tar")
	t.Setenv("HUSHDESK_TOKEN", adminToken)
	if code, _, stderr := cli(t, "audit", "backup", "--server", ts.URL, bak); code != 0 {
		t.Fatalf("hot backup: %s", stderr)
	}
	restored := filepath.Join(t.TempDir(), "r")
	if code, _, stderr := cli(t, "audit", "restore", "--data", restored, bak); code != 0 {
		t.Fatalf("restore: %s", stderr)
	}
	key, _ := os.ReadFile(filepath.Join(ts.Main.Config.Data, "master.key"))
	os.WriteFile(filepath.Join(restored, "master.key"), key, 0o600)
	code, out, stderr := cli(t, "audit", "verify", "--data", restored)
	if code != 0 || !strings.HasPrefix(out, "ok:") {
		t.Fatalf("verify hot backup: %s %s", out, stderr)
	}
	t.Setenv("HUSHDESK_TOKEN", "wrong")
	if code, _, stderr := cli(t, "audit", "backup", "--server", ts.URL, filepath.Join(t.TempDir(), "x.tar")); code == 0 || !strings.Contains(stderr, "401") {
		t.Fatalf("backup with a wrong token: %d %s", code, stderr)
	}
}
