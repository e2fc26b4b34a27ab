package web

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// fakeAsker answers every question with two tokens.
type fakeAsker struct {
	err      error
	midError error
}

func (f *fakeAsker) Ask(ctx context.Context, q inference.Question, s *inference.Stream) (inference.Reply, error) {
	if f.err != nil {
		return inference.Reply{}, f.err
	}
	r := inference.Reply{ConversationID: "c_AAAAAAAAAAAAAAAAAAAAAA", Decision: "answer", Answer: "Hello world", Language: "en", AuditSeq: 7}
	if s != nil {
		s.Meta(r)
		s.Token("Hello ")
		if f.midError != nil {
			return inference.Reply{}, f.midError
		}
		s.Token("world")
	}
	return r, nil
}

func newTestServer(t *testing.T, a *fakeAsker) *httptest.Server {
	t.Helper()
	return newEnv(t, a, Options{Company: "Testco"}).serve(t)
}

func TestAskJSONAndErrors(t *testing.T) {
	tests := []struct {
		name   string
		asker  *fakeAsker
		body   string
		status int
		want   string
	}{
		{"ok", &fakeAsker{}, `{"question":"hi"}`, 200, `"audit_seq":7`},
		{"bad input from the assistant", &fakeAsker{err: inference.ErrEmptyQuestion}, `{"question":""}`, 400, "question is empty"},
		{"server fault hides detail", &fakeAsker{err: errors.New("disk on fire at /secret/path")}, `{"question":"hi"}`, 500, "internal error"},
		{"trailing garbage", &fakeAsker{}, `{"question":"hi"} x`, 400, "invalid JSON"},
		{"disk full", &fakeAsker{err: fmt.Errorf("record decision: %w", &fs.PathError{Op: "write", Path: "/secret/path/audit.db", Err: syscall.ENOSPC})},
			`{"question":"hi"}`, 503, "disk is full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newTestServer(t, tt.asker)
			resp, err := http.Post(srv.URL+"/api/v1/ask", "application/json", strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var b strings.Builder
			bufio.NewReader(resp.Body).WriteTo(&b)
			if resp.StatusCode != tt.status || !strings.Contains(b.String(), tt.want) {
				t.Fatalf("= %d %s, want %d with %q", resp.StatusCode, b.String(), tt.status, tt.want)
			}
			if strings.Contains(b.String(), "/secret/path") {
				t.Fatal("internal detail leaked to the client")
			}
		})
	}
}

func readSSE(t *testing.T, resp *http.Response) []string {
	t.Helper()
	var names []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
			names = append(names, name)
		}
	}
	return names
}

func TestAskStream(t *testing.T) {
	for _, tt := range []struct {
		name  string
		asker *fakeAsker
		want  string
	}{
		{"complete", &fakeAsker{}, "meta token token done"},
		{"fails after the first token", &fakeAsker{midError: errors.New("boom")}, "meta token error"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := newTestServer(t, tt.asker)
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/ask", strings.NewReader(`{"question":"hi"}`))
			req.Header.Set("Accept", "text/event-stream")
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if got := strings.Join(readSSE(t, resp), " "); got != tt.want {
				t.Fatalf("events = %q, want %q", got, tt.want)
			}
			if resp.Header.Get("Cache-Control") != "no-store" {
				t.Fatal("stream is cacheable")
			}
		})
	}
}

func TestSecurityHeadersAndPage(t *testing.T) {
	srv := newTestServer(t, &fakeAsker{})
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
	req.Header.Set("Accept-Language", "da-DK,da;q=0.9,en;q=0.8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	bufio.NewReader(resp.Body).WriteTo(&b)
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("missing %s", h)
		}
	}
	if !strings.Contains(b.String(), `lang="da"`) || !strings.Contains(b.String(), catalog.Text(lang.Danish, catalog.Disclosure)) ||
		!strings.Contains(b.String(), "Testco · Kundeservice") || !strings.Contains(b.String(), `maxlength="4000"`) {
		t.Errorf("page = %.400s", b.String())
	}
	resp, _ = http.Get(srv.URL + "/static/chat.js")
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("chat.js = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// TestClientStrings: the chat page and the widget read their words from
// one endpoint, from the catalogue, cached by its version.
func TestClientStrings(t *testing.T) {
	srv := newTestServer(t, &fakeAsker{})
	for _, tt := range []struct {
		query, acceptLanguage string
		want                  lang.Tag
	}{
		{"?lang=da", "", lang.Danish},
		{"?lang=zh-HK", "", lang.ChineseTraditional},
		{"", "fr-FR,ms;q=0.8", lang.Malay},
		{"?lang=xx", "", lang.English},
	} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/v1/strings"+tt.query, nil)
		if tt.acceptLanguage != "" {
			req.Header.Set("Accept-Language", tt.acceptLanguage)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body struct {
			Language lang.Tag
			Version  string
			Strings  map[string]string
		}
		json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if body.Language != tt.want || body.Strings["person"] != catalog.Client(tt.want)["person"] || body.Version != catalog.Version() {
			t.Errorf("%s: %+v", tt.query, body)
		}
		// A revalidation with the ETag costs nothing.
		req2, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/v1/strings"+tt.query, nil)
		req2.Header.Set("Accept-Language", tt.acceptLanguage)
		req2.Header.Set("If-None-Match", resp.Header.Get("ETag"))
		resp2, err := http.DefaultClient.Do(req2)
		if err != nil {
			t.Fatal(err)
		}
		resp2.Body.Close()
		if resp2.StatusCode != http.StatusNotModified {
			t.Errorf("%s: revalidation = %d", tt.query, resp2.StatusCode)
		}
	}
}

// TestClientsReadOnlyCatalogueStrings: every string the chat page's and
// the widget's scripts read exists in the catalogue, so that they cannot
// drift from the server's sentences.
func TestClientsReadOnlyCatalogueStrings(t *testing.T) {
	keys := catalog.Client(lang.English)
	chat, _ := uiFiles.ReadFile("ui/chat.js")
	for _, m := range regexp.MustCompile(`\bT\.([a-z_]+)`).FindAllSubmatch(chat, -1) {
		if _, ok := keys[string(m[1])]; !ok {
			t.Errorf("chat.js reads T.%s, which the catalogue does not have", m[1])
		}
	}
	widget, _ := widgetFiles.ReadFile("widget/widget.js")
	for _, m := range regexp.MustCompile(`\bS\.([a-z_]+)`).FindAllSubmatch(widget, -1) {
		if _, ok := keys[string(m[1])]; !ok {
			t.Errorf("widget.js reads S.%s, which the catalogue does not have", m[1])
		}
	}
	for _, m := range regexp.MustCompile(`\{\{\.T\.([a-z_]+)\}\}`).FindAllSubmatch(mustRead(t, "ui/index.html"), -1) {
		if _, ok := keys[string(m[1])]; !ok {
			t.Errorf("index.html shows T.%s, which the catalogue does not have", m[1])
		}
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := uiFiles.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReadyz: the audit store's readiness is the store's own, not
// assumed.
func TestReadyz(t *testing.T) {
	env := newEnv(t, nil, Options{})
	get := func() (int, string) {
		rec := httptest.NewRecorder()
		env.srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		return rec.Code, rec.Body.String()
	}
	if code, body := get(); code != 200 {
		t.Fatalf("open store: readyz = %d %s", code, body)
	}
	env.store.Close()
	if code, body := get(); code != 503 || !strings.Contains(body, `"audit_store":"audit store is closed"`) {
		t.Fatalf("closed store: readyz = %d %s", code, body)
	}
}
