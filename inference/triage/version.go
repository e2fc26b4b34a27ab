package triage

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
)

// version names what decides: the lexicon, the training set, the learned
// weights and the thresholds and teams in force. It is recorded with every
// decision, as the prompt's version is, so a reviewer knows which
// classifier decided; any change to one of them gives another version.
func version(p *Policy) string {
	h := sha256.New()
	for _, lx := range lexicons() {
		fmt.Fprintf(h, "lexicon %s negatable=%v\n", lx.trigger, lx.negatable)
		for _, c := range lx.cues {
			writeCues(h, "cue", c)
		}
		writeList(h, "veto", lx.vetoes)
		writeList(h, "clause-veto", lx.clauseVetoes)
		writeList(h, "message-veto", lx.messageVetoes)
		writeList(h, "anchor", lx.anchors)
	}
	for _, c := range negators() {
		writeCues(h, "negator", c)
	}
	writeList(h, "negation-exception", negationExceptions())
	writeList(h, "markup", markupCues())
	fmt.Fprintf(h, "training %x\nweights %x\n", sha256.Sum256(trainingSet), sha256.Sum256(weightsFile))
	for i, t := range p.triggers {
		fmt.Fprintf(h, "threshold %s %g %g\n", t, p.thresholds[i], p.modelThr[i])
	}
	teams, _ := json.Marshal(struct { // maps marshal in key order
		LexiconOnly  bool
		Teams        map[string][]string
		DefaultTeam  string
		TriggerTeams map[Trigger]string
	}{p.opts.LexiconOnly, p.opts.Teams, p.opts.DefaultTeam, p.opts.TriggerTeams})
	fmt.Fprintf(h, "routing %s\n", teams)
	return "triage-" + hex.EncodeToString(h.Sum(nil))[:12]
}

func writeCues(h hash.Hash, kind string, c cues) {
	fmt.Fprintf(h, "%s w=%g lang=%s\n", kind, c.w, c.lang)
	writeList(h, kind+"-pattern", c.p)
}

func writeList(h hash.Hash, kind string, ps []string) {
	for _, p := range ps {
		fmt.Fprintf(h, "%s %q\n", kind, p)
	}
}
