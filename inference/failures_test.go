package inference_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// brokenSearch is a retriever that fails once failing is set.
type brokenSearch struct {
	inference.Retriever
	failing atomic.Bool
	calls   atomic.Int32
}

func (b *brokenSearch) Search(ctx context.Context, q search.Query) (search.Result, error) {
	b.calls.Add(1)
	if b.failing.Load() {
		return search.Result{}, errors.New("bleve: index file is corrupt")
	}
	return b.Retriever.Search(ctx, q)
}

// TestSearchErrorAbstains: when the search fails the assistant abstains,
// says so in the customer's language, records the reason, and neither
// fails the request nor asks the model to answer from nothing.
func TestSearchErrorAbstains(t *testing.T) {
	for _, tt := range []struct {
		name      string
		withModel bool
		followUp  bool // the first turn finds its article; the follow-up's search fails
	}{
		{"first question, extractive", false, false},
		{"first question, with a model", true, false},
		{"follow-up, extractive", false, true},
		{"follow-up, with a model", true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, tt.withModel)
			parts := f.Parts
			broken := &brokenSearch{Retriever: parts.Retriever}
			parts.Retriever = broken
			a, err := inference.New(parts, inference.Options{Company: "Larkspur Home"})
			if err != nil {
				t.Fatal(err)
			}
			conv := ""
			if tt.followUp {
				r1 := ask(t, a, "", "How do I return an item?")
				if r1.Decision != decision.Answer {
					t.Fatalf("first turn = %s (%s)", r1.Decision, r1.ReasonCode)
				}
				conv = r1.ConversationID
			}
			chats := int64(0)
			if f.Ollama != nil {
				chats = f.Ollama.Chats()
			}
			broken.failing.Store(true)
			before := broken.calls.Load()
			reply, err := a.Ask(context.Background(), inference.Question{Text: "How long do I have to return a sofa?", ConversationID: conv}, nil)
			if err != nil {
				t.Fatalf("Ask = %v, want an abstention", err)
			}
			if broken.calls.Load() == before {
				t.Fatal("the search was not asked")
			}
			if reply.Decision != decision.Abstain || reply.ReasonCode != decision.SearchFailed || len(reply.Sources) != 0 {
				t.Fatalf("reply = %s (%s), %d sources", reply.Decision, reply.ReasonCode, len(reply.Sources))
			}
			if reply.Answer != catalog.Text(reply.Language, catalog.Abstain) {
				t.Fatalf("answer = %q", reply.Answer)
			}
			// Whatever the model may have been asked to rewrite the
			// question, it was not asked to answer it.
			if f.Ollama != nil {
				for _, req := range f.Ollama.Requests()[chats:] {
					if strings.Contains(req.Messages[len(req.Messages)-1].Content, "<source") {
						t.Fatal("the model was asked to answer without sources")
					}
				}
			}
			evs := f.Events(t)
			last := evs[len(evs)-1]
			if last.Seq != reply.AuditSeq || last.Decision != string(decision.Abstain) || last.ReasonCode != string(decision.SearchFailed) || last.Reason == "" {
				t.Fatalf("recorded %+v", last.Envelope)
			}
			if strings.Contains(last.Reason, "corrupt") {
				t.Fatalf("the recorded reason carries the error: %q", last.Reason)
			}
		})
	}
}

// failingModel is a generator that is available and fails every answer
// with err, after writing written.
type failingModel struct {
	err     error
	written string
}

func (m failingModel) Generate(ctx context.Context, p inference.Prompt, fn func(string) error) (inference.Finish, error) {
	if m.written != "" {
		if err := fn(m.written); err != nil {
			return inference.Finish{}, err
		}
	}
	return inference.Finish{}, m.err
}

func (failingModel) Model() inference.ModelInfo {
	return inference.ModelInfo{Name: "failing:1b", Digest: "sha256:00", Available: true}
}

// modelErrorClasses are the values the model_error attribute may take.
var modelErrorClasses = map[string]bool{"no_model": true, "unreachable": true, "interrupted": true, "timeout": true, "server_error": true}

// TestModelErrorIsAClass: a model failure is recorded, and logged, as one
// of a closed set of classes, never as the error's text, which may quote
// what the model was sent (the customer's words).
func TestModelErrorIsAClass(t *testing.T) {
	const planted = "jane.doe@example.com"
	for _, tt := range []struct {
		name, written string
		err           error
		want          string
	}{
		{"no model", "", fmt.Errorf("chat: %w: model %q not found for %s", inference.ErrNoModel, "x", planted), "no_model"},
		{"unreachable", "", fmt.Errorf("dial 10.0.0.9:11434 for %s: %w", planted, inference.ErrUnreachable), "unreachable"},
		{"interrupted", "You can return ", fmt.Errorf("%w after a prompt about %s", inference.ErrInterrupted, planted), "interrupted"},
		{"timeout", "", fmt.Errorf("waiting for %s: %w", planted, context.DeadlineExceeded), "timeout"},
		{"anything else", "", errors.New(`ollama: 500 {"error":"cannot parse the prompt: mail ` + planted + `"}`), "server_error"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, false)
			var logged bytes.Buffer
			parts := f.Parts
			parts.Generator = failingModel{err: tt.err, written: tt.written}
			a, err := inference.New(parts, inference.Options{Company: "Larkspur Home",
				Logger: slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelDebug}))})
			if err != nil {
				t.Fatal(err)
			}
			reply := ask(t, a, "", "How do I return an item?")
			if !reply.Interrupted || reply.Generator.Mode != inference.ModeExtractive {
				t.Fatalf("reply = %+v", reply)
			}
			ev := f.Events(t)[0]
			got := ev.Attrs["model_error"]
			if got != tt.want || !modelErrorClasses[got] {
				t.Fatalf("model_error = %q, want %q", got, tt.want)
			}
			for k, v := range ev.Attrs {
				if strings.Contains(v, planted) {
					t.Errorf("attribute %s carries the error's text: %q", k, v)
				}
			}
			if strings.Contains(logged.String(), planted) {
				t.Errorf("the log carries the error's text:\n%s", logged.String())
			}
		})
	}
}
