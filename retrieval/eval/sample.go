package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// SampleCorpus returns a sample help centre (kb.Sample) as a BEIR
// corpus: one document per article, its id the article's document id
// (sample/en/returns.md), its title the article's first heading and its
// text the rest of the Markdown.
func SampleCorpus(name string) ([]CorpusDoc, error) {
	h, err := kb.Sample(name)
	if err != nil {
		return nil, err
	}
	docs, err := h.Documents()
	if err != nil {
		return nil, err
	}
	out := make([]CorpusDoc, 0, len(docs))
	for _, d := range docs {
		title, text := d.Title, strings.TrimLeft(d.Text, "\n")
		if first, rest, ok := strings.Cut(text, "\n"); ok && strings.HasPrefix(first, "# ") {
			title, text = strings.TrimSpace(first[2:]), strings.TrimLeft(rest, "\n")
		}
		out = append(out, CorpusDoc{ID: d.ID, Title: title, Text: text})
	}
	return out, nil
}

// WriteCorpus writes a corpus as BEIR JSON lines.
func WriteCorpus(w io.Writer, corpus []CorpusDoc) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range corpus {
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("write corpus: %w", err)
		}
	}
	return nil
}
