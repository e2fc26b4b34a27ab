package pgkb

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// readChunk is how many documents are loaded at a time.
const readChunk = 200

// Read calls fn with what changed after from, as it is now, in one
// repeatable-read transaction: the vocabulary when it changed, then each
// changed document. A cursor of another library, older than the changes
// kept or ahead of the head gets a Reset and the whole knowledge base.
func (l *Library) Read(ctx context.Context, from search.Cursor, fn func(search.Update) error) (search.Cursor, error) {
	var cur search.Cursor
	err := pgx.BeginTxFunc(ctx, l.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		var head, floor int64
		err := tx.QueryRow(ctx, `SELECT (SELECT v FROM kb_meta WHERE k = 'id'), h.seq,
				coalesce((SELECT min(seq) - 1 FROM kb_changes), h.seq)
			FROM kb_head h WHERE h.id = 1`).Scan(&cur.Library, &head, &floor)
		if err != nil {
			return fmt.Errorf("read the knowledge base's head: %w", err)
		}
		cur.Seq = uint64(head)
		var ids []string
		vocab, reindex := false, false
		switch {
		case from.Library != cur.Library || from.Seq > uint64(head) || from.Seq < uint64(floor):
			if err := fn(search.Update{Reset: true}); err != nil {
				return err
			}
			rows, err := tx.Query(ctx, `SELECT id FROM kb_documents ORDER BY id`)
			if err != nil {
				return err
			}
			if ids, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
				return err
			}
			vocab = true
		case from.Seq == uint64(head):
			return nil
		default:
			err := tx.QueryRow(ctx, `SELECT coalesce(bool_or(vocabulary), false), coalesce(bool_or(reindex), false)
				FROM kb_changes WHERE seq > $1`, int64(from.Seq)).Scan(&vocab, &reindex)
			if err != nil {
				return err
			}
			rows, err := tx.Query(ctx, `SELECT DISTINCT unnest(docs) AS id FROM kb_changes WHERE seq > $1 ORDER BY id`, int64(from.Seq))
			if err != nil {
				return err
			}
			if ids, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
				return err
			}
		}
		if vocab || reindex {
			files, ok, err := readVocabulary(ctx, tx)
			if err != nil {
				return err
			}
			if ok {
				if err := fn(search.Update{Vocabulary: files, Reindex: reindex}); err != nil {
					return err
				}
			}
		}
		for start := 0; start < len(ids); start += readChunk {
			part := ids[start:min(start+readChunk, len(ids))]
			docs, err := readDocuments(ctx, tx, part)
			if err != nil {
				return err
			}
			for _, id := range part {
				if err := fn(search.Update{DocID: id, Doc: docs[id]}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return from, err
	}
	return cur, nil
}

// readVocabulary reads the vocabulary files in use; ok is false when
// none were ever published.
func readVocabulary(ctx context.Context, tx pgx.Tx) (map[string][]byte, bool, error) {
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM kb_meta WHERE k = 'vocabulary'`).Scan(&n); err != nil || n == 0 {
		return nil, false, err
	}
	rows, err := tx.Query(ctx, `SELECT name, content FROM kb_vocabulary`)
	if err != nil {
		return nil, false, err
	}
	files := map[string][]byte{}
	var name string
	var content []byte
	_, err = pgx.ForEachRow(rows, []any{&name, &content}, func() error {
		files[name] = append([]byte(nil), content...)
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("read the vocabulary: %w", err)
	}
	return files, true, nil
}

// readDocuments loads documents with their passages and vectors; ids the
// library does not hold are left out.
func readDocuments(ctx context.Context, tx pgx.Tx, ids []string) (map[string]*search.LibraryDocument, error) {
	out := make(map[string]*search.LibraryDocument, len(ids))
	rows, err := tx.Query(ctx, `SELECT id, title, lang, version, url, lead, chunks, ingested, redactions, kept
		FROM kb_documents WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	leads := map[string]string{}
	var (
		d        kb.DocInfo
		lg, lead string
		ingested time.Time
		red, kpt []byte
	)
	_, err = pgx.ForEachRow(rows, []any{&d.ID, &d.Title, &lg, &d.Version, &d.URL, &lead, &d.Chunks, &ingested, &red, &kpt}, func() error {
		info := d
		info.Lang, info.Ingested = lang.Tag(lg), ingested.UTC()
		info.Redactions, info.Kept = nil, nil
		if red != nil {
			if err := json.Unmarshal(red, &info.Redactions); err != nil {
				return err
			}
		}
		if kpt != nil {
			if err := json.Unmarshal(kpt, &info.Kept); err != nil {
				return err
			}
		}
		out[info.ID] = &search.LibraryDocument{Prepared: kb.Prepared{Info: info, Passages: make([]kb.Passage, 0, info.Chunks)}}
		leads[info.ID] = lead
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	rows, err = tx.Query(ctx, `SELECT doc_id, n, heading, body FROM kb_passages WHERE doc_id = ANY($1) ORDER BY doc_id, n`, ids)
	if err != nil {
		return nil, fmt.Errorf("read passages: %w", err)
	}
	var doc, heading, body string
	var n int
	_, err = pgx.ForEachRow(rows, []any{&doc, &n, &heading, &body}, func() error {
		ld := out[doc]
		if ld == nil {
			return nil
		}
		i := ld.Info
		ld.Passages = append(ld.Passages, kb.Passage{
			ID: kb.PassageID(doc, n), DocID: doc, Lang: i.Lang, Version: i.Version, URL: i.URL,
			Title: i.Title, Lead: leads[doc], Heading: heading, Text: body,
		})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read passages: %w", err)
	}
	rows, err = tx.Query(ctx, `SELECT doc_id, n, model, version, vec FROM kb_vectors WHERE doc_id = ANY($1) ORDER BY doc_id, n`, ids)
	if err != nil {
		return nil, fmt.Errorf("read passage vectors: %w", err)
	}
	var model, version string
	var vec []byte
	_, err = pgx.ForEachRow(rows, []any{&doc, &n, &model, &version, &vec}, func() error {
		if ld := out[doc]; ld != nil {
			ld.Vectors = append(ld.Vectors, search.PassageVector{ID: kb.PassageID(doc, n), Version: version, Model: model, Vector: decodeVector(vec)})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read passage vectors: %w", err)
	}
	return out, nil
}
