package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// An index with a Library is a replica: it holds what it has read of the
// library's feed, and where it stopped (its cursor, saved in the index),
// so that after a restart it reads only what it has not seen. A
// follower goroutine reads the feed when the library announces a change,
// every Options.LibraryPoll besides, and again after a failed read; the
// index's own writes read it at once, so that a change is searchable on
// the replica that made it when the call returns. Reading a document
// again is harmless (the index is made equal to the library's copy), so
// a read that failed half-way is simply done again.

var (
	// internalCursor is where the index keeps its cursor.
	internalCursor = []byte("hushdesk.cursor")
	// internalPublished keeps the files of the vocabulary last read from
	// the library, so that a restart analyses with them.
	internalPublished = []byte("hushdesk.vocabulary_files")
)

// follower is an index's side of its library.
type follower struct {
	lib  Library
	stop context.CancelFunc
	done chan struct{}
	// ready is set by the first complete read after opening.
	ready atomic.Bool
	// lastErr is the error of the last failed read, for readiness.
	lastErr atomic.Pointer[error]

	mu       sync.Mutex // serialises reads; guards what follows
	cursor   Cursor
	reindex  ReindexReport // what the last re-index applied did
	localVoc string        // the version of this replica's own vocabulary files, when they differ from the library's
}

// openShared opens (or creates) the index at path as a replica of
// opts.Library. An index of another layout is not rebuilt but read
// again from the library.
func openShared(path string, opts Options) (*Index, error) {
	var idx bleve.Index
	var err error
	if fileExists(path) {
		idx, err = bleve.Open(path)
		if err == nil {
			var schema []byte
			if schema, err = idx.GetInternal(internalSchema); err == nil && string(schema) != schemaVersion {
				opts.Logger.Info("the knowledge-base index has another layout; reading it again from the shared store", "from", string(schema), "to", schemaVersion)
				idx.Close()
				idx, err = nil, os.RemoveAll(path)
			}
		}
		if err != nil && idx != nil {
			idx.Close()
		}
		if err != nil {
			return nil, fmt.Errorf("open knowledge-base index %s: %w", path, err)
		}
	}
	if idx == nil {
		im, err := newMapping()
		if err != nil {
			return nil, err
		}
		if idx, err = bleve.New(path, im); err == nil {
			err = idx.SetInternal(internalSchema, []byte(schemaVersion))
		}
		if err != nil {
			return nil, fmt.Errorf("create knowledge-base index %s: %w", path, err)
		}
	}
	vecs, err := openVectorStore(filepath.Join(path, vectorFile))
	if err != nil {
		idx.Close()
		return nil, err
	}
	return startShared(idx, vecs, opts)
}

// openSharedMemory is OpenMemory for a replica.
func openSharedMemory(opts Options) (*Index, error) {
	idx, err := newMemoryIndex()
	if err != nil {
		return nil, err
	}
	vecs, _ := openVectorStore("")
	return startShared(idx, vecs, opts)
}

// startShared makes the Index of an opened replica: analysed with the
// vocabulary it last read from the library (its own files when it has
// read none), at its saved cursor. It publishes its own vocabulary when
// the library has none yet, and starts following the library.
func startShared(idx bleve.Index, vecs *vectorStore, opts Options) (*Index, error) {
	fail := func(err error) (*Index, error) {
		vecs.close()
		idx.Close()
		return nil, err
	}
	own, err := opts.Vocabulary()
	if err != nil {
		return fail(err)
	}
	vocab := own
	raw, err := idx.GetInternal(internalPublished)
	if err != nil {
		return fail(fmt.Errorf("read the vocabulary in use: %w", err))
	}
	if raw != nil {
		var files map[string][]byte
		if err := json.Unmarshal(raw, &files); err != nil {
			return fail(fmt.Errorf("decode the vocabulary in use: %w", err))
		}
		if vocab, err = vocabularyOf(files); err != nil {
			return fail(err)
		}
	}
	var cur Cursor
	if raw, err := idx.GetInternal(internalCursor); err != nil {
		return fail(fmt.Errorf("read the index's cursor: %w", err))
	} else if raw != nil {
		if err := json.Unmarshal(raw, &cur); err != nil {
			return fail(fmt.Errorf("decode the index's cursor: %w", err))
		}
	}
	ix, err := newIndex(idx, vecs, opts, vocab)
	if err != nil {
		return nil, err
	}
	f := &follower{lib: opts.Library, cursor: cur, done: make(chan struct{})}
	ix.shared = f
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := f.lib.Commit(ctx, Change{Vocabulary: own.Published(), VocabularyIfNone: true}); err != nil {
		ix.shared = nil
		ix.Close()
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	fctx, stop := context.WithCancel(context.Background())
	f.stop = stop
	go ix.follow(fctx)
	return ix, nil
}

// close stops following and closes the library.
func (f *follower) close() error {
	f.stop()
	<-f.done
	return f.lib.Close()
}

// notReady says why the index is not ready yet.
func (f *follower) notReady() error {
	if p := f.lastErr.Load(); p != nil {
		return fmt.Errorf("%w: %w", ErrCatchingUp, *p)
	}
	return ErrCatchingUp
}

// follow reads the library's feed until ctx ends: at once, then when a
// change is announced, every LibraryPoll, and after a failed read, again
// after a pause that grows to 30 seconds.
func (ix *Index) follow(ctx context.Context) {
	f := ix.shared
	defer close(f.done)
	pause := time.Second
	for {
		wait := ix.opts.LibraryPoll
		if err := ix.catchUp(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			f.lastErr.Store(&err)
			ix.log.Warn("could not read the shared knowledge base; trying again", "err", err, "in", pause)
			wait, pause = pause, min(2*pause, 30*time.Second)
		} else {
			f.lastErr.Store(nil)
			pause = time.Second
			if !f.ready.Swap(true) {
				ix.log.Info("knowledge base caught up with the shared store", "documents", len(ix.Documents()), "seq", f.position().Seq)
			}
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-f.lib.Changed():
		case <-t.C:
		}
		t.Stop()
	}
}

// position returns the cursor.
func (f *follower) position() Cursor {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cursor
}

// catchUp reads what the library changed since the cursor and applies
// it.
func (ix *Index) catchUp(ctx context.Context) error {
	f := ix.shared
	f.mu.Lock()
	defer f.mu.Unlock()
	a := &applier{ix: ix, batch: ix.idx.NewBatch()}
	cur, err := f.lib.Read(ctx, f.cursor, a.apply)
	if err != nil {
		return errors.Join(fmt.Errorf("read the shared knowledge base: %w", err), a.flush())
	}
	if err := a.finish(); err != nil {
		return err
	}
	if cur == f.cursor {
		return nil
	}
	raw, err := json.Marshal(cur)
	if err != nil {
		return err
	}
	if err := ix.idx.SetInternal(internalCursor, raw); err != nil {
		return fmt.Errorf("save the index's cursor: %w", err)
	}
	f.cursor = cur
	return nil
}

// applier applies a read of the feed to the index, a batch at a time.
type applier struct {
	ix    *Index
	batch *bleve.Batch
	// ops are the documents of the batch, in order.
	ops []docOp
	// seen are the documents given since a Reset; nil without one.
	seen map[string]bool
	// wrote says whether anything was written since the document list
	// was last saved.
	wrote bool
}

// docOp is one document's change in a batch: info nil removes it;
// reindexed says its passages are in the batch.
type docOp struct {
	id        string
	info      *kb.DocInfo
	reindexed bool
	vectors   []PassageVector
}

func (a *applier) apply(u Update) error {
	switch {
	case u.Reset:
		a.seen = map[string]bool{}
		return nil
	case u.Vocabulary != nil:
		if err := a.flush(); err != nil {
			return err
		}
		return a.ix.applyVocabulary(u.Vocabulary, u.Reindex)
	case u.DocID == "":
		return nil
	}
	ix := a.ix
	if a.seen != nil {
		a.seen[u.DocID] = true
	}
	ix.mu.Lock()
	old, had := ix.docs[u.DocID]
	ix.mu.Unlock()
	if u.Doc == nil {
		if !had {
			return nil
		}
		for c := range old.Chunks {
			a.batch.Delete(kb.PassageID(u.DocID, c))
		}
		a.ops = append(a.ops, docOp{id: u.DocID})
		return a.flushAt(batchSize)
	}
	info := u.Doc.Info
	op := docOp{id: u.DocID, info: &info, vectors: ix.ownVectors(u.Doc)}
	if !had || old.Version != info.Version || old.Chunks != len(u.Doc.Passages) {
		op.reindexed = true
		if had {
			for c := range old.Chunks {
				a.batch.Delete(kb.PassageID(u.DocID, c))
			}
		}
		lx := ix.lexicon()
		lead := ""
		for c, p := range u.Doc.Passages {
			fields := chunkFieldsWithLead(lx, p, lead)
			lead, _ = fields["lead_terms"].(string)
			if err := a.batch.Index(kb.PassageID(u.DocID, c), fields); err != nil {
				return fmt.Errorf("index %s: %w", u.DocID, err)
			}
		}
	}
	a.ops = append(a.ops, op)
	return a.flushAt(batchSize)
}

// ownVectors are the vectors of a document made by this index's
// embedding model, from the document's version.
func (ix *Index) ownVectors(d *LibraryDocument) []PassageVector {
	if ix.opts.Embedder == nil {
		return nil
	}
	model := ix.opts.Embedder.EmbedModel()
	var out []PassageVector
	for _, v := range d.Vectors {
		if v.Model == model && v.Version == d.Info.Version {
			out = append(out, v)
		}
	}
	return out
}

// flushAt flushes the batch once it holds n operations.
func (a *applier) flushAt(n int) error {
	if a.batch.Size() < n && len(a.ops) < n {
		return nil
	}
	return a.flush()
}

// flush writes the batch and brings the document list, the titles and
// the vectors in memory along.
func (a *applier) flush() error {
	if len(a.ops) == 0 && a.batch.Size() == 0 {
		return nil
	}
	ix := a.ix
	ix.mu.Lock()
	defer ix.mu.Unlock()
	// The document list and the titles change after the batch: what is
	// read until they have is not cached either.
	ix.gen.Add(1)
	defer ix.gen.Add(1)
	err := ix.batch(a.batch)
	if err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	a.batch = ix.idx.NewBatch() // not Reset: see Index.write's flush
	var ids, vers, stale []string
	var vecs [][]float32
	for _, op := range a.ops {
		old, had := ix.docs[op.id]
		if had && (op.info == nil || op.reindexed) {
			for c := range old.Chunks {
				stale = append(stale, kb.PassageID(op.id, c))
			}
		}
		if had {
			ix.addTitle(old, -1)
		}
		if op.info == nil {
			delete(ix.docs, op.id)
			continue
		}
		ix.docs[op.id] = *op.info
		ix.addTitle(*op.info, 1)
		for _, v := range op.vectors {
			if holdsPassage(*op.info, v.ID) {
				ids, vers, vecs = append(ids, v.ID), append(vers, v.Version), append(vecs, v.Vector)
			}
		}
	}
	a.ops = a.ops[:0]
	a.wrote = true
	if err := ix.vecs.remove(stale); err != nil {
		return err
	}
	if len(ids) > 0 {
		model := ix.opts.Embedder.EmbedModel()
		if ix.vecs.currentModel() != model {
			if err := ix.vecs.reset(model); err != nil {
				return err
			}
		}
		if err := ix.vecs.put(ids, vers, vecs); err != nil {
			return err
		}
	}
	return nil
}

// finish removes, after a Reset, the documents that were not given,
// flushes, and saves the document list.
func (a *applier) finish() error {
	ix := a.ix
	if a.seen != nil {
		ix.mu.Lock()
		for id, d := range ix.docs {
			if !a.seen[id] {
				for c := range d.Chunks {
					a.batch.Delete(kb.PassageID(id, c))
				}
				a.ops = append(a.ops, docOp{id: id})
			}
		}
		ix.mu.Unlock()
	}
	if err := a.flush(); err != nil {
		return err
	}
	if !a.wrote {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.saveDocs()
}

// applyVocabulary makes a vocabulary read from the library the one in
// use, and analyses the passages again when it changed or a re-index was
// asked for. A vocabulary this index cannot read (written by a newer
// Hushdesk, say) is left aside, with a warning, and the one in use kept.
func (ix *Index) applyVocabulary(files map[string][]byte, reindex bool) error {
	vocab, err := vocabularyOf(files)
	if err == nil {
		var lx *lexicon
		if lx, err = newLexicon(vocab, ix.rawAnalyzer); err == nil {
			ix.warnUnused(lx)
			ix.mu.Lock()
			ix.lex.Store(lx)
			ix.recountTopics()
			var rep ReindexReport
			rep.Passages, err = ix.useVocabulary(reindex)
			rep.Synonyms = int(ix.synonymDocs.Load())
			ix.mu.Unlock()
			if err != nil {
				return fmt.Errorf("analyse with the shared vocabulary: %w", err)
			}
			if reindex {
				ix.shared.reindex = rep
			}
		}
	}
	if err != nil {
		ix.log.Warn("the shared vocabulary cannot be read here; keeping the one in use", "err", err)
		return nil
	}
	raw, err := json.Marshal(files)
	if err != nil {
		return err
	}
	if err := ix.idx.SetInternal(internalPublished, raw); err != nil {
		return fmt.Errorf("save the vocabulary in use: %w", err)
	}
	if own, err := ix.opts.Vocabulary(); err == nil && own.Version() != vocab.Version() && ix.shared.localVoc != own.Version() {
		ix.shared.localVoc = own.Version()
		ix.log.Warn("this replica's vocabulary files differ from those in the shared store, which are used; a re-index publishes the files of the replica it runs on",
			"files", vocab.Files())
	}
	return nil
}
