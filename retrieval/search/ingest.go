package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// IngestReport says what an ingest changed.
type IngestReport struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Removed   int `json:"removed"`
	Chunks    int `json:"chunks"`
	// Embedded counts the passages given a vector.
	Embedded int `json:"embedded,omitempty"`
	// PersonalData lists documents in which the scrubber found personal
	// data, with counts by type.
	PersonalData map[string]map[string]int `json:"personal_data,omitempty"`
	// PublicContacts lists documents that publish their contacts
	// (public_contacts: true), with the contact details kept, by type.
	PublicContacts map[string]map[string]int `json:"public_contacts,omitempty"`
	// Refused lists the documents refused because their names or URLs
	// hold personal data (see kb.CheckName), by position and redacted
	// name; the others were ingested.
	Refused []kb.Refusal `json:"refused,omitempty"`
}

// IngestOptions adjust one ingest.
type IngestOptions struct {
	// OnPersonalData overrides Options.OnPersonalData for this ingest
	// when not empty.
	OnPersonalData string
	// Progress, when set, is called as the ingest goes on.
	Progress func(IngestProgress)
}

// IngestProgress is how far an ingest has come.
type IngestProgress struct {
	// Phase is "index" while passages are indexed, then "embed" while
	// they are embedded (with an Embedder only).
	Phase string
	// Done and Total count documents while indexing, passages while
	// embedding.
	Done, Total int
}

// batchSize is how many passages go into one index batch.
const batchSize = 500

// prepared is a changed document, scrubbed and cut into passages, with
// the passages' fields.
type prepared struct {
	info   kb.DocInfo
	chunks []map[string]any
	old    *kb.DocInfo
}

// Ingest adds or replaces documents. A document whose content has not
// changed since it was last ingested is left alone.
func (ix *Index) Ingest(ctx context.Context, docs []kb.Document) (IngestReport, error) {
	return ix.IngestWith(ctx, docs, IngestOptions{})
}

// IngestWith is Ingest with options. Every document is read, scrubbed and
// checked before the index changes: an empty document, or under the
// refuse policy one holding personal data, fails the whole ingest.
//
// A document whose id or URL holds personal data is refused whatever the
// policy (an id or a URL is not redacted: two documents would become one,
// a link would break), and the others are ingested; the report lists the
// refused documents, and the error is a *kb.RefusedError, which matches
// kb.ErrPersonalDataInName.
func (ix *Index) IngestWith(ctx context.Context, docs []kb.Document, o IngestOptions) (IngestReport, error) {
	policy := o.OnPersonalData
	if policy == "" {
		policy = ix.opts.OnPersonalData
	}
	if policy != kb.PersonalDataRedact && policy != kb.PersonalDataRefuse {
		return IngestReport{}, fmt.Errorf("%w: personal-data policy %q: want %q or %q", ErrBadOption, policy, kb.PersonalDataRedact, kb.PersonalDataRefuse)
	}
	progress := func(p IngestProgress) {
		if o.Progress != nil {
			o.Progress(p)
		}
	}
	write := ix.write
	if ix.shared != nil {
		write = ix.publish
	}
	rep, fresh, err := write(ctx, docs, policy, progress)
	if err != nil {
		return rep, err
	}
	if len(rep.Refused) > 0 {
		ix.log.Warn("documents refused: their names or urls hold personal data", "refused", len(rep.Refused))
	}
	if ix.opts.Embedder == nil || len(fresh) == 0 {
		return rep, rep.refusal()
	}
	// The passages are written and found by their words; they are
	// embedded now, without holding up other writers while the model
	// works.
	n, err := ix.embedPassages(ctx, fresh, progress)
	rep.Embedded = n
	if err != nil {
		// Their vectors are made by the next SyncVectors.
		ix.log.Warn("could not embed every new passage; searching them by words only until the vectors are made",
			"embedded", n, "passages", len(fresh), "err", err)
	}
	return rep, rep.refusal()
}

// toWrite calls f with each document of docs that is to be written: the
// last of several with one id, not refused for its name, and not the
// version held (held says the version of an id already in the index). An
// empty document is an error.
func (ix *Index) toWrite(ctx context.Context, rep *IngestReport, docs []kb.Document, held func(id string) (string, bool), f func(kb.Document)) error {
	last := make(map[string]int, len(docs))
	for i, doc := range docs {
		last[doc.ID] = i
	}
	for i, doc := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if ix.refuseName(rep, i, doc) || last[doc.ID] != i {
			continue
		}
		if strings.TrimSpace(doc.Text) == "" {
			return fmt.Errorf("%s: %w", doc.ID, kb.ErrEmptyDocument)
		}
		if v, ok := held(doc.ID); ok && v == kb.Version(doc) {
			rep.Unchanged++
			continue
		}
		f(doc)
	}
	return nil
}

// found notes in the report the personal data and the public contacts
// preparing a document found in it.
func (rep *IngestReport) found(info kb.DocInfo) {
	if len(info.Redactions) > 0 {
		if rep.PersonalData == nil {
			rep.PersonalData = make(map[string]map[string]int)
		}
		rep.PersonalData[info.ID] = info.Redactions
	}
	if len(info.Kept) > 0 {
		if rep.PublicContacts == nil {
			rep.PublicContacts = make(map[string]map[string]int)
		}
		rep.PublicContacts[info.ID] = info.Kept
	}
}

// write indexes what changed of docs, under the writers' lock, and
// returns the report and the ids of the passages written.
func (ix *Index) write(ctx context.Context, docs []kb.Document, policy string, progress func(IngestProgress)) (IngestReport, []string, error) {
	rep := IngestReport{}
	ix.mu.Lock()
	defer ix.mu.Unlock()

	var work []prepared
	held := func(id string) (string, bool) {
		d, ok := ix.docs[id]
		return d.Version, ok
	}
	err := ix.toWrite(ctx, &rep, docs, held, func(doc kb.Document) {
		info, chunks := ix.prepare(doc)
		rep.found(info)
		p := prepared{info: info, chunks: chunks}
		if old, exists := ix.docs[doc.ID]; exists {
			p.old = &old
		}
		work = append(work, p)
	})
	if err != nil {
		return rep, nil, err
	}
	if policy == kb.PersonalDataRefuse && len(rep.PersonalData) > 0 {
		return rep, nil, &kb.PersonalDataError{Found: rep.PersonalData}
	}

	batch := ix.idx.NewBatch()
	flush := func() error {
		if batch.Size() == 0 {
			return nil
		}
		err := ix.batch(batch)
		if err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
		// A new batch, not Reset: Bleve's scorch may still be reading
		// the old one's operations when Batch returns (a data race the
		// race detector found, with deletes in the batch).
		batch = ix.idx.NewBatch()
		return nil
	}
	var fresh []string // passages to embed
	for n, p := range work {
		if err := ctx.Err(); err != nil {
			return rep, nil, errors.Join(err, flush(), ix.saveDocs())
		}
		id := p.info.ID
		if p.old != nil {
			var stale []string
			for c := range p.old.Chunks {
				batch.Delete(kb.PassageID(id, c))
				stale = append(stale, kb.PassageID(id, c))
			}
			if err := ix.vecs.remove(stale); err != nil {
				return rep, nil, err
			}
			rep.Updated++
		} else {
			rep.Added++
		}
		for c, fields := range p.chunks {
			if err := batch.Index(kb.PassageID(id, c), fields); err != nil {
				return rep, nil, fmt.Errorf("index %s: %w", id, err)
			}
			fresh = append(fresh, kb.PassageID(id, c))
			if batch.Size() >= batchSize {
				if err := flush(); err != nil {
					return rep, nil, err
				}
			}
		}
		rep.Chunks += len(p.chunks)
		if p.old != nil {
			ix.addTitle(*p.old, -1)
		}
		ix.docs[id] = p.info
		ix.addTitle(p.info, 1)
		progress(IngestProgress{Phase: "index", Done: n + 1, Total: len(work)})
	}
	if err := flush(); err != nil {
		return rep, nil, err
	}
	if len(work) > 0 {
		if err := ix.saveDocs(); err != nil {
			return rep, nil, err
		}
	}
	return rep, fresh, nil
}

// prepare scrubs, chunks and describes one document, and makes the
// fields of its passages.
func (ix *Index) prepare(doc kb.Document) (kb.DocInfo, []map[string]any) {
	p := kb.Prepare(doc, ix.opts.Scrub)
	lx := ix.lexicon()
	chunks := make([]map[string]any, len(p.Passages))
	lead := "" // the lead's terms, the same for every passage
	for i, ps := range p.Passages {
		chunks[i] = chunkFieldsWithLead(lx, ps, lead)
		lead, _ = chunks[i]["lead_terms"].(string)
	}
	return p.Info, chunks
}

// Remove deletes documents by id; unknown ids are ignored. It returns how
// many were removed.
func (ix *Index) Remove(ctx context.Context, ids ...string) (int, error) {
	if ix.shared != nil {
		return ix.removeShared(ctx, ids)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	batch := ix.idx.NewBatch()
	var stale []string
	n := 0
	for _, id := range ids {
		d, ok := ix.docs[id]
		if !ok {
			continue
		}
		for c := range d.Chunks {
			batch.Delete(kb.PassageID(id, c))
			stale = append(stale, kb.PassageID(id, c))
		}
		delete(ix.docs, id)
		ix.addTitle(d, -1)
		n++
	}
	if n == 0 {
		return 0, nil
	}
	err := ix.batch(batch)
	if err != nil {
		return 0, fmt.Errorf("remove documents: %w", err)
	}
	if err := ix.vecs.remove(stale); err != nil {
		return 0, err
	}
	return n, ix.saveDocs()
}

// Prune removes the documents whose id starts with prefix and is not in
// keep: what disappeared from a folder since it was last ingested.
func (ix *Index) Prune(ctx context.Context, prefix string, keep map[string]bool) (int, error) {
	if ix.shared != nil {
		if err := ix.catchUp(ctx); err != nil {
			return 0, err
		}
	}
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

// batch writes b to the index, moving the generation on both before and
// after: a search while the batch is written neither uses what the
// caches hold from before it (the index may already show the new
// passages) nor leaves behind what it read meanwhile.
func (ix *Index) batch(b *bleve.Batch) error {
	ix.gen.Add(1)
	defer ix.gen.Add(1)
	return ix.idx.Batch(b)
}
