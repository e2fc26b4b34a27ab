package audit

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
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
