package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// evaluations are the measured figures Hushdesk can reproduce, by name.
var evaluations = map[string]func(context.Context, env) error{
	"conversations": runEvalConversations,
	"decisions":     runEvalDecisions,
	"retrieval":     runEvalRetrieval,
	"redact":        runEvalRedact,
}

// runEval dispatches "hushdesk eval NAME".
func runEval(ctx context.Context, e env) error {
	names := make([]string, 0, len(evaluations))
	for n := range evaluations {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(e.args) == 0 {
		return fmt.Errorf("%w: eval %s ...", errUsage, strings.Join(names, "|"))
	}
	run, ok := evaluations[e.args[0]]
	if !ok {
		return fmt.Errorf("%w: unknown evaluation %q (%s)", errUsage, e.args[0], strings.Join(names, ", "))
	}
	return run(ctx, env{args: e.args[1:], stdin: e.stdin, stdout: e.stdout, stderr: e.stderr})
}
