package ollama

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hushdesk/hushdesk/inference"
)

var _ inference.Generator = (*Pool)(nil)

// Pool is the chat model served by one or more Ollama hosts: each answer
// goes to the healthy host with the fewest answers under way; a host that
// fails before the first token is passed over for the next; a host
// serving another build of the model than the pinned digest is taken out
// until it serves the pinned one again. With one host it is that host.
type Pool struct {
	hosts []*poolHost
	log   *slog.Logger

	mu  sync.Mutex
	pin string // the model's digest every answer must come from; set by the first probe when not given
}

type poolHost struct {
	chat     *Chat
	inflight atomic.Int64
	// other is set while the host serves a digest other than the pin.
	other atomic.Bool
}

// NewPool returns the chat model opts.Model on every host of hosts
// (addresses as ParseHost reads them). pin, when not empty, is the
// model's digest ("sha256:..."); otherwise the first host to answer a
// probe sets it. It does not contact Ollama; call Probe.
func NewPool(opts ChatOptions, hosts []string, pin string) (*Pool, error) {
	if len(hosts) == 0 {
		hosts = []string{opts.Host}
	}
	opts = opts.withDefaults()
	p := &Pool{log: opts.Logger, pin: normalDigest(pin)}
	seen := map[string]bool{}
	for _, h := range hosts {
		o := opts
		o.Host = strings.TrimSpace(h)
		c, err := NewChat(o)
		if err != nil {
			return nil, err
		}
		if seen[c.opts.Host] {
			return nil, fmt.Errorf("%w: %s is given twice", ErrBadHost, c.opts.Host)
		}
		seen[c.opts.Host] = true
		p.hosts = append(p.hosts, &poolHost{chat: c})
	}
	return p, nil
}

// Hosts returns the hosts' addresses.
func (p *Pool) Hosts() []string {
	out := make([]string, len(p.hosts))
	for i, h := range p.hosts {
		out[i] = h.chat.opts.Host
	}
	return out
}

// Model describes the pinned model; it is available while any host
// serves it.
func (p *Pool) Model() inference.ModelInfo {
	p.mu.Lock()
	pin := p.pin
	p.mu.Unlock()
	info := inference.ModelInfo{Name: p.hosts[0].chat.opts.Model, Digest: pin}
	for _, h := range p.hosts {
		if h.serving() {
			info.Available = true
			if info.Digest == "" {
				info.Digest = h.chat.Model().Digest
			}
		}
	}
	return info
}

// serving reports whether the host answers with the pinned model.
func (h *poolHost) serving() bool { return h.chat.Model().Available && !h.other.Load() }

// Probe asks every host whether it runs and serves the model, and with
// which digest. The first digest seen is pinned when none was given; a
// host with another digest is taken out, and logged. It fails only when
// no host serves the pinned model.
func (p *Pool) Probe(ctx context.Context) error {
	var errs []error
	for _, h := range p.hosts {
		if err := h.chat.Probe(ctx); err != nil {
			errs = append(errs, err)
			continue
		}
		digest := h.chat.Model().Digest
		p.mu.Lock()
		if p.pin == "" {
			p.pin = digest
		}
		pin := p.pin
		p.mu.Unlock()
		other := digest != pin
		if other && !h.other.Load() {
			p.log.Warn("a model host serves another build of the model; it is left out until it serves the pinned one",
				"host", h.chat.opts.Host, "model", h.chat.opts.Model, "digest", digest, "pinned", pin)
		}
		if !other && h.other.Load() {
			p.log.Info("a model host serves the pinned model again", "host", h.chat.opts.Host)
		}
		h.other.Store(other)
	}
	if p.Model().Available {
		return nil
	}
	if len(errs) == 0 {
		return fmt.Errorf("%w: no host serves the pinned build %s", inference.ErrNoModel, p.Model().Digest)
	}
	return errors.Join(errs...)
}

// Generate streams the answer from the least busy host serving the
// pinned model. A host that fails before its first token is passed over
// for the next (the customer has seen nothing yet); once tokens have come,
// a failure is the answer's. The finish names the digest of the host
// that answered.
func (p *Pool) Generate(ctx context.Context, prompt inference.Prompt, fn func(string) error) (inference.Finish, error) {
	order := make([]*poolHost, 0, len(p.hosts))
	for _, h := range p.hosts {
		if h.serving() {
			order = append(order, h)
		}
	}
	if len(order) == 0 {
		return inference.Finish{}, fmt.Errorf("%w: no model host is available", inference.ErrUnreachable)
	}
	slices.SortStableFunc(order, func(a, b *poolHost) int { return cmp.Compare(a.inflight.Load(), b.inflight.Load()) })
	var last error
	for _, h := range order {
		started, callerFailed := false, false
		h.inflight.Add(1)
		fin, err := h.chat.Generate(ctx, prompt, func(tok string) error {
			started = true
			if err := fn(tok); err != nil {
				callerFailed = true
				return err
			}
			return nil
		})
		h.inflight.Add(-1)
		if err == nil {
			fin.Digest = h.chat.Model().Digest
			return fin, nil
		}
		if started || callerFailed || ctx.Err() != nil {
			return fin, err
		}
		last = err
		p.log.Warn("a model host failed before its first token; trying the next", "host", h.chat.opts.Host, "err_class", errorClass(err))
	}
	return inference.Finish{}, last
}

// errorClass names a failure for the log without its message.
func errorClass(err error) string {
	switch {
	case errors.Is(err, inference.ErrNoModel):
		return "no_model"
	case errors.Is(err, inference.ErrInterrupted):
		return "interrupted"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	}
	return "unreachable"
}

// normalDigest writes a digest as "sha256:...".
func normalDigest(d string) string {
	d = strings.TrimSpace(d)
	if d != "" && !strings.HasPrefix(d, "sha256:") {
		d = "sha256:" + d
	}
	return d
}
