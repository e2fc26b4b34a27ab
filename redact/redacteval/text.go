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
	fmt.Fprintf(tw, "spurious spans\t%d (%.2f per 20 samples, %.2f per 50)\n", r.Total.SpuriousSpans, r.Total.SpuriousPer20, r.Total.SpuriousPer50)
	if len(r.Langs) > 0 {
		fmt.Fprintf(tw, "\nlang\tsamples\tprecision\trecall\tF%g\tspurious/20\tspurious/50\n", r.Beta)
		for _, l := range r.Langs {
			fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.3f\t%.2f\t%.2f\n", l.Lang, l.Samples, l.Precision, l.Recall, l.F, l.SpuriousPer20, l.SpuriousPer50)
		}
	}
	writeTypes(tw, "", r.Types, r.Found)
	if len(r.Langs) > 1 {
		for _, l := range r.Langs {
			writeTypes(tw, l.Lang+" ", l.Types, l.Found)
		}
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

// writeTypes prints the recall per gold type and the precision per type
// of finding, under a heading that starts with prefix.
func writeTypes(tw io.Writer, prefix string, types []TypeScore, found []FoundScore) {
	fmt.Fprintf(tw, "\n%sgold type\tclass\tspans\tfound\tspan recall\ttokens\ttoken recall\n", prefix)
	for _, t := range types {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.3f\t%d\t%.3f\n", t.Type, t.Class, t.Spans, t.SpansFound, t.SpanRecall, t.Tokens, t.TokenRecall)
	}
	if len(found) == 0 {
		return
	}
	fmt.Fprintf(tw, "\n%sfound type\tfindings\tmatched\tprecision\tspurious\tspurious/50\n", prefix)
	for _, f := range found {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%d\t%.2f\n", f.Type, f.Findings, f.Matched, f.Precision, f.Spurious, f.SpuriousPer50)
	}
}
