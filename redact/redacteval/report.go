package redacteval

import (
	"strings"

	"github.com/hushdesk/hushdesk/redact"
)

// Report is the outcome of one evaluation.
type Report struct {
	Samples int     `json:"samples"`
	Beta    float64 `json:"beta"`
	// Total holds the token figures over all samples.
	Total Score `json:"total"`
	// Langs holds the same figures per "lang" metadata value, when the
	// samples have one.
	Langs []LangScore `json:"langs,omitempty"`
	// Types holds recall per gold entity type.
	Types []TypeScore `json:"types"`
	// Leaks are the gold spans of class PII not wholly found.
	Leaks []Leak `json:"leaks"`
	// Spurious are the findings that touch no gold span of class PII or
	// Ignore.
	Spurious []Spurious `json:"spurious"`
}

// Score holds token-level figures, type-agnostic.
type Score struct {
	Samples        int     `json:"samples"`
	TruePositives  int     `json:"true_positives"`
	FalsePositives int     `json:"false_positives"`
	FalseNegatives int     `json:"false_negatives"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F              float64 `json:"f"`
	// SpuriousSpans counts findings that touch no personal data, and
	// SpuriousPer20 scales that to 20 samples.
	SpuriousSpans int     `json:"spurious_spans"`
	SpuriousPer20 float64 `json:"spurious_per_20_samples"`
}

// LangScore is Score for the samples of one language.
type LangScore struct {
	Lang string `json:"lang"`
	Score
}

// TypeScore says how much of one gold type was found.
type TypeScore struct {
	Type        string  `json:"type"`
	Class       Class   `json:"class"`
	Spans       int     `json:"spans"`
	SpansFound  int     `json:"spans_found"`
	SpanRecall  float64 `json:"span_recall"`
	Tokens      int     `json:"tokens"`
	TokensFound int     `json:"tokens_found"`
	TokenRecall float64 `json:"token_recall"`
}

// Leak is a gold span some of whose words were not found.
type Leak struct {
	Sample int    `json:"sample"`
	Type   string `json:"type"`
	Value  string `json:"value"`
	// Missed lists the words left in clear.
	Missed string `json:"missed"`
}

// Spurious is a finding on text that is not personal data.
type Spurious struct {
	Sample int    `json:"sample"`
	Type   string `json:"type"`
	Value  string `json:"value"`
}

type counts struct {
	samples, tp, fp, fn, spurious int
}

func (c counts) score(beta float64) Score {
	s := Score{Samples: c.samples, TruePositives: c.tp, FalsePositives: c.fp, FalseNegatives: c.fn, SpuriousSpans: c.spurious}
	if c.tp+c.fp > 0 {
		s.Precision = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		s.Recall = float64(c.tp) / float64(c.tp+c.fn)
	}
	if b2 := beta * beta; s.Precision+s.Recall > 0 {
		s.F = (1 + b2) * s.Precision * s.Recall / (b2*s.Precision + s.Recall)
	}
	if c.samples > 0 {
		s.SpuriousPer20 = 20 * float64(c.spurious) / float64(c.samples)
	}
	return s
}

type typeCounts struct {
	class                              Class
	spans, spansFound, toks, toksFound int
}

type accumulator struct {
	opts     Options
	total    counts
	langs    map[string]*counts
	types    map[string]*typeCounts
	leaks    []Leak
	spurious []Spurious
}

func newAccumulator(opts Options) *accumulator {
	return &accumulator{opts: opts, langs: map[string]*counts{}, types: map[string]*typeCounts{}}
}

func (a *accumulator) add(i int, s Sample, found []redact.Finding) {
	toks, states, spans := scoreSample(s, found, a.opts)
	var c counts
	c.samples = 1
	for _, st := range states {
		if !st.counted() {
			continue
		}
		switch {
		case st.gold == PII && st.predicted:
			c.tp++
		case st.gold == PII:
			c.fn++
		case st.predicted:
			c.fp++
		}
	}
	for k, sp := range s.Spans {
		tc := a.types[sp.Type]
		if tc == nil {
			tc = &typeCounts{class: spans[k].class}
			a.types[sp.Type] = tc
		}
		var missed []string
		hit := false
		for j, st := range states {
			if !covers(st.goldSpans, k) {
				continue
			}
			if st.predicted {
				hit = true
				tc.toks++
				tc.toksFound++
			} else if !st.skip {
				tc.toks++
				missed = append(missed, s.Text[toks[j].start:toks[j].end])
			}
		}
		tc.spans++
		if len(missed) == 0 && hit {
			tc.spansFound++
		} else if spans[k].class == PII {
			a.leaks = append(a.leaks, Leak{Sample: i, Type: sp.Type, Value: trimValue(sp.Value), Missed: strings.Join(missed, " ")})
		}
	}
	for _, f := range found {
		touches := false
		for _, sp := range spans {
			if sp.class != NotPII && f.Start < sp.end && sp.start < f.End {
				touches = true
				break
			}
		}
		if !touches {
			c.spurious++
			a.spurious = append(a.spurious, Spurious{Sample: i, Type: string(f.Type), Value: trimValue(s.Text[f.Start:f.End])})
		}
	}
	a.total.merge(c)
	if lang := s.Lang(); lang != "" {
		lc := a.langs[lang]
		if lc == nil {
			lc = &counts{}
			a.langs[lang] = lc
		}
		lc.merge(c)
	}
}

func (c *counts) merge(o counts) {
	c.samples += o.samples
	c.tp += o.tp
	c.fp += o.fp
	c.fn += o.fn
	c.spurious += o.spurious
}

func covers(list []int, k int) bool {
	for _, v := range list {
		if v == k {
			return true
		}
	}
	return false
}

func (a *accumulator) report() Report {
	r := Report{Samples: a.total.samples, Beta: a.opts.Beta, Total: a.total.score(a.opts.Beta),
		Leaks: a.leaks, Spurious: a.spurious}
	for _, lang := range sortedKeys(a.langs) {
		r.Langs = append(r.Langs, LangScore{Lang: lang, Score: a.langs[lang].score(a.opts.Beta)})
	}
	for _, typ := range sortedKeys(a.types) {
		tc := a.types[typ]
		ts := TypeScore{Type: typ, Class: tc.class, Spans: tc.spans, SpansFound: tc.spansFound,
			Tokens: tc.toks, TokensFound: tc.toksFound}
		if tc.spans > 0 {
			ts.SpanRecall = float64(tc.spansFound) / float64(tc.spans)
		}
		if tc.toks > 0 {
			ts.TokenRecall = float64(tc.toksFound) / float64(tc.toks)
		}
		r.Types = append(r.Types, ts)
	}
	if r.Leaks == nil {
		r.Leaks = []Leak{}
	}
	if r.Spurious == nil {
		r.Spurious = []Spurious{}
	}
	return r
}
