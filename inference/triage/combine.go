package triage

import "slices"

// confusable are pairs of triggers the model tells apart less well than
// the lexicon: when the lexicon found one, the model does not add the
// other ("send me a copy of all my data" is not also an erasure request).
var confusable = map[Trigger]Trigger{DataAccessRequest: DataErasureRequest, DataErasureRequest: DataAccessRequest}

// modelSignals adds the triggers the learned model finds and the lexicon
// neither found nor ruled out. blocked holds, by trigger index, the
// triggers the lexicon ruled out or whose anchors are missing.
func (p *Policy) modelSignals(text string, sigs []Signal, blocked uint32) []Signal {
	pred := p.model.predict(text)
	lexFound := func(t Trigger) bool {
		return slices.ContainsFunc(sigs, func(s Signal) bool { return s.Trigger == t })
	}
	n := len(sigs) // the lexicon's signals
	for ti, t := range p.triggers {
		if blocked&(1<<ti) != 0 || pred.prob[ti] < p.modelThr[ti] || lexFound(t) {
			continue
		}
		if other, ok := confusable[t]; ok && slices.ContainsFunc(sigs[:n], func(s Signal) bool { return s.Trigger == other }) {
			continue
		}
		sigs = append(sigs, Signal{Trigger: t, Score: max(round3(pred.prob[ti]), 0.001), Evidence: p.model.evidence(pred, ti), Model: true})
	}
	return sigs
}
