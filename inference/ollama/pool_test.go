package ollama

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/ollamatest"
)

func newPool(t *testing.T, pin string, hosts ...*ollamatest.Server) *Pool {
	t.Helper()
	var urls []string
	for _, h := range hosts {
		urls = append(urls, h.URL)
	}
	p, err := NewPool(ChatOptions{Model: "m:1b", FirstTokenTimeout: time.Second, TokenTimeout: 300 * time.Millisecond}, urls, pin)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func answer(t *testing.T, p *Pool) (inference.Finish, string, error) {
	t.Helper()
	var out strings.Builder
	fin, err := p.Generate(context.Background(), inference.Prompt{System: "s", User: `<source id="1">Returns are free.</source>`},
		func(tok string) error { out.WriteString(tok); return nil })
	return fin, out.String(), err
}

func TestPoolSpreadsAndRetriesBeforeTheFirstToken(t *testing.T) {
	a, b := ollamatest.NewServer("m:1b"), ollamatest.NewServer("m:1b")
	defer a.Close()
	defer b.Close()
	p := newPool(t, "", a, b)
	if err := p.Probe(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Answers go to the host with the fewest under way: with a slow host
	// busy, the next goes to the other.
	a.SetTokenGap(100 * time.Millisecond)
	done := make(chan struct{})
	go func() { answer(t, p); close(done) }()
	time.Sleep(50 * time.Millisecond)
	if _, _, err := answer(t, p); err != nil {
		t.Fatal(err)
	}
	<-done
	if a.Chats() != 1 || b.Chats() != 1 {
		t.Fatalf("chats a=%d b=%d, want one each", a.Chats(), b.Chats())
	}
	a.SetTokenGap(0)
	// A host that refuses before the first token is passed over.
	a.SetBehaviour(ollamatest.NoModel)
	b.SetBehaviour(ollamatest.Answer)
	for range 3 {
		if _, text, err := answer(t, p); err != nil || text == "" {
			t.Fatalf("with one host failing: %q, %v", text, err)
		}
	}
	// One that dies after its first tokens is not retried: the customer
	// saw them.
	p.Probe(context.Background())
	b.SetBehaviour(ollamatest.DieMidStream)
	if _, _, err := answer(t, p); err == nil {
		t.Fatal("an answer cut mid-stream was completed by another host")
	}
}

func TestPoolPinsTheDigest(t *testing.T) {
	a, b := ollamatest.NewServer("m:1b"), ollamatest.NewServer("m:1b")
	defer a.Close()
	defer b.Close()
	b.SetDigest("0000000000000000000000000000000000000000000000000000000000000bad")
	p := newPool(t, ollamatest.Digest, a, b)
	if err := p.Probe(context.Background()); err != nil {
		t.Fatal(err)
	}
	for range 4 {
		fin, _, err := answer(t, p)
		if err != nil || fin.Digest != "sha256:"+ollamatest.Digest {
			t.Fatalf("answer from digest %q, %v", fin.Digest, err)
		}
	}
	if b.Chats() != 0 {
		t.Fatalf("the host with another build answered %d times", b.Chats())
	}
	// With no host serving the pinned build, the model is unavailable.
	a.SetDigest("1111111111111111111111111111111111111111111111111111111111111111")
	if err := p.Probe(context.Background()); err == nil || p.Model().Available {
		t.Fatalf("probe = %v, available %v", err, p.Model().Available)
	}
}
