package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hushdesk/hushdesk/retrieval"
)

// ingestFormats names the formats ingest reads, for messages.
const ingestFormats = "Markdown, plain text, HTML and PDF"

func runIngest(ctx context.Context, e env) error {
	flags := newFlagSet("ingest", e.stderr, append([]string{"personal-data", "embed-model", "ollama"}, storeSettings...)...)
	if err := parseFlags(flags, e.args); err != nil {
		return err
	}
	if flags.NArg() == 0 {
		return fmt.Errorf("%w: ingest [--personal-data redact|refuse] PATH... (%s files, or folders of them)", errUsage, ingestFormats)
	}
	c, err := loadConfig(flags, os.Getenv)
	if err != nil {
		return err
	}
	// Read everything first, so a bad file stops the ingest before the
	// knowledge base changes.
	type root struct {
		prefix string
		keep   map[string]bool
	}
	var docs []retrieval.Document
	var roots []root
	for _, p := range flags.Args() {
		abs, err := filepath.Abs(p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		st, err := os.Stat(abs)
		if err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		if !st.IsDir() {
			doc, err := readDocument(abs)
			if err != nil {
				return err
			}
			docs = append(docs, doc)
			continue
		}
		r := root{prefix: abs + string(filepath.Separator), keep: map[string]bool{}}
		err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != abs {
				return filepath.SkipDir
			}
			if d.IsDir() || !retrieval.Supported(path) {
				return nil
			}
			doc, err := readDocument(path)
			if err != nil {
				return err
			}
			docs = append(docs, doc)
			r.keep[doc.ID] = true
			return nil
		})
		if err != nil {
			return err
		}
		roots = append(roots, r)
	}
	m := NewMain(c, e.stderr)
	defer m.Close()
	if err := m.Open(ctx); err != nil {
		return err
	}
	bar := newProgressLine(e.stderr)
	rep, err := m.Index.IngestWith(ctx, docs, retrieval.IngestOptions{OnPersonalData: c.PersonalData, Progress: bar.update})
	bar.finish()
	if errors.Is(err, retrieval.ErrPersonalData) {
		printPersonalData(e.stdout, "personal data found in", rep.PersonalData)
		return err
	}
	if err != nil {
		return err
	}
	for _, r := range roots {
		n, err := m.Index.Prune(ctx, r.prefix, r.keep)
		if err != nil {
			return err
		}
		rep.Removed += n
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	if err := m.RecordIngest(ctx, cliActor(), "ingest", ids, rep); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d added, %d updated, %d unchanged, %d removed; %d passages indexed\n",
		rep.Added, rep.Updated, rep.Unchanged, rep.Removed, rep.Chunks)
	if rep.Embedded > 0 {
		fmt.Fprintf(e.stdout, "%d passages embedded\n", rep.Embedded)
	}
	printPersonalData(e.stdout, "personal data redacted in", rep.PersonalData)
	return nil
}

// printPersonalData lists, by document, the personal data found.
func printPersonalData(w io.Writer, what string, found map[string]map[string]int) {
	ids := make([]string, 0, len(found))
	for id := range found {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(w, "%s %s: %v\n", what, id, found[id])
	}
}

// readDocument reads one file; its id is its absolute path.
func readDocument(path string) (retrieval.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return retrieval.Document{}, err
	}
	doc, err := retrieval.ParseDocument(path, data)
	if errors.Is(err, retrieval.ErrUnsupported) {
		return doc, fmt.Errorf("%w: %w (%s are read)", errUsage, err, ingestFormats)
	}
	return doc, err
}

// progressLine shows how far a long ingest has come on one line of a
// terminal, rewritten at most a few times a second. On anything but a
// terminal (a file, a pipe, a test) it writes nothing.
type progressLine struct {
	w       io.Writer
	mu      sync.Mutex
	last    time.Time
	written bool
}

func newProgressLine(w io.Writer) *progressLine {
	if !isTerminal(w) {
		return &progressLine{}
	}
	return &progressLine{w: w}
}

// update shows p; the last update of a phase is always shown.
func (l *progressLine) update(p retrieval.IngestProgress) {
	if l.w == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if p.Done < p.Total && time.Since(l.last) < 200*time.Millisecond {
		return
	}
	l.last = time.Now()
	what := "documents indexed"
	if p.Phase == "embed" {
		what = "passages embedded"
	}
	fmt.Fprintf(l.w, "\r%d/%d %s (%d%%)\033[K", p.Done, p.Total, what, 100*p.Done/max(p.Total, 1))
	l.written = true
}

// finish ends the progress line.
func (l *progressLine) finish() {
	if l.w == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.written {
		fmt.Fprintln(l.w)
	}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
