package web

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestConsolePage(t *testing.T) {
	s := newEnv(t, nil, Options{AllowedOrigins: []string{"https://shop.example"}}).srv
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/console", nil))
	h := rec.Header()
	if rec.Code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Fatalf("/console = %d %q", rec.Code, h.Get("Content-Type"))
	}
	// Never framed, even though the chat page may be.
	if h.Get("X-Frame-Options") != "DENY" || !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("framing headers: %v", h)
	}
	doc, err := html.Parse(strings.NewReader(rec.Body.String()))
	if err != nil {
		t.Fatal(err)
	}
	var assets []string
	labels := map[string]bool{}
	var controls []*html.Node
	walkHTML(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if htmlAttr(n, "style") != "" || n.Data == "style" {
			t.Errorf("inline style on <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("inline handler %s on <%s>", a.Key, n.Data)
			}
		}
		switch n.Data {
		case "script":
			if htmlAttr(n, "src") == "" {
				t.Error("inline <script>")
			}
			assets = append(assets, htmlAttr(n, "src"))
		case "link":
			assets = append(assets, htmlAttr(n, "href"))
		case "label":
			labels[htmlAttr(n, "for")] = true
		case "input", "select", "textarea", "button":
			controls = append(controls, n)
		}
	})
	// Every control has a name a screen reader can say.
	for _, n := range controls {
		switch {
		case n.Data == "button":
			if strings.TrimSpace(htmlText(n)) == "" && htmlAttr(n, "aria-label") == "" {
				t.Errorf("button without a name: %v", n.Attr)
			}
		case htmlAttr(n, "aria-label") == "" && !labels[htmlAttr(n, "id")] && !insideLabel(n):
			t.Errorf("<%s id=%q> has no label", n.Data, htmlAttr(n, "id"))
		}
	}
	if len(assets) < 3 {
		t.Fatalf("assets = %v", assets)
	}
	for _, a := range assets {
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, a, nil))
		want := map[bool]string{true: "text/css", false: "text/javascript"}[strings.HasSuffix(a, ".css")]
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), want) || rec.Header().Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s = %d %q", a, rec.Code, rec.Header().Get("Content-Type"))
		}
	}

	rec = httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/console/", nil))
	if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/console" {
		t.Errorf("/console/ = %d %q", rec.Code, rec.Header().Get("Location"))
	}
	rec = httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/console/static/nope.js", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("missing asset = %d", rec.Code)
	}
}

// TestConsoleViewsMatchNavigation checks that every view a script
// registers has its section and its link, with the roles that may see it.
func TestConsoleViewsMatchNavigation(t *testing.T) {
	page, _ := consoleFiles.ReadFile("console/index.html")
	registered := regexp.MustCompile(`HD\.view\("([a-z]+)", \{\s*roles: "([a-z ]+)"`)
	n := 0
	for _, name := range []string{"queue", "audit", "subjects", "reports", "admin"} {
		js, err := consoleFiles.ReadFile("console/static/" + name + ".js")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range registered.FindAllStringSubmatch(string(js), -1) {
			n++
			view, roles := m[1], m[2]
			if !strings.Contains(string(page), `id="view-`+view+`"`) {
				t.Errorf("view %s has no section", view)
			}
			if !strings.Contains(string(page), `<li data-roles="`+roles+`"><a href="#`+view+`">`) {
				t.Errorf("view %s (roles %q) has no matching link", view, roles)
			}
		}
	}
	if n != 6 {
		t.Errorf("%d views registered, want 6", n)
	}
}

func walkHTML(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, fn)
	}
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func htmlText(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

func insideLabel(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "label" {
			return true
		}
	}
	return false
}
