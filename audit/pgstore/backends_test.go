package pgstore_test

import (
	"context"
	"encoding/binary"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	bolt "go.etcd.io/bbolt"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
)

// settings are the options a contract test may set on either store.
type settings struct {
	checkpointEvery  int
	now              func() time.Time
	contentRetention time.Duration
}

// backend opens a fresh store and can alter what it stores behind its
// back, as an insider would.
type backend struct {
	name string
	open func(t *testing.T, s settings) (logUnderTest, *tamperer)
}

// tamperer edits stored records: set replaces event seq's record (nil
// deletes it); reopen gives the store back after the edit.
type tamperer struct {
	set    func(t *testing.T, seq uint64, rec []byte)
	get    func(t *testing.T, seq uint64) []byte
	reopen func(t *testing.T) logUnderTest
}

func backends() []backend {
	return []backend{
		{name: "embedded", open: openEmbedded},
		{name: "postgres", open: openPostgres},
	}
}

func openEmbedded(t *testing.T, st settings) (logUnderTest, *tamperer) {
	dir := t.TempDir()
	o := audit.Options{MasterKey: testMasterKey, RetentionInterval: -1, CheckpointInterval: -1,
		CheckpointEvery: st.checkpointEvery, Now: st.now, ContentRetention: st.contentRetention}
	s, err := audit.Open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	cur := s
	t.Cleanup(func() { cur.Close() })
	edit := func(t *testing.T, fn func(b *bolt.Bucket) error) {
		cur.Close()
		db, err := bolt.Open(filepath.Join(dir, audit.FileName), 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(func(tx *bolt.Tx) error { return fn(tx.Bucket([]byte("events"))) }); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if cur, err = audit.Open(dir, o); err != nil {
			t.Fatal(err)
		}
	}
	key := func(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }
	return s, &tamperer{
		set: func(t *testing.T, seq uint64, rec []byte) {
			edit(t, func(b *bolt.Bucket) error {
				if rec == nil {
					return b.Delete(key(seq))
				}
				return b.Put(key(seq), rec)
			})
		},
		get: func(t *testing.T, seq uint64) []byte {
			var out []byte
			edit(t, func(b *bolt.Bucket) error { out = append([]byte(nil), b.Get(key(seq))...); return nil })
			return out
		},
		reopen: func(t *testing.T) logUnderTest { return cur },
	}
}

func openPostgres(t *testing.T, st settings) (logUnderTest, *tamperer) {
	db := testDatabase(t)
	s := openReplica(t, db, func(o *pgstore.Options) {
		o.CheckpointEvery, o.Now, o.ContentRetention = st.checkpointEvery, st.now, st.contentRetention
	})
	conn := func(t *testing.T) *pgx.Conn {
		c, err := pgx.Connect(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close(context.Background()) })
		return c
	}
	return s, &tamperer{
		set: func(t *testing.T, seq uint64, rec []byte) {
			c := conn(t)
			var err error
			if rec == nil {
				_, err = c.Exec(context.Background(), `DELETE FROM audit_events WHERE seq = $1`, int64(seq))
			} else {
				_, err = c.Exec(context.Background(), `UPDATE audit_events SET record = $2 WHERE seq = $1`, int64(seq), rec)
			}
			if err != nil {
				t.Fatal(err)
			}
		},
		get: func(t *testing.T, seq uint64) []byte {
			var rec []byte
			if err := conn(t).QueryRow(context.Background(), `SELECT record FROM audit_events WHERE seq = $1`, int64(seq)).Scan(&rec); err != nil {
				t.Fatal(err)
			}
			return rec
		},
		reopen: func(t *testing.T) logUnderTest { return s },
	}
}
