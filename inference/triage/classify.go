package triage

import (
	"slices"
	"strings"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// Intensity cue weights for anger.
const (
	wShouting  = 0.3  // most letters are capitals
	wCapsWords = 0.25 // two or more words in capitals
	wBangs     = 0.3  // "!!!" or more
	wBangPair  = 0.2  // "!!"
	wMarkup    = 0.9  // faked system or model markup
)

// evidence is one cue counted towards a trigger.
type evidence struct {
	trigger    int
	w          float64
	start, end int // token span; start < 0 for whole-message cues
	text       string
}

// Classify returns the triggers that fired, strongest first (equal
// scores in the order of Triggers). text is the redacted message;
// placeholders such as <EMAIL_1> are skipped. lang is the message's
// language (en, da, zh-Hans, zh-Hant, ms) or empty: cues of every
// language are looked for, since customers mix languages, and lang only
// decides which language-specific negations apply.
//
// A trigger fires when the lexicon's score reaches its threshold, or when
// the learned model's probability reaches the trigger's model threshold
// and the lexicon did not rule the trigger out anywhere in the message: a
// look-alike of the trigger ("human resources", "人工费", "are you a
// bot?"), a clause veto ("yesterday", "opening hours") or a cue that a
// negation cancelled ("I don't need a human") keeps the model from firing
// it alone.
func (p *Policy) Classify(text string, l lang.Tag) []Signal {
	a := analyse(text)
	lx := p.lexiconEvidence(a, l)
	sigs := p.score(p.intensity(a, lx.ev))
	if p.model != nil {
		sigs = p.modelSignals(text, sigs, lx.ruledOut|(p.anchored&^lx.anchors))
	}
	slices.SortStableFunc(sigs, func(x, y Signal) int {
		switch {
		case x.Score > y.Score:
			return -1
		case x.Score < y.Score:
			return 1
		}
		return slices.Index(p.triggers, x.Trigger) - slices.Index(p.triggers, y.Trigger)
	})
	return sigs
}

// lexiconFindings is what the lexicon found in a message. The bit sets
// are by trigger index.
type lexiconFindings struct {
	ev []evidence // cues that no look-alike or negation cancelled
	// ruledOut: a look-alike or clause veto of the trigger stands in the
	// message, or one of its cues was cancelled.
	ruledOut uint32
	anchors  uint32 // an anchor of the trigger stands in the message
}

// lexiconEvidence looks for the lexicon's patterns in a.
func (p *Policy) lexiconEvidence(a analysis, l lang.Tag) lexiconFindings {
	hits := p.idx.scan(a.tokens, make([]hit, 0, 16))
	ev := make([]evidence, 0, 8)
	var ruledOut, anchors uint32
	msgLang := string(l)
	for _, h := range hits {
		r := p.rules[h.id]
		switch r.kind {
		case kindVeto, kindClauseVeto, kindMessageVeto:
			ruledOut |= 1 << r.trigger
		case kindAnchor:
			anchors |= 1 << r.trigger
		}
		if r.kind != kindCue || (r.lang != "" && msgLang != "" && r.lang != msgLang) {
			continue
		}
		if p.vetoed(h, r.trigger, hits, a.tokens) || (r.negatable && p.negated(h, a.tokens, hits, msgLang)) {
			ruledOut |= 1 << r.trigger
			continue
		}
		ev = append(ev, evidence{trigger: r.trigger, w: r.weight, start: h.start, end: h.end,
			text: a.norm[a.tokens[h.start].start:a.tokens[h.end-1].end]})
	}
	return lexiconFindings{ev: ev, ruledOut: ruledOut, anchors: anchors}
}

// vetoed reports whether a look-alike of the cue's trigger overlaps it,
// a clause veto of the trigger stands in the same clause, or a message
// veto anywhere.
func (p *Policy) vetoed(h hit, trigger int, hits []hit, toks []token) bool {
	for _, v := range hits {
		r := p.rules[v.id]
		if r.trigger != trigger {
			continue
		}
		switch {
		case r.kind == kindVeto && v.start < h.end && h.start < v.end && !p.excepted(v, hits):
			return true
		case r.kind == kindClauseVeto && toks[v.start].clause == toks[h.start].clause:
			return true
		case r.kind == kindMessageVeto:
			return true
		}
	}
	return false
}

// excepted reports whether a look-alike begins with a negation that one
// of the exceptions makes none: "kan I ikke ringe til mig?" asks to be
// called, where "ikke ringe" alone says not to call.
func (p *Policy) excepted(v hit, hits []hit) bool {
	for _, x := range hits {
		if p.rules[x.id].kind == kindNegException && x.start <= v.start && v.start < x.end {
			return true
		}
	}
	return false
}

// negated reports whether a negation starts just before the cue, in the
// same clause, and is not one of the exceptions ("kan I ikke ..."). A
// negation may run into the cue: in "不需要人工" the cue "要人工" starts
// inside the negation "不需要".
func (p *Policy) negated(h hit, toks []token, hits []hit, msgLang string) bool {
	clause := toks[h.start].clause
	for _, n := range hits {
		r := p.rules[n.id]
		if r.kind != kindNegator || n.start >= h.start || n.start < h.start-negationWindow || toks[n.start].clause != clause {
			continue
		}
		if r.lang != "" && msgLang != "" && r.lang != msgLang {
			continue
		}
		excepted := false
		for _, x := range hits {
			if p.rules[x.id].kind == kindNegException && x.start <= n.start && x.end >= n.end {
				excepted = true
				break
			}
		}
		if !excepted {
			return true
		}
	}
	return false
}

// intensity adds the whole-message cues: shouting and exclamation marks
// for anger, faked markup for prompt injection.
func (p *Policy) intensity(a analysis, ev []evidence) []evidence {
	anger := slices.Index(p.triggers, Anger)
	f := a.feat
	switch {
	case f.upper >= 8 && f.upper*10 >= (f.upper+f.lower)*7:
		ev = append(ev, evidence{trigger: anger, w: wShouting, start: -1, text: "(capitals)"})
	case f.capsWords >= 2:
		ev = append(ev, evidence{trigger: anger, w: wCapsWords, start: -1, text: "(words in capitals)"})
	}
	switch {
	case f.bangRun >= 3:
		ev = append(ev, evidence{trigger: anger, w: wBangs, start: -1, text: "!!!"})
	case f.bangRun == 2:
		ev = append(ev, evidence{trigger: anger, w: wBangPair, start: -1, text: "!!"})
	}
	inj := slices.Index(p.triggers, PromptInjection)
	for _, m := range p.markup {
		if strings.Contains(a.norm, m) {
			ev = append(ev, evidence{trigger: inj, w: wMarkup, start: -1, text: strings.TrimSpace(m)})
			break
		}
	}
	return ev
}

// score combines each trigger's evidence. Overlapping cues count once, at
// the weight of the strongest; separate cues combine as independent
// evidence: 1 - (1-w1)(1-w2)...
func (p *Policy) score(ev []evidence) []Signal {
	slices.SortStableFunc(ev, func(x, y evidence) int {
		switch {
		case x.w > y.w:
			return -1
		case x.w < y.w:
			return 1
		}
		return 0
	})
	var sigs []Signal
	for ti, t := range p.triggers {
		miss, best := 1.0, ""
		var kept []evidence
		for _, e := range ev {
			if e.trigger != ti || overlapsAny(e, kept) {
				continue
			}
			kept = append(kept, e)
			if best == "" {
				best = e.text
			}
			miss *= 1 - e.w
		}
		if s := 1 - miss; len(kept) > 0 && s >= p.thresholds[ti] {
			sigs = append(sigs, Signal{Trigger: t, Score: round3(s), Evidence: best})
		}
	}
	return sigs
}

func overlapsAny(e evidence, kept []evidence) bool {
	if e.start < 0 {
		return false
	}
	for _, k := range kept {
		if k.start >= 0 && e.start < k.end && k.start < e.end {
			return true
		}
	}
	return false
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }
