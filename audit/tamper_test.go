package audit

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// tamper opens the closed store's file directly and applies fn.
func tamper(t *testing.T, dir string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyCatchesTampering(t *testing.T) {
	tests := []struct {
		name     string
		fn       func(tx *bolt.Tx) error
		firstBad uint64
	}{
		{"flip a byte in an envelope", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketEvents)
			v := append([]byte(nil), b.Get(seqKey(3))...)
			i := bytes.Index(v, []byte(`"answer"`))
			v[i+1] = 'A'
			return b.Put(seqKey(3), v)
		}, 3},
		{"flip a byte in the ciphertext", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketEvents)
			v := append([]byte(nil), b.Get(seqKey(2))...)
			v[len(v)-1] ^= 1
			return b.Put(seqKey(2), v)
		}, 2},
		{"delete an event", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketEvents).Delete(seqKey(4))
		}, 4},
		{"insert an event", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketEvents)
			// Shift events 3..5 up by one and put a forged event at 3.
			for seq := uint64(5); seq >= 3; seq-- {
				if err := b.Put(seqKey(seq+1), append([]byte(nil), b.Get(seqKey(seq))...)); err != nil {
					return err
				}
			}
			return b.Put(seqKey(3), append([]byte(nil), b.Get(seqKey(2))...))
		}, 3},
		{"truncate the tail", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketEvents).Delete(seqKey(5))
		}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= 5; i++ {
				if _, err := s.Append(context.Background(), decision("k_a", i), &Content{Answer: "a"}); err != nil {
					t.Fatal(err)
				}
			}
			s.Close()
			tamper(t, dir, tt.fn)
			s = openTestStore(t, dir)
			res, err := s.Verify(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if res.OK || res.FirstBad != tt.firstBad {
				t.Fatalf("Verify = %+v, want first bad %d", res, tt.firstBad)
			}
		})
	}
}

// checkpointed makes a store of ten events, takes a checkpoint of them and
// adds five more, then closes it and returns the checkpoint.
func checkpointed(t *testing.T, dir string) Checkpoint {
	t.Helper()
	s, err := Open(dir, Options{MasterKey: testMasterKey})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 1; i <= 10; i++ {
		mustAppend(t, s, decision("k_a", i), &Content{Answer: "a"})
	}
	cp, err := s.Checkpoint(context.Background())
	if err != nil || cp.Seq != 10 {
		t.Fatalf("Checkpoint = %+v, %v", cp, err)
	}
	for i := 11; i <= 15; i++ { // events 12 to 16, after the checkpoint's own
		mustAppend(t, s, decision("k_a", i), &Content{Answer: "a"})
	}
	return cp
}

// truncateTo deletes the events after last and records last as the head,
// as someone hiding the end of the log would.
func truncateTo(last uint64, dropCheckpoints bool) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		tamper(t, dir, func(tx *bolt.Tx) error {
			events := tx.Bucket(bucketEvents)
			var doomed [][]byte
			c := events.Cursor()
			for k, _ := c.Seek(seqKey(last + 1)); k != nil; k, _ = c.Next() {
				doomed = append(doomed, bytes.Clone(k))
			}
			for _, k := range doomed {
				if err := events.Delete(k); err != nil {
					return err
				}
			}
			if dropCheckpoints {
				cps := tx.Bucket(bucketCheckpoints)
				var gone [][]byte
				cps.ForEach(func(k, _ []byte) error {
					if bytes.Compare(k, seqKey(last)) > 0 {
						gone = append(gone, bytes.Clone(k))
					}
					return nil
				})
				for _, k := range gone {
					cps.Delete(k)
				}
			}
			rec, err := unmarshalRecord(events.Get(seqKey(last)))
			if err != nil {
				return err
			}
			meta := tx.Bucket(bucketMeta)
			meta.Put(metaHeadSeq, seqKey(last))
			return meta.Put(metaHeadHash, bytes.Clone(rec.hash[:]))
		})
	}
}

// rewriteWhole replaces the log with one built from scratch under the
// same master key, in which event 3 says "handoff" instead of "answer":
// every hash is right, so the chain alone cannot tell.
func rewriteWhole(t *testing.T, dir string) {
	forged := t.TempDir()
	s, err := Open(forged, Options{MasterKey: testMasterKey})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 15; i++ {
		env := decision("k_a", i)
		if i == 3 {
			env.Decision = "handoff"
		}
		mustAppend(t, s, env, &Content{Answer: "a"})
		if i == 10 {
			if _, err := s.Checkpoint(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.Close()
	b, err := os.ReadFile(filepath.Join(forged, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestOnlyACheckpointCatches covers changes that leave a consistent chain
// behind: Verify alone cannot see them, a checkpoint kept elsewhere can.
func TestOnlyACheckpointCatches(t *testing.T) {
	tests := []struct {
		name     string
		tamper   func(*testing.T, string)
		plainOK  bool // what Verify alone says
		firstBad uint64
	}{
		{"nothing changed", func(*testing.T, string) {}, true, 0},
		{"rewrite the whole file", rewriteWhole, true, 1},
		{"truncate the tail and rewrite the head", truncateTo(7, true), true, 8},
		// Forgetting the log's own checkpoints gives the truncation away.
		{"truncate the tail, keep the checkpoints", truncateTo(7, false), false, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cp := checkpointed(t, dir)
			tt.tamper(t, dir)
			s := openWith(t, dir, Options{MasterKey: testMasterKey, ReadOnly: true})
			ctx := context.Background()
			plain, err := s.Verify(ctx)
			if err != nil || plain.OK != tt.plainOK {
				t.Fatalf("Verify = %+v, %v; want ok %v", plain, err, tt.plainOK)
			}
			res, err := s.VerifyCheckpoint(ctx, cp)
			if err != nil {
				t.Fatal(err)
			}
			wantOK := tt.firstBad == 0
			if res.OK != wantOK || res.FirstBad != tt.firstBad {
				t.Fatalf("VerifyCheckpoint = %+v, want ok %v first bad %d", res, wantOK, tt.firstBad)
			}
			if !wantOK && res.Problem == "" {
				t.Fatal("a failure must say what is wrong")
			}
		})
	}
}

// writeOldLayout makes a store as earlier versions wrote it: one event of
// conversation conv sealed under a key named after the conversation, kept
// in a bucket of audit.db. It returns the wrapped key.
func writeOldLayout(t *testing.T, dir, conv, question string) []byte {
	t.Helper()
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	kid := "c/" + conv
	k, err := s.keys.newDataKey(kid, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	req := &appendReq{env: Envelope{Time: time.Now(), Type: TypeDecision, Conversation: conv}, kid: kid}
	req.envJSON = mustJSON(t, req.env)
	if req.sealed, err = seal(k.aead, kid, mustJSON(t, Content{Question: question})); err != nil {
		t.Fatal(err)
	}
	if res, err := s.submit(context.Background(), req); err != nil || res.err != nil {
		t.Fatal(err, res.err)
	}
	s.Close()
	tamper(t, dir, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(bucketLegacyKeys)
		if err != nil {
			return err
		}
		return b.Put([]byte(kid), k.wrapped)
	})
	return k.wrapped
}
