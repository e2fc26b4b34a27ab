package web

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
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

type noTranscripts struct{}

func (noTranscripts) Conversation(context.Context, string) ([]audit.Event, error) { return nil, nil }
func (noTranscripts) ConversationRef(c string) string                             { return "k_" + c }

func newTestServer(a Asker) *httptest.Server {
	return httptest.NewServer(New(a, noTranscripts{}, Options{Company: "Testco"}).Handler())
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newTestServer(tt.asker)
			defer srv.Close()
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
			srv := newTestServer(tt.asker)
			defer srv.Close()
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/ask", strings.NewReader(`{"question":"hi"}`))
			req.Header.Set("Accept", "text/event-stream")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if got := strings.Join(readSSE(t, resp), " "); got != tt.want {
				t.Fatalf("events = %q, want %q", got, tt.want)
			}
			if resp.Header.Get("Cache-Control") != "no-cache" {
				t.Fatal("stream is cacheable")
			}
		})
	}
}

func TestSecurityHeadersAndPage(t *testing.T) {
	srv := newTestServer(&fakeAsker{})
	defer srv.Close()
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
	if !strings.Contains(b.String(), `lang="da"`) || !strings.Contains(b.String(), inference.Disclosure("da")) || !strings.Contains(b.String(), "Testco · Kundeservice") ||
		!strings.Contains(b.String(), `data-helpful="Hjalp svaret?"`) {
		t.Errorf("page = %.400s", b.String())
	}
	resp, _ = http.Get(srv.URL + "/static/chat.js")
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("chat.js = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// TestPageWordsComplete checks that the chat page has every word in every
// language it speaks.
func TestPageWordsComplete(t *testing.T) {
	for _, lang := range []string{"en", "da", "zh-Hans", "zh-Hant", "ms"} {
		w, ok := pageText[lang]
		if !ok {
			t.Errorf("no wording for %s", lang)
			continue
		}
		v := reflect.ValueOf(w)
		for i := range v.NumField() {
			if v.Field(i).String() == "" {
				t.Errorf("%s: %s is empty", lang, v.Type().Field(i).Name)
			}
		}
	}
}

func TestPreferredLanguage(t *testing.T) {
	tests := map[string]string{
		"": "en", "zh-TW,zh;q=0.9": "zh-Hant", "fr-FR, ms;q=0.5": "ms", "de": "en", "zh-CN": "zh-Hans",
	}
	for in, want := range tests {
		if got := preferredLanguage(in); got != want {
			t.Errorf("preferredLanguage(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestReadyz(t *testing.T) {
	s := New(&fakeAsker{}, noTranscripts{}, Options{Ready: map[string]Check{
		"index": func(context.Context) error { return nil },
		"store": func(context.Context) error { return errors.New("not open") },
	}})
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	var body struct {
		Ready  bool
		Checks map[string]string
	}
	json.Unmarshal(rec.Body.Bytes(), &body)
	if rec.Code != 503 || body.Ready || body.Checks["store"] != "not open" || body.Checks["index"] != "ok" {
		t.Fatalf("readyz = %d %s", rec.Code, rec.Body.String())
	}
}
