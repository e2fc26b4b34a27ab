package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
)

func runAsk(ctx context.Context, e env) error {
	fs := newFlagSet("ask", e.stderr)
	asJSON := fs.Bool("json", false, "print the full response object as JSON")
	conv := fs.String("conversation", "", "continue a conversation (its conversation_id)")
	subject := fs.String("subject", "", "the customer's id, when known")
	hint := fs.String("language", "", "language hint (BCP-47)")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	question := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(question) == "" {
		return fmt.Errorf("%w: ask [--json] QUESTION", errUsage)
	}
	c, err := loadConfig(fs, os.Getenv)
	if err != nil {
		return err
	}
	m := NewMain(c, e.stderr)
	defer m.Close()
	if err := m.Open(ctx); err != nil {
		return err
	}
	if err := m.OpenAssistant(ctx); err != nil {
		return err
	}
	l, ok := lang.Parse(*hint)
	if *hint != "" && !ok {
		return fmt.Errorf("%w: --language %q is not a language Hushdesk serves (%s)", errUsage, *hint, lang.List())
	}
	q := inference.Question{Text: question, ConversationID: *conv, Subject: *subject, Language: l}
	var stream *inference.Stream
	if !*asJSON {
		stream = &inference.Stream{Token: func(s string) error {
			_, err := fmt.Fprint(e.stdout, s)
			return err
		}}
	}
	reply, err := m.Assistant.Ask(ctx, q, stream)
	if err != nil {
		if fault.Is(err, fault.Invalid) {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(reply)
	}
	fmt.Fprintln(e.stdout)
	if reply.Replaced {
		fmt.Fprintf(e.stdout, "\n(The model's answer above was not supported by the sources and was replaced by:)\n%s\n", reply.Answer)
	}
	for i, s := range reply.Sources {
		fmt.Fprintf(e.stdout, "[%d] %s (%s)\n", i+1, s.Title, cmp.Or(s.URL, s.DocID))
	}
	gen := reply.Generator.Mode
	if reply.Generator.Model != "" {
		gen += " " + reply.Generator.Model
	}
	fmt.Fprintf(e.stdout, "\ndecision: %s (%s) · generator: %s · audit seq %d · conversation %s\n",
		reply.Decision, reply.ReasonCode, gen, reply.AuditSeq, reply.ConversationID)
	return nil
}
