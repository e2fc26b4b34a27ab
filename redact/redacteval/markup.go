package redacteval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The markup format is JSON Lines, one message a line:
//
//	{"id": "en-0001", "lang": "en", "kind": "chat", "text": "Ring [[PERSON|Anna]] on [[PHONE|20 12 34 56]]"}
//
// where the personal data is marked inline as [[TYPE|value]]. The text of a
// sample is the text with the marks replaced by their values; the spans
// are where the values land, in code points.

// ErrBadMarkup is returned for a markup line whose marks do not parse.
var ErrBadMarkup = errors.New("bad markup")

// markupLine is one line of a markup file.
type markupLine struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// LoadMarkup reads a gold file in the markup format.
func LoadMarkup(r io.Reader) ([]Sample, error) {
	var samples []Sample
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var ml markupLine
		if err := json.Unmarshal(line, &ml); err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrBadGold, n, err)
		}
		s, err := ParseMarkup(ml.Text)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d (%s): %w", ErrBadGold, n, ml.ID, err)
		}
		s.Metadata = map[string]any{}
		if ml.Lang != "" {
			s.Metadata["lang"] = ml.Lang
		}
		if ml.Kind != "" {
			s.Metadata["kind"] = ml.Kind
		}
		if ml.ID != "" {
			s.Metadata["id"] = ml.ID
		}
		samples = append(samples, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadGold, err)
	}
	return samples, nil
}

// ParseMarkup turns a text with [[TYPE|value]] marks into a sample: the
// plain text and a span, in code points, for every mark. A type is upper
// case letters, digits and underscores; a value is not empty and holds no
// "]]". A text that is not valid UTF-8 is refused.
func ParseMarkup(text string) (Sample, error) {
	if !utf8.ValidString(text) {
		return Sample{}, fmt.Errorf("%w: not valid UTF-8", ErrBadMarkup)
	}
	var b strings.Builder
	var spans []Span
	cp := 0 // code points written to b
	for {
		i := strings.Index(text, "[[")
		if i < 0 {
			break
		}
		bar := strings.IndexByte(text[i:], '|')
		end := strings.Index(text[i:], "]]")
		if bar < 0 || end < 0 || bar > end {
			return Sample{}, fmt.Errorf("%w: unclosed mark at %q", ErrBadMarkup, trimValue(text[i:]))
		}
		typ, value := text[i+2:i+bar], text[i+bar+1:i+end]
		if !validType(typ) || value == "" || strings.Contains(value, "[[") {
			return Sample{}, fmt.Errorf("%w: mark %q", ErrBadMarkup, trimValue(text[i:i+end+2]))
		}
		b.WriteString(text[:i])
		cp += utf8.RuneCountInString(text[:i])
		n := utf8.RuneCountInString(value)
		spans = append(spans, Span{Type: typ, Value: value, Start: cp, End: cp + n})
		b.WriteString(value)
		cp += n
		text = text[i+end+2:]
	}
	if strings.Contains(text, "]]") && strings.Contains(b.String()+text, "[[") {
		return Sample{}, fmt.Errorf("%w: stray brackets", ErrBadMarkup)
	}
	b.WriteString(text)
	if spans == nil {
		spans = []Span{}
	}
	return Sample{Text: b.String(), Spans: spans}, nil
}

func validType(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
