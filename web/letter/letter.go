// Package letter writes a subject export as a letter the customer can
// read, in their language: Build gathers everything the letter says once,
// from the catalogue's sentences, and HTML and PDF write those same words
// as a self-contained page with print styles or as a document, so the two
// cannot say different things.
package letter

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
)

//go:embed letter.html
var pageFiles embed.FS

var pageTemplate = template.Must(template.ParseFS(pageFiles, "letter.html"))

// The roles of a message in a conversation, as the letter shows them.
const (
	RoleCustomer  = "customer"
	RoleAssistant = "assistant"
	RoleAgent     = "agent"
	RoleErased    = "erased" // a message that can no longer be read
)

// Message is one message of a conversation: who said it and what, or
// that it was erased.
type Message struct {
	Role, Who, Text string
	Erased          bool
}

// Conversation is one conversation, under its heading.
type Conversation struct {
	Heading  string
	Messages []Message
}

// Field is one entry of the statement of purposes.
type Field struct{ Name, Value string }

// Data is everything the letter says, in its language: the HTML page and
// the PDF document render exactly this.
type Data struct {
	Lang          lang.Tag
	Generated     time.Time // when the export was made (the PDF's date)
	Title, Meta   string
	Intro         string
	Summary       string
	Hidden        string
	Conversations []*Conversation
	ErasedText    string
	WhyHeading    string
	Statement     []Field
	// RequestsHeading heads Requests, which are listed only when there
	// are any.
	RequestsHeading string
	Requests        []string
	Disclosure      string
	Rights          string
	// PageOf numbers a page of the PDF: "Page {page} of {pages}".
	PageOf string
}

// Build gathers the letter's words in language l from a subject export:
// the conversations with placeholders shown as words, the statement of
// purposes, and the requests. Content that was erased is shown as erased;
// personal data redacted before storage stays hidden.
func Build(l lang.Tag, company string, exp audit.SubjectExport) Data {
	byConv := map[string]*Conversation{}
	var convs []*Conversation
	for _, e := range exp.Events {
		if e.Conversation == "" || e.Type != audit.TypeDecision && e.Type != audit.TypeAgentReply {
			continue
		}
		cv := byConv[e.Conversation]
		if cv == nil {
			cv = &Conversation{Heading: catalog.Textf(l, "letter.conversation", "date", catalog.Date(l, e.Time))}
			byConv[e.Conversation] = cv
			convs = append(convs, cv)
		}
		words := func(s string) string { return inference.Humanize(l, s) }
		switch {
		case e.Shredded:
			cv.Messages = append(cv.Messages, Message{Role: RoleErased, Who: catalog.Text(l, "letter.you"), Erased: true})
		case e.Type == audit.TypeAgentReply && e.Content != nil:
			who := cmp.Or(e.Attrs["agent_name"], catalog.Text(l, "chat.agent"))
			cv.Messages = append(cv.Messages, Message{Role: RoleAgent, Who: who, Text: words(e.Content.Text)})
		case e.Content != nil:
			if e.Content.Question != "" {
				cv.Messages = append(cv.Messages, Message{Role: RoleCustomer, Who: catalog.Text(l, "letter.you"), Text: words(e.Content.Question)})
			}
			if e.Content.Answer != "" {
				cv.Messages = append(cv.Messages, Message{Role: RoleAssistant, Who: catalog.Text(l, "chat.assistant"), Text: words(e.Content.Answer)})
			}
		}
	}
	st := exp.Statement
	var fields []Field
	for _, f := range []struct{ key, value string }{{"controller", st.Controller}, {"contact", st.Contact},
		{"purposes", strings.Join(st.Purposes, "; ")}, {"legal_basis", st.LegalBasis}, {"retention", st.Retention},
		{"recipients", strings.Join(st.Recipients, "; ")}, {"automated_decisions", st.AutomatedDecisions}, {"rights", st.Rights}} {
		if f.value != "" {
			fields = append(fields, Field{catalog.Text(l, catalog.Key("letter.field."+f.key)), f.value})
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
	return Data{
		Lang: l, Generated: exp.Generated, Title: catalog.Textf(l, "letter.title", "company", company),
		Meta:  catalog.Textf(l, "letter.meta", "date", catalog.Date(l, exp.Generated), "ref", exp.Subject),
		Intro: catalog.Text(l, "letter.intro"),
		Summary: catalog.Textf(l, "letter.summary", "conversations", strconv.Itoa(len(exp.Conversations)),
			"events", strconv.Itoa(len(exp.Events)), "shredded", strconv.Itoa(exp.Shredded)),
		Hidden: catalog.Text(l, "letter.hidden"), Conversations: convs, ErasedText: catalog.Text(l, "letter.erased"),
		WhyHeading: catalog.Text(l, "letter.why"), Statement: fields, RequestsHeading: catalog.Text(l, "letter.requests"),
		Requests: reqs, Disclosure: catalog.Text(l, catalog.Disclosure), Rights: catalog.Text(l, "letter.rights"),
		PageOf: catalog.Text(l, "letter.page"),
	}
}

// HTML writes the letter as a self-contained HTML page with print styles.
func (d Data) HTML() ([]byte, error) {
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("write the letter: %w", err)
	}
	return buf.Bytes(), nil
}
