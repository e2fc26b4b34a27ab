package redact

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// NameModel finds person names in a text: typically a local language
// model asked for a JSON list of the names it sees. It is consulted only
// by RedactContext, and only when Options.Names is set.
//
// The model receives the text before redaction, so it must run where the
// text may go (on the same machine, as Ollama does) and must not keep or
// log it.
type NameModel interface {
	FindNames(ctx context.Context, text string) ([]string, error)
}

// ErrNameModel wraps the error of a NameModel.
var ErrNameModel = errors.New("name model")

// RedactContext is Redact with the model-assisted pass for names: the
// names the NameModel returns are redacted wherever they are written as
// whole words, together with what the rules find. Without a NameModel it
// is Redact.
//
// When the model fails the error wraps ErrNameModel and the Result still
// holds the redaction by the rules alone, safe to use.
func (r *Redactor) RedactContext(ctx context.Context, text string, ph *Placeholders) (Result, error) {
	if r.names == nil {
		return r.Redact(text, ph), nil
	}
	found := r.Find(text)
	names, err := r.names.FindNames(ctx, text)
	if err != nil {
		return r.redactFound(text, found, ph, nil, normalized{}), fmt.Errorf("%w: %w", ErrNameModel, err)
	}
	found = append(found, r.nameFindings(text, names)...)
	return r.redactFound(text, resolve(text, found, r.minScore), ph, nil, normalized{}), nil
}

// nameFindings turns the names a model returned into findings, at every
// place each is written as a whole word. Names not in the text, very
// short ones and allowed values are ignored.
func (r *Redactor) nameFindings(text string, names []string) []Finding {
	var out []Finding
	for _, name := range names {
		name = strings.TrimSpace(name)
		if utf8.RuneCountInString(name) < 2 || len(name) > 80 || strings.ContainsAny(name, "<>\n") {
			continue
		}
		if len(r.allow) > 0 && r.allow[allowKey(name)] {
			continue
		}
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			i += off
			end := i + len(name)
			off = i + 1
			if i > 0 && isAlnum(text[i-1]) && isAlnum(name[0]) || end < len(text) && isAlnum(text[end]) && isAlnum(name[len(name)-1]) {
				continue
			}
			out = append(out, Finding{Type: Person, Start: i, End: end, Score: 0.8, canon: strings.ToLower(name)})
			off = end
		}
	}
	return out
}
