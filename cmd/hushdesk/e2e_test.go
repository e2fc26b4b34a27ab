package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/ollamatest"
	"github.com/hushdesk/hushdesk/web"
)

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testSubjectSecret is the test servers' key for customer ids: without
// one, ids from the chat are not linked to anyone.
const testSubjectSecret = "test-subject-secret-0123456789abcdef"

// subject signs a customer id as the embedding site would.
func (ts *testServer) subject(id string) string {
	return web.SignSubject(testSubjectSecret, id, time.Now().Add(time.Hour))
}

// testServer is a real hushdesk server on a loopback port.
type testServer struct {
	URL    string
	Main   *Main
	Logs   *syncBuffer
	Ollama *ollamatest.Server
	stop   func()
}

// startServer runs the full server, wired as the binary wires it, against
// a fake Ollama; edit adjusts the configuration first.
func startServer(t testing.TB, edit func(*Config)) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return startServerOn(t, ln, edit)
}

// startServerOn is startServer on a listener the test made, so that it
// knows the server's address before configuring it.
func startServerOn(t testing.TB, ln net.Listener, edit func(*Config)) *testServer {
	t.Helper()
	ts := &testServer{Logs: &syncBuffer{}, Ollama: ollamatest.NewServer("test-model:1b")}
	t.Cleanup(ts.Ollama.Close)
	c := Config{
		Data: t.TempDir(), Ollama: ts.Ollama.URL, Model: "test-model:1b", Company: "Larkspur Home",
		MaxQuestionChars: 4000, MinConfidence: 0.3, LogLevel: slog.LevelDebug, LogFormat: "json",
		AskRate: -1, PersonalData: "redact", SubjectSecret: testSubjectSecret, ChatKeep: 24 * time.Hour,
	}
	if edit != nil {
		edit(&c)
	}
	ts.URL = "http://" + ln.Addr().String()
	ts.Main = NewMain(c, ts.Logs)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ts.Main.Serve(ctx, ln) }()
	var once sync.Once
	ts.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Serve: %v", err)
			}
			ts.Main.Close()
		})
	}
	t.Cleanup(ts.stop)
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(ts.URL + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return ts
			}
		}
		select {
		case err := <-done:
			t.Fatalf("server stopped: %v\n%s", err, ts.Logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not ready\n%s", ts.Logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type askReply struct {
	ConversationID string `json:"conversation_id"`
	MessageID      string `json:"message_id"`
	Decision       string `json:"decision"`
	ReasonCode     string `json:"reason_code"`
	Answer         string `json:"answer"`
	Language       string `json:"language"`
	Sources        []struct {
		DocID string  `json:"doc_id"`
		Title string  `json:"title"`
		Score float64 `json:"score"`
	} `json:"sources"`
	AIGenerated bool   `json:"ai_generated"`
	Disclosure  string `json:"disclosure"`
	Generator   struct {
		Mode, Model, Digest string
	} `json:"generator"`
	Redactions []struct {
		Type  string `json:"type"`
		Count int    `json:"count"`
	} `json:"redactions"`
	AuditSeq    uint64 `json:"audit_seq"`
	Interrupted bool   `json:"interrupted"`
	Replaced    bool   `json:"replaced"`
}

func (ts *testServer) ask(t testing.TB, body string) (int, askReply, string) {
	t.Helper()
	resp, err := http.Post(ts.URL+"/api/v1/ask", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r askReply
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatalf("decode %s: %v", raw, err)
		}
	}
	return resp.StatusCode, r, string(raw)
}

type sseEvent struct {
	name string
	data string
}

// askStream asks over server-sent events and returns the events.
func (ts *testServer) askStream(t testing.TB, body string) []sseEvent {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/v1/ask", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		raw, _ := io.ReadAll(resp.Body)
		t.Fatalf("content type %q: %s", ct, raw)
	}
	var evs []sseEvent
	var cur sseEvent
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			cur.name = line[7:]
		case strings.HasPrefix(line, "data: "):
			cur.data += line[6:]
		case line == "":
			evs = append(evs, cur)
			cur = sseEvent{}
		}
	}
	return evs
}

func TestEndToEnd(t *testing.T) {
	ts := startServer(t, nil)
	code, r, raw := ts.ask(t, `{"question": "How do I return an item?"}`)
	if code != http.StatusOK || r.Decision != "answer" || r.Generator.Mode != "ollama" ||
		r.Generator.Model != "test-model:1b" || r.Generator.Digest == "" || !r.AIGenerated || r.Disclosure == "" {
		t.Fatalf("ask = %d %s", code, raw)
	}
	// Event 1 records the sample knowledge base being loaded, event 2
	// the configuration of the first start.
	if len(r.Sources) == 0 || r.Sources[0].DocID != "sample/en/returns.md" || r.AuditSeq != 3 || !strings.HasPrefix(r.ConversationID, "c_") {
		t.Fatalf("ask = %s", raw)
	}

	// Streaming, continuing the same conversation.
	evs := ts.askStream(t, fmt.Sprintf(`{"question": "Hvordan returnerer jeg en vare?", "conversation_id": %q}`, r.ConversationID))
	if len(evs) < 3 || evs[0].name != "meta" || evs[len(evs)-1].name != "done" {
		t.Fatalf("events = %+v", evs)
	}
	var streamed strings.Builder
	for _, e := range evs[1 : len(evs)-1] {
		var tok struct{ Text string }
		if e.name != "token" || json.Unmarshal([]byte(e.data), &tok) != nil {
			t.Fatalf("event %+v", e)
		}
		streamed.WriteString(tok.Text)
	}
	var done askReply
	json.Unmarshal([]byte(evs[len(evs)-1].data), &done)
	if done.Answer != streamed.String() || done.Language != "da" || done.AuditSeq != 4 || done.ConversationID != r.ConversationID {
		t.Fatalf("done = %+v, streamed %q", done, streamed.String())
	}
	// The second message was first written as a standalone question by
	// the model, then answered.
	if p := ts.Ollama.Prompts(); len(p) != 3 || !strings.Contains(p[1], "<message>") || !strings.Contains(p[2], "Answer in Danish") {
		t.Fatalf("prompts = %q; done = %+v", p, done)
	}

	// The transcript as stored.
	resp, err := http.Get(ts.URL + "/api/v1/conversations/" + r.ConversationID)
	if err != nil {
		t.Fatal(err)
	}
	var tr struct {
		Messages []struct{ Role, Text, Decision string }
	}
	json.NewDecoder(resp.Body).Decode(&tr)
	resp.Body.Close()
	if len(tr.Messages) != 4 || tr.Messages[0].Role != "customer" || tr.Messages[0].Text != "How do I return an item?" || tr.Messages[3].Decision != "answer" {
		t.Fatalf("transcript = %+v", tr)
	}

	// Metrics and health.
	body := get(t, ts.URL+"/metrics")
	for _, want := range []string{`hushdesk_decisions_total{decision="answer"`, "hushdesk_model_available 1", "hushdesk_ask_duration_seconds_bucket"} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if body := get(t, ts.URL+"/healthz"); !strings.Contains(body, "ok") {
		t.Errorf("healthz = %s", body)
	}
	if page := get(t, ts.URL+"/"); !strings.Contains(page, "AI assistant") || !strings.Contains(page, "/static/chat.js") {
		t.Errorf("chat page = %.300s", page)
	}

	// The log verifies.
	res, err := ts.Main.Store.Verify(context.Background())
	if err != nil || !res.OK || res.Events != 4 {
		t.Fatalf("verify = %+v, %v", res, err)
	}
}

func get(t testing.TB, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestBadRequests(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxQuestionChars = 50 })
	tests := []struct {
		name, body string
		status     int
		msg        string
	}{
		{"empty body", ``, 400, "request body is empty"},
		{"invalid JSON", `{"question": "hi"`, 400, "invalid JSON"},
		{"wrong type", `{"question": 42}`, 400, `"question" must be a string`},
		{"missing question", `{"conversation_id": ""}`, 400, `missing field "question"`},
		{"empty question", `{"question": "   "}`, 400, "question is empty"},
		{"too long", `{"question": "` + strings.Repeat("x", 51) + `"}`, 400, "51 characters, the limit is 50"},
		{"invalid UTF-8", "{\"question\": \"bad \xff\"}", 400, "not valid UTF-8"},
		{"malformed conversation", `{"question": "hi", "conversation_id": "x"}`, 400, "conversation_id is malformed"},
		{"too large", `{"question": "` + strings.Repeat("x", 70<<10) + `"}`, 413, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, raw := ts.ask(t, tt.body)
			var e struct{ Error string }
			json.Unmarshal([]byte(raw), &e)
			if code != tt.status || !strings.Contains(e.Error, tt.msg) {
				t.Fatalf("ask = %d %s, want %d with %q", code, raw, tt.status, tt.msg)
			}
		})
	}
	decisions := 0
	ts.Main.Store.Scan(context.Background(), audit.Filter{Types: []string{audit.TypeDecision}}, false, func(audit.Event) error {
		decisions++
		return nil
	})
	if decisions != 0 {
		t.Fatalf("%d decisions recorded for rejected requests", decisions)
	}
	// A bad streaming request is an ordinary JSON error, not a stream.
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/v1/ask", strings.NewReader(`{"question": ""}`))
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("stream error = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestExtractiveWhenOllamaIsDown(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := "http://" + ln.Addr().String()
	ln.Close()
	ts := startServer(t, func(c *Config) { c.Ollama = closed })
	if !strings.Contains(ts.Logs.String(), "answering extractively") {
		t.Fatalf("no start-up warning:\n%s", ts.Logs.String())
	}
	code, r, raw := ts.ask(t, `{"question": "Hvor lang tid tager levering til Danmark?"}`)
	if code != 200 || r.Generator.Mode != "extractive" || r.Decision != "answer" || !strings.Contains(r.Answer, "[1]") || r.Language != "da" {
		t.Fatalf("ask = %s", raw)
	}
	if !strings.Contains(get(t, ts.URL+"/metrics"), "hushdesk_model_available 0") {
		t.Fatal("metrics do not show the model as unavailable")
	}
}

func TestOllamaDiesMidStream(t *testing.T) {
	ts := startServer(t, nil)
	ts.Ollama.SetBehaviour(ollamatest.DieMidStream)
	start := time.Now()
	evs := ts.askStream(t, `{"question": "How do I return an item?"}`)
	if time.Since(start) > 10*time.Second {
		t.Fatalf("took %s", time.Since(start))
	}
	last := evs[len(evs)-1]
	var done askReply
	json.Unmarshal([]byte(last.data), &done)
	if last.name != "done" || !done.Interrupted || !strings.Contains(done.Answer, "interrupted") || done.Generator.Mode != "extractive" {
		t.Fatalf("last event = %+v", last)
	}
	var buf bytes.Buffer
	if _, err := ts.Main.Store.Export(context.Background(), &buf, exportAll()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"outcome":"model_interrupted"`) {
		t.Fatalf("event does not record the interruption: %s", buf.String())
	}
}

func TestSecondProcessFailsFast(t *testing.T) {
	ts := startServer(t, nil)
	var stderr bytes.Buffer
	start := time.Now()
	code := run(context.Background(), []string{"ask", "--data", ts.Main.Config.Data, "hello"}, strings.NewReader(""), io.Discard, &stderr)
	if code == 0 || time.Since(start) > 3*time.Second || !strings.Contains(stderr.String(), "in use by another hushdesk process") {
		t.Fatalf("second process: exit %d after %s: %s", code, time.Since(start), stderr.String())
	}
	code = run(context.Background(), []string{"audit", "verify", "--data", ts.Main.Config.Data}, strings.NewReader(""), io.Discard, &stderr)
	if code == 0 || !strings.Contains(stderr.String(), "in use") {
		t.Fatalf("audit verify while serving: exit %d: %s", code, stderr.String())
	}
}

// walkFiles calls fn with the contents of every file under dir.
func walkFiles(t *testing.T, dir string, fn func(path string, data []byte)) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fn(p, b)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
}

func TestFeedbackThroughHTTP(t *testing.T) {
	ts := startServer(t, nil)
	_, r, _ := ts.ask(t, `{"question": "How do I return an item?"}`)
	post := func(body string) (int, string) {
		resp, err := http.Post(ts.URL+"/api/v1/feedback", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := post(fmt.Sprintf(`{"conversation_id": %q, "message_id": %q, "rating": "down", "comment": "wrong answer"}`, r.ConversationID, r.MessageID))
	if code != 200 || !strings.Contains(body, `"ask":`) || !strings.Contains(body, `"code":"want_person"`) || strings.Contains(body, `"handoff"`) {
		t.Fatalf("thumbs-down = %d %s", code, body)
	}
	code, body = post(fmt.Sprintf(`{"conversation_id": %q, "message_id": %q, "reason": "want_person"}`, r.ConversationID, r.MessageID))
	if code != 200 || !strings.Contains(body, `"decision":"handoff"`) || !strings.Contains(body, `"reason_code":"thumbs_down"`) {
		t.Fatalf("want a person = %d %s", code, body)
	}
	if code, body = post(fmt.Sprintf(`{"conversation_id": %q, "message_id": %q, "solved": "yes"}`, r.ConversationID, r.MessageID)); code != 400 {
		t.Fatalf("solved as a string = %d %s", code, body)
	}
	if code, body = post(fmt.Sprintf(`{"conversation_id": %q, "message_id": "m_other", "rating": "up"}`, r.ConversationID)); code != 404 {
		t.Fatalf("unknown message = %d %s", code, body)
	}
	if code, body = post(fmt.Sprintf(`{"conversation_id": %q, "message_id": %q, "rating": "sideways"}`, r.ConversationID, r.MessageID)); code != 400 || !strings.Contains(body, "rating") {
		t.Fatalf("bad rating = %d %s", code, body)
	}
	if !strings.Contains(get(t, ts.URL+"/metrics"), `hushdesk_feedback_total{rating="down"} 1`) {
		t.Fatal("feedback not counted")
	}
}

// startHTTP serves h on a loopback port for the test's life.
func startHTTP(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// TestSeveralModelHosts: with two model hosts the answers are shared; a
// host that goes away leaves the other answering, and a host serving
// another build of the model than the pinned one answers nothing. Each
// decision records the digest of the host that answered it.
func TestSeveralModelHosts(t *testing.T) {
	a, b := ollamatest.NewServer("test-model:1b"), ollamatest.NewServer("test-model:1b")
	t.Cleanup(a.Close)
	t.Cleanup(b.Close)
	other := strings.Repeat("ab", 32)
	b.SetDigest(other)
	ts := startServer(t, func(c *Config) { c.Ollama = a.URL + "," + b.URL; c.ModelDigest = "sha256:" + ollamatest.Digest })
	for range 3 {
		if _, r, raw := ts.ask(t, `{"question": "How do I return an item?"}`); r.Generator.Mode != "ollama" || r.Generator.Digest != "sha256:"+ollamatest.Digest {
			t.Fatalf("ask = %s", raw)
		}
	}
	if a.Chats() == 0 || b.Chats() != 0 {
		t.Fatalf("chats a=%d b=%d: the other build answered", a.Chats(), b.Chats())
	}
	// The second host serves the pinned build again; then the first goes.
	b.SetDigest(ollamatest.Digest)
	if err := ts.Main.Model.Probe(context.Background()); err != nil {
		t.Fatal(err)
	}
	a.Close()
	for range 2 {
		if _, r, raw := ts.ask(t, `{"question": "How do I return an item?"}`); r.Generator.Mode != "ollama" {
			t.Fatalf("with one host gone: %s", raw)
		}
	}
	if b.Chats() == 0 {
		t.Fatal("the remaining host answered nothing")
	}
}
