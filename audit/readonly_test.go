package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// fileState is what a read-only open must leave as it was: every file's
// name, size, modification time and content.
func fileState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		sum := [32]byte{}
		if !fi.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum = sha256.Sum256(b)
		}
		out[p] = fi.Mode().String() + " " + fi.ModTime().Format(time.RFC3339Nano) + " " + HashString(sum)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// makeReadOnly makes dir and its files unwritable: by mode, or, for root
// (whom modes do not stop), with the immutable attribute. It reports how.
func makeReadOnly(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{}
	for _, e := range entries {
		paths = append(paths, filepath.Join(dir, e.Name()))
	}
	paths = append(paths, dir)
	if os.Geteuid() != 0 {
		for _, p := range paths {
			os.Chmod(p, map[bool]os.FileMode{true: 0o500, false: 0o400}[p == dir])
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		return "modes"
	}
	if out, err := exec.Command("chattr", append([]string{"+i"}, paths...)...).CombinedOutput(); err != nil {
		t.Logf("chattr +i: %v %s; relying on the files' contents and times alone", err, out)
		return "none"
	}
	t.Cleanup(func() { exec.Command("chattr", append([]string{"-i"}, paths...)...).Run() })
	return "immutable"
}

// TestReadOnlyOnReadOnlyEvidence verifies, exports and backs up a copy of
// a data directory that cannot be written: a read-only open creates and
// writes nothing, not even a lock or a key file, and its master key comes
// from the copy's master.key.
func TestReadOnlyOnReadOnlyEvidence(t *testing.T) {
	ctx := context.Background()
	live := t.TempDir()
	s := openWith(t, live, Options{CheckpointEvery: 5, RetentionInterval: -1})
	alice := s.SubjectPseudonym("alice")
	for i := range 12 {
		mustAppend(t, s, Envelope{Type: TypeDecision, Subject: alice, Conversation: "k_a", Message: string(rune('a' + i))}, &Content{Question: "q"})
	}
	if _, err := s.PlaceHold(ctx, alice, "case 9", "t_legal"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	evidence := t.TempDir()
	copyDir(t, live, evidence)
	how := makeReadOnly(t, evidence)
	t.Logf("the evidence is read-only by %s", how)
	if how == "immutable" || how == "modes" {
		if err := os.WriteFile(filepath.Join(evidence, "probe"), nil, 0o600); err == nil {
			t.Fatalf("the evidence directory (%s) can still be written", how)
		}
	}
	before := fileState(t, evidence)
	time.Sleep(10 * time.Millisecond) // so that a write would change a time

	r, err := Open(evidence, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open read-only (%s): %v", how, err)
	}
	res, err := r.Verify(ctx)
	if err != nil || !res.OK || res.Events != 16 || res.Checkpoints != 3 {
		t.Fatalf("Verify = %+v, %v", res, err)
	}
	var out bytes.Buffer
	if sum, err := r.Export(ctx, &out, ExportRequest{Content: true}); err != nil || sum.Events != 16 || sum.Manifest.Checkpoint == nil {
		t.Fatalf("Export = %+v, %v", sum, err)
	}
	if holds, err := r.Holds(ctx); err != nil || len(holds) != 1 || holds[0].Basis != "case 9" {
		t.Fatalf("Holds = %+v, %v", holds, err)
	}
	if _, err := r.Backup(ctx, &bytes.Buffer{}); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if _, err := r.Append(ctx, decision("k_a", 99), nil); err == nil {
		t.Fatal("a read-only store appended")
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	after := fileState(t, evidence)
	for p, st := range after {
		if before[p] != st {
			t.Errorf("%s changed: %s -> %s", p, before[p], st)
		}
	}
	if len(after) != len(before) {
		t.Errorf("files before %v, after %v", before, after)
	}
}
