package search

import (
	"fmt"
	"log/slog"
	"os"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// openCurrent opens the index at path. An index written with another
// layout (an older Hushdesk) is rebuilt with the current one from the
// passages it stores, keeping their ids, so nothing needs re-ingesting.
func openCurrent(path string, vocab *Vocabulary, log *slog.Logger) (bleve.Index, error) {
	old, err := bleve.Open(path)
	if err != nil {
		return nil, err
	}
	schema, err := old.GetInternal(internalSchema)
	if err != nil {
		old.Close()
		return nil, fmt.Errorf("read index layout: %w", err)
	}
	if string(schema) == schemaVersion {
		return old, nil
	}
	log.Info("rebuilding the knowledge-base index for the current layout", "from", string(schema), "to", schemaVersion)
	tmp := path + ".rebuild"
	if err := os.RemoveAll(tmp); err != nil {
		old.Close()
		return nil, fmt.Errorf("clear %s: %w", tmp, err)
	}
	if err := rebuild(old, tmp, vocab); err != nil {
		old.Close()
		os.RemoveAll(tmp)
		return nil, err
	}
	old.Close()
	// The passage vectors stay valid: they depend on the text only.
	if vf := path + "/" + vectorFile; fileExists(vf) {
		if err := os.Rename(vf, tmp+"/"+vectorFile); err != nil {
			return nil, fmt.Errorf("keep passage vectors: %w", err)
		}
	}
	if err := os.RemoveAll(path); err != nil {
		return nil, fmt.Errorf("remove old index: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, fmt.Errorf("move rebuilt index: %w", err)
	}
	return bleve.Open(path)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// rebuild copies every stored passage, the document list and the
// recorded folders of old into a new index at path, analysing the
// passages with vocab.
func rebuild(old bleve.Index, path string, vocab *Vocabulary) error {
	im, err := newMapping()
	if err != nil {
		return err
	}
	idx, err := bleve.New(path, im)
	if err != nil {
		return fmt.Errorf("create rebuilt index: %w", err)
	}
	defer idx.Close()
	lx, err := newLexicon(vocab, func(fam string) analysis.Analyzer { return im.AnalyzerNamed(analyzers[fam]) })
	if err != nil {
		return err
	}
	if _, err := reanalyse(old, idx, lx); err != nil {
		return err
	}
	if err := idx.SetInternal(internalVocabulary, []byte(vocab.Version())); err != nil {
		return fmt.Errorf("record vocabulary version: %w", err)
	}
	for _, key := range [][]byte{internalDocs, internalFolders} {
		raw, err := old.GetInternal(key)
		if err != nil {
			return fmt.Errorf("read %s: %w", key, err)
		}
		if raw != nil {
			if err := idx.SetInternal(key, raw); err != nil {
				return fmt.Errorf("copy %s: %w", key, err)
			}
		}
	}
	return idx.SetInternal(internalSchema, []byte(schemaVersion))
}

// reanalyse indexes every stored passage of src into dst, its fields made
// again from what is stored with a lexicon's analyzers (of dst's
// mapping). src and dst may be the same index: passages keep their ids, so
// reading them in id order is not disturbed by writing them back. It
// returns how many passages it indexed.
func reanalyse(src, dst bleve.Index, lx *lexicon) (int, error) {
	leads, err := storedLeads(src)
	if err != nil {
		return 0, err
	}
	n := 0
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1000, 0, false)
		req.Fields = []string{"doc_id", "lang", "title", "heading", "text", "version", "url"}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		sr, err := src.Search(req)
		if err != nil {
			return n, fmt.Errorf("read passages: %w", err)
		}
		if len(sr.Hits) == 0 {
			return n, nil
		}
		b := dst.NewBatch()
		for _, h := range sr.Hits {
			fields := passageFields(lx, h, leads)
			if fields == nil {
				continue
			}
			if err := b.Index(h.ID, fields); err != nil {
				return n, fmt.Errorf("index passage %s: %w", h.ID, err)
			}
			n++
		}
		if err := dst.Batch(b); err != nil {
			return n, fmt.Errorf("index passages: %w", err)
		}
		after = []string{sr.Hits[len(sr.Hits)-1].ID}
	}
}

// passageFields rebuilds the indexed fields of a stored passage, given
// the leads of the documents. Synonym definitions, which have no doc_id,
// are left behind: the new index is given the current ones when it is
// opened.
func passageFields(lx *lexicon, h *search.DocumentMatch, leads map[string]string) map[string]any {
	str := func(k string) string { s, _ := h.Fields[k].(string); return s }
	if str("doc_id") == "" {
		return nil
	}
	return chunkFields(lx, kb.Passage{
		ID: h.ID, DocID: str("doc_id"), Lang: lang.Tag(str("lang")), Version: str("version"), URL: str("url"),
		Title: str("title"), Lead: leads[str("doc_id")], Heading: str("heading"), Text: str("text"),
	})
}

// storedLeads reads the lead of every document of an index: the text of
// its first passage when that has no heading (as leadOf finds it when
// the document is ingested).
func storedLeads(idx bleve.Index) (map[string]string, error) {
	leads := map[string]string{}
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1000, 0, false)
		req.Fields = []string{"doc_id", "heading", "text"}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		sr, err := idx.Search(req)
		if err != nil {
			return nil, fmt.Errorf("read passages: %w", err)
		}
		if len(sr.Hits) == 0 {
			return leads, nil
		}
		for _, h := range sr.Hits {
			str := func(k string) string { s, _ := h.Fields[k].(string); return s }
			if doc := str("doc_id"); doc != "" && h.ID == kb.PassageID(doc, 0) && str("heading") == "" {
				leads[doc] = kb.Lead(str("text"))
			}
		}
		after = []string{sr.Hits[len(sr.Hits)-1].ID}
	}
}
