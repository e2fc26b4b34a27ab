package retrieval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// IngestReport says what an ingest changed.
type IngestReport struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Removed   int `json:"removed"`
	Chunks    int `json:"chunks"`
	// PersonalData lists documents in which the scrubber found personal
	// data, with counts by type.
	PersonalData map[string]map[string]int `json:"personal_data,omitempty"`
}

// ErrEmptyDocument is returned for a document with no text.
var ErrEmptyDocument = errors.New("document has no text")

// batchSize is how many passages go into one index batch.
const batchSize = 500

// Ingest adds or replaces documents. A document whose content has not
// changed since it was last ingested is left alone.
func (ix *Index) Ingest(ctx context.Context, docs []Document) (IngestReport, error) {
	rep := IngestReport{}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	batch := ix.idx.NewBatch()
	flush := func() error {
		if batch.Size() == 0 {
			return nil
		}
		if err := ix.idx.Batch(batch); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
		batch.Reset()
		return nil
	}
	changed := false
	for _, doc := range docs {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		if strings.TrimSpace(doc.Text) == "" {
			return rep, fmt.Errorf("%s: %w", doc.ID, ErrEmptyDocument)
		}
		v := version(doc)
		old, exists := ix.docs[doc.ID]
		if exists && old.Version == v {
			rep.Unchanged++
			continue
		}
		info, chunks := ix.prepare(doc, v)
		if len(info.Redactions) > 0 {
			if rep.PersonalData == nil {
				rep.PersonalData = make(map[string]map[string]int)
			}
			rep.PersonalData[doc.ID] = info.Redactions
		}
		if exists {
			for n := range old.Chunks {
				batch.Delete(chunkID(doc.ID, n))
			}
			ix.langs[analysisKey(old.Lang)] -= old.Chunks
			rep.Updated++
		} else {
			rep.Added++
		}
		for n, c := range chunks {
			if err := batch.Index(chunkID(doc.ID, n), c); err != nil {
				return rep, fmt.Errorf("index %s: %w", doc.ID, err)
			}
			if batch.Size() >= batchSize {
				if err := flush(); err != nil {
					return rep, err
				}
			}
		}
		rep.Chunks += len(chunks)
		ix.docs[doc.ID] = info
		ix.langs[analysisKey(info.Lang)] += info.Chunks
		changed = true
	}
	if err := flush(); err != nil {
		return rep, err
	}
	if changed {
		return rep, ix.saveDocs()
	}
	return rep, nil
}

// prepare scrubs, chunks and describes one document.
func (ix *Index) prepare(doc Document, v string) (DocInfo, []map[string]any) {
	text, title := doc.Text, doc.Title
	counts := map[string]int{}
	if ix.opts.Scrub != nil {
		var c map[string]int
		text, c = ix.opts.Scrub(text)
		for k, n := range c {
			counts[k] += n
		}
		title, c = ix.opts.Scrub(title)
		for k, n := range c {
			counts[k] += n
		}
	}
	mdTitle, sections := splitMarkdown(text)
	if title == "" {
		title = mdTitle
	}
	if title == "" {
		title = doc.ID
	}
	lang := NormalizeLanguage(doc.Lang)
	if lang == "" {
		lang = DetectLanguage(title + "\n" + text)
	}
	fam := analysisKey(lang)
	var chunks []map[string]any
	for _, s := range sections {
		for _, p := range pieces(s.text) {
			chunks = append(chunks, map[string]any{
				"doc_id":         doc.ID,
				"lang":           lang,
				"title":          title,
				"heading":        s.heading,
				"text":           p,
				"version":        v,
				"title_" + fam:   title,
				"heading_" + fam: s.heading,
				"body_" + fam:    title + "\n" + s.heading + "\n" + p,
			})
		}
	}
	info := DocInfo{ID: doc.ID, Title: title, Lang: lang, Version: v, Chunks: len(chunks), Ingested: time.Now().UTC()}
	if len(counts) > 0 {
		info.Redactions = counts
	}
	return info, chunks
}

// Remove deletes documents by id; unknown ids are ignored. It returns how
// many were removed.
func (ix *Index) Remove(ctx context.Context, ids ...string) (int, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	batch := ix.idx.NewBatch()
	n := 0
	for _, id := range ids {
		d, ok := ix.docs[id]
		if !ok {
			continue
		}
		for c := range d.Chunks {
			batch.Delete(chunkID(id, c))
		}
		delete(ix.docs, id)
		ix.langs[analysisKey(d.Lang)] -= d.Chunks
		n++
	}
	if n == 0 {
		return 0, nil
	}
	if err := ix.idx.Batch(batch); err != nil {
		return 0, fmt.Errorf("remove documents: %w", err)
	}
	return n, ix.saveDocs()
}

// Prune removes the documents whose id starts with prefix and is not in
// keep: what disappeared from a folder since it was last ingested.
func (ix *Index) Prune(ctx context.Context, prefix string, keep map[string]bool) (int, error) {
	var gone []string
	ix.mu.Lock()
	for id := range ix.docs {
		if strings.HasPrefix(id, prefix) && !keep[id] {
			gone = append(gone, id)
		}
	}
	ix.mu.Unlock()
	return ix.Remove(ctx, gone...)
}

// saveDocs writes the document list into the index. Callers hold mu.
func (ix *Index) saveDocs() error {
	raw, err := json.Marshal(ix.docs)
	if err != nil {
		return fmt.Errorf("encode document list: %w", err)
	}
	if err := ix.idx.SetInternal(internalDocs, raw); err != nil {
		return fmt.Errorf("save document list: %w", err)
	}
	return nil
}
