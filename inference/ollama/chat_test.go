package ollama

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/ollamatest"
)

func newChat(t *testing.T, fake *ollamatest.Server, opts ChatOptions) *Chat {
	t.Helper()
	opts.Host, opts.Model = fake.URL, fake.Model
	if opts.FirstTokenTimeout == 0 {
		opts.FirstTokenTimeout = 2 * time.Second
	}
	if opts.TokenTimeout == 0 {
		opts.TokenTimeout = 300 * time.Millisecond
	}
	c, err := NewChat(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Probe(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParseHost(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"", DefaultHost, true},
		{"127.0.0.1:11434", "http://127.0.0.1:11434", true},
		{"https://models.internal", "https://models.internal", true},
		{"http://gpu-1:11434/", "http://gpu-1:11434", true},
		{"ftp://x", "", false},
		{"http://x/api", "", false},
		{"http://", "", false},
		{"http://%zz", "", false},
	}
	for _, tt := range tests {
		u, err := ParseHost(tt.in)
		if tt.ok != (err == nil) || (err == nil && u.String() != tt.want) {
			t.Errorf("ParseHost(%q) = %v, %v; want %q ok=%v", tt.in, u, err, tt.want, tt.ok)
		}
		if err != nil && !fault.Is(err, fault.Invalid) {
			t.Errorf("ParseHost(%q): error without the Invalid kind: %v", tt.in, err)
		}
	}
}

func TestGenerateSendsHistoryAndCaps(t *testing.T) {
	fake := ollamatest.NewServer("chat:1b")
	defer fake.Close()
	fake.SetReply(func(_, _ string) string { return "one two three four five six seven eight" })
	c := newChat(t, fake, ChatOptions{MaxAnswerTokens: 3})
	var got strings.Builder
	fin, err := c.Generate(context.Background(), inference.Prompt{
		System:  "sys",
		History: []inference.Message{{Role: "user", Content: "q1"}, {Role: "assistant", Content: "a1"}},
		User:    "q2",
	}, func(s string) error { got.WriteString(s); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !fin.Capped || got.String() != "one two three" {
		t.Errorf("capped %v, answer %q", fin.Capped, got.String())
	}
	req := fake.Requests()[0]
	roles := []string{}
	for _, m := range req.Messages {
		roles = append(roles, m.Role+":"+m.Content)
	}
	if strings.Join(roles, " ") != "system:sys user:q1 assistant:a1 user:q2" {
		t.Errorf("messages %v", roles)
	}
	if req.Options["num_predict"] != float64(3) {
		t.Errorf("num_predict %v", req.Options["num_predict"])
	}
}

// TestCallerGoingAwayKeepsTheModel: a customer who closes the tab
// mid-answer is the caller's failure; the model stays available for
// everyone else.
func TestCallerGoingAwayKeepsTheModel(t *testing.T) {
	fake := ollamatest.NewServer("chat:1b")
	defer fake.Close()
	fake.SetReply(func(_, _ string) string { return "a long answer in many tokens for the customer" })
	c := newChat(t, fake, ChatOptions{})
	gone := errors.New("client went away")
	_, err := c.Generate(context.Background(), inference.Prompt{User: "q"}, func(string) error { return gone })
	if !errors.Is(err, gone) {
		t.Fatalf("err = %v, want the caller's", err)
	}
	if !c.Model().Available {
		t.Fatal("the model was marked unavailable by a caller's failure")
	}
	// The caller's context ending is no model failure either.
	ctx, cancel := context.WithCancel(context.Background())
	fake.SetTokenGap(50 * time.Millisecond)
	_, err = c.Generate(ctx, inference.Prompt{User: "q"}, func(string) error { cancel(); return nil })
	if err == nil || !c.Model().Available {
		t.Fatalf("cancelled: err %v, available %v", err, c.Model().Available)
	}
}

func TestModelFailures(t *testing.T) {
	tests := []struct {
		name      string
		behaviour ollamatest.Behaviour
		opts      ChatOptions
		want      error
		available bool
	}{
		{"dies mid-stream", ollamatest.DieMidStream, ChatOptions{}, nil, false},
		{"stalls", ollamatest.Stall, ChatOptions{}, inference.ErrInterrupted, true},
		{"no model", ollamatest.NoModel, ChatOptions{}, inference.ErrNoModel, false},
		{"too slow overall", ollamatest.Answer, ChatOptions{MaxAnswerTime: 150 * time.Millisecond, TokenTimeout: time.Second}, inference.ErrInterrupted, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := ollamatest.NewServer("chat:1b")
			defer fake.Close()
			fake.SetReply(func(_, _ string) string { return "one two three four five six seven eight nine ten" })
			c := newChat(t, fake, tt.opts)
			fake.SetBehaviour(tt.behaviour)
			if tt.name == "too slow overall" {
				fake.SetTokenGap(60 * time.Millisecond)
			}
			_, err := c.Generate(context.Background(), inference.Prompt{User: "q"}, func(string) error { return nil })
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if c.Model().Available != tt.available {
				t.Errorf("available = %v, want %v", c.Model().Available, tt.available)
			}
		})
	}
}
