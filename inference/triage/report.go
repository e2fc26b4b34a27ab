package triage

import (
	"maps"
	"slices"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// Targets the classifier is held to on the labelled set.
const (
	TargetPersonRecall     = 0.90
	TargetFalseHandoffRate = 0.05
)

// Report is the result of Evaluate.
type Report struct {
	Samples int `json:"samples"`
	// PersonRecall is the share of requests for a person that were found.
	PersonRecall  float64 `json:"person_recall"`
	PersonSupport int     `json:"person_support"`
	// FalseHandoffRate is the share of samples expected to be answered
	// that got any trigger.
	FalseHandoffRate float64 `json:"false_handoff_rate"`
	Routine          int     `json:"routine"`
	FalseHandoffs    int     `json:"false_handoffs"`
	// AbstainFlagged is how many samples expected to be abstained on (not
	// in the help centre, no trigger) got a trigger.
	AbstainFlagged int `json:"abstain_flagged"`
	Abstain        int `json:"abstain"`
	// DecisionAccuracy is the share of samples whose decision from the
	// leading trigger (handoff, refuse, or none for answer and abstain)
	// matches the expected one.
	DecisionAccuracy float64         `json:"decision_accuracy"`
	Triggers         []TriggerScore  `json:"triggers"`
	Languages        []LanguageScore `json:"languages"`
	Errors           []Miss          `json:"errors"`
	// TargetsMet: person recall and the false hand-off rate meet the
	// targets.
	TargetsMet bool `json:"targets_met"`
}

// TriggerScore is precision and recall for one trigger. A sample counts
// for a trigger when the trigger is its label or in its Also list.
type TriggerScore struct {
	Trigger        Trigger `json:"trigger"`
	Support        int     `json:"support"`
	TruePositives  int     `json:"true_positives"`
	FalsePositives int     `json:"false_positives"`
	FalseNegatives int     `json:"false_negatives"`
	// Precision is 0 when the trigger never fired.
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// LanguageScore is the headline figures for one language.
type LanguageScore struct {
	Lang             string  `json:"lang"`
	Samples          int     `json:"samples"`
	PersonRecall     float64 `json:"person_recall"`
	PersonSupport    int     `json:"person_support"`
	FalseHandoffRate float64 `json:"false_handoff_rate"`
	Routine          int     `json:"routine"`
}

// Miss is a sample whose triggers were not exactly the labelled ones.
type Miss struct {
	ID       string    `json:"id"`
	Lang     string    `json:"lang"`
	Expected string    `json:"expected"`
	Want     []Trigger `json:"want"`
	Got      []Trigger `json:"got"`
}

// Evaluate runs the policy on every sample and scores it.
func Evaluate(p *Policy, samples []Sample) Report {
	rep := Report{Samples: len(samples)}
	scores := map[Trigger]*TriggerScore{}
	for _, t := range Triggers() {
		scores[t] = &TriggerScore{Trigger: t}
	}
	langs := map[string]*langCount{}
	correct := 0
	for _, s := range samples {
		got := triggersOf(p.Classify(s.Text, lang.Tag(s.Lang)))
		want := s.gold()
		lc := langs[s.Lang]
		if lc == nil {
			lc = &langCount{}
			langs[s.Lang] = lc
		}
		lc.samples++
		for t, sc := range scores {
			w, g := slices.Contains(want, t), slices.Contains(got, t)
			switch {
			case w && g:
				sc.TruePositives++
			case g:
				sc.FalsePositives++
			case w:
				sc.FalseNegatives++
			}
			if w {
				sc.Support++
			}
		}
		if slices.Contains(want, PersonRequested) {
			lc.person++
			if slices.Contains(got, PersonRequested) {
				lc.personFound++
			}
		}
		switch s.Expected {
		case ExpectAnswer:
			lc.routine++
			if len(got) > 0 {
				lc.falseHandoffs++
			}
		case ExpectAbstain:
			rep.Abstain++
			if len(got) > 0 {
				rep.AbstainFlagged++
			}
		}
		if decisionOf(got) == decisionOf(want) {
			correct++
		}
		if !sameSet(got, want) {
			rep.Errors = append(rep.Errors, Miss{ID: s.ID, Lang: s.Lang, Expected: s.Expected, Want: want, Got: got})
		}
	}
	var person, found, routine, falseH int
	for _, l := range slices.Sorted(maps.Keys(langs)) {
		c := langs[l]
		person, found, routine, falseH = person+c.person, found+c.personFound, routine+c.routine, falseH+c.falseHandoffs
		rep.Languages = append(rep.Languages, LanguageScore{Lang: l, Samples: c.samples,
			PersonRecall: ratio(c.personFound, c.person), PersonSupport: c.person,
			FalseHandoffRate: ratio(c.falseHandoffs, c.routine), Routine: c.routine})
	}
	rep.PersonSupport, rep.PersonRecall = person, ratio(found, person)
	rep.Routine, rep.FalseHandoffs, rep.FalseHandoffRate = routine, falseH, ratio(falseH, routine)
	rep.DecisionAccuracy = ratio(correct, len(samples))
	for _, t := range Triggers() {
		sc := scores[t]
		sc.Precision = ratio(sc.TruePositives, sc.TruePositives+sc.FalsePositives)
		sc.Recall = ratio(sc.TruePositives, sc.Support)
		rep.Triggers = append(rep.Triggers, *sc)
	}
	rep.TargetsMet = person > 0 && routine > 0 &&
		rep.PersonRecall >= TargetPersonRecall && rep.FalseHandoffRate <= TargetFalseHandoffRate
	return rep
}

type langCount struct {
	samples, person, personFound, routine, falseHandoffs int
}

func triggersOf(sigs []Signal) []Trigger {
	out := make([]Trigger, len(sigs))
	for i, s := range sigs {
		out[i] = s.Trigger
	}
	return out
}

// decisionOf is the decision triggers lead to, as Decide takes it: none,
// refuse when prompt injection is the only trigger, else handoff.
func decisionOf(ts []Trigger) string {
	for _, t := range ts {
		if t != PromptInjection {
			return ExpectHandoff
		}
	}
	if len(ts) == 0 {
		return ""
	}
	return ExpectRefuse
}

func sameSet(a, b []Trigger) bool {
	if len(a) != len(b) {
		return false
	}
	for _, t := range a {
		if !slices.Contains(b, t) {
			return false
		}
	}
	return true
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return round3(float64(n) / float64(d))
}
