package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/retrieval"
)

// KnowledgeBase is the document store behind /api/v1/documents.
type KnowledgeBase interface {
	Documents() []retrieval.DocInfo
	Ingest(ctx context.Context, docs []retrieval.Document) (retrieval.IngestReport, error)
	Remove(ctx context.Context, ids ...string) (int, error)
	Reindex(ctx context.Context) (retrieval.ReindexReport, error)
}

// KnowledgeAudit records knowledge-base changes in the decision log, so a
// reviewer can tell which documents were live when an answer was given.
type KnowledgeAudit interface {
	RecordIngest(ctx context.Context, actor, action string, ids []string, rep retrieval.IngestReport) error
}

// maxUploadBytes bounds one upload request.
const maxUploadBytes = 32 << 20

// listDocuments answers GET /api/v1/documents.
func (s *Server) listDocuments(c echo.Context) error {
	docs := s.opts.Knowledge.Documents()
	return c.JSON(http.StatusOK, map[string]any{"documents": docs, "count": len(docs)})
}

// uploadDocuments answers POST /api/v1/documents: multipart files (field
// "file", repeatable; each file's name decides its format and, with the
// optional "prefix" field, its id), or one JSON document {"id", "title",
// "text", "lang"}.
func (s *Server) uploadDocuments(c echo.Context) error {
	var docs []retrieval.Document
	ct := c.Request().Header.Get("Content-Type")
	switch {
	case strings.HasPrefix(ct, "multipart/form-data"):
		form, err := c.MultipartForm()
		if err != nil {
			return badRequest("could not read the multipart upload: " + err.Error())
		}
		prefix := strings.Trim(strings.Join(form.Value["prefix"], ""), "/")
		files := form.File["file"]
		if len(files) == 0 {
			return badRequest(`the upload has no "file" field`)
		}
		for _, fh := range files {
			name := path.Base(strings.ReplaceAll(fh.Filename, "\\", "/"))
			if !retrieval.Supported(name) {
				return &apiError{status: http.StatusUnsupportedMediaType,
					msg: fmt.Sprintf("%s: unsupported document type (Markdown, text, HTML and PDF are read)", name)}
			}
			f, err := fh.Open()
			if err != nil {
				return badRequest(name + ": " + err.Error())
			}
			data, err := io.ReadAll(f)
			f.Close()
			if err != nil {
				return badRequest(name + ": " + err.Error())
			}
			id := "upload/" + name
			if prefix != "" {
				id = "upload/" + prefix + "/" + name
			}
			doc, err := retrieval.ParseDocument(id, data)
			if err != nil {
				return badRequest(err.Error())
			}
			docs = append(docs, doc)
		}
	default:
		var req struct {
			ID, Title, Text, Lang, URL string
		}
		if err := decodeJSON(c, &req); err != nil {
			return err
		}
		if strings.TrimSpace(req.ID) == "" || strings.TrimSpace(req.Text) == "" {
			return badRequest(`a JSON document needs "id" and "text"`)
		}
		if req.URL != "" {
			u, err := retrieval.PublicURL(req.URL)
			if err != nil {
				return badRequest(`"url" ` + err.Error())
			}
			req.URL = u
		}
		docs = append(docs, retrieval.Document{ID: req.ID, Title: req.Title, Text: req.Text, Lang: req.Lang, URL: req.URL})
	}
	rep, err := s.opts.Knowledge.Ingest(c.Request().Context(), docs)
	if err != nil {
		if errors.Is(err, retrieval.ErrEmptyDocument) || errors.Is(err, retrieval.ErrUnsupported) {
			return badRequest(err.Error())
		}
		return err
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	if err := s.recordIngest(c, "upload", ids, rep); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, rep)
}

// deleteDocuments answers DELETE /api/v1/documents?id=...&id=...
func (s *Server) deleteDocuments(c echo.Context) error {
	ids := c.QueryParams()["id"]
	if len(ids) == 0 {
		return badRequest(`name the documents to remove with ?id=`)
	}
	n, err := s.opts.Knowledge.Remove(c.Request().Context(), ids...)
	if err != nil {
		return err
	}
	if n == 0 {
		return &apiError{status: http.StatusNotFound, msg: "no such documents"}
	}
	if err := s.recordIngest(c, "remove", ids, retrieval.IngestReport{Removed: n}); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]int{"removed": n})
}

// reindexDocuments answers POST /api/v1/documents/reindex: every passage
// analysed again with the current analyzers and synonyms, and the
// missing vectors embedded.
func (s *Server) reindexDocuments(c echo.Context) error {
	rep, err := s.opts.Knowledge.Reindex(c.Request().Context())
	if err != nil {
		return err
	}
	if err := s.recordIngest(c, "reindex", nil, retrieval.IngestReport{Chunks: rep.Passages, Embedded: rep.Embedded}); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, rep)
}

func (s *Server) recordIngest(c echo.Context, action string, ids []string, rep retrieval.IngestReport) error {
	if s.opts.KnowledgeAudit == nil {
		return nil
	}
	return s.opts.KnowledgeAudit.RecordIngest(c.Request().Context(), principal(c).Actor(), action, ids, rep)
}
