package kb

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
	"golang.org/x/text/encoding/charmap"
)

// Document is one knowledge-base document before indexing.
type Document struct {
	// ID is the document's path or URL; ingesting the same ID again
	// replaces it.
	ID    string
	Title string
	// Text is the document's content as Markdown: headings start with #.
	Text string
	// Lang is the language tag; detected from the text when empty.
	Lang lang.Tag
	// URL is where customers can read the document, when it is published
	// (an absolute http or https URL): from a Markdown document's front
	// matter (url:) or an HTML page's canonical link.
	URL string
	// PublicContacts, from a Markdown document's front matter
	// (public_contacts: true), keeps the contact details the document
	// publishes: its e-mail addresses, phone numbers, links and names are
	// the company's, not personal data.
	PublicContacts bool
}

// ErrUnsupported is returned for a file type the knowledge base cannot read.
var ErrUnsupported = fault.New(fault.Invalid, "unsupported document type")

// Formats the knowledge base reads, by file extension.
var formats = map[string]string{
	".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
	".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf",
}

// Supported reports whether a file name has a readable extension.
func Supported(name string) bool {
	_, ok := formats[strings.ToLower(path.Ext(name))]
	return ok
}

// ParseTimeout bounds the reading of one document: a file that takes
// longer (a pathological PDF or HTML page, say) is refused with
// ErrParseTimeout rather than holding up an ingest or an upload.
const ParseTimeout = 10 * time.Second

// ErrParseTimeout is returned for a document that could not be read
// within ParseTimeout.
var ErrParseTimeout = fault.New(fault.Unprocessable, "document took too long to read")

// ParseDocument reads a document's bytes by its name's extension
// (Markdown, plain text, HTML, PDF); a name without one is read by what
// its bytes look like. Text that is not UTF-8 is read as Windows-1252,
// the usual encoding of older Western documents.
//
// Reading stops when ctx ends, with its cause (context.Canceled, say),
// or after ParseTimeout, with ErrParseTimeout. The parsers check ctx as
// they go, between pages and tokens; a library call that does not return
// is left to finish on its own, and ParseDocument returns all the same.
func ParseDocument(ctx context.Context, id string, data []byte) (Document, error) {
	return parseWithin(ctx, ParseTimeout, id, data)
}

// parseWithin is ParseDocument with a time limit of its own.
func parseWithin(ctx context.Context, limit time.Duration, id string, data []byte) (Document, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, limit, ErrParseTimeout)
	defer cancel()
	if ctx.Err() != nil { // ended before it started: no parser raced against it
		return Document{}, fmt.Errorf("%s: %w", id, context.Cause(ctx))
	}
	type result struct {
		doc Document
		err error
	}
	done := make(chan result, 1) // the parser never waits for a reader gone
	go func() {
		defer func() {
			if r := recover(); r != nil { // a panic here would end the process
				done <- result{err: fmt.Errorf("%s: %w (%v)", id, ErrMalformed, r)}
			}
		}()
		doc, err := parse(ctx, id, data)
		done <- result{doc, err}
	}()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-ctx.Done():
		return Document{}, fmt.Errorf("%s: %w", id, context.Cause(ctx))
	}
}

// parse reads a document's bytes as ParseDocument describes, checking
// ctx between the parts of long files.
func parse(ctx context.Context, id string, data []byte) (Document, error) {
	doc := Document{ID: id}
	format, ok := formats[strings.ToLower(path.Ext(id))]
	if !ok && path.Ext(id) == "" {
		format, ok = sniff(data)
	}
	if !ok {
		return Document{}, fmt.Errorf("%s: %w", id, ErrUnsupported)
	}
	switch format {
	case "markdown":
		meta, text, err := frontMatter(decodeText(data))
		if err != nil {
			return Document{}, fmt.Errorf("%s: %w", id, err)
		}
		doc.Text, doc.Title, doc.URL, doc.Lang = text, meta.Title, meta.URL, lang.Tag(meta.Lang)
		doc.PublicContacts = meta.PublicContacts
	case "text":
		doc.Text = decodeText(data)
		if first, _, _ := strings.Cut(strings.TrimSpace(doc.Text), "\n"); len(first) < 120 {
			doc.Title = strings.TrimSpace(first)
		}
	case "html":
		page, err := htmlToMarkdown(ctx, strings.NewReader(decodeText(data)))
		if err != nil {
			return Document{}, fmt.Errorf("%s: %w", id, err)
		}
		doc.Title, doc.Text = page.title, page.text
		// A relative canonical link cannot be resolved here: left out.
		if u, err := PublicURL(page.canonical); err == nil {
			doc.URL = u
		}
	case "pdf":
		title, text, err := pdfToText(ctx, data)
		if err != nil {
			return Document{}, fmt.Errorf("%s: %w", id, err)
		}
		doc.Title, doc.Text = title, text
	}
	if strings.TrimSpace(doc.Text) == "" {
		return Document{}, fmt.Errorf("%s: %w", id, ErrEmptyDocument)
	}
	return doc, nil
}

// sniff tells a format from a document's first bytes.
func sniff(data []byte) (string, bool) {
	switch ct := http.DetectContentType(data); {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "pdf", true
	case strings.HasPrefix(ct, "text/html"):
		return "html", true
	case strings.HasPrefix(ct, "text/plain"):
		return "text", true
	}
	return "", false
}

// decodeText returns data as a string: UTF-8 (without a byte-order
// mark) as it is, anything else as Windows-1252.
func decodeText(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return string(out)
}

// LoadFS reads every supported file under root in fsys; ids are the paths
// with prefix prepended. It stops when ctx ends.
func LoadFS(ctx context.Context, fsys fs.FS, root, prefix string) ([]Document, error) {
	var docs []Document
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !Supported(p) {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		rel := strings.TrimPrefix(p, root+"/")
		doc, err := ParseDocument(ctx, prefix+rel, data)
		if err != nil {
			return err
		}
		// A folder named after a language (en/, da/, zh-Hant/) says
		// what language its documents are in.
		if dir, _, ok := strings.Cut(rel, "/"); ok {
			if tag, ok := lang.Parse(dir); ok {
				doc.Lang = tag
			}
		}
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}
