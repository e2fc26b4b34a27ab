package ollama

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/retrieval/search"
	"github.com/ollama/ollama/api"
)

var _ search.Embedder = (*Embedder)(nil)

// EmbedOptions configures an Ollama embedder.
type EmbedOptions struct {
	// Host is Ollama's address (see ParseHost). Default DefaultHost.
	Host string
	// Model is the embedding model's name (nomic-embed-text, bge-m3 ...).
	Model string
	// Timeout bounds one embedding request. Default 120s: a batch of
	// passages on a CPU can take a while; queries are bounded by the
	// caller's context.
	Timeout time.Duration
	// HTTPClient is used for every request. Default: one with no proxy.
	HTTPClient *http.Client
}

// Embedder embeds texts with an embedding model served by Ollama,
// through the official client's Embed (/api/embed), many texts a request.
type Embedder struct {
	client *api.Client
	opts   EmbedOptions
}

// NewEmbedder returns an embedder for opts.Model at opts.Host. It
// does not contact Ollama.
func NewEmbedder(opts EmbedOptions) (*Embedder, error) {
	if opts.Model == "" {
		return nil, fmt.Errorf("%w: no embedding model name", ErrBadHost)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 120 * time.Second
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = newHTTPClient(16)
	}
	u, err := ParseHost(opts.Host)
	if err != nil {
		return nil, err
	}
	opts.Host = u.String()
	return &Embedder{client: api.NewClient(u, opts.HTTPClient), opts: opts}, nil
}

// EmbedModel names the model; the index keeps vectors per model name.
func (e *Embedder) EmbedModel() string {
	return fullName(e.opts.Model)
}

// Embed returns one vector per text. It returns inference.ErrNoModel when Ollama
// lacks the model and inference.ErrUnreachable when Ollama does not answer.
func (e *Embedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	if len(texts) == 0 {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, e.opts.Timeout)
	defer cancel()
	truncate := true
	resp, err := e.client.Embed(ctx, &api.EmbedRequest{Model: e.opts.Model, Input: texts, Truncate: &truncate})
	if err != nil {
		var se api.StatusError
		switch {
		case errors.As(err, &se) && se.StatusCode == http.StatusNotFound:
			return nil, fmt.Errorf("%q: %w", e.opts.Model, inference.ErrNoModel)
		case errors.As(err, &se):
			return nil, fmt.Errorf("ollama embed: %w", err)
		case ctx.Err() != nil:
			return nil, fmt.Errorf("ollama embed: %w", err)
		}
		return nil, fmt.Errorf("%w at %s: %w", inference.ErrUnreachable, e.opts.Host, err)
	}
	if len(resp.Embeddings) != len(texts) {
		return nil, fmt.Errorf("ollama embed: %d vectors for %d texts", len(resp.Embeddings), len(texts))
	}
	return resp.Embeddings, nil
}
