package kb

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// Passage is a piece of a document as the knowledge base cuts it: what
// search indexes and finds. A section longer than the chunk size becomes
// several passages that overlap a little.
type Passage struct {
	// ID is the passage's id: its document's id, "#" and its number.
	ID      string
	DocID   string
	Lang    lang.Tag
	Version string
	// URL is where the document is published, if it is.
	URL string
	// Title and Lead are the document's title and lead paragraph: what
	// the document is about.
	Title, Lead string
	// Heading is the path of headings above the passage below the title
	// ("Refunds > By card"); "" for the lead.
	Heading string
	Text    string
}

// PassageID is the id of a document's nth passage.
func PassageID(docID string, n int) string { return docID + "#" + strconv.Itoa(n) }

// DocInfo describes a document of the knowledge base.
type DocInfo struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Lang     lang.Tag  `json:"lang"`
	Version  string    `json:"version"`
	URL      string    `json:"url,omitempty"`
	Chunks   int       `json:"chunks"`
	Ingested time.Time `json:"ingested"`
	// Redactions counts the personal data removed from the text.
	Redactions map[string]int `json:"redactions,omitempty"`
	// Kept counts the contact details kept because the document publishes
	// them (public_contacts), by type.
	Kept map[string]int `json:"kept,omitempty"`
}

// Prepared is a document ready to be indexed: scrubbed, described and cut
// into passages.
type Prepared struct {
	Info     DocInfo
	Passages []Passage
}

// Scrub returns the text to keep of a document's text and what it found
// there (counts by type): what it redacted and, when public is set (the
// document publishes its contacts), the contact details it kept.
// Hushdesk passes the redactor.
type Scrub func(text string, public bool) (keep string, redacted, kept map[string]int)

// ErrEmptyDocument is returned for a document with no text.
var ErrEmptyDocument = fault.New(fault.Invalid, "document has no text")

// Version is a document's content hash: a document whose version has
// not changed since it was indexed needs no indexing again.
func Version(doc Document) string {
	h := sha256.New()
	h.Write([]byte(doc.Title))
	h.Write([]byte{0})
	h.Write([]byte(doc.Text))
	if doc.URL != "" { // documents without one keep the versions they had
		h.Write([]byte{0})
		h.Write([]byte(doc.URL))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Prepare scrubs a document (when scrub is not nil), tells its title (the
// document's, else its first level-1 heading, else its id) and language
// (the document's, else detected), and cuts it into passages by headings.
// Version is its version before scrubbing.
func Prepare(doc Document, scrub Scrub) Prepared {
	text, title := doc.Text, doc.Title
	counts, kept := map[string]int{}, map[string]int{}
	if scrub != nil {
		for _, s := range []*string{&text, &title} {
			var c, k map[string]int
			*s, c, k = scrub(*s, doc.PublicContacts)
			for t, n := range c {
				counts[t] += n
			}
			for t, n := range k {
				kept[t] += n
			}
		}
	}
	mdTitle, sections := splitMarkdown(text)
	if title == "" {
		title = mdTitle
	}
	if title == "" {
		title = doc.ID
	}
	tag := doc.Lang
	if !tag.Known() {
		tag = lang.Detect(title + "\n" + text).Tag
	}
	v := Version(doc)
	lead := leadOf(sections)
	var ps []Passage
	for _, s := range sections {
		for _, p := range pieces(s.text) {
			ps = append(ps, Passage{
				ID: PassageID(doc.ID, len(ps)), DocID: doc.ID, Lang: tag, Version: v, URL: doc.URL,
				Title: title, Lead: lead, Heading: s.heading, Text: p,
			})
		}
	}
	info := DocInfo{ID: doc.ID, Title: title, Lang: tag, Version: v, URL: doc.URL, Chunks: len(ps), Ingested: time.Now().UTC()}
	if len(counts) > 0 {
		info.Redactions = counts
	}
	if len(kept) > 0 {
		info.Kept = kept
	}
	return Prepared{Info: info, Passages: ps}
}

// leadBytes bounds a document's lead: its first paragraphs, before any
// heading, that say what it is about.
const leadBytes = 600

// leadOf returns a document's lead: the paragraphs of its first section,
// when that has no heading, up to about leadBytes.
func leadOf(sections []section) string {
	if len(sections) == 0 || sections[0].heading != "" {
		return ""
	}
	return Lead(sections[0].text)
}

// Lead returns the first paragraphs of a text, up to about leadBytes (at
// least the first paragraph, cut at a rune boundary): the lead of a
// document whose first passage, without a heading, is text.
func Lead(text string) string {
	var b strings.Builder
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		if b.Len() > 0 && b.Len()+len(para) > leadBytes {
			break
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(para)
	}
	s := b.String()
	if len(s) > 2*leadBytes {
		cut := 2 * leadBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}
