package inference_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/ollamatest"
)

// TestEarlierPlaceholderInLaterAnswer: a placeholder for a value the
// customer gave in an earlier turn, written by the model in a later
// answer, reaches the customer as the word for the value ("[e-mail
// address]"), never the value nor the placeholder, and is stored
// redacted.
func TestEarlierPlaceholderInLaterAnswer(t *testing.T) {
	const planted = "jane.doe@example.com"
	f := newFixture(t, true)
	f.Ollama.SetCondense(func([]ollamatest.Message, string) string { return "How long do I have to return an item?" })
	r1 := ask(t, f.A, "", "How do I return an item? Write to me at "+planted)
	if r1.Decision != decision.Answer {
		t.Fatalf("first turn = %s (%s)", r1.Decision, r1.ReasonCode)
	}

	f.Ollama.SetReply(func(_, _ string) string {
		return "You have 30 days to return an item, and we will write to <EMAIL_1> with the steps [1]."
	})
	var streamed strings.Builder
	r2, err := f.A.Ask(context.Background(), inference.Question{Text: "How long do I have to do that?", ConversationID: r1.ConversationID},
		&inference.Stream{Token: func(s string) error { streamed.WriteString(s); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	if r2.Decision != decision.Answer || r2.Generator.Mode != inference.ModeOllama || r2.Replaced {
		t.Fatalf("follow-up = %s (%s), %+v, replaced %v: the model's answer was not shown", r2.Decision, r2.ReasonCode, r2.Generator, r2.Replaced)
	}
	word := catalog.Text(r2.Language, "hidden.email")
	for what, shown := range map[string]string{"answer": r2.Answer, "stream": streamed.String()} {
		if strings.Contains(shown, planted) || strings.Contains(shown, "<EMAIL_1>") || !strings.Contains(shown, "write to "+word) {
			t.Errorf("%s = %q, want the address as %q", what, shown, word)
		}
	}
	evs := f.Events(t)
	last := evs[len(evs)-1]
	if c := last.Content; c == nil || !strings.Contains(c.Answer, "<EMAIL_1>") || strings.Contains(c.Answer+c.Streamed+c.Question, planted) {
		t.Fatalf("stored content = %+v", last.Content)
	}
}
