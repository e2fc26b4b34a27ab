package audit

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestBackupWhileAppending(t *testing.T) {
	s := openWith(t, t.TempDir(), Options{MasterKey: testMasterKey})
	ctx := context.Background()
	for i := range 200 {
		mustAppend(t, s, decision(fmt.Sprintf("k_%d", i%10), i), &Content{Question: fmt.Sprint("q", i)})
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stop.Load(); i++ {
				s.Append(ctx, decision(fmt.Sprintf("k_w%d_%d", w, i/5), i), &Content{Question: "during"})
			}
		}()
	}
	before, _ := s.Head()
	var buf bytes.Buffer
	n, err := s.Backup(ctx, &buf)
	stop.Store(true)
	wg.Wait()
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("Backup = %d, %v (buffer %d)", n, err, buf.Len())
	}

	dir := t.TempDir()
	if err := RestoreBackup(ctx, bytes.NewReader(buf.Bytes()), dir); err != nil {
		t.Fatal(err)
	}
	if err := RestoreBackup(ctx, bytes.NewReader(buf.Bytes()), dir); err == nil {
		t.Fatal("restored over an existing store")
	}
	r := openWith(t, dir, Options{MasterKey: testMasterKey, RetentionInterval: -1})
	res, err := r.Verify(ctx)
	if err != nil || !res.OK || res.Events < before {
		t.Fatalf("Verify of the restored copy = %+v, %v (head was %d when the backup began)", res, err, before)
	}
	unreadable := 0
	err = r.Scan(ctx, Filter{Types: []string{TypeDecision}}, true, func(e Event) error {
		if e.Content == nil {
			unreadable++
		}
		return nil
	})
	if err != nil || unreadable != 0 {
		t.Fatalf("%d events of the copy have no readable content (%v)", unreadable, err)
	}
}

// stalledReader is a download that stops reading: its first Write blocks
// until released.
type stalledReader struct {
	started chan struct{}
	release chan struct{}
	once    sync.Once
	buf     bytes.Buffer
}

func (r *stalledReader) Write(p []byte) (int, error) {
	r.once.Do(func() { close(r.started) })
	<-r.release
	return r.buf.Write(p)
}

// TestBackupReaderStallsNothing starts a backup whose reader stalls, then
// appends enough to make the file grow (bbolt remaps it, which waits for
// every read transaction) and erases a subject (which rewrites the key
// file): both must go on while the backup waits.
func TestBackupReaderStallsNothing(t *testing.T) {
	dir := t.TempDir()
	s := openWith(t, dir, Options{MasterKey: testMasterKey, RetentionInterval: -1})
	ctx := context.Background()
	alice := s.SubjectPseudonym("alice")
	mustAppend(t, s, Envelope{Type: TypeDecision, Subject: alice, Conversation: "k_a"}, &Content{Question: "q"})
	r := &stalledReader{started: make(chan struct{}), release: make(chan struct{})}
	backup := make(chan error, 1)
	go func() {
		_, err := s.Backup(ctx, r)
		backup <- err
	}()
	<-r.started
	stalled, err := filepath.Glob(filepath.Join(dir, TempDirName, "backup-*.tar"))
	if err != nil || len(stalled) != 1 {
		t.Fatalf("staged backups while the reader stalls: %v, %v", stalled, err)
	}

	done := make(chan error, 1)
	go func() {
		big := &Content{Question: strings.Repeat("where is my parcel ", 200)}
		var wg sync.WaitGroup
		for w := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 100 {
					s.Append(ctx, decision(fmt.Sprintf("k_%d_%d", w, i%10), i), big)
				}
			}()
		}
		wg.Wait()
		_, err := s.EraseSubject(ctx, alice, "o")
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		close(r.release)
		t.Fatal("appends and an erasure waited for a stalled backup reader")
	}
	head, _ := s.Head()
	if head < 1600 {
		t.Fatalf("the log ends at %d", head)
	}

	close(r.release)
	if err := <-backup; err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, TempDirName, "*")); len(left) != 0 {
		t.Fatalf("the staged backup was left behind: %v", left)
	}
	restored := t.TempDir()
	if err := RestoreBackup(ctx, bytes.NewReader(r.buf.Bytes()), restored); err != nil {
		t.Fatal(err)
	}
	c := openWith(t, restored, Options{MasterKey: testMasterKey, ReadOnly: true})
	if res, err := c.Verify(ctx); err != nil || !res.OK || res.Events != 1 {
		t.Fatalf("the backup taken before the appends = %+v, %v", res, err)
	}
}
