package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hushdesk/hushdesk/inference/triage"
)

// runEvalDecisions runs the hand-off policy on a labelled set of customer
// messages and prints precision and recall per trigger, the recall on
// requests for a person and the false hand-off rate on routine questions.
// With --check it fails when those two miss their targets.
func runEvalDecisions(ctx context.Context, e env) error {
	fs := newFlagSet("eval decisions", e.stderr, "config", "log-level", "log-format")
	gold := fs.String("gold", "", "labelled messages, JSON lines {id, lang, text, expected, trigger, kind} (required)")
	asJSON := fs.Bool("json", false, "print the full report as JSON")
	check := fs.Bool("check", false, "exit non-zero when person-request recall or the false hand-off rate misses its target")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: eval decisions --gold FILE [--json] [--check]", errUsage)
	}
	if _, err := loadConfig(fs, os.Getenv); err != nil {
		return err
	}
	samples, err := readDecisionSamples(*gold)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	p, err := triage.New(triage.Options{})
	if err != nil {
		return err
	}
	rep := triage.Evaluate(p, samples)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("write stdout: %w", err)
		}
	} else {
		printDecisionReport(e.stdout, *gold, rep)
	}
	if *check && !rep.TargetsMet {
		fmt.Fprintf(e.stderr, "hushdesk eval decisions: targets missed: person-request recall %.3f (target %.2f), false hand-off rate %.3f (target %.2f)\n",
			rep.PersonRecall, triage.TargetPersonRecall, rep.FalseHandoffRate, triage.TargetFalseHandoffRate)
		return errFailed
	}
	return nil
}

// readDecisionSamples reads a labelled set; a file that cannot be opened
// is a usage error, one that cannot be read says which line is wrong.
func readDecisionSamples(path string) ([]triage.Sample, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errUsage, err)
	}
	defer f.Close()
	samples, err := triage.ReadSamples(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(samples) == 0 {
		return nil, fmt.Errorf("%w: %s holds no samples", errUsage, path)
	}
	return samples, nil
}

// printDecisionReport prints the report as tables.
func printDecisionReport(w io.Writer, path string, rep triage.Report) {
	fmt.Fprintf(w, "labelled set: %s, %d messages\n\n", path, rep.Samples)
	fmt.Fprintf(w, "%-22s %9s %7s %8s %5s %4s %4s\n", "trigger", "precision", "recall", "support", "tp", "fp", "fn")
	for _, s := range rep.Triggers {
		fmt.Fprintf(w, "%-22s %9.3f %7.3f %8d %5d %4d %4d\n", s.Trigger, s.Precision, s.Recall, s.Support, s.TruePositives, s.FalsePositives, s.FalseNegatives)
	}
	fmt.Fprintf(w, "\nperson-request recall:     %.3f (%d requests; target >= %.2f)\n", rep.PersonRecall, rep.PersonSupport, triage.TargetPersonRecall)
	fmt.Fprintf(w, "false hand-off rate:       %.3f (%d of %d routine questions; target <= %.2f)\n",
		rep.FalseHandoffRate, rep.FalseHandoffs, rep.Routine, triage.TargetFalseHandoffRate)
	fmt.Fprintf(w, "out-of-scope flagged:      %d of %d\n", rep.AbstainFlagged, rep.Abstain)
	fmt.Fprintf(w, "decision accuracy:         %.3f\n\n", rep.DecisionAccuracy)
	fmt.Fprintf(w, "%-8s %8s %14s %15s\n", "lang", "messages", "person recall", "false hand-off")
	for _, l := range rep.Languages {
		fmt.Fprintf(w, "%-8s %8d %8.3f (%2d) %8.3f (%3d)\n", l.Lang, l.Samples, l.PersonRecall, l.PersonSupport, l.FalseHandoffRate, l.Routine)
	}
	met := "no"
	if rep.TargetsMet {
		met = "yes"
	}
	fmt.Fprintf(w, "\ntargets met: %s\n", met)
	if len(rep.Errors) > 0 {
		fmt.Fprintf(w, "\nmessages whose triggers differ from the label (%d):\n", len(rep.Errors))
		for _, m := range rep.Errors {
			fmt.Fprintf(w, "  %-14s want [%s] got [%s]\n", m.ID, joinTriggers(m.Want), joinTriggers(m.Got))
		}
	}
}

func joinTriggers(ts []triage.Trigger) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, " ")
}
