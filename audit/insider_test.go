package audit

import (
	"context"
	"path/filepath"
	"testing"
)

// insiderOptions open the scenario stores: the master key is held outside
// the data directory, so the insider does not have it.
func insiderOptions() Options {
	return Options{MasterKey: testMasterKey, CheckpointEvery: 10, CheckpointInterval: -1, RetentionInterval: -1}
}

// insiderLog writes the log every scenario starts from, into dir:
//
//	1-10 decisions, 11 checkpoint of 10, 12-20 decisions, 21 checkpoint of
//	20, 22-30 decisions, 31 checkpoint of 30, 32-38 decisions
//
// with every checkpoint sent to an anchor file outside dir as it is made.
// It returns the last line of the anchor file (the checkpoint of 30) and
// a copy of the directory taken when the log ended at 16.
func insiderLog(t *testing.T, dir string) (Checkpoint, string) {
	t.Helper()
	early := t.TempDir()
	anchorFile := filepath.Join(t.TempDir(), "anchors.jsonl")
	opts := insiderOptions()
	opts.Anchor = NewFileAnchor(anchorFile)
	s, err := Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 35; i++ {
		mustAppend(t, s, decision("k_a", i), &Content{Question: "q", Answer: "a"})
		if i == 15 {
			s.Close()
			copyDir(t, dir, early)
			if s, err = Open(dir, opts); err != nil {
				t.Fatal(err)
			}
		}
	}
	if head, _ := s.Head(); head != 38 {
		t.Fatalf("the scenario log ends at %d, want 38", head)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	anchor, n := readAnchorFile(t, anchorFile)
	if anchor.Seq != 30 || n != 3 {
		t.Fatalf("the anchor is %+v of %d; want the checkpoint of 30, the third", anchor, n)
	}
	return anchor, early
}

// caught reports whether the tampered log in dir is refused: the store
// does not open, or verification fails, alone or against the anchor.
func caught(t *testing.T, dir string, anchor *Checkpoint) (bool, string) {
	t.Helper()
	opts := insiderOptions()
	opts.ReadOnly = true
	s, err := Open(dir, opts)
	if err != nil {
		return true, "open: " + err.Error()
	}
	defer s.Close()
	var res VerifyResult
	if anchor == nil {
		res, err = s.Verify(context.Background())
	} else {
		res, err = s.VerifyCheckpoint(context.Background(), *anchor)
	}
	switch {
	case err != nil:
		return true, "verify: " + err.Error()
	case !res.OK:
		return true, res.Problem
	}
	return false, "verifies"
}

// TestInsiderScenarios tries, one by one, what someone who can write the
// data directory but does not hold the master key could do to hide or
// change what the log says, and counts how many verification catches
// without an outside anchor and with one. Only cutting off the events
// after the last checkpoint kept outside can go unseen with an anchor;
// without one, so can any cut of the tail and a rollback of the whole
// directory.
func TestInsiderScenarios(t *testing.T) {
	tests := []struct {
		name    string
		tamper  func(t *testing.T, dir, early string)
		restart bool // the server is started on the tampered files before they are verified
		// what verification must say
		caughtAlone, caughtAnchored bool
	}{
		{"edit an envelope", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) { l.editDecision(3); l.save() })
		}, false, true, true},
		{"edit ciphertext", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) { l.events[1].sealed[20] ^= 1; l.save() })
		}, false, true, true},
		{"delete an event", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) { l.tx.Bucket(bucketEvents).Delete(seqKey(4)) })
		}, false, true, true},
		{"delete an event, renumber the rest and re-chain", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) {
				l.events = append(l.events[:3], l.events[4:]...)
				l.rechain(4, unkeyed, nil)
			})
		}, false, true, true},
		{"insert an event and re-chain", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) {
				extra := l.events[1]
				l.events = append(l.events[:2], append([]forged{extra}, l.events[2:]...)...)
				l.editDecision(3)
				l.rechain(3, unkeyed, nil)
			})
		}, false, true, true},
		{"append an event at the end", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) {
				l.events = append(l.events, l.events[len(l.events)-1])
				l.rechain(uint64(len(l.events)), unkeyed, nil)
			})
		}, false, true, true},
		{"swap two events and re-chain", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) {
				l.events[2], l.events[3] = l.events[3], l.events[2]
				l.rechain(3, unkeyed, nil)
			})
		}, false, true, true},
		{"edit an envelope and re-chain to the end", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) { l.editDecision(3); l.rechain(3, unkeyed, nil) })
		}, false, true, true},
		{"rewrite everything unkeyed, checkpoints signed again with an own key", func(t *testing.T, dir, _ string) {
			signer := newSigner(t)
			insider(t, dir, func(l *logFile) {
				l.editDecision(3)
				l.rechain(1, unkeyed, signer)
				l.resignStored(signer)
				l.tx.Bucket(bucketMeta).Delete([]byte("chain"))
			})
		}, false, true, true},
		{"rewrite everything keyed with a guessed key, checkpoints signed again", func(t *testing.T, dir, _ string) {
			signer := newSigner(t)
			insider(t, dir, func(l *logFile) {
				l.editDecision(3)
				l.rechain(1, guessKey, signer)
				l.resignStored(signer)
			})
		}, false, true, true},
		{"re-chain an edit and drop the checkpoints bucket", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) { l.editDecision(3); l.rechain(3, unkeyed, nil); l.dropStored() })
		}, false, true, true},
		{"re-chain an edit and drop the checkpoint events", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) {
				kept := l.events[:0]
				for _, f := range l.events {
					if len(f.sealed) > 0 {
						kept = append(kept, f)
					}
				}
				l.events = kept
				l.editDecision(3)
				l.rechain(1, unkeyed, nil)
				l.dropStored()
			})
		}, false, true, true},
		{"re-chain an edit, drop the signing key and let the server make another", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) {
				l.editDecision(3)
				l.rechain(3, unkeyed, nil)
				l.dropStored()
				l.tx.Bucket(bucketMeta).Delete(metaSigningKey)
				l.tx.Bucket(bucketMeta).Delete(metaPublicKey)
			})
		}, true, true, true},
		{"replace the signing key and sign the stored checkpoints again", func(t *testing.T, dir, _ string) {
			signer := newSigner(t)
			insider(t, dir, func(l *logFile) {
				l.editDecision(3)
				l.rechain(3, unkeyed, nil)
				l.resignStored(signer)
				l.tx.Bucket(bucketMeta).Put(metaSigningKey, signer.Seed())
			})
		}, false, true, true},
		{"cut the tail below the anchor", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) { l.events = l.events[:25]; l.dropStoredAfter(25); l.save() })
		}, false, false, true},
		{"cut the tail above the anchor", func(t *testing.T, dir, _ string) {
			insider(t, dir, func(l *logFile) { l.events = l.events[:35]; l.dropStoredAfter(35); l.save() })
		}, false, false, false},
		{"roll the whole directory back to an older copy", func(t *testing.T, dir, early string) {
			replaceDir(t, early, dir)
		}, false, false, true},
	}
	var alone, anchored int
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			anchor, early := insiderLog(t, dir)
			if ok, why := caught(t, dir, nil); ok {
				t.Fatalf("the untouched log fails: %s", why)
			}
			tt.tamper(t, dir, early)
			if tt.restart {
				restart(t, dir)
			}
			gotAlone, whyAlone := caught(t, dir, nil)
			gotAnchored, whyAnchored := caught(t, dir, &anchor)
			t.Logf("alone: %v (%s); with the anchor: %v (%s)", gotAlone, whyAlone, gotAnchored, whyAnchored)
			if gotAlone {
				alone++
			}
			if gotAnchored {
				anchored++
			}
			if gotAlone != tt.caughtAlone || gotAnchored != tt.caughtAnchored {
				t.Errorf("caught alone %v, with the anchor %v; want %v and %v",
					gotAlone, gotAnchored, tt.caughtAlone, tt.caughtAnchored)
			}
		})
	}
	t.Logf("caught %d of %d scenarios without an outside anchor, %d with one", alone, len(tests), anchored)
}

// restart opens the tampered store for writing, as the server would on
// its next start, appends a decision and signs a checkpoint. A store that
// refuses to open is left as it is, for verification to find.
func restart(t *testing.T, dir string) {
	t.Helper()
	s, err := Open(dir, insiderOptions())
	if err != nil {
		t.Logf("the server does not start: %v", err)
		return
	}
	defer s.Close()
	mustAppend(t, s, decision("k_a", 99), &Content{Question: "q"})
	if _, err := s.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
}
