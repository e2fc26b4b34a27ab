package web

import (
	"bytes"
	"strings"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Answers and agents' replies are written in Markdown (lists, emphasis,
// links). The server renders them, so that every client shows the same
// thing and none has to parse Markdown: goldmark without raw HTML, then
// bluemonday's policy for user content, so that whatever a model, a
// document or an agent wrote, only plain formatting and safe links reach
// the page. Clients insert the result as HTML and nothing else.
var (
	markdown  = goldmark.New(goldmark.WithExtensions(extension.Linkify, extension.Strikethrough))
	sanitizer = func() *bluemonday.Policy {
		p := bluemonday.NewPolicy()
		p.AllowElements("p", "br", "strong", "em", "del", "ul", "ol", "li", "code", "pre", "blockquote", "h3", "h4")
		p.AllowAttrs("href").OnElements("a")
		p.AllowURLSchemes("https", "http", "mailto", "tel")
		p.RequireParseableURLs(true)
		p.RequireNoFollowOnLinks(true)
		p.RequireNoReferrerOnLinks(true)
		p.AddTargetBlankToFullyQualifiedLinks(true)
		p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
		return p
	}()
)

// renderMarkdown turns Markdown text into sanitised HTML. Headings are
// demoted so that an answer never outranks the page's own.
func renderMarkdown(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	// A "<" is text, never markup: raw HTML in an answer is shown as
	// written, not dropped (and never run).
	s = strings.ReplaceAll(s, "<", "&lt;")
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(s), &buf); err != nil {
		return bluemonday.StrictPolicy().Sanitize(s) // cannot happen with a bytes.Buffer
	}
	html := buf.String()
	for _, h := range []string{"h1", "h2"} {
		html = strings.ReplaceAll(html, "<"+h+">", "<h3>")
		html = strings.ReplaceAll(html, "</"+h+">", "</h3>")
	}
	return sanitizer.Sanitize(html)
}

// replyView is the assistant's reply as clients receive it: the reply,
// and its answer rendered (answer_html) for clients that show formatting.
type replyView struct {
	inference.Reply
	AnswerHTML string `json:"answer_html"`
}

func viewOf(r inference.Reply) replyView {
	return replyView{Reply: r, AnswerHTML: renderMarkdown(r.Answer)}
}
