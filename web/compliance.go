package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
)

// auditFilter reads the filter query parameters shared by the audit
// endpoints: from, to (RFC 3339 or YYYY-MM-DD), type (comma-separated,
// repeatable), decision, model, conversation (a conversation id or its
// k_ reference), subject (a customer id) or subject_pseudonym (s_...).
func (s *Server) auditFilter(c echo.Context) (audit.Filter, error) {
	var f audit.Filter
	var err error
	if f.From, err = parseTimeParam(c.QueryParam("from")); err != nil {
		return f, badRequest("from: " + err.Error())
	}
	if f.To, err = parseTimeParam(c.QueryParam("to")); err != nil {
		return f, badRequest("to: " + err.Error())
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return f, badRequest("from must be before to")
	}
	for _, t := range c.QueryParams()["type"] {
		for _, part := range strings.Split(t, ",") {
			if part = strings.TrimSpace(part); part != "" {
				f.Types = append(f.Types, part)
			}
		}
	}
	f.Decision, f.Model = c.QueryParam("decision"), c.QueryParam("model")
	switch conv := c.QueryParam("conversation"); {
	case strings.HasPrefix(conv, "k_"):
		f.Conversation = conv
	case conv != "":
		f.Conversation = s.parts.Log.ConversationRef(conv)
	}
	switch {
	case c.QueryParam("subject") != "":
		f.Subject = s.parts.Log.SubjectPseudonym(c.QueryParam("subject"))
	case c.QueryParam("subject_pseudonym") != "":
		f.Subject = c.QueryParam("subject_pseudonym")
	}
	if v := c.QueryParam("after_seq"); v != "" {
		if f.AfterSeq, err = strconv.ParseUint(v, 10, 64); err != nil {
			return f, badRequest("after_seq must be a whole number")
		}
	}
	return f, nil
}

// parseTimeParam reads an RFC 3339 time or a date (midnight UTC).
func parseTimeParam(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither RFC 3339 nor YYYY-MM-DD", v)
	}
	return t, nil
}

// exportAudit answers GET /api/v1/audit: the selected events streamed as
// JSON lines (default) or CSV, each carrying seq. The export is recorded
// in the log; its SHA-256 and the event's seq arrive as HTTP trailers,
// and the full manifest is at /api/v1/audit/exports/{seq}.
func (s *Server) exportAudit(c echo.Context) error {
	f, err := s.auditFilter(c)
	if err != nil {
		return err
	}
	format := c.QueryParam("format")
	switch format {
	case "", audit.FormatJSONL:
		format = audit.FormatJSONL
		c.Response().Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	case audit.FormatCSV:
		c.Response().Header().Set("Content-Type", "text/csv; charset=utf-8")
	default:
		return badRequest("format must be jsonl or csv")
	}
	content := c.QueryParam("content") == "true"
	h := c.Response().Header()
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="hushdesk-audit-%s.%s"`, time.Now().UTC().Format("20060102T150405Z"), format))
	h.Set("Trailer", "X-Hushdesk-Export-Sha256, X-Hushdesk-Export-Seq, X-Hushdesk-Export-Events")
	c.Response().WriteHeader(http.StatusOK)
	sum, err := s.parts.Log.Export(c.Request().Context(), c.Response(), audit.ExportRequest{
		Filter: f, Format: format, Content: content, Actor: principal(c).Actor(),
	})
	if err != nil {
		// The status is sent; the missing trailers tell the client the
		// export is incomplete.
		s.log.Error("audit export failed", "err", err)
		return nil
	}
	h.Set("X-Hushdesk-Export-Sha256", sum.SHA256)
	h.Set("X-Hushdesk-Export-Seq", strconv.FormatUint(sum.AuditSeq, 10))
	h.Set("X-Hushdesk-Export-Events", strconv.Itoa(sum.Events))
	if err := s.manifests.PutManifest(context.WithoutCancel(c.Request().Context()), sum.Manifest); err != nil {
		s.log.Error("export manifest not kept", "audit_seq", sum.AuditSeq, "err", err)
	}
	return nil
}

// exportManifest answers GET /api/v1/audit/exports/{seq}: the manifest of
// a recent export made through this server.
func (s *Server) exportManifest(c echo.Context) error {
	seq, err := strconv.ParseUint(c.Param("seq"), 10, 64)
	if err != nil {
		return badRequest("the export's seq must be a whole number")
	}
	m, ok, err := s.manifests.Manifest(c.Request().Context(), seq)
	if err != nil {
		return err
	}
	if !ok {
		return notFound("no recent export with that seq")
	}
	return c.JSON(http.StatusOK, m)
}

// verifyAudit answers GET /api/v1/audit/verify (bearer tokens) and POST
// /api/v1/audit/verify (the console, with its CSRF token).
func (s *Server) verifyAudit(c echo.Context) error {
	res, err := s.parts.Log.Verify(c.Request().Context())
	if err != nil {
		return err
	}
	// The run is part of the security trail: who checked, and what they
	// found.
	env := audit.Envelope{Type: audit.TypeVerified, Actor: principal(c).Actor(), Outcome: "intact",
		Attrs: map[string]string{"events": strconv.FormatUint(res.Events, 10), "head": res.Head}}
	if !res.OK {
		env.Outcome = "broken"
		env.Attrs["first_bad_seq"] = strconv.FormatUint(res.FirstBad, 10)
	}
	s.recordSecurity(c, env)
	return c.JSON(http.StatusOK, res)
}

// latestCheckpoint answers GET /api/v1/audit/checkpoint: the latest signed
// checkpoint, to be kept outside the data directory.
func (s *Server) latestCheckpoint(c echo.Context) error {
	cp, err := s.parts.Log.LatestCheckpoint(c.Request().Context())
	if errors.Is(err, audit.ErrNoCheckpoint) {
		return notFound(err.Error() + "; POST to this endpoint signs one now")
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cp)
}

// signCheckpoint answers POST /api/v1/audit/checkpoint: a checkpoint
// signed now, at the head of the log.
func (s *Server) signCheckpoint(c echo.Context) error {
	cp, err := s.parts.Log.Checkpoint(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, cp)
}

// maxPage bounds one page of the audit browser.
const maxPage = 500

// browseAudit answers GET /api/v1/audit/events: one page of envelopes for
// the console (after_seq, limit up to 500, and the export filters).
// Content is not included: reading it is an export, with its record.
func (s *Server) browseAudit(c echo.Context) error {
	page, err := s.auditPage(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, page)
}

// auditPage reads one page of envelopes with the request's filters.
func (s *Server) auditPage(c echo.Context) (map[string]any, error) {
	f, err := s.auditFilter(c)
	if err != nil {
		return nil, err
	}
	f.Limit = 100
	if v := c.QueryParam("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPage {
			return nil, badRequest(fmt.Sprintf("limit must be from 1 to %d", maxPage))
		}
		f.Limit = n
	}
	if c.QueryParam("order") == "desc" {
		return s.browseAuditNewest(c, f)
	}
	evs := []audit.Event{}
	err = s.parts.Log.Scan(c.Request().Context(), f, false, func(e audit.Event) error {
		evs = append(evs, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	next := uint64(0)
	if len(evs) == f.Limit {
		next = evs[len(evs)-1].Seq
	}
	return map[string]any{"events": evs, "next_after_seq": next}, nil
}

// securityTrail answers GET /api/v1/audit/security: one page of the
// security trail (audit.SecurityTypes), oldest first, with the filters
// and paging of /api/v1/audit/events (type narrows it further), and the
// trail's event types in "types".
func (s *Server) securityTrail(c echo.Context) error {
	q := c.Request().URL.Query()
	trail := audit.SecurityTypes()
	var types []string
	for _, t := range q["type"] {
		for _, part := range strings.Split(t, ",") {
			if part = strings.TrimSpace(part); slices.Contains(trail, part) {
				types = append(types, part)
			} else if part != "" {
				return badRequest(part + " is not an event of the security trail")
			}
		}
	}
	if len(types) == 0 {
		types = trail
	}
	q["type"] = []string{strings.Join(types, ",")}
	c.Request().URL.RawQuery = q.Encode()
	page, err := s.auditPage(c)
	if err != nil {
		return err
	}
	page["types"] = trail // the console's choice of events
	return c.JSON(http.StatusOK, page)
}

// ManifestStore keeps the manifests of recent exports for download.
type ManifestStore interface {
	PutManifest(ctx context.Context, m audit.Manifest) error
	Manifest(ctx context.Context, seq uint64) (audit.Manifest, bool, error)
}

// manifestCache keeps the manifests of the last exports in memory.
type manifestCache struct {
	mu  sync.Mutex
	all map[uint64]audit.Manifest
}

func newManifestCache() *manifestCache { return &manifestCache{all: map[uint64]audit.Manifest{}} }

func (m *manifestCache) PutManifest(_ context.Context, x audit.Manifest) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.all) >= 256 {
		for k := range m.all {
			delete(m.all, k)
			break
		}
	}
	m.all[x.AuditSeq] = x
	return nil
}

func (m *manifestCache) Manifest(_ context.Context, seq uint64) (audit.Manifest, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	x, ok := m.all[seq]
	return x, ok, nil
}

// writeJSONAttachment sends v as a downloadable JSON file.
func writeJSONAttachment(c echo.Context, name string, v any) error {
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename=%q`, name))
	c.Response().Header().Set("Content-Type", "application/json; charset=utf-8")
	c.Response().WriteHeader(http.StatusOK)
	enc := json.NewEncoder(c.Response())
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
