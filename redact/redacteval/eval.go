package redacteval

import (
	"context"
	"sort"
	"strings"

	"github.com/hushdesk/hushdesk/redact"
)

// Finder is what is measured: the redactor, or anything that finds
// personal data the same way.
type Finder interface {
	Find(text string) []redact.Finding
}

// Redacted measures what r.Redact replaces, which is what leaves the
// process: r.Find's findings, the other places the same values are
// written, and what a second reading of the redacted text finds.
func Redacted(r *redact.Redactor) Finder { return redactedFinder{r} }

type redactedFinder struct{ r *redact.Redactor }

func (f redactedFinder) Find(text string) []redact.Finding { return f.r.Redact(text, nil).Findings }

// ModelFinder measures RedactContext: the rules and, when the Redactor has
// one, the model-assisted pass for names, so that the model can be
// measured on its own (run once with it and once without). Errors counts
// the texts the model failed on; their findings are the rules' alone.
type ModelFinder struct {
	Ctx      context.Context
	Redactor *redact.Redactor
	Errors   int
}

// Find implements Finder.
func (m *ModelFinder) Find(text string) []redact.Finding {
	res, err := m.Redactor.RedactContext(m.Ctx, text, nil)
	if err != nil {
		m.Errors++
	}
	return res.Findings
}

// Class says how a gold entity type is scored.
type Class string

// The classes a gold type can be mapped to.
const (
	// PII tokens are personal data: missing them costs recall.
	PII Class = "pii"
	// NotPII tokens are not personal data here: finding them costs
	// precision, as if they were not labelled at all.
	NotPII Class = "o"
	// Ignore takes the tokens out of the scoring altogether.
	Ignore Class = "ignore"
)

// DefaultMapping returns the classes used when Options.Mapping is nil.
// Every type not listed is PII.
//
// ORGANIZATION, TITLE and PREFIX name companies, job titles and
// honorifics: not personal data by themselves (presidio-research maps the
// last two to "O" as well). DATE_TIME in presidio-research's data mixes
// birth dates with meeting times and days of the week; only birth dates are
// personal data here, and the label cannot tell them apart, so it is left
// out of the scoring rather than counted either way.
func DefaultMapping() map[string]Class {
	return map[string]Class{
		"ORGANIZATION": NotPII,
		"ORG":          NotPII,
		"TITLE":        NotPII,
		"PREFIX":       NotPII,
		"DATE_TIME":    Ignore,
	}
}

// Options configures Evaluate.
type Options struct {
	// Mapping gives the class of gold entity types; types not in it are
	// PII. Nil means DefaultMapping.
	Mapping map[string]Class
	// Beta weighs recall against precision. Default 2.
	Beta float64
}

func (o Options) class(typ string) Class {
	m := o.Mapping
	if m == nil {
		m = DefaultMapping()
	}
	if c, ok := m[typ]; ok {
		return c
	}
	return PII
}

// Evaluate runs f over every sample and scores what it finds.
func Evaluate(samples []Sample, f Finder, opts Options) Report {
	if opts.Beta <= 0 {
		opts.Beta = 2
	}
	acc := newAccumulator(opts)
	for i, s := range samples {
		acc.add(i, s, f.Find(s.Text))
	}
	return acc.report()
}

// tokenState is what the gold and the prediction say about one token.
type tokenState struct {
	gold      Class // PII, NotPII (also for unlabelled) or Ignore
	goldSpans []int // indexes of the gold spans covering it
	predicted bool
	skip      bool
}

// scoreSample labels the tokens of one sample.
func scoreSample(s Sample, found []redact.Finding, opts Options) ([]token, []tokenState, []span) {
	offs := runeOffsets(s.Text)
	spans := make([]span, len(s.Spans))
	for k, sp := range s.Spans {
		spans[k] = span{start: offs[sp.Start], end: offs[sp.End], class: opts.class(sp.Type)}
	}
	toks := tokenize(s.Text)
	states := make([]tokenState, len(toks))
	for j, t := range toks {
		st := tokenState{gold: NotPII, skip: isSkipWord(s.Text[t.start:t.end])}
		for k, sp := range spans {
			if t.start < sp.end && sp.start < t.end {
				st.goldSpans = append(st.goldSpans, k)
				st.gold = stronger(st.gold, sp.class)
			}
		}
		for _, f := range found {
			if t.start < f.End && f.Start < t.end {
				st.predicted = true
				break
			}
		}
		states[j] = st
	}
	return toks, states, spans
}

type span struct {
	start, end int
	class      Class
}

// stronger returns the class that wins when spans of two classes cover
// the same token: PII over Ignore over NotPII.
func stronger(a, b Class) Class {
	rank := map[Class]int{NotPII: 0, Ignore: 1, PII: 2}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// counted reports whether a token enters the token figures.
func (st tokenState) counted() bool {
	if st.gold == Ignore {
		return false
	}
	agree := (st.gold == PII) == st.predicted
	return agree || !st.skip
}

func trimValue(v string) string {
	v = strings.Join(strings.Fields(v), " ")
	if len(v) > 120 {
		v = v[:120] + "..."
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
