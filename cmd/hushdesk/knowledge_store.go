package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/hushdesk/hushdesk/retrieval/pgkb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

var _ search.Library = (*pgkb.Library)(nil)

// openKnowledgeBase opens the knowledge base's index in the data
// directory (kb.bleve) and loads the sample help centre into an empty
// knowledge base. With a PostgreSQL store the documents live there and
// the index is this replica's copy, which follows the store's changes
// and is not ready until it has caught up; the sample is loaded only
// when the store holds no document.
func (m *Main) openKnowledgeBase(ctx context.Context, opts search.Options) error {
	path := filepath.Join(m.Config.Data, search.DirName)
	empty := false
	if m.Config.Store == "" {
		ix, err := search.Open(path, opts)
		if err != nil {
			return err
		}
		m.Index, empty = ix, len(ix.Documents()) == 0
	} else {
		lib, err := pgkb.Open(ctx, m.Config.Store, pgkb.Options{Logger: m.Log})
		if err != nil {
			return fmt.Errorf("open the knowledge base in %s: %w", redactURL(m.Config.Store), err)
		}
		n, err := lib.Documents(ctx)
		if err != nil {
			lib.Close()
			return err
		}
		opts.Library = lib
		if m.Index, err = search.Open(path, opts); err != nil {
			return err
		}
		empty = n == 0
	}
	if empty {
		return m.loadSample(ctx)
	}
	return nil
}
