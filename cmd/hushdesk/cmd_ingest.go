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

	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// ingestFormats names the formats ingest reads, for messages.
const ingestFormats = "Markdown, plain text, HTML and PDF"

func runIngest(ctx context.Context, e env) error {
	flags := newFlagSet("ingest", e.stderr, append([]string{"personal-data", "embed-model", "ollama"}, storeSettings...)...)
	as := flags.String("as", "", "the name the documents of a folder are filed under (default: the folder's name)")
	if err := parseFlags(flags, e.args); err != nil {
		return err
	}
	if flags.NArg() == 0 {
		return fmt.Errorf("%w: ingest [--personal-data redact|refuse] [--as NAME] PATH... (%s files, or folders of them)", errUsage, ingestFormats)
	}
	if *as != "" && (flags.NArg() > 1 || strings.ContainsAny(*as, `/\`) || strings.TrimSpace(*as) != *as) {
		return fmt.Errorf("%w: --as names one folder (or file), and holds no slash or surrounding space", errUsage)
	}
	c, err := loadConfig(flags, os.Getenv)
	if err != nil {
		return err
	}
	// Read everything first, so a bad file stops the ingest before the
	// knowledge base changes.
	docs, roots, err := readIngestArgs(ctx, flags.Args(), *as)
	if err != nil {
		return err
	}
	m := NewMain(c, e.stderr)
	defer m.Close()
	if err := m.Open(ctx); err != nil {
		return err
	}
	for _, r := range roots {
		if !r.folder {
			continue
		}
		prev, err := m.Index.Folder(r.prefix)
		if err != nil {
			return err
		}
		if prev != "" && prev != r.path && *as == "" {
			name := strings.TrimSuffix(r.prefix, "/")
			return fmt.Errorf("%w: %s: the knowledge base already holds a folder named %q, ingested from %s; "+
				"file this one under another name with --as NAME, or replace that one with --as %s",
				errUsage, r.path, name, prev, name)
		}
	}
	bar := newProgressLine(e.stderr)
	rep, err := m.Index.IngestWith(ctx, docs, search.IngestOptions{OnPersonalData: c.PersonalData, Progress: bar.update})
	bar.finish()
	if errors.Is(err, kb.ErrPersonalData) {
		printPersonalData(e.stdout, "personal data found in", rep.PersonalData)
		return err
	}
	// A file whose name holds personal data was skipped, the others
	// ingested; the refusal, with the names redacted, is the command's
	// error once the rest is done.
	refusal := err
	if err != nil && !errors.Is(err, kb.ErrPersonalDataInName) {
		return err
	}
	for _, rf := range rep.Refused {
		for _, r := range roots {
			delete(r.keep, docs[rf.Index].ID) // an older copy under that name goes
		}
	}
	for _, r := range roots {
		// A folder whose own path holds personal data is not recorded.
		n, err := r.prune(ctx, m.Index, len(m.Redactor.Find(r.path)) == 0)
		if err != nil {
			return err
		}
		rep.Removed += n
	}
	if err := m.knowledge().record(ctx, cliActor(), "ingest", ingestedIDs(docs, rep.Refused), rep); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d added, %d updated, %d unchanged, %d removed; %d passages indexed\n",
		rep.Added, rep.Updated, rep.Unchanged, rep.Removed, rep.Chunks)
	if rep.Embedded > 0 {
		fmt.Fprintf(e.stdout, "%d passages embedded\n", rep.Embedded)
	}
	printPersonalData(e.stdout, "personal data redacted in", rep.PersonalData)
	return refusal
}

// ingestRoot is one path given to ingest: a folder, whose documents are
// filed under prefix (its name and a slash) and whose documents gone
// from disk are removed, or a single file.
type ingestRoot struct {
	path   string // absolute
	folder bool
	prefix string
	keep   map[string]bool // the folder's documents now
}

// prune removes what a folder no longer holds, records the folder (when
// record is set), and removes the documents that older versions filed
// under the path itself (their ids were absolute paths).
func (r ingestRoot) prune(ctx context.Context, ix *search.Index, record bool) (int, error) {
	if !r.folder {
		return ix.Remove(ctx, r.path)
	}
	n, err := ix.Prune(ctx, r.prefix, r.keep)
	if err != nil {
		return n, err
	}
	old, err := ix.Prune(ctx, r.path+string(filepath.Separator), nil)
	if err != nil {
		return n + old, err
	}
	if !record {
		return n + old, nil
	}
	return n + old, ix.SetFolder(r.prefix, r.path)
}

// readIngestArgs reads the documents of the paths given to ingest. A
// document's id is the name of its folder and its path inside it, with
// slashes ("help-centre/returns/policy.md"), whether the folder or the
// file was given, and wherever the folder lies; as, when set, stands for
// the folder's name.
func readIngestArgs(ctx context.Context, paths []string, as string) ([]kb.Document, []ingestRoot, error) {
	var docs []kb.Document
	var roots []ingestRoot
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		st, err := os.Stat(abs)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %w", errUsage, err)
		}
		if !st.IsDir() {
			name := as
			if name == "" {
				name = folderName(filepath.Dir(abs))
			}
			doc, err := readDocument(ctx, abs, name+"/"+filepath.Base(abs))
			if err != nil {
				return nil, nil, err
			}
			docs = append(docs, doc)
			roots = append(roots, ingestRoot{path: abs})
			continue
		}
		name := as
		if name == "" {
			name = folderName(abs)
		}
		r := ingestRoot{path: abs, folder: true, prefix: name + "/", keep: map[string]bool{}}
		err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != abs {
				return filepath.SkipDir
			}
			if d.IsDir() || !kb.Supported(path) {
				return nil
			}
			rel, err := filepath.Rel(abs, path)
			if err != nil {
				return err
			}
			doc, err := readDocument(ctx, path, r.prefix+filepath.ToSlash(rel))
			if err != nil {
				return err
			}
			docs = append(docs, doc)
			r.keep[doc.ID] = true
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		roots = append(roots, r)
	}
	return docs, roots, nil
}

// folderName is the name documents of the folder at path are filed
// under: its own name, or "root" for the root of a file system.
func folderName(path string) string {
	name := filepath.Base(path)
	if name == string(filepath.Separator) || name == "." || filepath.VolumeName(path)+string(filepath.Separator) == path {
		return "root"
	}
	return name
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

// readDocument reads one file, to be filed under id, within
// kb.ParseTimeout.
func readDocument(ctx context.Context, path, id string) (kb.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return kb.Document{}, err
	}
	doc, err := kb.ParseDocument(ctx, path, data)
	if errors.Is(err, kb.ErrUnsupported) {
		return doc, fmt.Errorf("%w: %w (%s are read)", errUsage, err, ingestFormats)
	}
	doc.ID = id
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
func (l *progressLine) update(p search.IngestProgress) {
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
