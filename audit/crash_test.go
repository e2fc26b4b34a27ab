//go:build unix

package audit

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// crashDirEnv selects the child role of the crash test.
const crashDirEnv = "HUSHDESK_AUDIT_CRASH_DIR"

// TestCrashChild is the crash test's child process: 64 writers append
// forever, each printing "seq message" once Append has returned, while
// another goroutine erases some of their conversations. It runs only when
// the crash test starts the test binary again with crashDirEnv set.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("the child process of TestKillNineLosesNoAcknowledgedEvent")
	}
	s, err := Open(dir, Options{MasterKey: testMasterKey, CheckpointEvery: 100, RetentionInterval: -1})
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(2)
	}
	ctx := context.Background()
	round := os.Getenv("HUSHDESK_AUDIT_CRASH_ROUND")
	var mu sync.Mutex // one line, one write
	for w := range 64 {
		go func() {
			for i := 0; ; i++ {
				// A new conversation, so a new key, every eight events.
				conv := fmt.Sprintf("k_r%s_w%d_c%d", round, w, i/8)
				msg := fmt.Sprintf("m_r%s_w%d_%d", round, w, i)
				seq, err := s.Append(ctx, Envelope{Type: TypeDecision, Conversation: conv, Message: msg}, &Content{Question: "q " + msg})
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
	for c := 0; ; c++ {
		time.Sleep(5 * time.Millisecond)
		if _, err := s.EraseConversation(ctx, fmt.Sprintf("k_r%s_w0_c%d", round, c), "crash-test"); err != nil {
			fmt.Fprintln(os.Stderr, "erase:", err)
			os.Exit(4)
		}
	}
}

// TestKillNineLosesNoAcknowledgedEvent kills the writing child with
// SIGKILL mid-run, several times over the same store, and checks after
// each that every acknowledged event is there with its content, and that
// the log verifies.
func TestKillNineLosesNoAcknowledgedEvent(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	acked := map[uint64]string{}
	for round := range 3 {
		n := crashRound(t, dir, round, acked)
		s, err := Open(dir, Options{MasterKey: testMasterKey, RetentionInterval: -1})
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		erasures := checkAcked(t, s, acked)
		head, _ := s.Head()
		t.Logf("round %d: %d events acknowledged by the child, %d in the log, %d erasures so far", round, n, head, erasures)
		s.Close()
	}
}

// crashRound runs one child until it has acknowledged a few thousand
// events, kills it, and adds what it acknowledged to acked.
func crashRound(t *testing.T, dir string, round int, acked map[uint64]string) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDirEnv+"="+dir, "HUSHDESK_AUDIT_CRASH_ROUND="+strconv.Itoa(round))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() }) // never leave the child running
	r := bufio.NewReader(out)
	n, killed := 0, false
	for {
		line, err := r.ReadString('\n')
		if err != nil { // EOF once the killed child's output is drained; a partial line was never acknowledged
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			break
		}
		seqText, msg, ok := strings.Cut(strings.TrimSpace(line), " ")
		seq, perr := strconv.ParseUint(seqText, 10, 64)
		if !ok || perr != nil {
			continue // the test framework's own output
		}
		if prev, dup := acked[seq]; dup {
			t.Fatalf("seq %d acknowledged twice: %s and %s", seq, prev, msg)
		}
		acked[seq] = msg
		if n++; n == 3000+round*1000 && !killed {
			cmd.Process.Kill() // SIGKILL: no deferred function, no Close
			killed = true
		}
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !killed || !errors.As(err, &exit) || !exit.Sys().(syscall.WaitStatus).Signaled() {
		t.Fatalf("child ended by itself (%v) after %d events: %s", err, n, stderr.String())
	}
	return n
}

// checkAcked checks that every acknowledged event is in the log, and its
// content readable unless its conversation was erased.
func checkAcked(t *testing.T, s *Store, acked map[uint64]string) int {
	t.Helper()
	ctx := context.Background()
	res, err := s.Verify(ctx)
	if err != nil || !res.OK {
		t.Fatalf("Verify after kill = %+v, %v", res, err)
	}
	erased := map[string]bool{}
	for _, e := range eventsOfType(t, s, TypeErasure) {
		erased[e.Conversation] = true
	}
	found, readable := 0, 0
	err = s.Scan(ctx, Filter{Types: []string{TypeDecision}}, true, func(e Event) error {
		msg, ok := acked[e.Seq]
		if !ok {
			return nil
		}
		if e.Message != msg {
			return fmt.Errorf("event %d is %q, acknowledged as %q", e.Seq, e.Message, msg)
		}
		found++
		if erased[e.Conversation] {
			return nil
		}
		if e.Content == nil || e.Content.Question != "q "+msg {
			return fmt.Errorf("event %d (%s) lost its content: %+v shredded=%v", e.Seq, msg, e.Content, e.Shredded)
		}
		readable++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found != len(acked) {
		t.Fatalf("%d of %d acknowledged events are in the log", found, len(acked))
	}
	if readable == 0 {
		t.Fatal("no content was checked")
	}
	return len(erased)
}
