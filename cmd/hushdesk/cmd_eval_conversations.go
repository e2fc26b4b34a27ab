package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/hushdesk/hushdesk/inference/conveval"
)

// goldFiles is a repeatable --gold flag.
type goldFiles []string

func (g *goldFiles) String() string     { return strings.Join(*g, ",") }
func (g *goldFiles) Set(v string) error { *g = append(*g, v); return nil }

// runEvalConversations replays labelled conversations through the
// production path, on the embedded default (a fresh data directory, the
// sample knowledge base, no model), and prints what the assistant got
// right: follow-ups and first turns from the right section, small talk,
// replies to offers, asking back, hand-offs and abstentions.
func runEvalConversations(ctx context.Context, e env) error {
	fs := newFlagSet("eval conversations", e.stderr, "config", "log-level", "log-format", "min-confidence")
	var gold goldFiles
	fs.Var(&gold, "gold", "labelled conversations, JSON lines (repeatable; see testdata/conversations/README.md)")
	asJSON := fs.Bool("json", false, "print the full report as JSON, every miss included")
	misses := fs.Bool("misses", false, "list the turns the assistant got wrong")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if len(gold) == 0 || fs.NArg() > 0 {
		return fmt.Errorf("%w: eval conversations --gold FILE [--gold FILE ...] [--json] [--misses]", errUsage)
	}
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return err
	}
	var convs []conveval.Conversation
	for _, path := range gold {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		cs, err := conveval.Read(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		convs = append(convs, cs...)
	}
	dir, err := os.MkdirTemp("", "hushdesk-eval-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	c.Data = dir
	c.Ollama = "http://127.0.0.1:1" // no model: the embedded default
	m := NewMain(c, io.Discard)
	defer m.Close()
	if err := m.Open(ctx); err != nil {
		return err
	}
	if err := m.OpenAssistant(ctx); err != nil {
		return err
	}
	outs, err := conveval.Run(ctx, m.Assistant, convs)
	if err != nil {
		return err
	}
	rep := conveval.Summarise(outs)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	printConversationReport(e.stdout, gold, rep, *misses)
	return nil
}

func printConversationReport(w io.Writer, gold []string, rep conveval.Report, misses bool) {
	fmt.Fprintf(w, "%s: %d turns\n\n", strings.Join(gold, ", "), rep.All.Turns.Total)
	row := func(name string, pick func(conveval.Figures) conveval.Share) {
		s := pick(rep.All)
		if s.Total == 0 {
			return
		}
		fmt.Fprintf(w, "%-34s %6.3f  (%d of %d)", name, s.Rate, s.Right, s.Total)
		for _, l := range slices.Sorted(maps.Keys(rep.Languages)) {
			if p := pick(rep.Languages[l]); p.Total > 0 {
				fmt.Fprintf(w, "  %s %.2f", l, p.Rate)
			}
		}
		fmt.Fprintln(w)
	}
	row("follow-ups, right section first", func(f conveval.Figures) conveval.Share { return f.FollowupSection })
	row("follow-ups, right article first", func(f conveval.Figures) conveval.Share { return f.FollowupArticle })
	row("first turns, right section first", func(f conveval.Figures) conveval.Share { return f.FirstTurnSection })
	row("first turns, right article first", func(f conveval.Figures) conveval.Share { return f.FirstTurnArticle })
	row("all answers, right section first", func(f conveval.Figures) conveval.Share { return f.AnswerSection })
	row("small talk handled", func(f conveval.Figures) conveval.Share { return f.Smalltalk })
	row("replies to offers handled", func(f conveval.Figures) conveval.Share { return f.Offers })
	row("vague messages asked back", func(f conveval.Figures) conveval.Share { return f.Clarify })
	row("hand-off recall", func(f conveval.Figures) conveval.Share { return f.HandoffRecall })
	row("false hand-offs, routine messages", func(f conveval.Figures) conveval.Share { return f.FalseHandoffRoutine })
	row("false hand-offs, all turns", func(f conveval.Figures) conveval.Share { return f.FalseHandoffAll })
	row("abstentions that were right", func(f conveval.Figures) conveval.Share { return f.AbstentionPrecision })
	row("tentative answers, right article", func(f conveval.Figures) conveval.Share { return f.Tentative })
	row("unanswerable abstained", func(f conveval.Figures) conveval.Share { return f.AbstentionRecall })
	fmt.Fprintf(w, "\nmedian time to a recorded reply: %.1f ms\n", rep.All.MedianMS)
	if !misses {
		return
	}
	fmt.Fprintln(w, "\nmisses:")
	for _, o := range rep.Misses {
		fmt.Fprintf(w, "  %s#%d [%s%s] %q\n      want %s %s; got %s (%s) %s > %s\n", o.ID, o.Turn, o.Expect,
			map[bool]string{true: ", follow-up"}[o.Followup], o.Text, o.Expect, o.Want, o.Decision, o.Reason, o.Doc, o.Heading)
	}
}
