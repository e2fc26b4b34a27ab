package ollama

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/hushdesk/hushdesk/inference"
)

var _ inference.Generator = (*Chat)(nil)

// Defaults of the caps on one answer (ChatOptions.MaxAnswerTokens and
// MaxAnswerTime).
const (
	DefaultMaxAnswerTokens = 512
	DefaultMaxAnswerTime   = 120 * time.Second
)

// ChatOptions configures a Chat.
type ChatOptions struct {
	// Host is Ollama's address (see ParseHost). Default DefaultHost.
	Host string
	// Model is the chat model's name. Required.
	Model string
	// FirstTokenTimeout bounds the wait for the first token (the model may
	// need loading). Default 60s.
	FirstTokenTimeout time.Duration
	// TokenTimeout bounds the wait between two tokens. Default 20s.
	TokenTimeout time.Duration
	// MaxAnswerTokens caps what the model may write (Ollama's
	// num_predict). Default DefaultMaxAnswerTokens.
	MaxAnswerTokens int
	// MaxAnswerTime caps the whole answer, from the request to the last
	// token. Default DefaultMaxAnswerTime.
	MaxAnswerTime time.Duration
	// Temperature of the answers. Default 0.2.
	Temperature float64
	// HTTPClient is used for every request. Default: no proxy, no overall
	// timeout.
	HTTPClient *http.Client
	Logger     *slog.Logger
}

func (o ChatOptions) withDefaults() ChatOptions {
	if o.FirstTokenTimeout <= 0 {
		o.FirstTokenTimeout = 60 * time.Second
	}
	if o.TokenTimeout <= 0 {
		o.TokenTimeout = 20 * time.Second
	}
	if o.MaxAnswerTokens <= 0 {
		o.MaxAnswerTokens = DefaultMaxAnswerTokens
	}
	if o.MaxAnswerTime <= 0 {
		o.MaxAnswerTime = DefaultMaxAnswerTime
	}
	if o.Temperature == 0 {
		o.Temperature = 0.2
	}
	if o.HTTPClient == nil {
		o.HTTPClient = newHTTPClient(64)
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Chat generates answers with a chat model served by Ollama.
type Chat struct {
	client *api.Client // for the model list; answers stream through chatStream
	base   *url.URL
	opts   ChatOptions

	mu   sync.Mutex
	info inference.ModelInfo
}

// NewChat returns a chat model for opts.Model at opts.Host. It does not
// contact Ollama; call Probe.
func NewChat(opts ChatOptions) (*Chat, error) {
	if opts.Model == "" {
		return nil, fmt.Errorf("%w: no chat model name", ErrBadHost)
	}
	u, err := ParseHost(opts.Host)
	if err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	opts.Host = u.String()
	return &Chat{client: api.NewClient(u, opts.HTTPClient), base: u, opts: opts, info: inference.ModelInfo{Name: opts.Model}}, nil
}

// Model returns what is known about the model.
func (c *Chat) Model() inference.ModelInfo {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.info
}

// Probe asks Ollama whether it runs and has the model, and records the
// model's digest.
func (c *Chat) Probe(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	list, err := c.client.List(ctx)
	if err != nil {
		c.setAvailable(false, "")
		return fmt.Errorf("%w at %s: %w", inference.ErrUnreachable, c.opts.Host, err)
	}
	for _, m := range list.Models {
		if sameModel(m.Name, c.opts.Model) || sameModel(m.Model, c.opts.Model) {
			c.setAvailable(true, m.Digest)
			return nil
		}
	}
	c.setAvailable(false, "")
	return fmt.Errorf("%q at %s: %w", c.opts.Model, c.opts.Host, inference.ErrNoModel)
}

func (c *Chat) setAvailable(ok bool, digest string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.info.Available = ok
	if digest != "" {
		if len(digest) < 7 || digest[:7] != "sha256:" {
			digest = "sha256:" + digest
		}
		c.info.Digest = digest
	}
}

// callerError carries an error that the caller's callback returned: the
// caller's failure (a customer who went away), not the model's.
type callerError struct{ err error }

func (e callerError) Error() string { return e.err.Error() }
func (e callerError) Unwrap() error { return e.err }

// Generate streams the model's answer to p, calling fn with each piece of
// text. It returns inference.ErrInterrupted when the stream ends before
// the model says it is done or the model goes silent, and the error of fn
// as it is when fn fails. Only a failure of the model server marks the
// model unavailable until the next successful Probe: a caller that goes
// away never does.
func (c *Chat) Generate(ctx context.Context, p inference.Prompt, fn func(string) error) (inference.Finish, error) {
	var fin inference.Finish
	caller := ctx
	total, cancelTotal := context.WithTimeout(caller, c.opts.MaxAnswerTime)
	defer cancelTotal()
	ctx, cancel := context.WithCancelCause(total)
	defer cancel(nil)
	stalled := fmt.Errorf("%w: no token within the timeout", inference.ErrInterrupted)
	timer := time.AfterFunc(c.opts.FirstTokenTimeout, func() { cancel(stalled) })
	defer timer.Stop()

	stream, done := true, false
	msgs := make([]api.Message, 0, len(p.History)+2)
	msgs = append(msgs, api.Message{Role: "system", Content: p.System})
	for _, m := range p.History {
		msgs = append(msgs, api.Message{Role: m.Role, Content: m.Content})
	}
	msgs = append(msgs, api.Message{Role: "user", Content: p.User})
	predict := c.opts.MaxAnswerTokens
	if p.MaxTokens > 0 && p.MaxTokens < predict {
		predict = p.MaxTokens
	}
	req := &api.ChatRequest{
		Model:    c.opts.Model,
		Stream:   &stream,
		Messages: msgs,
		Options:  map[string]any{"temperature": c.opts.Temperature, "num_predict": predict},
	}
	err := chatStream(ctx, c.opts.HTTPClient, c.base, req, func(r api.ChatResponse) error {
		timer.Reset(c.opts.TokenTimeout)
		if r.Message.Content != "" {
			if err := fn(r.Message.Content); err != nil {
				return callerError{err}
			}
		}
		if r.Done {
			done = true
			fin.Tokens = r.EvalCount
			fin.Capped = r.DoneReason == "length"
		}
		return nil
	})
	var ce callerError
	switch {
	case errors.As(err, &ce):
		return fin, ce.err
	case errors.Is(context.Cause(ctx), stalled):
		return fin, stalled
	case caller.Err() != nil:
		return fin, fmt.Errorf("ollama chat: %w", caller.Err()) // the caller gave up
	case total.Err() != nil:
		// The answer took longer than allowed: cut, not broken.
		return fin, fmt.Errorf("%w: the answer took longer than %s", inference.ErrInterrupted, c.opts.MaxAnswerTime)
	case err != nil:
		// Ollama failed: mark the model unavailable until the next
		// successful Probe.
		c.setAvailable(false, "")
		var se api.StatusError
		if errors.As(err, &se) && se.StatusCode == http.StatusNotFound {
			return fin, fmt.Errorf("%q: %w", c.opts.Model, inference.ErrNoModel)
		}
		return fin, fmt.Errorf("ollama chat: %w", err)
	case !done:
		c.setAvailable(false, "")
		return fin, inference.ErrInterrupted
	}
	return fin, nil
}
