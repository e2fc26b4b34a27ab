// Package ollamatest provides a fake Ollama server for tests: a real HTTP
// server speaking Ollama's API (model list, streamed NDJSON chat) whose
// behaviour a test controls. No model is involved.
package ollamatest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Behaviour selects how the fake answers a chat.
type Behaviour int

const (
	// Answer streams the reply and finishes normally.
	Answer Behaviour = iota
	// DieMidStream sends part of the reply and drops the connection.
	DieMidStream
	// Stall sends part of the reply and then goes silent until the
	// client gives up.
	Stall
	// NoModel answers every chat with 404, as Ollama does for a model it
	// does not have.
	NoModel
)

// Digest is the digest the fake reports for its model.
const Digest = "9f4a2c1b7e3d5a6f8b0c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f0a2b4c6d8e0f1a"

// Server is a fake Ollama.
type Server struct {
	*httptest.Server
	Model string

	mu        sync.Mutex
	behaviour Behaviour
	digest    string
	reply     func(system, user string) string
	condense  func(history []Message, message string) string
	tokenGap  time.Duration
	// prompts holds the user prompts received, in order; requests the
	// whole chat requests.
	prompts  []string
	requests []ChatRequest
	chats    atomic.Int64
}

// NewServer starts a fake Ollama serving model. By default it answers
// every chat, as fast as it can, by quoting the first two lines of the
// first source in the prompt and citing it as [1]: a grounded answer in
// the sources' language, as a good model would give.
func NewServer(model string) *Server {
	s := &Server{Model: model, reply: QuoteFirstSource, condense: JoinPrevious, digest: Digest}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/tags", s.tags)
	mux.HandleFunc("POST /api/chat", s.chat)
	mux.HandleFunc("POST /api/embed", s.embed)
	mux.HandleFunc("GET /api/version", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte(`{"version":"0.17.4"}`))
	})
	s.Server = httptest.NewServer(mux)
	return s
}

// SetDigest changes the digest the fake reports for its model, as a
// host serving another build of it would.
func (s *Server) SetDigest(d string) {
	s.mu.Lock()
	s.digest = d
	s.mu.Unlock()
}

// SetBehaviour changes how the next chats are answered.
func (s *Server) SetBehaviour(b Behaviour) {
	s.mu.Lock()
	s.behaviour = b
	s.mu.Unlock()
}

// SetReply sets the function that writes the model's answer.
func (s *Server) SetReply(f func(system, user string) string) {
	s.mu.Lock()
	s.reply = f
	s.mu.Unlock()
}

// SetCondense sets the function that writes the standalone question of
// a follow-up: the answer to a chat whose last message holds the
// customer's message in <message> tags. history is the chat before it.
func (s *Server) SetCondense(f func(history []Message, message string) string) {
	s.mu.Lock()
	s.condense = f
	s.mu.Unlock()
}

// SetTokenGap makes the fake wait between tokens.
func (s *Server) SetTokenGap(d time.Duration) {
	s.mu.Lock()
	s.tokenGap = d
	s.mu.Unlock()
}

// Prompts returns the user prompts received so far.
func (s *Server) Prompts() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.prompts...)
}

// Chats returns how many chat requests arrived.
func (s *Server) Chats() int64 { return s.chats.Load() }

func (s *Server) tags(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	b, digest := s.behaviour, s.digest
	s.mu.Unlock()
	models := []map[string]any{}
	if b != NoModel {
		models = append(models, map[string]any{"name": s.Model, "model": s.Model, "digest": digest, "size": 1})
	}
	json.NewEncoder(w).Encode(map[string]any{"models": models})
}

// ChatRequest is a chat request as the fake received it.
type ChatRequest struct {
	Model    string         `json:"model"`
	Messages []Message      `json:"messages"`
	Options  map[string]any `json:"options"`
}

// Message is one message of a chat request.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Requests returns the chat requests received so far.
func (s *Server) Requests() []ChatRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ChatRequest(nil), s.requests...)
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	s.chats.Add(1)
	var req ChatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"error":"bad request"}`, http.StatusBadRequest)
		return
	}
	var system, user string
	for _, m := range req.Messages {
		switch m.Role {
		case "system":
			system = m.Content
		case "user":
			user = m.Content // the last user message is the question
		}
	}
	s.mu.Lock()
	b, reply, condense, gap := s.behaviour, s.reply, s.condense, s.tokenGap
	s.prompts = append(s.prompts, user)
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	text := func() string {
		if msg, ok := between(user, "<message>", "</message>"); ok {
			var history []Message
			for _, m := range req.Messages[:len(req.Messages)-1] {
				if m.Role != "system" {
					history = append(history, m)
				}
			}
			return condense(history, msg)
		}
		return reply(system, user)
	}
	if b == NoModel || req.Model != s.Model {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"error":"model '` + req.Model + `' not found"}`))
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	flusher := w.(http.Flusher)
	tokens := splitTokens(text())
	doneReason := "stop"
	if n, ok := req.Options["num_predict"].(float64); ok && n > 0 && len(tokens) > int(n) {
		tokens, doneReason = tokens[:int(n)], "length" // as Ollama stops at num_predict
	}
	enc := json.NewEncoder(w)
	for i, tok := range tokens {
		if (b == DieMidStream || b == Stall) && i == len(tokens)/2 {
			flusher.Flush()
			if b == DieMidStream {
				if hj, ok := w.(http.Hijacker); ok {
					conn, _, err := hj.Hijack()
					if err == nil {
						conn.Close()
					}
				}
				return
			}
			<-r.Context().Done()
			return
		}
		enc.Encode(map[string]any{"model": s.Model, "created_at": time.Now().UTC(), "message": map[string]string{"role": "assistant", "content": tok}, "done": false})
		flusher.Flush()
		if gap > 0 {
			time.Sleep(gap)
		}
	}
	enc.Encode(map[string]any{"model": s.Model, "created_at": time.Now().UTC(), "message": map[string]string{"role": "assistant", "content": ""}, "done": true, "done_reason": doneReason, "eval_count": len(tokens)})
	flusher.Flush()
}

// QuoteFirstSource answers with the first two lines of the prompt's
// first <source> block, cited as [1].
func QuoteFirstSource(_, user string) string {
	_, rest, ok := strings.Cut(user, "<source id=\"1\"")
	if !ok {
		return "I do not know."
	}
	_, rest, _ = strings.Cut(rest, ">\n")
	body, _, _ := strings.Cut(rest, "</source>")
	var out []string
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "-*0123456789. "))
		if line != "" {
			out = append(out, line)
		}
		if len(out) == 2 {
			break
		}
	}
	return strings.Join(out, " ") + " [1]"
}

// JoinPrevious writes a follow-up's standalone question as a weak model
// would: the message, then the customer's question before it.
func JoinPrevious(history []Message, message string) string {
	for i := len(history) - 1; i >= 0; i-- {
		if history[i].Role == "user" {
			prev, ok := between(history[i].Content, "<question>", "</question>")
			if !ok {
				prev = history[i].Content
			}
			return message + " " + prev
		}
	}
	return message
}

// between returns the text between the first open and the next close,
// trimmed.
func between(s, open, close string) (string, bool) {
	_, rest, ok := strings.Cut(s, open)
	if !ok {
		return "", false
	}
	in, _, ok := strings.Cut(rest, close)
	return strings.TrimSpace(in), ok
}

// splitTokens cuts text into word-sized pieces, keeping the spaces.
func splitTokens(text string) []string {
	var out []string
	for len(text) > 0 {
		i := strings.IndexByte(text[1:], ' ')
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i+1])
		text = text[i+1:]
	}
	return out
}
