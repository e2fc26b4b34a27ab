// Command gen writes the redactor's multilingual test data: a labelled set
// of customer messages in English, Danish, Malay and Chinese (the gold
// format of presidio-research, offsets in code points) and an unlabelled
// corpus of support text for the throughput benchmark.
//
// Identifiers are valid by their own rules (check digits, dates, issuer
// ranges; phone numbers are checked with the phone-number library) and
// every message also carries look-alikes that must not be redacted: order
// and invoice numbers, SKUs, tracking numbers, prices, times, versions,
// dates that are not birth dates, and numbers that fail their checksum.
//
// The output depends only on the seed:
//
//	go run ./redact/internal/gen -seed 20240501
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

type gen struct{ r *rand.Rand }

type language struct {
	code      string
	templates []string
	plain     []string
}

var languages = []language{
	{"en", enTemplates, enPlain},
	{"da", daTemplates, daPlain},
	{"ms", msTemplates, msPlain},
	{"zh", zhTemplates, zhPlain},
}

func main() {
	seed := flag.Uint64("seed", 20240501, "random seed")
	perLang := flag.Int("per-lang", 200, "labelled samples per language")
	messages := flag.Int("corpus-messages", 4000, "messages in the benchmark corpus")
	dir := flag.String("out", "testdata/redact", "output directory")
	holdout := flag.Int("holdout-per-lang", 50, "held-out samples per language")
	flag.Parse()
	if err := run(*seed, *perLang, *holdout, *messages, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(seed uint64, perLang, holdout, messages int, dir string) error {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	gold, err := g.labelled(perLang, func(l language) []string { return l.templates }, 0)
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dir, "multilingual.json"), gold); err != nil {
		return err
	}
	h := &gen{r: rand.New(rand.NewPCG(seed+1, seed^0x5851f42d4c957f2d))}
	held, err := h.labelled(holdout, func(l language) []string { return holdoutTemplates[l.code] }, 1000)
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dir, "multilingual_holdout.json"), held); err != nil {
		return err
	}
	var corpus strings.Builder
	for i := range messages {
		l := languages[g.r.IntN(len(languages))]
		tmpl := l.plain[g.r.IntN(len(l.plain))]
		if i%3 == 0 {
			tmpl = l.templates[g.r.IntN(len(l.templates))]
		}
		parts, err := g.render(l.code, tmpl)
		if err != nil {
			return err
		}
		for _, p := range parts {
			corpus.WriteString(p.text)
		}
		corpus.WriteString("\n")
	}
	return os.WriteFile(filepath.Join(dir, "support_corpus.txt"), []byte(corpus.String()), 0o644)
}

// labelled renders n samples per language from the given templates, in
// turn, with one message in ten taken from the plain questions that hold
// no personal data.
func (g *gen) labelled(n int, templates func(language) []string, idBase int) ([]sample, error) {
	var gold []sample
	for li, l := range languages {
		ts := templates(l)
		for i := range n {
			tmpl, id := ts[i%len(ts)], idBase+100*(li+1)+i%len(ts)
			if i%10 == 9 {
				tmpl, id = l.plain[(i/10)%len(l.plain)], idBase+100*(li+1)+60+(i/10)%len(l.plain)
			}
			parts, err := g.render(l.code, tmpl)
			if err != nil {
				return nil, err
			}
			var b builder
			for _, p := range parts {
				b.add(p)
			}
			spans := b.spans
			if spans == nil {
				spans = []span{}
			}
			gold = append(gold, sample{Text: b.b.String(), Spans: spans, TemplateID: id, Metadata: map[string]any{"lang": l.code}})
		}
	}
	return gold, nil
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
