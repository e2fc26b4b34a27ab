package audit

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFingerprintIsPublishedAndPinned checks that the signing key's
// fingerprint is in the checkpoint, the export manifest and the
// transparency report, and that verify --pin fails for another key.
func TestFingerprintIsPublishedAndPinned(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t, "")
	other := openTestStore(t, "")
	mustAppend(t, s, decision("k_a", 1), &Content{Question: "q"})
	fp := s.Fingerprint()
	if len(fp) != 64 || fp == other.Fingerprint() || fp != Fingerprint(s.public) {
		t.Fatalf("fingerprints %q and %q", fp, other.Fingerprint())
	}
	cp, err := s.Checkpoint(ctx)
	if err != nil || cp.Fingerprint != fp {
		t.Fatalf("checkpoint = %+v, %v", cp, err)
	}
	if latest, err := s.LatestCheckpoint(ctx); err != nil || latest.Fingerprint != fp {
		t.Fatalf("latest checkpoint = %+v, %v", latest, err)
	}
	sum, err := s.Export(ctx, &bytes.Buffer{}, ExportRequest{})
	if err != nil || sum.Manifest.Fingerprint != fp || sum.Manifest.Checkpoint.Fingerprint != fp {
		t.Fatalf("manifest = %+v, %v", sum.Manifest, err)
	}
	rep, err := s.Transparency(ctx, time.Time{}, time.Time{})
	if err != nil || rep.SigningKey != fp {
		t.Fatalf("transparency report key = %q, %v", rep.SigningKey, err)
	}

	tests := []struct {
		name    string
		o       VerifyOptions
		ok      bool
		invalid bool
	}{
		{"pinned to its own key", VerifyOptions{Pin: fp}, true, false},
		{"pinned in capitals", VerifyOptions{Pin: strings.ToUpper(fp)}, true, false},
		{"pinned with the checkpoint", VerifyOptions{Pin: fp, Checkpoint: &cp}, true, false},
		{"pinned to another key", VerifyOptions{Pin: other.Fingerprint()}, false, false},
		{"a pin that is no fingerprint", VerifyOptions{Pin: "abc"}, false, true},
		{"a checkpoint whose fingerprint is not its key's", VerifyOptions{Checkpoint: func() *Checkpoint {
			c := cp
			c.Fingerprint = other.Fingerprint()
			return &c
		}()}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.VerifyWith(ctx, tt.o)
			if tt.invalid {
				if !errors.Is(err, ErrInvalid) {
					t.Fatalf("VerifyWith = %+v, %v; want ErrInvalid", res, err)
				}
				return
			}
			if err != nil || res.OK != tt.ok || res.Fingerprint != fp {
				t.Fatalf("VerifyWith = %+v, %v; want ok %v", res, err, tt.ok)
			}
			if !tt.ok && !strings.Contains(res.Problem, "pinned") {
				t.Fatalf("problem %q does not say the key is not the pinned one", res.Problem)
			}
		})
	}
}

func TestMasterKeyFile(t *testing.T) {
	keyDir := t.TempDir()
	write := func(name string, mode os.FileMode) string {
		p := filepath.Join(keyDir, name)
		if err := os.WriteFile(p, []byte(testMasterKey+"\n"), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	private, shared := write("private.key", 0o600), write("shared.key", 0o640)
	tests := []struct {
		name string
		opts Options
		want error
	}{
		{"a private key file", Options{MasterKeyFile: private}, nil},
		{"a key file readable by its group", Options{MasterKeyFile: shared}, ErrBadMasterKey},
		{"a key file that is not there", Options{MasterKeyFile: filepath.Join(keyDir, "none")}, ErrBadMasterKey},
		{"a key file and a key", Options{MasterKeyFile: private, MasterKey: testMasterKey}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := Open(dir, tt.opts)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("Open = %v, want %v", err, tt.want)
				}
				if strings.Contains(err.Error(), testMasterKey) {
					t.Fatal("the error shows the master key")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			mustAppend(t, s, decision("k_a", 1), &Content{Question: "q"})
			s.Close()
			if _, err := os.Stat(filepath.Join(dir, MasterKeyFile)); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("a master key was written to the data directory: %v", err)
			}
			// The same key given in the environment opens the store.
			s = openWith(t, dir, Options{MasterKey: testMasterKey, ReadOnly: true})
			if res, err := s.Verify(context.Background()); err != nil || !res.OK {
				t.Fatalf("Verify = %+v, %v", res, err)
			}
		})
	}
}

// TestKeyFileInsideTheDataDirectory: a key file named inside the data
// directory (or reached through a link) is copied with it, and is warned
// of as the default key file is; one outside is not.
func TestKeyFileInsideTheDataDirectory(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	write := func(path string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(testMasterKey+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	inside := filepath.Join(dir, "keys", "hushdesk.key")
	os.MkdirAll(filepath.Dir(inside), 0o700)
	write(inside)
	away := filepath.Join(outside, "hushdesk.key")
	write(away)
	link := filepath.Join(outside, "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		file string
		want bool
	}{
		{inside, true},
		{filepath.Join(link, "keys", "hushdesk.key"), true},
		{away, false},
	} {
		_, inDir, err := LoadMasterKey(dir, "", tt.file, false)
		if err != nil || inDir != tt.want {
			t.Errorf("LoadMasterKey(%s) in the data directory = %v, %v; want %v", tt.file, inDir, err, tt.want)
		}
	}
}
