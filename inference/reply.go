package inference

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval"
)

func redactionCounts(r redact.Result) []Redaction {
	counts := r.Counts()
	out := make([]Redaction, 0, len(counts))
	for _, t := range slices.Sorted(maps.Keys(counts)) {
		out = append(out, Redaction{Type: string(t), Count: counts[t]})
	}
	return out
}

func envelopeCounts(r redact.Result) map[string]int {
	counts := r.Counts()
	if len(counts) == 0 {
		return nil
	}
	out := make(map[string]int, len(counts))
	for t, n := range counts {
		out[string(t)] = n
	}
	return out
}

// contextRedactor is a redactor with the model-assisted pass for names.
type contextRedactor interface {
	RedactContext(ctx context.Context, text string, ph *redact.Placeholders) (redact.Result, error)
}

// redactQuestion redacts a question, with the model-assisted pass for
// names when the redactor has one; when that model fails, the rules'
// redaction is used and the failure logged.
func (a *Assistant) redactQuestion(ctx context.Context, text string, ph *redact.Placeholders) redact.Result {
	cr, ok := a.redactor.(contextRedactor)
	if !ok {
		return a.redactor.Redact(text, ph)
	}
	res, err := cr.RedactContext(ctx, text, ph)
	if err != nil {
		a.log.Warn("the name model failed; the question is redacted by the rules alone", "err", err)
	}
	return res
}

// ms renders a duration in milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// docHints are the ids and titles of retrieved passages, which help route
// a hand-off to the right team.
func docHints(ps []retrieval.Passage) []string {
	out := make([]string, 0, 2*len(ps))
	for _, p := range ps {
		out = append(out, p.DocID, p.Title)
	}
	return out
}

// snippet shortens a passage for display.
func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= 240 {
		return s
	}
	cut := 240
	for i := 240; i > 180; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return string(r[:cut]) + "…"
}
