package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// newMapping builds the index mapping: one passage document type with a
// body field per analysis family (title, heading and text, analysed in
// the family's language, with the family's synonym source), stored
// fields for the answer and the reranking, and BM25 scoring.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = index.BM25Scoring
	if err := addAnalysis(im); err != nil {
		return nil, err
	}
	if err := addSynonymSources(im); err != nil {
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
	for _, name := range storedFields[2:] {
		chunk.AddFieldMappingsAt(name, stored())
	}
	for _, fam := range families {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzers[fam]
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		f.SynonymSource = synonymSource(fam)
		chunk.AddFieldMappingsAt("body_"+fam, f)
	}
	im.DefaultMapping = chunk
	im.DefaultAnalyzer = analyzers["en"]
	return im, nil
}
