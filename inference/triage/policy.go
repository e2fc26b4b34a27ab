package triage

import (
	"fmt"
	"slices"

	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// ruleKind says what a pattern is for.
type ruleKind uint8

const (
	kindCue ruleKind = iota
	kindVeto
	kindClauseVeto
	kindMessageVeto
	kindNegator
	kindNegException
	kindAnchor
)

// rule is what one compiled pattern means.
type rule struct {
	kind      ruleKind
	trigger   int // index into Policy.triggers; -1 for negation rules
	weight    float64
	lang      string
	negatable bool
}

// Policy classifies customer messages and routes hand-offs. It is safe for
// concurrent use; New builds it once.
type Policy struct {
	opts       Options
	triggers   []Trigger // most severe first
	thresholds []float64 // by trigger index; > 1 when disabled
	model      *model    // nil with Options.LexiconOnly
	modelThr   []float64 // by trigger index; > 1 when disabled
	anchored   uint32    // triggers with anchors, by index: the model needs one
	rules      []rule
	idx        *index
	markup     []string
	router     router
	version    string
}

// New compiles the lexicon and the team keywords, and trains the learned
// model on the embedded training set. Training happens once per process
// and takes a fraction of a second; later calls reuse the model.
func New(opts Options) (*Policy, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	p := &Policy{opts: opts, triggers: Triggers(), idx: newIndex(), markup: markupCues()}
	p.thresholds = make([]float64, len(p.triggers))
	p.modelThr = make([]float64, len(p.triggers))
	defModel := DefaultModelThresholds()
	for i, t := range p.triggers {
		p.thresholds[i], p.modelThr[i] = DefaultThreshold, defModel[t]
		if v, ok := opts.Thresholds[t]; ok {
			p.thresholds[i] = v
		}
		if v, ok := opts.ModelThresholds[t]; ok {
			p.modelThr[i] = v
		}
		if slices.Contains(opts.Disabled, t) {
			p.thresholds[i], p.modelThr[i] = 2, 2
		}
	}
	if !opts.LexiconOnly {
		m, err := builtinModel()
		if err != nil {
			return nil, err
		}
		p.model = m
	}
	for _, lx := range lexicons() {
		ti := slices.Index(p.triggers, lx.trigger)
		for _, c := range lx.cues {
			for _, src := range c.p {
				if err := p.addRule(src, rule{kind: kindCue, trigger: ti, weight: c.w, lang: c.lang, negatable: lx.negatable}); err != nil {
					return nil, err
				}
			}
		}
		for _, src := range lx.vetoes {
			if err := p.addRule(src, rule{kind: kindVeto, trigger: ti}); err != nil {
				return nil, err
			}
		}
		for _, src := range lx.clauseVetoes {
			if err := p.addRule(src, rule{kind: kindClauseVeto, trigger: ti}); err != nil {
				return nil, err
			}
		}
		for _, src := range lx.messageVetoes {
			if err := p.addRule(src, rule{kind: kindMessageVeto, trigger: ti}); err != nil {
				return nil, err
			}
		}
		for _, src := range lx.anchors {
			if err := p.addRule(src, rule{kind: kindAnchor, trigger: ti}); err != nil {
				return nil, err
			}
			p.anchored |= 1 << ti
		}
	}
	for _, c := range negators() {
		for _, src := range c.p {
			if err := p.addRule(src, rule{kind: kindNegator, trigger: -1, lang: c.lang}); err != nil {
				return nil, err
			}
		}
	}
	for _, src := range negationExceptions() {
		if err := p.addRule(src, rule{kind: kindNegException, trigger: -1}); err != nil {
			return nil, err
		}
	}
	r, err := newRouter(opts)
	if err != nil {
		return nil, err
	}
	p.router = r
	p.version = version(p)
	return p, nil
}

// Version names the classifier that decides: its lexicon, training set,
// weights, thresholds and teams. Record it with every decision.
func (p *Policy) Version() string { return p.version }

func (p *Policy) addRule(src string, r rule) error {
	if err := p.idx.add(src, len(p.rules)); err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	p.rules = append(p.rules, r)
	return nil
}

// Signal is a trigger that fired, with its score (0 to 1) and the cue
// that counted most. The score is the lexicon's or, for a trigger only the
// learned model found, the model's probability, which may be below
// DefaultThreshold. Evidence is customer text, lowercased (for the model,
// the word or characters that weighed most): callers that log or store it
// must treat it as such.
type Signal struct {
	Trigger  Trigger `json:"trigger"`
	Score    float64 `json:"score"`
	Evidence string  `json:"evidence"`
	// Model is set when only the learned model found the trigger: no
	// phrase of the lexicon did.
	Model bool `json:"model,omitempty"`
}

// Handoff is the decision Decide takes on a message.
type Handoff struct {
	// Trigger leads the decision; its customer message is the one to show.
	Trigger Trigger `json:"trigger"`
	// Kind is decision.Handoff, or decision.Abstain for a prompt
	// injection, which the assistant declines.
	Kind decision.Kind `json:"kind"`
	// Team takes the hand-off; empty for a refusal.
	Team    string   `json:"team,omitempty"`
	Signals []Signal `json:"signals"`
}

// Decide classifies a message and, when a trigger fires, says what to do
// and which team takes it. A self-harm signal always leads, whatever its
// score, so that the customer is pointed to help first. A prompt injection
// leads only when nothing else fired: a message that also asks for a
// person, or is a complaint, goes to a person, who is not at risk from
// injected instructions. Otherwise the strongest signal leads. docHints
// are the ids and titles of the articles retrieved for the message, if
// any.
func (p *Policy) Decide(text string, l lang.Tag, docHints []string) (Handoff, bool) {
	return p.Choose(p.Classify(text, l), text, docHints)
}

// Choose takes the decision on signals Classify gave (and the caller may
// have weighed against other evidence), as Decide does.
func (p *Policy) Choose(sigs []Signal, text string, docHints []string) (Handoff, bool) {
	if len(sigs) == 0 {
		return Handoff{}, false
	}
	lead := sigs[0].Trigger
	if lead == PromptInjection {
		for _, s := range sigs {
			if s.Trigger != PromptInjection {
				lead = s.Trigger
				break
			}
		}
	}
	for _, s := range sigs {
		if s.Trigger == SelfHarm {
			lead = SelfHarm
		}
	}
	h := Handoff{Trigger: lead, Kind: kindFor(lead), Signals: sigs}
	if h.Kind == decision.Handoff {
		h.Team = p.TeamFor(lead, text, docHints)
	}
	return h, true
}

// TeamFor returns the team that takes a hand-off for trigger t. The
// conversation's topic decides first: the team Options.TriggerTeams names
// for t (privacy, for a data request) is one more voice, as strong as a
// word of the message, and wins ties. So a data request goes to privacy,
// even in a conversation about a parcel, but a broken kettle whose words
// set off a data-request trigger still goes to the team for kettles.
func (p *Policy) TeamFor(t Trigger, text string, docHints []string) string {
	team, ok := p.opts.TriggerTeams[t]
	if !ok {
		return p.Route(text, docHints)
	}
	return p.route(text, docHints, team)
}
