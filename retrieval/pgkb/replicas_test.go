package pgkb_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/pgdb/pgdbtest"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

var (
	geyser = kb.Document{ID: "kb/geyser.md", Lang: lang.English,
		Text: "# Geyser kettles\n\nThe Geyser kettle boils a litre in ninety seconds and switches itself off."}
	lantern = kb.Document{ID: "kb/lantern.md", Lang: lang.English,
		Text: "# Solar lanterns\n\nThe solar lantern charges in sunlight and glows for eight hours."}
)

// An upload on A is found on B, a removal on A is gone from B, both
// within the deadline, and the two indexes answer alike.
func TestUploadAndRemovalReachTheOtherReplica(t *testing.T) {
	ctx := context.Background()
	db := pgdbtest.Database(t)
	a, _ := openReplica(t, db, replicaOpts{})
	b, _ := openReplica(t, db, replicaOpts{})
	waitReady(t, a)
	waitReady(t, b)

	if _, err := a.Ingest(ctx, []kb.Document{geyser}); err != nil {
		t.Fatal(err)
	}
	if !finds(t, a, "geyser kettle", geyser.ID) {
		t.Fatal("A does not find what it ingested when the ingest returns")
	}
	start := time.Now()
	eventually(t, deadline, "B to find A's upload", func() bool { return finds(t, b, "geyser kettle", geyser.ID) })
	t.Logf("an upload on A was found on B after %v", time.Since(start))

	ra, _ := a.Search(ctx, search.Query{Text: "how fast does the kettle boil"})
	rb, _ := b.Search(ctx, search.Query{Text: "how fast does the kettle boil"})
	if len(ra.Passages) == 0 || len(ra.Passages) != len(rb.Passages) || ra.Passages[0] != rb.Passages[0] || ra.Confidence != rb.Confidence {
		t.Fatalf("A and B answer differently:\nA %+v\nB %+v", ra, rb)
	}

	n, err := a.Remove(ctx, geyser.ID)
	if err != nil || n != 1 {
		t.Fatalf("remove: %d, %v", n, err)
	}
	start = time.Now()
	eventually(t, deadline, "B to forget A's removal", func() bool { return !holds(b, geyser.ID) && !finds(t, b, "geyser kettle", geyser.ID) })
	t.Logf("a removal on A was gone from B after %v", time.Since(start))

	// An upload on B of a document A holds at another version replaces it.
	if _, err := a.Ingest(ctx, []kb.Document{lantern}); err != nil {
		t.Fatal(err)
	}
	eventually(t, deadline, "B to hold the lantern", func() bool { return holds(b, lantern.ID) })
	changed := lantern
	changed.Text += "\n\n## Batteries\n\nThe batteries last five years."
	rep, err := b.Ingest(ctx, []kb.Document{changed})
	if err != nil || rep.Updated != 1 {
		t.Fatalf("update on B: %+v, %v", rep, err)
	}
	eventually(t, deadline, "A to find B's update", func() bool { return finds(t, a, "how long do lantern batteries last", lantern.ID) })
	if rep, err := a.Ingest(ctx, []kb.Document{changed}); err != nil || rep.Unchanged != 1 {
		t.Fatalf("the same document again on A: %+v, %v (want unchanged)", rep, err)
	}
}

// A replica started after the knowledge base was filled is not ready
// until it has read all of it, and is ready with all of it; restarted,
// it reads only what it has not seen.
func TestLateReplicaCatchesUpBeforeItIsReady(t *testing.T) {
	ctx := context.Background()
	db := pgdbtest.Database(t)
	a, _ := openReplica(t, db, replicaOpts{})
	waitReady(t, a)
	docs := shop(t)
	if _, err := a.Ingest(ctx, docs); err != nil {
		t.Fatal(err)
	}
	want := len(a.Documents())
	if want < 20 {
		t.Fatalf("the sample has only %d documents", want)
	}

	dir := t.TempDir()
	c, closeC := openReplica(t, db, replicaOpts{dir: dir, held: true})
	time.Sleep(100 * time.Millisecond)
	if err := c.Ready(ctx); !errors.Is(err, search.ErrCatchingUp) {
		t.Fatalf("a replica that has read nothing says ready: %v", err)
	}
	c.release()
	eventually(t, 30*time.Second, "C to be ready", func() bool {
		if c.Ready(ctx) != nil {
			return false
		}
		if got := len(c.Documents()); got != want {
			t.Fatalf("C is ready holding %d of %d documents", got, want)
		}
		return true
	})
	ra, _ := a.Search(ctx, search.Query{Text: "where is my parcel"})
	rc, _ := c.Search(ctx, search.Query{Text: "where is my parcel"})
	if len(ra.Passages) == 0 || ra.Passages[0] != rc.Passages[0] {
		t.Fatalf("A and the late replica answer differently: %+v / %+v", ra.Passages, rc.Passages)
	}
	closeC()

	// Restarted on its directory after one more upload, it reads one
	// document, not the knowledge base again.
	if _, err := a.Ingest(ctx, []kb.Document{geyser}); err != nil {
		t.Fatal(err)
	}
	c2, _ := openReplica(t, db, replicaOpts{dir: dir})
	waitReady(t, c2)
	if got := c2.gate.given.Load(); got != 1 {
		t.Fatalf("the restarted replica read %d documents, want 1", got)
	}
	if len(c2.Documents()) != want+1 || !finds(t, c2, "geyser kettle", geyser.ID) {
		t.Fatalf("the restarted replica holds %d documents, want %d with the kettle", len(c2.Documents()), want+1)
	}
}

// A notification that never reaches B loses nothing: the next one
// brings both changes (the periodic read is an hour away here).
func TestLostNotificationIsCaughtUpByTheNext(t *testing.T) {
	ctx := context.Background()
	db := pgdbtest.Database(t)
	a, _ := openReplica(t, db, replicaOpts{})
	b, _ := openReplica(t, db, replicaOpts{})
	waitReady(t, a)
	waitReady(t, b)
	time.Sleep(200 * time.Millisecond) // B's listener has settled

	b.lib.LoseNextNotification()
	if _, err := a.Ingest(ctx, []kb.Document{geyser}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	if holds(b, geyser.ID) {
		t.Fatal("B read a change whose notification was lost: the simulation did not lose it")
	}
	if _, err := a.Ingest(ctx, []kb.Document{lantern}); err != nil {
		t.Fatal(err)
	}
	eventually(t, deadline, "B to read both changes", func() bool {
		return finds(t, b, "geyser kettle", geyser.ID) && finds(t, b, "solar lantern", lantern.ID)
	})
}

// A re-index on A publishes A's vocabulary files: B reads questions with
// them too.
func TestReindexPublishesTheVocabulary(t *testing.T) {
	ctx := context.Background()
	db := pgdbtest.Database(t)
	folder := t.TempDir()
	vocab := func() (*search.Vocabulary, error) { return search.ReadVocabulary(os.DirFS(folder)) }
	a, _ := openReplica(t, db, replicaOpts{vocabulary: vocab})
	b, _ := openReplica(t, db, replicaOpts{}) // its own folder is empty
	waitReady(t, a)
	waitReady(t, b)
	if _, err := a.Ingest(ctx, []kb.Document{geyser}); err != nil {
		t.Fatal(err)
	}
	eventually(t, deadline, "B to hold the kettle", func() bool { return holds(b, geyser.ID) })
	if finds(t, b, "samovar", geyser.ID) {
		t.Fatal("a word no vocabulary names finds the kettle already")
	}
	err := os.WriteFile(filepath.Join(folder, "products.yaml"), []byte("synonyms:\n  en:\n    - [kettle, samovar]\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := a.Reindex(ctx)
	if err != nil || rep.Passages == 0 {
		t.Fatalf("reindex: %+v, %v", rep, err)
	}
	if !finds(t, a, "samovar", geyser.ID) {
		t.Fatal("A does not read the new synonym after its re-index")
	}
	eventually(t, deadline, "B to read the new synonym", func() bool { return finds(t, b, "samovar", geyser.ID) })

	// A replica started now, with no vocabulary files of its own, reads
	// the published ones.
	c, _ := openReplica(t, db, replicaOpts{})
	waitReady(t, c)
	if !finds(t, c, "samovar", geyser.ID) {
		t.Fatal("a new replica does not use the published vocabulary")
	}
}

// An index directory built from another database is read again from
// scratch: it keeps nothing of the other knowledge base.
func TestIndexOfAnotherDatabaseIsRebuilt(t *testing.T) {
	ctx := context.Background()
	db1, db2 := pgdbtest.Database(t), pgdbtest.Database(t)
	dir := t.TempDir()
	a, closeA := openReplica(t, db1, replicaOpts{dir: dir})
	waitReady(t, a)
	if _, err := a.Ingest(ctx, []kb.Document{geyser}); err != nil {
		t.Fatal(err)
	}
	closeA()
	other, _ := openReplica(t, db2, replicaOpts{})
	waitReady(t, other)
	if _, err := other.Ingest(ctx, []kb.Document{lantern}); err != nil {
		t.Fatal(err)
	}
	b, _ := openReplica(t, db2, replicaOpts{dir: dir})
	waitReady(t, b)
	if holds(b, geyser.ID) || !holds(b, lantern.ID) || len(b.Documents()) != 1 {
		t.Fatalf("the index holds %v; want the second database's lantern only", b.Documents())
	}
}
