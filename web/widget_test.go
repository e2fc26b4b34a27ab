package web

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func TestWidgetAssets(t *testing.T) {
	s := newEnv(t, nil, Options{AllowedOrigins: []string{"https://shop.example"}}).srv
	tests := []struct {
		path, ctype, body string
	}{
		{"/widget.js", "text/javascript", "attachShadow"},
		{"/widget.css", "text/css", ".hd-bubble"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
			h := rec.Header()
			if rec.Code != 200 || !strings.HasPrefix(h.Get("Content-Type"), tt.ctype) || !strings.Contains(rec.Body.String(), tt.body) {
				t.Fatalf("= %d %q, %.80q", rec.Code, h.Get("Content-Type"), rec.Body.String())
			}
			// Other sites' pages load these files.
			if h.Get("Cross-Origin-Resource-Policy") != "cross-origin" || h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("headers %v", h)
			}
			if h.Get("ETag") == "" || !strings.Contains(h.Get("Cache-Control"), "max-age=") {
				t.Errorf("caching headers %v", h)
			}
			req := httptest.NewRequest(http.MethodGet, tt.path, nil)
			req.Header.Set("If-None-Match", h.Get("ETag"))
			rec = httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			if rec.Code != http.StatusNotModified {
				t.Errorf("revalidation = %d, want 304", rec.Code)
			}
		})
	}
}

// TestWidgetCrossOrigin checks what the widget needs from another site:
// a preflight for its JSON posts and a simple GET for the event stream.
func TestWidgetCrossOrigin(t *testing.T) {
	s := newEnv(t, nil, Options{AllowedOrigins: []string{"https://shop.example"}}).srv
	for _, path := range []string{"/api/v1/ask", "/api/v1/feedback", "/api/v1/widget/config"} {
		req := httptest.NewRequest(http.MethodOptions, path, nil)
		req.Header.Set("Origin", "https://shop.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if rec.Header().Get("Access-Control-Allow-Origin") != "https://shop.example" ||
			!strings.Contains(strings.ToLower(rec.Header().Get("Access-Control-Allow-Headers")), "content-type") {
			t.Errorf("preflight %s = %d %v", path, rec.Code, rec.Header())
		}
	}
	req := httptest.NewRequest(http.MethodGet, "/api/v1/widget/config?lang=da", nil)
	req.Header.Set("Origin", "https://shop.example")
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Header().Get("Access-Control-Allow-Origin") != "https://shop.example" || !strings.Contains(rec.Body.String(), `"language":"da"`) {
		t.Errorf("config = %d %v %s", rec.Code, rec.Header(), rec.Body.String())
	}
}

// unsafeScript matches what must never appear in the widget or console
// scripts: HTML insertion, code from strings, styles from strings.
var unsafeScript = regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|` +
	`setTimeout\(\s*["']|setAttribute\(\s*["']style|\.style\.cssText|\.style\s*=`)

// externalURL matches an absolute or protocol-relative URL.
var externalURL = regexp.MustCompile(`(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}`)

func TestWidgetAndConsoleScriptsAreCSPSafe(t *testing.T) {
	check := func(t *testing.T, fsys fs.FS, root string) {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			src := string(b)
			if m := unsafeScript.FindString(src); m != "" {
				t.Errorf("%s uses %q", p, m)
			}
			for _, u := range externalURL.FindAllString(src, -1) {
				// The SVG namespace is a name, not a resource; the other is
				// the embedding example in a comment.
				if u != "http://www.w3.org" && u != "https://support.example.com" {
					t.Errorf("%s refers to an outside resource %q", p, u)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	check(t, widgetFiles, "widget")
	check(t, consoleFiles, "console")
	js, _ := widgetFiles.ReadFile("widget/widget.js")
	for _, want := range []string{"document.currentScript", "attachShadow", `"iframe"`, "/widget.css", "e.origin !== origin"} {
		if !strings.Contains(string(js), want) {
			t.Errorf("widget.js lacks %s", want)
		}
	}
	// The site's page holds nothing of the conversation: the chat, its id
	// and its messages live in the frame, in the server's origin.
	for _, never := range []string{"localStorage", "sessionStorage", "document.cookie", "conversation_id"} {
		if strings.Contains(string(js), never) {
			t.Errorf("widget.js uses %s", never)
		}
	}
	// The chat page inserts HTML in one place: what the server rendered
	// and sanitised.
	chat, _ := uiFiles.ReadFile("ui/chat.js")
	if n := strings.Count(string(chat), "innerHTML"); n != 1 || !strings.Contains(string(chat), "node.innerHTML = html; // rendered and sanitised by the server") {
		t.Errorf("chat.js sets innerHTML %d times, or elsewhere than setHTML", n)
	}
}
