package audit

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// Export formats.
const (
	FormatJSONL = "jsonl"
	FormatCSV   = "csv"
)

// ErrFormat is returned for an export format other than jsonl or csv.
var ErrFormat = fault.New(fault.Invalid, "export format must be jsonl or csv")

// ExportRequest describes one export.
type ExportRequest struct {
	Filter  Filter
	Format  string // jsonl (default) or csv
	Content bool   // include the decrypted, redacted content
	Actor   string // who asked, recorded in the export event
}

// ExportSummary says what an export wrote. The export itself is recorded
// as an event, so every export is on the chain of custody.
type ExportSummary struct {
	Events   int      `json:"events"`
	SHA256   string   `json:"sha256"`
	AuditSeq uint64   `json:"audit_seq"`
	Manifest Manifest `json:"manifest"`
}

// Export streams the selected events to w and then appends an export event
// recording the filter, the count and the SHA-256 of what was written.
func (s *Store) Export(ctx context.Context, w io.Writer, req ExportRequest) (ExportSummary, error) {
	return WriteExport(ctx, w, req, storeExports{s})
}

// Exporter is a log that exports are written from and recorded in.
type Exporter interface {
	Scan(ctx context.Context, f Filter, content bool, fn func(Event) error) error
	Append(ctx context.Context, env Envelope, content *Content) (uint64, error)
	Checkpoint(ctx context.Context) (Checkpoint, error)
	LatestCheckpoint(ctx context.Context) (Checkpoint, error)
	Fingerprint() string
	// Writable reports whether custody can be recorded; read-only, the
	// export carries the latest checkpoint instead.
	Writable() bool
	Now() time.Time
}

type storeExports struct{ *Store }

func (s storeExports) Writable() bool { return s.reqs != nil }
func (s storeExports) Now() time.Time { return s.now() }

// WriteExport streams the events req selects from log to w, as Export
// does, and records the export in log.
func WriteExport(ctx context.Context, w io.Writer, req ExportRequest, s Exporter) (ExportSummary, error) {
	var sum ExportSummary
	h := sha256.New()
	out := io.MultiWriter(w, h)
	var write func(Event) error
	var flush func() error
	switch req.Format {
	case "", FormatJSONL:
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		write = func(e Event) error { return enc.Encode(&e) }
		flush = func() error { return nil }
	case FormatCSV:
		cw := csv.NewWriter(out)
		if err := cw.Write(csvSafe(csvHeader(req.Content))); err != nil {
			return sum, fmt.Errorf("write csv header: %w", err)
		}
		write = func(e Event) error { return cw.Write(csvSafe(csvRow(&e, req.Content))) }
		flush = func() error { cw.Flush(); return cw.Error() }
	default:
		return sum, fmt.Errorf("%q: %w", req.Format, ErrFormat)
	}
	err := s.Scan(ctx, req.Filter, req.Content, func(e Event) error {
		sum.Events++
		e.redactedOnly()
		return write(e)
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return sum, fmt.Errorf("export: %w", err)
	}
	sum.SHA256 = hex.EncodeToString(h.Sum(nil))
	sum.Manifest = Manifest{SHA256: sum.SHA256, Filter: req.Filter, FilterText: req.Filter.String(),
		Events: sum.Events, Format: cmpOr(req.Format, FormatJSONL), Content: req.Content, Created: s.Now().UTC(),
		Fingerprint: s.Fingerprint()}
	if !s.Writable() { // read-only: custody cannot be recorded, nor a checkpoint signed
		if cp, err := s.LatestCheckpoint(ctx); err == nil {
			sum.Manifest.Checkpoint = &cp
		}
		return sum, nil
	}
	sum.AuditSeq, err = s.Append(ctx, Envelope{
		Type:  TypeExport,
		Actor: req.Actor,
		Attrs: map[string]string{
			"format":  cmpOr(req.Format, FormatJSONL),
			"filter":  req.Filter.String(),
			"events":  strconv.Itoa(sum.Events),
			"sha256":  sum.SHA256,
			"content": strconv.FormatBool(req.Content),
		},
	}, nil)
	if err != nil {
		return sum, fmt.Errorf("record export: %w", err)
	}
	sum.Manifest.AuditSeq = sum.AuditSeq
	cp, err := s.Checkpoint(ctx)
	if err != nil {
		return sum, fmt.Errorf("sign export: %w", err)
	}
	sum.Manifest.Checkpoint = &cp
	return sum, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// String renders a filter for the record of an export.
func (f Filter) String() string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	if !f.From.IsZero() {
		add("from", f.From.UTC().Format(time.RFC3339))
	}
	if !f.To.IsZero() {
		add("to", f.To.UTC().Format(time.RFC3339))
	}
	add("type", strings.Join(f.Types, ","))
	add("decision", f.Decision)
	add("model", f.Model)
	add("conversation", f.Conversation)
	add("subject", f.Subject)
	if f.AfterSeq > 0 {
		add("after_seq", strconv.FormatUint(f.AfterSeq, 10))
	}
	return strings.Join(parts, " ")
}

func csvHeader(content bool) []string {
	h := []string{"seq", "time", "type", "conversation", "subject", "message", "decision", "reason_code",
		"reason", "language", "generator", "model", "model_digest", "prompt_version", "sources",
		"latency_ms", "redactions", "outcome", "actor", "attrs", "hash"}
	if content {
		h = append(h, "question", "answer", "text", "shredded")
	}
	// Columns added later go last, so that readers by position keep
	// working.
	return append(h, "triage_version")
}

func csvRow(e *Event, content bool) []string {
	var src []string
	for _, s := range e.Sources {
		src = append(src, fmt.Sprintf("%s@%s:%.4f", s.DocID, s.Version, s.Score))
	}
	row := []string{
		strconv.FormatUint(e.Seq, 10), e.Time.UTC().Format(time.RFC3339Nano), e.Type, e.Conversation,
		e.Subject, e.Message, e.Decision, e.ReasonCode, e.Reason, e.Language, e.Generator, e.Model,
		e.ModelDigest, e.PromptVersion, strings.Join(src, ";"),
		strconv.FormatFloat(e.LatencyMS, 'f', 2, 64), joinCounts(e.Redactions), e.Outcome, e.Actor,
		joinAttrs(e.Attrs), e.Hash,
	}
	if content {
		var c Content
		if e.Content != nil {
			c = *e.Content
		}
		row = append(row, c.Question, c.Answer, c.Text, strconv.FormatBool(e.Shredded))
	}
	return append(row, e.TriageVersion)
}

// csvSafe defuses formula injection (OWASP, "CSV Injection"): a cell
// that a spreadsheet would take for a formula, because it begins with =,
// +, -, @, a tab or a carriage return, is prefixed with a single quote.
// Every CSV the package writes goes through it; it changes row in place
// and returns it.
func csvSafe(row []string) []string {
	for i, cell := range row {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			row[i] = "'" + cell
		}
	}
	return row
}

func joinCounts(m map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, k+"="+strconv.Itoa(m[k]))
	}
	return strings.Join(parts, ";")
}

func joinAttrs(m map[string]string) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, k+"="+m[k])
	}
	return strings.Join(parts, ";")
}
