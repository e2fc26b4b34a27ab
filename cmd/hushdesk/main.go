// Command hushdesk is a self-hosted, privacy-first customer-support
// assistant: it answers customers from the company's own documents with a
// local model, redacts personal data before anything is stored, hands
// people to human agents when a machine should not decide, and keeps a
// verifiable log of every decision.
//
// Usage:
//
//	hushdesk serve                 run the HTTP server
//	hushdesk ask [--json] QUESTION ask one question from the shell
//	hushdesk ingest PATH...        add files and folders to the knowledge base
//	hushdesk redact --jsonl        redact JSON lines from stdin to stdout
//	hushdesk audit verify|export   check or export the decision log
//	hushdesk subject export|erase  data-subject access and erasure
//
// Run "hushdesk help" for the settings.
package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"text/tabwriter"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// env is what a command runs with: its arguments and standard streams.
type env struct {
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// errUsage marks an error in how a command was called (exit status 2).
var errUsage = errors.New("usage")

type command struct {
	name, summary string
	run           func(ctx context.Context, e env) error
}

func commands() []command {
	return []command{
		{"serve", "run the HTTP server (chat page, ask API, metrics)", runServe},
		{"ask", "ask one question through the full pipeline: ask [--json] QUESTION", runAsk},
		{"ingest", "add or update files and folders in the knowledge base: ingest [--as NAME] PATH...", runIngest},
		{"redact", "redact JSON lines from stdin to stdout: redact --jsonl", runRedact},
		{"audit", "the decision log: audit verify [--checkpoint FILE] | export [--from T] [--to T] [--type T] [--format jsonl|csv] | checkpoint | backup FILE | restore FILE | retention | rebuild | migrate --to postgres://... | rotate-kek | destroy-keks", runAudit},
		{"subject", "data-subject rights: subject export ID | erase ID | requests | hold ID --basis TEXT | release ID", runSubject},
		{"token", "API tokens: token create --role ROLE --label TEXT | list | revoke ID", runToken},
		{"report", "figures from the log: report transparency [--from T] [--to T]", runReport},
		{"eval", "reproduce a measured figure: eval retrieval --corpus C --queries Q [--qrels R] --run OUT | redact --gold FILE | decisions --gold FILE", runEval},
	}
}

// run dispatches to a command and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, env{args: args[1:], stdin: stdin, stdout: stdout, stderr: stderr})
		switch {
		case err == nil:
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "hushdesk %s: %v\n", c.name, err)
			return 2
		case errors.Is(err, errFailed):
			return 1 // the command has already said why
		}
		fmt.Fprintf(stderr, "hushdesk %s: %v\n", c.name, err)
		return 1
	}
	fmt.Fprintf(stderr, "hushdesk: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

// errFailed is returned by a command that has already reported its failure.
var errFailed = errors.New("failed")

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: hushdesk COMMAND [FLAGS] [ARGS]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Settings (flag, environment, config-file key; flags win over the environment,")
	fmt.Fprintln(w, "which wins over the config file):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, s := range settings {
		fmt.Fprintf(tw, "  --%s\t%s\t%s\tdefault %s\n", s.flag, s.env, s.key, cmp.Or(s.def, "none"))
	}
	tw.Flush()
	fmt.Fprintln(w, "  HUSHDESK_ADMIN_TOKEN seeds an admin token; HUSHDESK_MASTER_KEY (64 hex digits) replaces data/master.key;")
	fmt.Fprintln(w, "  HUSHDESK_SUBJECT_SECRET makes the chat accept only customer ids your site signed;")
	fmt.Fprintln(w, "  HUSHDESK_WEBHOOK_SECRET signs what --webhook-url is sent;")
	fmt.Fprintln(w, "  --store postgres://... (HUSHDESK_STORE) is read by every command that reads the audit store")
	fmt.Fprintln(w, "  (audit, token); HUSHDESK_KEKS gives its key-encryption keys instead of --kek-file.")
}
