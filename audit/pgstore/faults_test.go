//go:build unix

package pgstore_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
)

// replicaEnv selects the child role of the kill -9 test.
const replicaEnv = "HUSHDESK_PG_REPLICA_URL"

// TestReplicaChild is a replica in a process of its own: 32 writers
// append forever, each printing "seq message" once Append has returned.
// It runs only when TestKillNineReplica starts the test binary again.
func TestReplicaChild(t *testing.T) {
	url := os.Getenv(replicaEnv)
	if url == "" {
		t.Skip("the child process of TestKillNineReplica")
	}
	s, err := pgstore.Open(context.Background(), url, pgstore.Options{MasterKey: testMasterKey, CheckpointEvery: 100,
		RetentionInterval: -1, CheckpointInterval: -1, DataDir: t.TempDir()})
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(2)
	}
	var mu sync.Mutex
	for w := range 32 {
		go func() {
			for i := 0; ; i++ {
				msg := fmt.Sprintf("m_child_w%d_%d", w, i)
				seq, err := s.Append(context.Background(), audit.Envelope{Type: audit.TypeDecision, Conversation: conv(w), Message: msg}, &audit.Content{Question: msg})
				if err != nil {
					fmt.Fprintln(os.Stderr, "append:", err)
					os.Exit(3)
				}
				mu.Lock()
				fmt.Fprintf(os.Stdout, "%d %s\n", seq, msg)
				mu.Unlock()
			}
		}()
	}
	select {}
}

// KillNineResult is what one kill of a replica under load showed.
type KillNineResult struct {
	Acknowledged int           // decisions the killed replica acknowledged
	Lost         int           // of those, missing or different in the log
	Recovery     time.Duration // from the kill until the survivor's next append returned
	SurvivorMax  time.Duration // the survivor's slowest append around the kill
}

// killNineReplica runs a child replica and a survivor under load, kills
// the child with SIGKILL, and checks every decision it acknowledged.
func killNineReplica(t testing.TB, db string, run time.Duration) KillNineResult {
	survivor := openReplica(t, db)
	ctx := context.Background()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReplicaChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), replicaEnv+"="+db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := map[uint64]string{}
	var ackMu sync.Mutex
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			seqText, msg, ok := strings.Cut(sc.Text(), " ")
			seq, err := strconv.ParseUint(seqText, 10, 64)
			if ok && err == nil {
				ackMu.Lock()
				acked[seq] = msg
				ackMu.Unlock()
			}
		}
	}()
	// The survivor appends all along, timing each append.
	var killedAt atomic.Int64
	var res KillNineResult
	var resMu sync.Mutex
	stop := make(chan struct{})
	survivorDone := make(chan struct{})
	go func() {
		defer close(survivorDone)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			start := time.Now()
			if _, err := survivor.Append(ctx, decision(conv(900), ""), &audit.Content{Question: "survivor"}); err != nil {
				t.Errorf("survivor append: %v", err)
				return
			}
			end := time.Now()
			resMu.Lock()
			if k := killedAt.Load(); k != 0 && start.UnixNano() >= k && res.Recovery == 0 {
				res.Recovery = end.Sub(time.Unix(0, k))
			}
			res.SurvivorMax = max(res.SurvivorMax, end.Sub(start))
			resMu.Unlock()
		}
	}()
	// Wait until the child is writing, let it run, then kill it.
	deadline := time.Now().Add(30 * time.Second)
	for {
		ackMu.Lock()
		n := len(acked)
		ackMu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(run)
	killedAt.Store(time.Now().UnixNano())
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	<-readDone
	time.Sleep(500 * time.Millisecond)
	close(stop)
	<-survivorDone
	if len(acked) == 0 {
		t.Fatalf("the child acknowledged nothing: %s", stderr.String())
	}
	res.Acknowledged = len(acked)
	for seq, msg := range acked {
		ev, err := survivor.MessageEvent(ctx, msg)
		if err != nil || ev.Seq != seq || ev.Content == nil || ev.Content.Question != msg {
			res.Lost++
		}
	}
	mustVerify(t, survivor)
	return res
}

func TestKillNineReplica(t *testing.T) {
	db := testDatabase(t)
	res := killNineReplica(t, db, time.Second)
	t.Logf("kill -9 of a replica under load: %d acknowledged, %d lost; the survivor appended again %v after the kill (slowest append %v)",
		res.Acknowledged, res.Lost, res.Recovery, res.SurvivorMax)
	if res.Lost != 0 {
		t.Fatalf("%d acknowledged decisions lost", res.Lost)
	}
	if res.Recovery == 0 {
		t.Fatalf("the survivor did not append after the kill")
	}
}

// TestConnectionTerminatedMidCommit cuts the writers' connections again
// and again under load: every caller must learn the truth, a sequence
// number for an event that is in the log as sent, an error for one that
// is not.
func TestConnectionTerminatedMidCommit(t *testing.T) {
	db := testDatabase(t)
	s := openReplica(t, db)
	ctx := ctxT(t)
	admin, err := pgx.Connect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	type answer struct {
		msg string
		seq uint64
		err error
	}
	answers := make(chan answer, 100000)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				msg := fmt.Sprintf("m_w%d_%d", w, i)
				seq, err := s.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Conversation: conv(w), Message: msg}, &audit.Content{Question: msg})
				answers <- answer{msg, seq, err}
			}
		}()
	}
	var cuts int
	for range 40 {
		time.Sleep(25 * time.Millisecond)
		tag, err := admin.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE application_name = 'hushdesk' AND pid <> pg_backend_pid() AND state <> 'idle'`)
		if err != nil {
			t.Fatal(err)
		}
		cuts += int(tag.RowsAffected())
	}
	close(stop)
	wg.Wait()
	close(answers)
	var ok, failed, unknown int
	for a := range answers {
		ev, err := s.MessageEvent(ctx, a.msg)
		switch {
		case a.err == nil:
			ok++
			if err != nil || ev.Seq != a.seq || ev.Content == nil || ev.Content.Question != a.msg {
				t.Errorf("%s acknowledged as %d but stored as %d (%v)", a.msg, a.seq, ev.Seq, err)
			}
		case errors.Is(a.err, pgstore.ErrUnknownOutcome):
			unknown++
		default:
			failed++
			if failed == 1 {
				t.Logf("a refused append: %v", a.err)
			}
			if err == nil {
				t.Errorf("%s refused (%v) but in the log at %d", a.msg, a.err, ev.Seq)
			}
		}
	}
	t.Logf("%d connections cut mid-work: %d appends acknowledged, %d refused, %d unknown", cuts, ok, failed, unknown)
	noDuplicates(t, s)
	if ok == 0 || unknown > 0 {
		t.Fatalf("acknowledged %d, unknown %d", ok, unknown)
	}
	mustVerify(t, s)
}

// TestServerCrashAndRestart stops PostgreSQL with -m immediate (a crash:
// no checkpoint, recovery from the WAL on start) under load and starts it
// again: every acknowledged append is there afterwards, and appends go on.
func TestServerCrashAndRestart(t *testing.T) {
	pgctl := os.Getenv("HUSHDESK_TEST_PGCTL")
	db := testDatabase(t)
	if pgctl == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("HUSHDESK_TEST_PGCTL is not set: .ci/postgres sets it")
		}
		t.Skip("no HUSHDESK_TEST_PGCTL to stop and start the test server")
	}
	s := openReplica(t, db, func(o *pgstore.Options) { o.CommitRetry = 30 * time.Second })
	ctx := ctxT(t)
	acked := sync.Map{}
	var n atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				msg := fmt.Sprintf("m_w%d_%d", w, i)
				seq, err := s.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Conversation: conv(w), Message: msg}, &audit.Content{Question: msg})
				if err == nil {
					acked.Store(msg, seq)
					n.Add(1)
				}
			}
		}()
	}
	time.Sleep(300 * time.Millisecond)
	run := func(args string) {
		out, err := exec.Command("sh", "-c", pgctl+" "+args).CombinedOutput()
		if err != nil {
			t.Fatalf("pg_ctl %s: %v\n%s", args, err, out)
		}
	}
	before := n.Load()
	run("-m immediate stop")
	time.Sleep(200 * time.Millisecond)
	run("start")
	restarted := time.Now()
	for n.Load() <= before+100 && time.Since(restarted) < 30*time.Second {
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if n.Load() <= before+100 {
		t.Fatalf("appends did not resume after the restart")
	}
	var lost int
	acked.Range(func(k, v any) bool {
		ev, err := s.MessageEvent(ctx, k.(string))
		if err != nil || ev.Seq != v.(uint64) {
			lost++
		}
		return true
	})
	t.Logf("server crash and restart: %d appends acknowledged, %d lost", n.Load(), lost)
	noDuplicates(t, s)
	if lost > 0 {
		t.Fatalf("%d acknowledged appends lost", lost)
	}
	mustVerify(t, s)
}

// noDuplicates fails when a message was written twice: a batch that
// committed must never be taken for one that did not and written again.
func noDuplicates(t *testing.T, s *pgstore.Store) {
	t.Helper()
	seen := map[string]uint64{}
	s.Scan(context.Background(), audit.Filter{Types: []string{audit.TypeDecision}}, false, func(e audit.Event) error {
		if first, dup := seen[e.Message]; dup {
			t.Errorf("%s written twice, at %d and %d", e.Message, first, e.Seq)
		}
		seen[e.Message] = e.Seq
		return nil
	})
}
