package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// The subject export as a letter the customer can read, in their
// language, beside the machine-readable JSON: one builder gathers the
// letter's words (letterContent), which are then written either as a
// self-contained HTML page with print styles or as a PDF document
// (letterpdf.go), so the two cannot say different things.

//go:embed letter/letter.html
var letterFiles embed.FS

var letterTemplate = template.Must(template.ParseFS(letterFiles, "letter/letter.html"))

type letterMessage struct {
	Role, Who, Text string
	Erased          bool
}

type letterConversation struct {
	Heading  string
	Messages []letterMessage
}

type letterField struct{ Name, Value string }

// letterData is everything the letter says, in its language: the HTML
// template and the PDF writer render exactly this.
type letterData struct {
	Lang          lang.Tag
	Generated     time.Time // when the export was made (the PDF's date)
	Title, Meta   string
	Intro         string
	Summary       string
	Hidden        string
	Conversations []*letterConversation
	ErasedText    string
	WhyHeading    string
	Statement     []letterField
	// RequestsHeading heads Requests, which are listed only when there
	// are any.
	RequestsHeading string
	Requests        []string
	Disclosure      string
	Rights          string
}

// letterLanguage is the language asked for, else the one the customer
// last wrote in.
func letterLanguage(c echo.Context, exp audit.SubjectExport) lang.Tag {
	if l, ok := lang.Parse(c.QueryParam("lang")); ok {
		return l
	}
	for i := len(exp.Events) - 1; i >= 0; i-- {
		if l, ok := lang.Parse(exp.Events[i].Language); ok {
			return l
		}
	}
	return lang.Default
}

// letterContent builds the letter's words in language l from a subject
// export: the conversations with placeholders shown as words, the
// statement of purposes, and the requests.
func letterContent(l lang.Tag, company string, exp audit.SubjectExport) letterData {
	byConv := map[string]*letterConversation{}
	var convs []*letterConversation
	for _, e := range exp.Events {
		if e.Conversation == "" || e.Type != audit.TypeDecision && e.Type != audit.TypeAgentReply {
			continue
		}
		cv := byConv[e.Conversation]
		if cv == nil {
			cv = &letterConversation{Heading: catalog.Textf(l, "letter.conversation", "date", catalog.Date(l, e.Time))}
			byConv[e.Conversation] = cv
			convs = append(convs, cv)
		}
		words := func(s string) string { return inference.Humanize(l, s) }
		switch {
		case e.Shredded:
			cv.Messages = append(cv.Messages, letterMessage{Role: "erased", Who: catalog.Text(l, "letter.you"), Erased: true})
		case e.Type == audit.TypeAgentReply && e.Content != nil:
			who := cmpOr(e.Attrs["agent_name"], catalog.Text(l, "chat.agent"))
			cv.Messages = append(cv.Messages, letterMessage{Role: "agent", Who: who, Text: words(e.Content.Text)})
		case e.Content != nil:
			if e.Content.Question != "" {
				cv.Messages = append(cv.Messages, letterMessage{Role: "customer", Who: catalog.Text(l, "letter.you"), Text: words(e.Content.Question)})
			}
			if e.Content.Answer != "" {
				cv.Messages = append(cv.Messages, letterMessage{Role: "assistant", Who: catalog.Text(l, "chat.assistant"), Text: words(e.Content.Answer)})
			}
		}
	}
	st := exp.Statement
	var fields []letterField
	for _, f := range []letterField{{"Controller", st.Controller}, {"Contact", st.Contact}, {"Purposes", strings.Join(st.Purposes, "; ")},
		{"Legal basis", st.LegalBasis}, {"Retention", st.Retention}, {"Recipients", strings.Join(st.Recipients, "; ")},
		{"Automated decisions", st.AutomatedDecisions}, {"Rights", st.Rights}} {
		if f.Value != "" {
			fields = append(fields, f)
		}
	}
	var reqs []string
	for _, r := range exp.Requests {
		answered := catalog.Text(l, "letter.open")
		if r.Completed != nil {
			answered = catalog.Date(l, *r.Completed)
		}
		reqs = append(reqs, catalog.Textf(l, "letter.request", "kind", catalog.Text(l, catalog.Key("letter.kind."+r.Kind)),
			"received", catalog.Date(l, r.Received), "answered", answered))
	}
	return letterData{
		Lang: l, Generated: exp.Generated, Title: catalog.Textf(l, "letter.title", "company", company),
		Meta:  catalog.Textf(l, "letter.meta", "date", catalog.Date(l, exp.Generated), "ref", exp.Subject),
		Intro: catalog.Text(l, "letter.intro"),
		Summary: catalog.Textf(l, "letter.summary", "conversations", strconv.Itoa(len(exp.Conversations)),
			"events", strconv.Itoa(len(exp.Events)), "shredded", strconv.Itoa(exp.Shredded)),
		Hidden: catalog.Text(l, "letter.hidden"), Conversations: convs, ErasedText: catalog.Text(l, "letter.erased"),
		WhyHeading: catalog.Text(l, "letter.why"), Statement: fields, RequestsHeading: catalog.Text(l, "letter.requests"),
		Requests: reqs, Disclosure: catalog.Text(l, catalog.Disclosure), Rights: catalog.Text(l, "letter.rights"),
	}
}

// html writes the letter as a self-contained HTML page with print styles.
func (d letterData) html() ([]byte, error) {
	var buf bytes.Buffer
	if err := letterTemplate.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("write the letter: %w", err)
	}
	return buf.Bytes(), nil
}

// letter writes a subject export as the letter, as a download.
func (s *Server) letter(c echo.Context, exp audit.SubjectExport) error {
	d := letterContent(letterLanguage(c, exp), s.opts.Company, exp)
	body, err := d.html()
	if err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="letter-%s-%s.html"`, exp.Subject, d.Lang))
	return c.Blob(http.StatusOK, "text/html; charset=utf-8", body)
}
