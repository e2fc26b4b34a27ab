package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

type redactIn struct {
	ID   any     `json:"id"`
	Text *string `json:"text"`
	Lang string  `json:"lang"`
}

type redactOut struct {
	ID       any              `json:"id"`
	Text     string           `json:"text"`
	Findings []redact.Finding `json:"findings"`
}

type redactErr struct {
	ID    any    `json:"id"`
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// runRedact reads JSON lines from stdin and writes the redacted lines, in
// the same order, to stdout. A bad line is answered with an error object in
// its place and the command goes on; it exits non-zero at the end.
func runRedact(ctx context.Context, e env) error {
	fs := newFlagSet("redact", e.stderr, "config", "log-level", "log-format")
	jsonl := fs.Bool("jsonl", false, "read and write JSON lines (required)")
	if err := parseFlags(fs, e.args); err != nil {
		return err
	}
	if !*jsonl {
		return fmt.Errorf("%w: redact --jsonl < in.jsonl > out.jsonl", errUsage)
	}
	org := []string{}
	if h, err := kb.Sample(kb.DefaultSample); err == nil {
		org = append(org, h.Company)
	}
	r := redact.New(redact.Options{Allow: sampleContacts(kb.DefaultSample), Organisation: org})
	in := bufio.NewReaderSize(e.stdin, 1<<20)
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	bad := 0
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		raw, err := in.ReadBytes('\n')
		if len(raw) == 0 && errors.Is(err, io.EOF) {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read stdin: %w", err)
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		var rec redactIn
		var v any
		switch {
		case !utf8.Valid(raw):
			v = redactErr{Line: line, Error: "line is not valid UTF-8"}
		case json.Unmarshal(raw, &rec) != nil:
			v = redactErr{Line: line, Error: "line is not a JSON object"}
		case rec.Text == nil:
			v = redactErr{ID: rec.ID, Line: line, Error: `missing field "text"`}
		default:
			res := r.Redact(*rec.Text, nil)
			findings := res.Findings
			if findings == nil {
				findings = []redact.Finding{}
			}
			v = redactOut{ID: rec.ID, Text: res.Text, Findings: findings}
		}
		if _, isErr := v.(redactErr); isErr {
			bad++
		}
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("write stdout: %w", err)
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if bad > 0 {
		out.Flush()
		fmt.Fprintf(e.stderr, "hushdesk redact: %d line(s) could not be read; their error objects are in the output\n", bad)
		return errFailed
	}
	return nil
}
