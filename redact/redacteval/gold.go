package redacteval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Sample is one labelled text.
type Sample struct {
	Text  string `json:"full_text"`
	Spans []Span `json:"spans"`
	// TemplateID, when present, names the template the sample was made
	// from; samples of one template share their wording.
	TemplateID int `json:"template_id,omitempty"`
	// Metadata is free-form; a "lang" entry groups the report by language.
	Metadata map[string]any `json:"metadata,omitempty"`
}

// Span is one labelled piece of personal data. Start and End count code
// points from the start of the text.
type Span struct {
	Type  string `json:"entity_type"`
	Value string `json:"entity_value"`
	Start int    `json:"start_position"`
	End   int    `json:"end_position"`
}

// Lang returns the sample's "lang" metadata, or "".
func (s Sample) Lang() string {
	if v, ok := s.Metadata["lang"].(string); ok {
		return v
	}
	return ""
}

// ErrBadGold is returned for a gold file that cannot be used.
var ErrBadGold = errors.New("bad gold file")

// Kind returns the sample's "kind" metadata (chat, routine, names ...),
// or "".
func (s Sample) Kind() string {
	if v, ok := s.Metadata["kind"].(string); ok {
		return v
	}
	return ""
}

// Load reads a gold file, in either format it knows: the JSON array of
// presidio-research, or the markup format (JSON Lines with marked text,
// see LoadMarkup), told apart by their first character. It checks that
// every span lies inside its text.
func Load(r io.Reader) ([]Sample, error) {
	br := bufio.NewReader(r)
	var first byte
	for {
		c, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("%w: empty file", ErrBadGold)
		}
		if c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != 0xEF && c != 0xBB && c != 0xBF {
			first = c
			_ = br.UnreadByte()
			break
		}
	}
	var samples []Sample
	if first == '{' {
		var err error
		if samples, err = LoadMarkup(br); err != nil {
			return nil, err
		}
	} else if err := json.NewDecoder(br).Decode(&samples); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadGold, err)
	}
	for i, s := range samples {
		if !utf8.ValidString(s.Text) {
			return nil, fmt.Errorf("%w: sample %d is not valid UTF-8", ErrBadGold, i)
		}
		n := utf8.RuneCountInString(s.Text)
		for _, sp := range s.Spans {
			if sp.Start < 0 || sp.End > n || sp.Start >= sp.End {
				return nil, fmt.Errorf("%w: sample %d: span %s [%d,%d) outside text of %d code points",
					ErrBadGold, i, sp.Type, sp.Start, sp.End, n)
			}
		}
	}
	return samples, nil
}

// runeOffsets returns the byte offset of every code point of s, and len(s)
// at the end, so that offsets[i] is where code point i starts.
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}
