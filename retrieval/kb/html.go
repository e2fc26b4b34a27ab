package kb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// skipped are HTML elements whose text is not content.
var skipped = map[string]bool{"script": true, "style": true, "nav": true, "header": true, "footer": true,
	"noscript": true, "template": true, "svg": true, "form": true, "aside": true}

// ctxCheckEvery is how many HTML tokens are read between two looks at
// the context.
const ctxCheckEvery = 1024

// htmlPage is what is read of an HTML page.
type htmlPage struct {
	title, text string
	canonical   string // the href of its canonical link, if any
}

// htmlToMarkdown extracts the title, the readable text and the canonical
// link of an HTML page, keeping headings as Markdown headings and
// paragraphs apart. It stops when ctx ends.
func htmlToMarkdown(ctx context.Context, r io.Reader) (htmlPage, error) {
	z := html.NewTokenizer(r)
	var (
		page    htmlPage
		b       strings.Builder
		skip    int
		inTitle bool
	)
	for n := 1; ; n++ {
		if n%ctxCheckEvery == 0 && ctx.Err() != nil {
			return htmlPage{}, fmt.Errorf("parse html: %w", context.Cause(ctx))
		}
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if errors.Is(z.Err(), io.EOF) {
				page.title, page.text = strings.TrimSpace(page.title), tidy(b.String())
				return page, nil
			}
			return htmlPage{}, fmt.Errorf("parse html: %w", z.Err())
		case html.SelfClosingTagToken, html.StartTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if tag == "link" && hasAttr {
				var rel, href string
				for more := true; more; {
					var k, v []byte
					k, v, more = z.TagAttr()
					switch string(k) {
					case "rel":
						rel = strings.ToLower(string(v))
					case "href":
						href = strings.TrimSpace(string(v))
					}
				}
				if rel == "canonical" && page.canonical == "" {
					page.canonical = href
				}
				continue
			}
			if tt == html.SelfClosingTagToken { // <br/>, <img/>: nothing opens
				if tag == "br" {
					b.WriteString("\n")
				}
				continue
			}
			switch {
			case skipped[tag]:
				skip++
			case tag == "title":
				inTitle = true
			case len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6':
				b.WriteString("\n\n" + strings.Repeat("#", int(tag[1]-'0')) + " ")
			case tag == "p" || tag == "div" || tag == "section" || tag == "article" || tag == "table" || tag == "tr":
				b.WriteString("\n\n")
			case tag == "li":
				b.WriteString("\n- ")
			case tag == "br":
				b.WriteString("\n")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case skipped[tag] && skip > 0:
				skip--
			case tag == "title":
				inTitle = false
			case len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6', tag == "p", tag == "td", tag == "th":
				b.WriteString("\n")
			}
		case html.TextToken:
			text := string(z.Text())
			if inTitle {
				page.title += text
				continue
			}
			if skip == 0 {
				b.WriteString(strings.Join(strings.Fields(text), " "))
				if strings.HasSuffix(text, " ") || strings.HasSuffix(text, "\n") {
					b.WriteByte(' ')
				}
			}
		}
	}
}

// tidy trims lines and collapses runs of blank lines.
func tidy(s string) string {
	var out []string
	blank := true
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, l)
		blank = false
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
