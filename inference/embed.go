package inference

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/retrieval"
	"github.com/ollama/ollama/api"
)

var _ retrieval.Embedder = (*OllamaEmbedder)(nil)

// EmbedderOptions configures an Ollama embedder.
type EmbedderOptions struct {
	// Host is Ollama's base URL. Default http://127.0.0.1:11434.
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

// OllamaEmbedder embeds texts with an embedding model served by Ollama,
// through the official client's Embed (/api/embed), many texts a request.
type OllamaEmbedder struct {
	client *api.Client
	opts   EmbedderOptions
}

// NewOllamaEmbedder returns an embedder for opts.Model at opts.Host. It
// does not contact Ollama.
func NewOllamaEmbedder(opts EmbedderOptions) (*OllamaEmbedder, error) {
	if opts.Host == "" {
		opts.Host = "http://127.0.0.1:11434"
	}
	if opts.Model == "" {
		return nil, errors.New("ollama embedder: no model name")
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 120 * time.Second
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 16, IdleConnTimeout: 90 * time.Second}}
	}
	host := opts.Host
	if !strings.Contains(host, "://") {
		host = "http://" + host
	}
	u, err := url.Parse(host)
	if err != nil {
		return nil, fmt.Errorf("ollama host %q: %w", opts.Host, err)
	}
	return &OllamaEmbedder{client: api.NewClient(u, opts.HTTPClient), opts: opts}, nil
}

// EmbedModel names the model; the index keeps vectors per model name.
func (e *OllamaEmbedder) EmbedModel() string {
	if !strings.Contains(e.opts.Model, ":") {
		return e.opts.Model + ":latest"
	}
	return e.opts.Model
}

// Embed returns one vector per text. It returns ErrNoModel when Ollama
// lacks the model and ErrUnreachable when Ollama does not answer.
func (e *OllamaEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
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
			return nil, fmt.Errorf("%q: %w", e.opts.Model, ErrNoModel)
		case errors.As(err, &se):
			return nil, fmt.Errorf("ollama embed: %w", err)
		case ctx.Err() != nil:
			return nil, fmt.Errorf("ollama embed: %w", err)
		}
		return nil, fmt.Errorf("%w at %s: %w", ErrUnreachable, e.opts.Host, err)
	}
	if len(resp.Embeddings) != len(texts) {
		return nil, fmt.Errorf("ollama embed: %d vectors for %d texts", len(resp.Embeddings), len(texts))
	}
	return resp.Embeddings, nil
}
