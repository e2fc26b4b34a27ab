package web

import (
	"regexp"
	"strings"
	"testing"
)

func TestRenderMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want, not string }{
		{"You can **return** it within *30 days* [1].", "<strong>return</strong>", "**"},
		{"1. Log in\n2. Choose Return item", "<ol>", "1."},
		{"- a\n- b", "<li>a</li>", "- a"},
		{"See [our page](https://larkspur.example/returns).", `rel="nofollow noreferrer noopener"`, "javascript"},
		{"[click](javascript:alert(1))", "click", "javascript"},
		{"<script>alert(1)</script> hi", "&lt;script&gt;alert(1)&lt;/script&gt; hi", "<script"},
		{"<img src=x onerror=alert(1)>", "&lt;img", "<img"},
		{"# Big heading", "<h3>", "<h1>"},
		{"Mail <EMAIL_1> today", "Mail &lt;EMAIL_1&gt; today", "<EMAIL_1>"},
	} {
		got := renderMarkdown(tc.in)
		if !strings.Contains(got, tc.want) || (tc.not != "" && strings.Contains(got, tc.not)) {
			t.Errorf("renderMarkdown(%q) = %q, want %q and no %q", tc.in, got, tc.want, tc.not)
		}
	}
}

// FuzzRenderMarkdown: whatever the text, the output holds only the
// allowed elements, with only the allowed attributes, and links only to
// the allowed schemes. (Text can say "javascript:"; markup cannot.)
func FuzzRenderMarkdown(f *testing.F) {
	for _, s := range []string{"**a**", "<script>x</script>", "[a](javascript:b)", "1. x\n2. y", "<a href=\"javascript:1\">", "[x](https://a.example/?q=<b>)"} {
		f.Add(s)
	}
	allowed := map[string]bool{"p": true, "br": true, "strong": true, "em": true, "del": true, "ul": true, "ol": true, "li": true,
		"code": true, "pre": true, "blockquote": true, "h3": true, "h4": true, "a": true}
	tag := regexp.MustCompile(`<(/?)([a-zA-Z0-9]+)([^>]*)>`)
	attr := regexp.MustCompile(`([a-z]+)="([^"]*)"`)
	f.Fuzz(func(t *testing.T, s string) {
		out := renderMarkdown(s)
		for _, m := range tag.FindAllStringSubmatch(out, -1) {
			if !allowed[strings.ToLower(m[2])] {
				t.Fatalf("renderMarkdown(%q) has <%s>: %q", s, m[2], out)
			}
			for _, a := range attr.FindAllStringSubmatch(m[3], -1) {
				switch a[1] {
				case "rel", "target", "start":
				case "href":
					if !regexp.MustCompile(`^(https?:|mailto:|tel:)`).MatchString(a[2]) {
						t.Fatalf("renderMarkdown(%q) links to %q", s, a[2])
					}
				default:
					t.Fatalf("renderMarkdown(%q) has the attribute %s: %q", s, a[1], out)
				}
			}
		}
	})
}
