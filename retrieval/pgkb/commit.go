package pgkb

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/retrieval/search"
)

// Commit writes a change in one transaction that holds the head row: it
// takes the next sequence number, writes the documents, removals,
// vectors and vocabulary, records the change and announces it.
func (l *Library) Commit(ctx context.Context, c search.Change) (search.Cursor, error) {
	var cur search.Cursor
	err := pgx.BeginFunc(ctx, l.pool, func(tx pgx.Tx) error {
		var head int64
		if err := tx.QueryRow(ctx, `SELECT seq FROM kb_head WHERE id = 1 FOR UPDATE`).Scan(&head); err != nil {
			return fmt.Errorf("lock the knowledge base's head: %w", err)
		}
		if err := tx.QueryRow(ctx, `SELECT v FROM kb_meta WHERE k = 'id'`).Scan(&cur.Library); err != nil {
			return err
		}
		seq := head + 1
		touched, err := l.write(ctx, tx, seq, c)
		if err != nil {
			return err
		}
		vocab, err := l.writeVocabulary(ctx, tx, seq, c)
		if err != nil {
			return err
		}
		if len(touched) == 0 && !vocab && !c.Reindex {
			cur.Seq = uint64(head)
			return nil
		}
		slices.Sort(touched)
		touched = append([]string{}, slices.Compact(touched)...)
		if _, err := tx.Exec(ctx, `INSERT INTO kb_changes (seq, docs, vocabulary, reindex) VALUES ($1, $2, $3, $4)`,
			seq, touched, vocab, c.Reindex); err != nil {
			return fmt.Errorf("record the change: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE kb_head SET seq = $1 WHERE id = 1`, seq); err != nil {
			return err
		}
		if seq%64 == 0 {
			if _, err := tx.Exec(ctx, `DELETE FROM kb_changes WHERE seq < $1 AND at < now() - $2::interval`, seq, keep.String()); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, channel, strconv.FormatInt(seq, 10)); err != nil {
			return err
		}
		cur.Seq = uint64(seq)
		return nil
	})
	if err != nil {
		return search.Cursor{}, fmt.Errorf("knowledge-base change: %w", err)
	}
	return cur, nil
}

// write writes a change's documents, removals and vectors, and returns
// the ids of the documents it changed.
func (l *Library) write(ctx context.Context, tx pgx.Tx, seq int64, c search.Change) ([]string, error) {
	var touched []string
	for _, p := range c.Put {
		d := p.Info
		if _, err := tx.Exec(ctx, `DELETE FROM kb_documents WHERE id = $1`, d.ID); err != nil {
			return nil, fmt.Errorf("replace %s: %w", d.ID, err)
		}
		lead := ""
		if len(p.Passages) > 0 {
			lead = p.Passages[0].Lead
		}
		red, err := countsJSON(d.Redactions)
		if err != nil {
			return nil, err
		}
		kept, err := countsJSON(d.Kept)
		if err != nil {
			return nil, err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO kb_documents (id, title, lang, version, url, lead, chunks, ingested, redactions, kept, seq)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			d.ID, d.Title, string(d.Lang), d.Version, d.URL, lead, len(p.Passages), d.Ingested, red, kept, seq); err != nil {
			return nil, fmt.Errorf("store %s: %w", d.ID, err)
		}
		rows := make([][]any, len(p.Passages))
		for n, ps := range p.Passages {
			rows[n] = []any{d.ID, n, ps.Heading, ps.Text}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"kb_passages"}, []string{"doc_id", "n", "heading", "body"}, pgx.CopyFromRows(rows)); err != nil {
			return nil, fmt.Errorf("store the passages of %s: %w", d.ID, err)
		}
		touched = append(touched, d.ID)
	}
	if len(c.Remove) > 0 {
		rows, err := tx.Query(ctx, `DELETE FROM kb_documents WHERE id = ANY($1) RETURNING id`, c.Remove)
		if err != nil {
			return nil, fmt.Errorf("remove documents: %w", err)
		}
		gone, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return nil, fmt.Errorf("remove documents: %w", err)
		}
		touched = append(touched, gone...)
	}
	if len(c.Vectors) > 0 {
		var b pgx.Batch
		var docs []string
		for _, v := range c.Vectors {
			doc, n, ok := splitPassageID(v.ID)
			if !ok {
				continue
			}
			docs = append(docs, doc)
			b.Queue(`INSERT INTO kb_vectors (doc_id, n, model, version, vec)
				SELECT $1, $2, $3, $4, $5 WHERE EXISTS (
					SELECT 1 FROM kb_documents d JOIN kb_passages p ON p.doc_id = d.id
					WHERE d.id = $1 AND p.n = $2 AND d.version = $4)
				ON CONFLICT (doc_id, n, model) DO UPDATE SET version = excluded.version, vec = excluded.vec`,
				doc, n, v.Model, v.Version, encodeVector(v.Vector))
		}
		res := tx.SendBatch(ctx, &b)
		for _, doc := range docs {
			tag, err := res.Exec()
			if err != nil {
				res.Close()
				return nil, fmt.Errorf("store passage vectors: %w", err)
			}
			if tag.RowsAffected() > 0 {
				touched = append(touched, doc)
			}
		}
		if err := res.Close(); err != nil {
			return nil, fmt.Errorf("store passage vectors: %w", err)
		}
	}
	return touched, nil
}

// writeVocabulary replaces the vocabulary files in use when the change
// has them, and reports whether it did.
func (l *Library) writeVocabulary(ctx context.Context, tx pgx.Tx, seq int64, c search.Change) (bool, error) {
	if c.Vocabulary == nil {
		return false, nil
	}
	if c.VocabularyIfNone {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM kb_meta WHERE k = 'vocabulary'`).Scan(&n); err != nil {
			return false, err
		}
		if n > 0 {
			return false, nil
		}
	}
	if _, err := tx.Exec(ctx, `DELETE FROM kb_vocabulary`); err != nil {
		return false, err
	}
	for name, content := range c.Vocabulary {
		if _, err := tx.Exec(ctx, `INSERT INTO kb_vocabulary (name, content) VALUES ($1, $2)`, name, content); err != nil {
			return false, fmt.Errorf("store vocabulary file %s: %w", name, err)
		}
	}
	_, err := tx.Exec(ctx, `INSERT INTO kb_meta (k, v) VALUES ('vocabulary', $1) ON CONFLICT (k) DO UPDATE SET v = excluded.v`,
		strconv.FormatInt(seq, 10))
	return err == nil, err
}

// splitPassageID parses a passage id (kb.PassageID) into its document's
// id and its number.
func splitPassageID(id string) (string, int, bool) {
	i := strings.LastIndexByte(id, '#')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(id[i+1:])
	return id[:i], n, err == nil && n >= 0
}

func countsJSON(m map[string]int) ([]byte, error) {
	if len(m) == 0 {
		return nil, nil
	}
	return json.Marshal(m)
}

// encodeVector lays out float32 components, little-endian.
func encodeVector(v []float32) []byte {
	b := make([]byte, 4*len(v))
	for i, f := range v {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(f))
	}
	return b
}

func decodeVector(b []byte) []float32 {
	v := make([]float32, len(b)/4)
	for i := range v {
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return v
}
