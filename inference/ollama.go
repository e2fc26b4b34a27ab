package inference

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/ollama/ollama/api"
)

// Errors from the model.
var (
	// ErrNoModel means Ollama answers but does not have the model.
	ErrNoModel = errors.New("model is not available in Ollama")
	// ErrUnreachable means Ollama does not answer.
	ErrUnreachable = errors.New("ollama is unreachable")
	// ErrInterrupted means the model stopped before finishing its answer.
	ErrInterrupted = errors.New("model stopped before finishing its answer")
)

// ModelInfo describes the chat model.
type ModelInfo struct {
	Name   string
	Digest string
	// Available is false while Ollama is unreachable or lacks the model.
	Available bool
}

// OllamaOptions configures an Ollama generator.
type OllamaOptions struct {
	// Host is Ollama's base URL. Default http://127.0.0.1:11434.
	Host string
	// Model is the chat model's name.
	Model string
	// FirstTokenTimeout bounds the wait for the first token (the model may
	// need loading). Default 60s.
	FirstTokenTimeout time.Duration
	// TokenTimeout bounds the wait between two tokens. Default 20s.
	TokenTimeout time.Duration
	// HTTPClient is used for every request. Default: one with no overall
	// timeout (streams are bounded by the token timeouts instead).
	HTTPClient *http.Client
	Logger     *slog.Logger
}

// Ollama generates answers with a model served by Ollama, through the
// official client.
type Ollama struct {
	client *api.Client
	opts   OllamaOptions
	log    *slog.Logger

	mu   sync.Mutex
	info ModelInfo
}

// NewOllama returns a generator for opts.Model at opts.Host. It does not
// contact Ollama; call Probe.
func NewOllama(opts OllamaOptions) (*Ollama, error) {
	if opts.Host == "" {
		opts.Host = "http://127.0.0.1:11434"
	}
	if opts.Model == "" {
		return nil, errors.New("ollama: no model name")
	}
	if opts.FirstTokenTimeout <= 0 {
		opts.FirstTokenTimeout = 60 * time.Second
	}
	if opts.TokenTimeout <= 0 {
		opts.TokenTimeout = 20 * time.Second
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Transport: &http.Transport{
			Proxy:               nil, // a local model server is never reached through a proxy
			MaxIdleConnsPerHost: 64,
			IdleConnTimeout:     90 * time.Second,
		}}
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	host := opts.Host
	if !strings.Contains(host, "://") {
		host = "http://" + host
	}
	u, err := url.Parse(host)
	if err != nil {
		return nil, fmt.Errorf("ollama host %q: %w", opts.Host, err)
	}
	return &Ollama{
		client: api.NewClient(u, opts.HTTPClient),
		opts:   opts,
		log:    opts.Logger,
		info:   ModelInfo{Name: opts.Model},
	}, nil
}

// Model returns what is known about the model.
func (o *Ollama) Model() ModelInfo {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.info
}

// Probe asks Ollama whether it runs and has the model, and records the
// model's digest.
func (o *Ollama) Probe(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	list, err := o.client.List(ctx)
	if err != nil {
		o.setAvailable(false, "")
		return fmt.Errorf("%w at %s: %w", ErrUnreachable, o.opts.Host, err)
	}
	for _, m := range list.Models {
		if sameModel(m.Name, o.opts.Model) || sameModel(m.Model, o.opts.Model) {
			o.setAvailable(true, m.Digest)
			return nil
		}
	}
	o.setAvailable(false, "")
	return fmt.Errorf("%q at %s: %w", o.opts.Model, o.opts.Host, ErrNoModel)
}

// sameModel compares model names, taking a missing tag as "latest".
func sameModel(a, b string) bool {
	norm := func(s string) string {
		if !strings.Contains(s, ":") {
			return s + ":latest"
		}
		return s
	}
	return norm(a) == norm(b)
}

func (o *Ollama) setAvailable(ok bool, digest string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.info.Available = ok
	if digest != "" {
		if !strings.HasPrefix(digest, "sha256:") {
			digest = "sha256:" + digest
		}
		o.info.Digest = digest
	}
}

// Generate streams the model's answer to prompt, calling fn with each
// piece of text. It returns ErrInterrupted when the stream ends before the
// model says it is done, and a timeout error when the model goes silent.
func (o *Ollama) Generate(ctx context.Context, p Prompt, fn func(string) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stalled := fmt.Errorf("%w: no token within the timeout", ErrInterrupted)
	timer := time.AfterFunc(o.opts.FirstTokenTimeout, func() { cancel(stalled) })
	defer timer.Stop()

	stream := true
	done := false
	req := &api.ChatRequest{
		Model:    o.opts.Model,
		Stream:   &stream,
		Messages: []api.Message{{Role: "system", Content: p.System}, {Role: "user", Content: p.User}},
		Options:  map[string]any{"temperature": 0.2},
	}
	err := o.client.Chat(ctx, req, func(r api.ChatResponse) error {
		timer.Reset(o.opts.TokenTimeout)
		if r.Message.Content != "" {
			if err := fn(r.Message.Content); err != nil {
				return err
			}
		}
		if r.Done {
			done = true
		}
		return nil
	})
	if cause := context.Cause(ctx); cause != nil && errors.Is(cause, stalled) {
		return stalled
	}
	if err != nil {
		if ctx.Err() != nil && context.Cause(ctx) == ctx.Err() {
			return fmt.Errorf("ollama chat: %w", err) // the caller gave up
		}
		// Ollama failed: mark the model unavailable until the next
		// successful Probe.
		o.setAvailable(false, "")
		var se api.StatusError
		if errors.As(err, &se) && se.StatusCode == http.StatusNotFound {
			return fmt.Errorf("%q: %w", o.opts.Model, ErrNoModel)
		}
		return fmt.Errorf("ollama chat: %w", err)
	}
	if !done {
		o.setAvailable(false, "")
		return ErrInterrupted
	}
	return nil
}
