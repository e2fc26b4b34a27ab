package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/hushdesk/hushdesk/inference/ollama"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/redact/redacteval"
)

// runEvalRedact measures the redactor against a gold file in the
// presidio-research format or the markup format: token precision, recall and F2 over all
// personal data, recall per type, and the values that leaked.
func runEvalRedact(ctx context.Context, e env) error {
	fs := newFlagSet("eval redact", e.stderr, "config", "log-level", "log-format", "ollama", "name-model")
	gold := fs.String("gold", "", "gold file: JSON array of {full_text, spans}, or JSON Lines with [[TYPE|value]] marks (required)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	minScore := fs.Float64("min-score", 0, "lowest finding score counted (0: the redactor's default)")
	showLeaks := fs.Int("show-leaks", 20, "print up to N leaked values and N spurious findings")
	mapping := fs.String("map", "", "gold type classes, e.g. DATE_TIME=pii,ORGANIZATION=o (pii, o or ignore)")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: eval redact --gold FILE [--json] [--min-score F] [--show-leaks N] [--map TYPE=CLASS,...]", errUsage)
	}
	if *minScore < 0 || *minScore > 1 {
		return fmt.Errorf("%w: --min-score must be between 0 and 1", errUsage)
	}
	m, err := parseClassMap(*mapping)
	if err != nil {
		return err
	}
	f, err := os.Open(*gold)
	if err != nil {
		return fmt.Errorf("open gold file: %w", err)
	}
	defer f.Close()
	samples, err := redacteval.Load(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", *gold, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return err
	}
	var finder redacteval.Finder = redacteval.Redacted(redact.New(redact.Options{MinScore: *minScore}))
	var withModel *redacteval.ModelFinder
	if c.NameModel != "" {
		// Measure the model-assisted pass for names on its own terms:
		// run once with --name-model and once without.
		names, err := ollama.NewNames(c.ollamaHosts()[0], c.NameModel, 0)
		if err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		withModel = &redacteval.ModelFinder{Ctx: ctx, Redactor: redact.New(redact.Options{MinScore: *minScore, Names: names})}
		finder = withModel
	}
	rep := redacteval.Evaluate(samples, finder, redacteval.Options{Mapping: m})
	if withModel != nil && withModel.Errors > 0 {
		fmt.Fprintf(e.stderr, "the name model failed on %d of %d texts; their findings are the rules' alone\n", withModel.Errors, len(samples))
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("write stdout: %w", err)
		}
		return nil
	}
	return redacteval.WriteText(e.stdout, rep, *showLeaks)
}

// parseClassMap reads TYPE=CLASS pairs on top of the default mapping.
func parseClassMap(s string) (map[string]redacteval.Class, error) {
	m := redacteval.DefaultMapping()
	if s == "" {
		return m, nil
	}
	for _, kv := range strings.Split(s, ",") {
		typ, class, ok := strings.Cut(strings.TrimSpace(kv), "=")
		c := redacteval.Class(strings.ToLower(class))
		if !ok || typ == "" || (c != redacteval.PII && c != redacteval.NotPII && c != redacteval.Ignore) {
			return nil, fmt.Errorf("%w: --map %q: want TYPE=pii|o|ignore", errUsage, kv)
		}
		m[strings.ToUpper(typ)] = c
	}
	return m, nil
}
