package ollama

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ollama/ollama/api"
)

// Names asks a local model for the person names in a text, as a
// JSON list constrained by a schema: the model-assisted pass of the
// redactor (redact.NameModel). It sees the text before redaction, so it
// must be a model on this machine or network, as Ollama is; nothing it is
// sent is logged.
type Names struct {
	http    *http.Client
	base    *url.URL
	model   string
	timeout time.Duration
}

// namesSchema is the JSON schema the model's answer must follow.
var namesSchema = json.RawMessage(`{"type":"object","properties":{"names":{"type":"array","items":{"type":"string"}}},"required":["names"]}`)

const namesPrompt = `You find personal names in customer-support messages written in English, Danish, Chinese or Malay.
List every name of a real person that appears in the message (first names, family names, full names, Chinese names), exactly as written.
Do not list company names, product names, place names, or placeholders such as <EMAIL_1>.
Answer with JSON: {"names": [...]}; an empty list when there is none.`

// NewNames returns a name model using model at host.
func NewNames(host, model string, timeout time.Duration) (*Names, error) {
	if model == "" {
		return nil, fmt.Errorf("%w: no name model name", ErrBadHost)
	}
	u, err := ParseHost(host)
	if err != nil {
		return nil, err
	}
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	return &Names{http: newHTTPClient(16), base: u, model: model, timeout: timeout}, nil
}

// FindNames implements redact.NameModel.
func (o *Names) FindNames(ctx context.Context, text string) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	stream := false
	req := &api.ChatRequest{
		Model:    o.model,
		Stream:   &stream,
		Format:   namesSchema,
		Messages: []api.Message{{Role: "system", Content: namesPrompt}, {Role: "user", Content: text}},
		Options:  map[string]any{"temperature": 0},
	}
	var out strings.Builder
	err := chatStream(ctx, o.http, o.base, req, func(r api.ChatResponse) error {
		out.WriteString(r.Message.Content)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ollama chat: %w", err)
	}
	var answer struct {
		Names []string `json:"names"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out.String())), &answer); err != nil {
		return nil, fmt.Errorf("the model's answer is not the JSON asked for: %w", err)
	}
	return answer.Names, nil
}
