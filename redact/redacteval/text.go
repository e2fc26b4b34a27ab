package redacteval

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteText prints the report for people: the token figures, the figures
// per language and per gold type, then up to maxExamples leaks and
// spurious findings.
func WriteText(w io.Writer, r Report, maxExamples int) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "samples\t%d\n", r.Samples)
	fmt.Fprintf(tw, "token precision\t%.3f\n", r.Total.Precision)
	fmt.Fprintf(tw, "token recall\t%.3f\n", r.Total.Recall)
	fmt.Fprintf(tw, "token F%g\t%.3f\n", r.Beta, r.Total.F)
	fmt.Fprintf(tw, "tokens tp/fp/fn\t%d/%d/%d\n", r.Total.TruePositives, r.Total.FalsePositives, r.Total.FalseNegatives)
	fmt.Fprintf(tw, "spurious spans\t%d (%.2f per 20 samples)\n", r.Total.SpuriousSpans, r.Total.SpuriousPer20)
	if len(r.Langs) > 0 {
		fmt.Fprintf(tw, "\nlang\tsamples\tprecision\trecall\tF%g\tspurious/20\n", r.Beta)
		for _, l := range r.Langs {
			fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.3f\t%.2f\n", l.Lang, l.Samples, l.Precision, l.Recall, l.F, l.SpuriousPer20)
		}
	}
	fmt.Fprintf(tw, "\ngold type\tclass\tspans\tfound\tspan recall\ttokens\ttoken recall\n")
	for _, t := range r.Types {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.3f\t%d\t%.3f\n", t.Type, t.Class, t.Spans, t.SpansFound, t.SpanRecall, t.Tokens, t.TokenRecall)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if maxExamples <= 0 {
		return nil
	}
	if len(r.Leaks) > 0 {
		fmt.Fprintf(w, "\nleaked values (%d, first %d):\n", len(r.Leaks), min(maxExamples, len(r.Leaks)))
		for _, l := range r.Leaks[:min(maxExamples, len(r.Leaks))] {
			fmt.Fprintf(w, "  #%d %s %q missed %q\n", l.Sample, l.Type, l.Value, l.Missed)
		}
	}
	if len(r.Spurious) > 0 {
		fmt.Fprintf(w, "\nspurious findings (%d, first %d):\n", len(r.Spurious), min(maxExamples, len(r.Spurious)))
		for _, s := range r.Spurious[:min(maxExamples, len(r.Spurious))] {
			fmt.Fprintf(w, "  #%d %s %q\n", s.Sample, s.Type, s.Value)
		}
	}
	_, err := fmt.Fprintln(w)
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
