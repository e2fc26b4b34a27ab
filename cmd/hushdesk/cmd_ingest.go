package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hushdesk/hushdesk/retrieval"
)

func runIngest(ctx context.Context, e env) error {
	flags := newFlagSet("ingest", e.stderr, storeSettings...)
	if err := parseFlags(flags, e.args); err != nil {
		return err
	}
	if flags.NArg() == 0 {
		return fmt.Errorf("%w: ingest PATH... (Markdown, text and HTML files, or folders of them)", errUsage)
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
	rep, err := m.Index.Ingest(ctx, docs)
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
	fmt.Fprintf(e.stdout, "%d added, %d updated, %d unchanged, %d removed; %d passages indexed\n",
		rep.Added, rep.Updated, rep.Unchanged, rep.Removed, rep.Chunks)
	ids := make([]string, 0, len(rep.PersonalData))
	for id := range rep.PersonalData {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(e.stdout, "personal data redacted in %s: %v\n", id, rep.PersonalData[id])
	}
	return nil
}

// readDocument reads one file; its id is its absolute path.
func readDocument(path string) (retrieval.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return retrieval.Document{}, err
	}
	doc, err := retrieval.ParseDocument(path, data)
	if errors.Is(err, retrieval.ErrUnsupported) {
		return doc, fmt.Errorf("%w: %w (Markdown, text and HTML are read)", errUsage, err)
	}
	return doc, err
}
