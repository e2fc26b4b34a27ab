package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// DirName is the index's directory in the data directory.
const DirName = "kb.bleve"

// ErrBadOption means an option has a value the index does not know.
var ErrBadOption = fault.New(fault.Invalid, "invalid knowledge-base option")

// Options configures an Index. The zero value is usable.
type Options struct {
	// Scrub, when set, is applied to every document's text before it is
	// indexed; it returns the text to keep and what it found (counts by
	// type). Hushdesk passes the redactor here.
	Scrub kb.Scrub
	// OnPersonalData is what happens to a document in which Scrub finds
	// personal data: kb.PersonalDataRedact (the default) or
	// kb.PersonalDataRefuse.
	OnPersonalData string
	// Embedder, when set, embeds passages as they are ingested and
	// queries as they are searched, and Search fuses the nearest
	// passages with the BM25 ranking. Nil means BM25 only.
	Embedder Embedder
	// EmbedBatch is how many passages go into one embedding request.
	// Default 32.
	EmbedBatch int
	// QueryEmbedTimeout bounds the embedding of a query; when it runs
	// out, the search goes on with BM25 alone. Default 2s.
	QueryEmbedTimeout time.Duration
	// Vocabulary reads the vocabulary searches use (ReadVocabulary): Open
	// calls it, and every Reindex again, so that changed vocabulary
	// files take effect. Nil means the engine's own vocabulary only.
	Vocabulary func() (*Vocabulary, error)
	// Logger receives progress and warnings. Default slog.Default().
	Logger *slog.Logger
	// Library, when set, keeps the knowledge base for several indexes
	// (replicas sharing a store): ingests, removals, vectors and
	// re-indexes are written to it, and the index follows its feed
	// (library.go). Vocabulary then names the files a re-index publishes
	// to every index. Nil, the default, means the index keeps the
	// documents itself.
	Library Library
	// LibraryPoll is how often an index with a Library reads the feed
	// when no change was announced. Default 1 minute.
	LibraryPoll time.Duration
}

// validate fills in defaults and checks the options.
func (o *Options) validate() error {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	switch o.OnPersonalData {
	case "":
		o.OnPersonalData = kb.PersonalDataRedact
	case kb.PersonalDataRedact, kb.PersonalDataRefuse:
	default:
		return fmt.Errorf("%w: personal-data policy %q: want %q or %q", ErrBadOption, o.OnPersonalData, kb.PersonalDataRedact, kb.PersonalDataRefuse)
	}
	if o.EmbedBatch <= 0 {
		o.EmbedBatch = 32
	}
	if o.QueryEmbedTimeout <= 0 {
		o.QueryEmbedTimeout = 2 * time.Second
	}
	if o.Vocabulary == nil {
		o.Vocabulary = builtinOnly
	}
	if o.LibraryPoll <= 0 {
		o.LibraryPoll = time.Minute
	}
	return nil
}

// Index is the knowledge base. It is safe for concurrent use.
type Index struct {
	idx    bleve.Index
	opts   Options
	log    *slog.Logger
	vecs   *vectorStore
	mu     sync.Mutex // serialises writers and guards docs
	docs   map[string]kb.DocInfo
	topics topicVocab
	// lex is the vocabulary in use, compiled; Reindex replaces it.
	lex   atomic.Pointer[lexicon]
	dfs   dfCache
	cands genCache[scored] // the candidates' stored fields, parsed
	// corrections are the misspelt words met, and what they were read as.
	corrections genCache[string]
	// fuzzy holds the dictionaries' near matches of misspelt words.
	fuzzy fuzzyCache
	// gen is bumped by every write to the index, which makes the caches
	// start afresh.
	gen    atomic.Uint64
	warned warnLimiter
	// synonymDocs is how many synonym definitions the index holds; its
	// document count includes them.
	synonymDocs atomic.Uint64
	// shared is the replica's side of a Library; nil without one.
	shared *follower
}

var (
	internalDocs   = []byte("hushdesk.documents")
	internalSchema = []byte("hushdesk.schema")
)

// schemaVersion names the index layout (fields and analyzers). An index
// written with another layout is rebuilt from its stored passages when it
// is opened. Version 3 dropped the title and heading fields (the
// reranking reads them) and stores the analysed terms of each passage's
// title, lead and heading; version 4 gives each body field its family's
// synonym source, through which Bleve's synonym search applies the
// synonym groups (synonyms_index.go); version 5 joins English phrases
// whose last word is in the plural ("public holidays"); version 6 stores
// each passage's document URL; version 7 joins the phrases before the
// analyzers, from the vocabulary in use, not in them; version 8 writes
// Danish æ, ø and å as ae, oe and aa (danish_letters.go); version 9
// stops the Danish stop words typed with the marks dropped ("pa", "nar").
const schemaVersion = "9"

// vectorFile is the name of the passage vectors' file in the index
// directory.
const vectorFile = "vectors.db"

// Open opens the index at path, creating it when it does not exist.
// With opts.Library it is that library's replica (openShared).
func Open(path string, opts Options) (*Index, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	if opts.Library != nil {
		ix, err := openShared(path, opts)
		if err != nil {
			opts.Library.Close()
		}
		return ix, err
	}
	vocab, err := opts.Vocabulary()
	if err != nil {
		return nil, err
	}
	var idx bleve.Index
	if _, statErr := os.Stat(path); errors.Is(statErr, os.ErrNotExist) {
		var im *mapping.IndexMappingImpl
		if im, err = newMapping(); err != nil {
			return nil, err
		}
		if idx, err = bleve.New(path, im); err == nil {
			err = idx.SetInternal(internalSchema, []byte(schemaVersion))
		}
	} else {
		idx, err = openCurrent(path, vocab, opts.Logger)
	}
	if err != nil {
		return nil, fmt.Errorf("open knowledge-base index %s: %w", path, err)
	}
	vecs, err := openVectorStore(filepath.Join(path, vectorFile))
	if err != nil {
		idx.Close()
		return nil, err
	}
	return newIndex(idx, vecs, opts, vocab)
}

// OpenMemory returns an index held in memory only, for evaluations and
// tests. It is the same index type (scorch) as on disk, so it scores the
// same.
func OpenMemory(opts Options) (*Index, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	if opts.Library != nil {
		ix, err := openSharedMemory(opts)
		if err != nil {
			opts.Library.Close()
		}
		return ix, err
	}
	vocab, err := opts.Vocabulary()
	if err != nil {
		return nil, err
	}
	idx, err := newMemoryIndex()
	if err != nil {
		return nil, err
	}
	vecs, _ := openVectorStore("")
	return newIndex(idx, vecs, opts, vocab)
}

// newMemoryIndex creates an empty Bleve index in memory.
func newMemoryIndex() (bleve.Index, error) {
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create in-memory index: %w", err)
	}
	return idx, nil
}

// newIndex makes an Index of an opened Bleve index, with the vocabulary
// vocab: an index analysed with another is analysed again.
func newIndex(idx bleve.Index, vecs *vectorStore, opts Options, vocab *Vocabulary) (*Index, error) {
	ix := &Index{idx: idx, opts: opts, log: opts.Logger, vecs: vecs, docs: make(map[string]kb.DocInfo)}
	ix.dfs.gen, ix.dfs.size = &ix.gen, dfCacheSize
	ix.cands.gen, ix.cands.size = &ix.gen, candidateCacheSize
	ix.corrections.gen, ix.corrections.size = &ix.gen, correctionCacheSize
	ix.fuzzy.gen, ix.fuzzy.size = &ix.gen, fuzzyCacheSize
	fail := func(err error) (*Index, error) {
		vecs.close()
		idx.Close()
		return nil, err
	}
	lx, err := newLexicon(vocab, ix.rawAnalyzer)
	if err != nil {
		return fail(err)
	}
	ix.lex.Store(lx)
	ix.warnUnused(lx)
	if _, err := ix.useVocabulary(false); err != nil {
		return fail(err)
	}
	raw, err := idx.GetInternal(internalDocs)
	if err != nil {
		return fail(fmt.Errorf("read document list: %w", err))
	}
	if raw != nil {
		if err := json.Unmarshal(raw, &ix.docs); err != nil {
			return fail(fmt.Errorf("decode document list: %w", err))
		}
	}
	for _, d := range ix.docs {
		ix.addTitle(d, 1)
	}
	return ix, nil
}

// Close closes the index (and its Library, when it has one).
func (ix *Index) Close() error {
	var err error
	if ix.shared != nil {
		err = ix.shared.close()
	}
	return errors.Join(err, ix.vecs.close(), ix.idx.Close())
}

// Documents lists the indexed documents, sorted by id.
func (ix *Index) Documents() []kb.DocInfo {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	out := make([]kb.DocInfo, 0, len(ix.docs))
	for _, d := range ix.docs {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Chunks returns how many passages the index holds.
func (ix *Index) Chunks() (uint64, error) {
	n, err := ix.idx.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count passages: %w", err)
	}
	return ix.passagesOf(n), nil
}

// Ready reports whether the index answers; it is the readiness check.
// An index with a Library is not ready until it has read what the
// library held when it was opened (ErrCatchingUp).
func (ix *Index) Ready(ctx context.Context) error {
	if ix.shared != nil && !ix.shared.ready.Load() {
		return ix.shared.notReady()
	}
	_, err := ix.Chunks()
	return err
}

// snapshot is a reader of the index as it was at a write generation or
// later: what it reads may be cached only while the index is still at
// that generation (a reader opened before a write reads what the write
// changed as it was).
type snapshot struct {
	index.IndexReader
	gen uint64
}

// readerFor returns a reader of the index's current snapshot; the caller
// closes it.
func (ix *Index) readerFor() (snapshot, error) {
	gen := ix.gen.Load() // before the reader: it is of gen or later
	adv, err := ix.idx.Advanced()
	if err != nil {
		return snapshot{}, fmt.Errorf("index internals: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return snapshot{}, fmt.Errorf("index reader: %w", err)
	}
	return snapshot{IndexReader: r, gen: gen}, nil
}

// rawAnalyzer returns a family's analyzer of the index mapping, which
// joins no phrases.
func (ix *Index) rawAnalyzer(fam string) analysis.Analyzer {
	return ix.idx.Mapping().AnalyzerNamed(analyzers[fam])
}

// lexicon returns the vocabulary in use.
func (ix *Index) lexicon() *lexicon { return ix.lex.Load() }

// analyzer returns a family's analyzer, joining the phrases of the
// vocabulary in use.
func (ix *Index) analyzer(fam string) analysis.Analyzer { return ix.lexicon().analyzer(fam) }
