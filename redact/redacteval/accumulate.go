package redacteval

import (
	"strings"

	"github.com/hushdesk/hushdesk/redact"
)

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
		s.SpuriousPer50 = 50 * float64(c.spurious) / float64(c.samples)
	}
	return s
}

type typeCounts struct {
	class                              Class
	spans, spansFound, toks, toksFound int
}

type foundCounts struct{ findings, matched, spurious int }

// bucket holds the counts of a group of samples: all, or one language's.
type bucket struct {
	counts
	types map[string]*typeCounts
	found map[string]*foundCounts
}

func newBucket() *bucket {
	return &bucket{types: map[string]*typeCounts{}, found: map[string]*foundCounts{}}
}

func (b *bucket) typ(t string, class Class) *typeCounts {
	tc := b.types[t]
	if tc == nil {
		tc = &typeCounts{class: class}
		b.types[t] = tc
	}
	return tc
}

func (b *bucket) finding(t string) *foundCounts {
	fc := b.found[t]
	if fc == nil {
		fc = &foundCounts{}
		b.found[t] = fc
	}
	return fc
}

type accumulator struct {
	opts     Options
	total    *bucket
	langs    map[string]*bucket
	leaks    []Leak
	spurious []Spurious
}

func newAccumulator(opts Options) *accumulator {
	return &accumulator{opts: opts, total: newBucket(), langs: map[string]*bucket{}}
}

func (a *accumulator) add(i int, s Sample, found []redact.Finding) {
	toks, states, spans := scoreSample(s, found, a.opts)
	buckets := []*bucket{a.total}
	if lang := s.Lang(); lang != "" {
		lb := a.langs[lang]
		if lb == nil {
			lb = newBucket()
			a.langs[lang] = lb
		}
		buckets = append(buckets, lb)
	}
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
		var missed []string
		hit := false
		var tc typeCounts
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
		for _, b := range buckets {
			b.typ(sp.Type, spans[k].class).merge(tc)
		}
	}
	for _, f := range found {
		touches, matched := false, false
		for k, sp := range spans {
			if sp.class == NotPII || f.Start >= sp.end || sp.start >= f.End {
				continue
			}
			touches = true
			if family(s.Spans[k].Type) == family(string(f.Type)) {
				matched = true
			}
		}
		var fc foundCounts
		fc.findings = 1
		if matched {
			fc.matched = 1
		}
		if !touches {
			fc.spurious = 1
			c.spurious++
			a.spurious = append(a.spurious, Spurious{Sample: i, Type: string(f.Type), Value: trimValue(s.Text[f.Start:f.End])})
		}
		for _, b := range buckets {
			b.finding(string(f.Type)).merge(fc)
		}
	}
	for _, b := range buckets {
		b.counts.merge(c)
	}
}

func (t *typeCounts) merge(o typeCounts) {
	t.spans += o.spans
	t.spansFound += o.spansFound
	t.toks += o.toks
	t.toksFound += o.toksFound
}

func (f *foundCounts) merge(o foundCounts) {
	f.findings += o.findings
	f.matched += o.matched
	f.spurious += o.spurious
}

// family reduces a gold or finding type to the kind of data it names, so
// that the names the gold files use match the redactor's: PHONE_NUMBER
// and PHONE, EMAIL_ADDRESS and EMAIL, US_DRIVER_LICENSE and
// DRIVER_LICENSE, and places (ADDRESS, LOCATION) together.
func family(t string) string {
	t = strings.ToUpper(t)
	switch t {
	case "LOCATION", "ADDRESS", "STREET_ADDRESS", "GPE":
		return "ADDRESS"
	case "DOMAIN_NAME":
		return "URL"
	case "US_DRIVER_LICENSE":
		return "DRIVER_LICENSE"
	case "PER":
		return "PERSON"
	}
	for _, suf := range []string{"_NUMBER", "_ADDRESS", "_CODE"} {
		t = strings.TrimSuffix(t, suf)
	}
	return t
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
	r.Types, r.Found = a.total.typeScores(), a.total.foundScores()
	for _, lang := range sortedKeys(a.langs) {
		b := a.langs[lang]
		r.Langs = append(r.Langs, LangScore{Lang: lang, Score: b.score(a.opts.Beta), Types: b.typeScores(), Found: b.foundScores()})
	}
	if r.Leaks == nil {
		r.Leaks = []Leak{}
	}
	if r.Spurious == nil {
		r.Spurious = []Spurious{}
	}
	return r
}

func (b *bucket) typeScores() []TypeScore {
	var out []TypeScore
	for _, typ := range sortedKeys(b.types) {
		tc := b.types[typ]
		ts := TypeScore{Type: typ, Class: tc.class, Spans: tc.spans, SpansFound: tc.spansFound,
			Tokens: tc.toks, TokensFound: tc.toksFound}
		if tc.spans > 0 {
			ts.SpanRecall = float64(tc.spansFound) / float64(tc.spans)
		}
		if tc.toks > 0 {
			ts.TokenRecall = float64(tc.toksFound) / float64(tc.toks)
		}
		out = append(out, ts)
	}
	return out
}

func (b *bucket) foundScores() []FoundScore {
	var out []FoundScore
	for _, typ := range sortedKeys(b.found) {
		fc := b.found[typ]
		fs := FoundScore{Type: typ, Findings: fc.findings, Matched: fc.matched, Spurious: fc.spurious}
		if fc.findings > 0 {
			fs.Precision = float64(fc.matched) / float64(fc.findings)
		}
		if b.samples > 0 {
			fs.SpuriousPer50 = 50 * float64(fc.spurious) / float64(b.samples)
		}
		out = append(out, fs)
	}
	return out
}
