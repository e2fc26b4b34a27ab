// Package ollama connects Hushdesk to models served by Ollama through the
// official client (github.com/ollama/ollama/api): the chat model that
// writes answers (Chat), the embedding model behind hybrid search
// (Embedder), and the model-assisted pass for names in questions (Names).
//
// It implements interfaces its consumers declare (inference.Generator,
// retrieval.Embedder, redact.NameModel) and is connected to them in
// cmd/hushdesk. Nothing here logs or stores what a model is sent.
package ollama

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// DefaultHost is where Ollama listens unless told otherwise.
const DefaultHost = "http://127.0.0.1:11434"

// ErrBadHost means a model server's address cannot be used.
var ErrBadHost = fault.New(fault.Invalid, "model server address is not a host or an http(s) URL")

// ParseHost reads a model server's address as OLLAMA_HOST accepts it:
// "host:port", "http://host:port" or "https://host"; empty means
// DefaultHost. It is the one place addresses are parsed.
func ParseHost(s string) (*url.URL, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		s = DefaultHost
	}
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %q: %w", ErrBadHost, s, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return nil, fmt.Errorf("%w: %q", ErrBadHost, s)
	}
	u.Path = ""
	return u, nil
}

// newHTTPClient returns a client for a model server: never through a
// proxy (the model runs on this machine or network), with idle
// connections kept for reuse, and no overall timeout (streams are bounded
// by the caller's deadlines).
func newHTTPClient(conns int) *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:               nil,
		MaxIdleConnsPerHost: conns,
		IdleConnTimeout:     90 * time.Second,
	}}
}

// sameModel compares model names, taking a missing tag as "latest".
func sameModel(a, b string) bool { return fullName(a) == fullName(b) }

func fullName(s string) string {
	if !strings.Contains(s, ":") {
		return s + ":latest"
	}
	return s
}
