package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/ollamatest"
)

// TestMain lets the test binary stand in for the hushdesk binary: with
// HUSHDESK_TEST_MAIN set it runs the command line in its arguments.
func TestMain(m *testing.M) {
	if os.Getenv("HUSHDESK_TEST_MAIN") == "1" {
		args := os.Args[1:]
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		os.Exit(run(context.Background(), args, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestKillNineLosesNoAcknowledgedEvent runs the server as a child process,
// asks questions from 16 clients, kills the child with SIGKILL mid-load,
// and checks that every answer a client received is in the reopened log
// with the same message id, and that the log verifies.
func TestKillNineLosesNoAcknowledgedEvent(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	fake := ollamatest.NewServer("test-model:1b")
	defer fake.Close()
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(os.Args[0], "--", "serve", "--data", dir, "--addr", addr, "--ollama", fake.URL, "--model", "test-model:1b", "--log-level", "warn", "--ask-rate", "0")
	cmd.Env = append(os.Environ(), "HUSHDESK_TEST_MAIN=1")
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	base := "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("child server never became ready")
		}
		time.Sleep(50 * time.Millisecond)
	}

	type ack struct {
		seq uint64
		msg string
	}
	var (
		mu    sync.Mutex
		acked []ack
		wg    sync.WaitGroup
		stop  = make(chan struct{})
	)
	client := &http.Client{Timeout: 10 * time.Second}
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				q := benchQuestions[(i+n)%len(benchQuestions)]
				body, _ := json.Marshal(map[string]string{"question": q})
				resp, err := client.Post(base+"/api/v1/ask", "application/json", strings.NewReader(string(body)))
				if err != nil {
					return // the server is gone
				}
				var r struct {
					AuditSeq  uint64 `json:"audit_seq"`
					MessageID string `json:"message_id"`
				}
				err = json.NewDecoder(resp.Body).Decode(&r)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 {
					return
				}
				mu.Lock()
				acked = append(acked, ack{r.AuditSeq, r.MessageID})
				mu.Unlock()
			}
		}()
	}
	// Let the load run, then kill without warning.
	for {
		time.Sleep(50 * time.Millisecond)
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 300 {
			break
		}
		if time.Now().After(deadline.Add(30 * time.Second)) {
			t.Fatalf("only %d answers under load", n)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	close(stop)
	wg.Wait()

	store, err := audit.Open(dir, audit.Options{})
	if err != nil {
		t.Fatalf("reopen after kill -9: %v", err)
	}
	defer store.Close()
	res, err := store.Verify(context.Background())
	if err != nil || !res.OK {
		t.Fatalf("verify after kill -9: %+v %v", res, err)
	}
	bySeq := map[uint64]string{}
	store.Scan(context.Background(), audit.Filter{}, false, func(e audit.Event) error {
		bySeq[e.Seq] = e.Message
		return nil
	})
	for _, a := range acked {
		if bySeq[a.seq] != a.msg {
			t.Errorf("acknowledged event %d (%s) lost or changed: %q", a.seq, a.msg, bySeq[a.seq])
		}
	}
	t.Logf("%d acknowledged answers, %d events in the log after kill -9", len(acked), res.Events)
	if uint64(len(acked)) > res.Events {
		t.Fatalf("more answers (%d) than events (%d)", len(acked), res.Events)
	}
}
