package ollama

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference/ollamatest"
	"github.com/hushdesk/hushdesk/redact"
)

func TestOllamaNamesWithTheRedactor(t *testing.T) {
	fake := ollamatest.NewServer("names:1b")
	defer fake.Close()
	fake.SetReply(func(system, user string) string {
		if !strings.Contains(system, "personal names") {
			return "wrong prompt"
		}
		if strings.Contains(user, "Sigrid") {
			return `{"names": ["Sigrid Vang"]}`
		}
		return "not json"
	})
	names, err := NewNames(fake.URL, "names:1b", 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	r := redact.New(redact.Options{Names: names})
	res, err := r.RedactContext(context.Background(), "please ask sigrid? no: Sigrid Vang handles my case", nil)
	if err != nil || strings.Contains(res.Text, "Sigrid Vang") || !strings.Contains(res.Text, "<PERSON_") {
		t.Fatalf("RedactContext = %q, %v", res.Text, err)
	}
	// A model that does not answer in JSON is an error, and the rules'
	// redaction still comes back.
	res, err = r.RedactContext(context.Background(), "mail me at kim@example.com", nil)
	if err == nil || !strings.Contains(res.Text, "<EMAIL_1>") {
		t.Fatalf("bad model answer = %q, %v", res.Text, err)
	}
}
