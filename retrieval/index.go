package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// DirName is the index's directory in the data directory.
const DirName = "kb.bleve"

// Options configures an Index. The zero value is usable.
type Options struct {
	// Scrub, when set, is applied to every document's text before it is
	// indexed; it returns the text to keep and what it found (counts by
	// type). Hushdesk passes the redactor here.
	Scrub func(text string) (string, map[string]int)
	// Logger receives progress and warnings. Default slog.Default().
	Logger *slog.Logger
}

// Index is the knowledge base. It is safe for concurrent use.
type Index struct {
	idx   bleve.Index
	opts  Options
	log   *slog.Logger
	mu    sync.Mutex // serialises writers and guards docs
	docs  map[string]DocInfo
	langs map[string]int // chunks per analysis family
}

// DocInfo describes an indexed document.
type DocInfo struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Lang     string    `json:"lang"`
	Version  string    `json:"version"`
	Chunks   int       `json:"chunks"`
	Ingested time.Time `json:"ingested"`
	// Redactions counts the personal data removed from the text.
	Redactions map[string]int `json:"redactions,omitempty"`
}

var internalDocs = []byte("hushdesk.documents")

// Open opens the index at path, creating it when it does not exist.
func Open(path string, opts Options) (*Index, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	var (
		idx bleve.Index
		err error
	)
	if _, statErr := os.Stat(path); errors.Is(statErr, os.ErrNotExist) {
		var im *mapping.IndexMappingImpl
		if im, err = newMapping(); err != nil {
			return nil, err
		}
		idx, err = bleve.New(path, im)
	} else {
		idx, err = bleve.Open(path)
	}
	if err != nil {
		return nil, fmt.Errorf("open knowledge-base index %s: %w", path, err)
	}
	return newIndex(idx, opts)
}

// OpenMemory returns an index held in memory only, for evaluations and
// tests. It is the same index type (scorch) as on disk, so it scores the
// same.
func OpenMemory(opts Options) (*Index, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create in-memory index: %w", err)
	}
	return newIndex(idx, opts)
}

func newIndex(idx bleve.Index, opts Options) (*Index, error) {
	ix := &Index{idx: idx, opts: opts, log: opts.Logger, docs: make(map[string]DocInfo), langs: make(map[string]int)}
	raw, err := idx.GetInternal(internalDocs)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("read document list: %w", err)
	}
	if raw != nil {
		if err := json.Unmarshal(raw, &ix.docs); err != nil {
			idx.Close()
			return nil, fmt.Errorf("decode document list: %w", err)
		}
	}
	for _, d := range ix.docs {
		ix.langs[analysisKey(d.Lang)] += d.Chunks
	}
	return ix, nil
}

// newMapping builds the index mapping: one chunk document type with a
// title, heading and body field per analysis family, BM25 scoring.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = index.BM25Scoring
	if err := addAnalysis(im); err != nil {
		return nil, err
	}
	chunk := bleve.NewDocumentStaticMapping()
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = true
		f.IncludeInAll = false
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		return f
	}
	chunk.AddFieldMappingsAt("doc_id", kw())
	chunk.AddFieldMappingsAt("lang", kw())
	for _, name := range []string{"title", "heading", "text", "version"} {
		chunk.AddFieldMappingsAt(name, stored())
	}
	for _, fam := range families {
		for _, field := range []string{"title", "heading", "body"} {
			f := bleve.NewTextFieldMapping()
			f.Analyzer = analyzers[fam]
			f.Store = false
			f.IncludeInAll = false
			f.IncludeTermVectors = false
			f.DocValues = false
			chunk.AddFieldMappingsAt(field+"_"+fam, f)
		}
	}
	im.DefaultMapping = chunk
	im.DefaultAnalyzer = analyzers["en"]
	return im, nil
}

// Close closes the index.
func (ix *Index) Close() error { return ix.idx.Close() }

// Documents lists the indexed documents, sorted by id.
func (ix *Index) Documents() []DocInfo {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	out := make([]DocInfo, 0, len(ix.docs))
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
	return n, nil
}

// Ready reports whether the index answers; it is the readiness check.
func (ix *Index) Ready(ctx context.Context) error {
	_, err := ix.Chunks()
	return err
}

// version is a document's content hash.
func version(doc Document) string {
	h := sha256.New()
	h.Write([]byte(doc.Title))
	h.Write([]byte{0})
	h.Write([]byte(doc.Text))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func chunkID(docID string, n int) string { return docID + "#" + strconv.Itoa(n) }

// analyzer returns the named analyzer of the index mapping.
func (ix *Index) analyzer(fam string) analysis.Analyzer {
	return ix.idx.Mapping().AnalyzerNamed(analyzers[fam])
}
