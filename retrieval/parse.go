package retrieval

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
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
	Lang string
}

// ErrUnsupported is returned for a file type the knowledge base cannot read.
var ErrUnsupported = errors.New("unsupported document type")

// Formats the knowledge base reads, by file extension.
var formats = map[string]string{
	".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
	".html": "html", ".htm": "html",
}

// Supported reports whether a file name has a readable extension.
func Supported(name string) bool {
	_, ok := formats[strings.ToLower(path.Ext(name))]
	return ok
}

// ParseDocument reads a document's bytes by its name's extension.
func ParseDocument(id string, data []byte) (Document, error) {
	if !utf8.Valid(data) {
		return Document{}, fmt.Errorf("%s: not valid UTF-8 text", id)
	}
	doc := Document{ID: id}
	switch formats[strings.ToLower(path.Ext(id))] {
	case "markdown":
		doc.Text = string(data)
	case "text":
		doc.Text = string(data)
		if first, _, _ := strings.Cut(strings.TrimSpace(doc.Text), "\n"); len(first) < 120 {
			doc.Title = strings.TrimSpace(first)
		}
	case "html":
		title, text, err := htmlToMarkdown(bytes.NewReader(data))
		if err != nil {
			return Document{}, fmt.Errorf("%s: %w", id, err)
		}
		doc.Title, doc.Text = title, text
	default:
		return Document{}, fmt.Errorf("%s: %w", id, ErrUnsupported)
	}
	return doc, nil
}

// LoadFS reads every supported file under root in fsys; ids are the paths
// with prefix prepended.
func LoadFS(fsys fs.FS, root, prefix string) ([]Document, error) {
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
		doc, err := ParseDocument(prefix+rel, data)
		if err != nil {
			return err
		}
		// A folder named after a language (en/, da/, zh-Hant/) says
		// what language its documents are in.
		if dir, _, ok := strings.Cut(rel, "/"); ok {
			doc.Lang = NormalizeLanguage(dir)
		}
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// skipped are HTML elements whose text is not content.
var skipped = map[string]bool{"script": true, "style": true, "nav": true, "header": true, "footer": true,
	"noscript": true, "template": true, "svg": true, "form": true, "aside": true}

// htmlToMarkdown extracts the title and readable text of an HTML page,
// keeping headings as Markdown headings and paragraphs apart.
func htmlToMarkdown(r io.Reader) (string, string, error) {
	z := html.NewTokenizer(r)
	var (
		title   string
		b       strings.Builder
		skip    int
		inTitle bool
	)
	for {
		switch z.Next() {
		case html.ErrorToken:
			if errors.Is(z.Err(), io.EOF) {
				return strings.TrimSpace(title), tidy(b.String()), nil
			}
			return "", "", fmt.Errorf("parse html: %w", z.Err())
		case html.StartTagToken:
			name, _ := z.TagName()
			tag := string(name)
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
				title += text
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
