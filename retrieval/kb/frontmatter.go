package kb

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
	"gopkg.in/yaml.v3"
)

// docMeta is what a Markdown document's front matter may say of it.
type docMeta struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
	Lang  string `yaml:"lang"`
	// PublicContacts says the contact details the document gives (a
	// support address, a phone line, a named team lead) are the company's
	// published ones, to be kept as written.
	PublicContacts bool `yaml:"public_contacts"`
}

// frontMatter splits a Markdown document into its front matter (YAML
// between two lines of ---, at the very start) and its text. A document
// without front matter is all text.
func frontMatter(doc string) (docMeta, string, error) {
	var meta docMeta
	rest, ok := strings.CutPrefix(doc, "---\n")
	if !ok {
		rest, ok = strings.CutPrefix(doc, "---\r\n")
	}
	if !ok {
		return meta, doc, nil
	}
	end := strings.Index(rest, "\n---")
	if end < 0 {
		return meta, doc, nil // a rule, not front matter
	}
	head, text := rest[:end], rest[end+len("\n---"):]
	if nl := strings.IndexByte(text, '\n'); nl >= 0 && strings.TrimSpace(text[:nl]) == "" {
		text = text[nl+1:]
	} else if strings.TrimSpace(text) != "" {
		return meta, doc, nil // "---" begins a line of text: not the closing line
	}
	if err := yaml.Unmarshal([]byte(head), &meta); err != nil {
		return meta, doc, fmt.Errorf("front matter: %w", err)
	}
	meta.Title, meta.Lang = strings.TrimSpace(meta.Title), strings.TrimSpace(meta.Lang)
	if meta.URL != "" {
		u, err := PublicURL(meta.URL)
		if err != nil {
			return meta, doc, fmt.Errorf("front matter: url: %w", err)
		}
		meta.URL = u
	}
	if meta.Lang != "" {
		tag, ok := lang.Parse(meta.Lang)
		if !ok {
			return meta, doc, fmt.Errorf("front matter: lang %q is not a language the knowledge base knows (%s, or a tag such as zh-TW)", meta.Lang, lang.List())
		}
		meta.Lang = string(tag)
	}
	return meta, text, nil
}

// errNotPublic explains which URLs a document may give.
var errNotPublic = fault.New(fault.Invalid, "must be an absolute http or https URL")

// PublicURL checks a document's URL, which customers are sent to: an
// absolute http or https URL, nothing a browser would run.
func PublicURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("%q: %w", raw, errNotPublic)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", fmt.Errorf("%q: %w", raw, errNotPublic)
	}
	return u.String(), nil
}
