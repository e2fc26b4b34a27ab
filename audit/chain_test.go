package audit

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/ed25519"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// unkeyedStore unpacks into dir a store written by the version before the
// keyed chain (testMasterKey): 22 decisions with checkpoints of 10 and 20,
// and a legal hold as event 25, whose basis that version kept in clear.
func unkeyedStore(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "v1store.tar.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.OpenFile(filepath.Join(dir, filepath.Base(hdr.Name)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(out, tr); err != nil {
			t.Fatal(err)
		}
		out.Close()
	}
}

func TestUpgradeKeysTheChainAfterTheUnkeyedPrefix(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	unkeyedStore(t, dir)
	ro := Options{MasterKey: testMasterKey, ReadOnly: true}

	// Read-only, the old log verifies as it is and is not changed.
	s := openWith(t, dir, ro)
	res, err := s.Verify(ctx)
	if err != nil || !res.OK || res.Events != 25 || res.KeyedFrom != 0 || res.Checkpoints != 2 {
		t.Fatalf("Verify of the unkeyed log = %+v, %v", res, err)
	}
	s.Close()

	s = openWith(t, dir, Options{MasterKey: testMasterKey, CheckpointEvery: 10, RetentionInterval: -1})
	cps := eventsOfType(t, s, TypeCheckpoint)
	if last := cps[len(cps)-1]; last.Seq != 26 || last.Attrs["seq"] != "25" || last.Attrs["every"] != "10" {
		t.Fatalf("the first keyed event = %+v, want a checkpoint of the unkeyed head", last)
	}
	for i := range 12 {
		mustAppend(t, s, decision("k_new", i), &Content{Question: "after"})
	}
	res, err = s.Verify(ctx)
	if err != nil || !res.OK || res.KeyedFrom != 26 || res.Events != 39 || res.Checkpoints != 4 {
		t.Fatalf("Verify after the upgrade = %+v, %v", res, err)
	}
	s.Close()
	s = openWith(t, dir, Options{MasterKey: testMasterKey, RetentionInterval: -1})
	if n := len(eventsOfType(t, s, TypeCheckpoint)); n != 4 {
		t.Fatalf("%d checkpoints after reopening; the upgrade must happen once", n)
	}
	s.Close()
	upgraded := t.TempDir()
	copyDir(t, dir, upgraded)

	// Going back to the unkeyed format is refused, however it is tried.
	tests := []struct {
		name string
		fn   func(l *logFile)
		want string
	}{
		{"rewrite the last event unkeyed", func(l *logFile) {
			l.editDecision(39)
			l.rechain(39, unkeyed, nil)
		}, "is unkeyed where the chain is keyed"},
		{"remove the chain marker", func(l *logFile) {
			l.tx.Bucket(bucketMeta).Delete(metaChain)
		}, "no chain marker"},
		{"remove the marker and restore the old key check", func(l *logFile) {
			kr, _ := newKeyring(mustMaster(t))
			l.tx.Bucket(bucketMeta).Delete(metaChain)
			l.tx.Bucket(bucketMeta).Put(metaKeyCheck, kr.check)
		}, "is keyed where the chain is unkeyed"},
		{"move the start of the keyed chain", func(l *logFile) {
			v := append([]byte(nil), l.tx.Bucket(bucketMeta).Get(metaChain)...)
			v[8] = 40
			l.tx.Bucket(bucketMeta).Put(metaChain, v)
		}, "does not verify under this master key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := t.TempDir()
			copyDir(t, upgraded, d)
			insider(t, d, tt.fn)
			ok, why := caught(t, d, nil)
			if !ok || !strings.Contains(why, tt.want) {
				t.Fatalf("caught %v: %s; want a failure naming %q", ok, why, tt.want)
			}
		})
	}
}

func mustMaster(t *testing.T) []byte {
	mk, err := loadMasterKey("", testMasterKey, "", false)
	if err != nil {
		t.Fatal(err)
	}
	return mk.key
}

// keyHolder is someone who has the master key: the chain key and the
// signing key. Verification cannot stop them; the tests below use them
// to show that each check of the checkpoint events is live on its own.
func keyHolder(t *testing.T, dir string) (hashing, ed25519.PrivateKey) {
	t.Helper()
	s, err := Open(dir, insiderOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return hashing{version: recordV2, key: s.keys.chain}, s.signer
}

func TestVerifyChecksCheckpointEvents(t *testing.T) {
	tests := []struct {
		name string
		fn   func(l *logFile, h hashing, signer ed25519.PrivateKey)
		want string
	}{
		{"a checkpoint event dropped", func(l *logFile, h hashing, _ ed25519.PrivateKey) {
			l.events = append(l.events[:20], l.events[21:]...) // the checkpoint of 20
			l.rechain(21, h, nil)
			l.dropStored()
		}, "without the checkpoint due after it"},
		{"a checkpoint event signed by another key", func(l *logFile, h hashing, _ ed25519.PrivateKey) {
			l.rechain(1, h, newSigner(t))
			l.dropStored()
		}, "event 11 is signed by key"},
		{"a checkpoint event naming another head", func(l *logFile, h hashing, _ ed25519.PrivateKey) {
			l.editDecision(5)
			l.rechain(5, h, nil) // the checkpoints still name the old heads
			l.dropStored()
		}, "names another head than event 10's"},
		{"a checkpoint event with its cadence removed", func(l *logFile, h hashing, _ ed25519.PrivateKey) {
			f := &l.events[10]
			f.env = []byte(strings.Replace(string(f.env), `"every":"10",`, "", 1))
			l.rechain(11, h, nil)
		}, "says no cadence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			insiderLog(t, dir)
			h, signer := keyHolder(t, dir)
			insider(t, dir, func(l *logFile) { tt.fn(l, h, signer) })
			ok, why := caught(t, dir, nil)
			if !ok || !strings.Contains(why, tt.want) {
				t.Fatalf("caught %v: %s; want a failure naming %q", ok, why, tt.want)
			}
		})
	}
}

func TestNoNewSigningKeyForALog(t *testing.T) {
	dir := t.TempDir()
	insiderLog(t, dir)
	tamper(t, dir, func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(metaSigningKey) })
	for _, readOnly := range []bool{false, true} {
		opts := insiderOptions()
		opts.ReadOnly = readOnly
		if _, err := Open(dir, opts); !errors.Is(err, ErrSigningKey) {
			t.Fatalf("Open (read-only %v) of a log without its signing key = %v, want ErrSigningKey", readOnly, err)
		}
	}
	// A new, empty store makes its key.
	s := openWith(t, t.TempDir(), Options{})
	if len(s.Fingerprint()) != 64 {
		t.Fatalf("fingerprint %q", s.Fingerprint())
	}
}

// TestVerifyNeedsTheMasterKey opens a store read-only without its key:
// the envelopes can be read, the keyed chain cannot be verified, and no
// key file is made.
func TestVerifyNeedsTheMasterKey(t *testing.T) {
	dir := t.TempDir()
	s := openWith(t, dir, Options{MasterKey: testMasterKey})
	mustAppend(t, s, decision("k_a", 1), &Content{Question: "q"})
	s.Close()
	s = openWith(t, dir, Options{ReadOnly: true})
	if _, err := s.Verify(context.Background()); !errors.Is(err, ErrNoMasterKey) {
		t.Fatalf("Verify without the master key = %v, want ErrNoMasterKey", err)
	}
	if evs := eventsOfType(t, s, TypeDecision); len(evs) != 1 {
		t.Fatalf("read %d decisions", len(evs))
	}
	if _, err := os.Stat(filepath.Join(dir, MasterKeyFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a read-only open made a master key: %v", err)
	}
	if _, err := Open(dir, Options{MasterKey: strings.Repeat("ab", 32), ReadOnly: true}); !errors.Is(err, ErrBadMasterKey) {
		t.Fatalf("read-only open with another key = %v, want ErrBadMasterKey", err)
	}
}
