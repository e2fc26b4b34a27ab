package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// maxUploadBytes bounds one upload request.
const maxUploadBytes = 32 << 20

// listDocuments answers GET /api/v1/documents.
func (s *Server) listDocuments(c echo.Context) error {
	docs := s.parts.Knowledge.Documents()
	return c.JSON(http.StatusOK, map[string]any{"documents": docs, "count": len(docs)})
}

// uploadDocuments answers POST /api/v1/documents: multipart files (field
// "file", repeatable; each file's name decides its format and, with the
// optional "prefix" field, its id), or one JSON document {"id", "title",
// "text", "lang", "url"}. A document whose id (name, prefix) or URL holds
// personal data is refused, and the others ingested: 422, with the
// refused by position and redacted name, and the report of the rest.
func (s *Server) uploadDocuments(c echo.Context) error {
	var docs []kb.Document
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
			if !kb.Supported(name) {
				return &httpError{status: http.StatusUnsupportedMediaType,
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
			doc, err := kb.ParseDocument(c.Request().Context(), id, data)
			switch {
			case err == nil:
			case fault.KindOf(err) == fault.Internal: // a parser's own error: the file's fault
				return badRequest(err.Error())
			default: // a file too slow to read, a client gone
				return err
			}
			docs = append(docs, doc)
		}
	default:
		var req struct {
			ID, Title, Text, Lang, URL string
			PublicContacts             bool `json:"public_contacts"`
		}
		if err := decodeJSON(c, &req); err != nil {
			return err
		}
		if strings.TrimSpace(req.ID) == "" || strings.TrimSpace(req.Text) == "" {
			return badRequest(`a JSON document needs "id" and "text"`)
		}
		if req.URL != "" {
			u, err := kb.PublicURL(req.URL)
			if err != nil {
				return badRequest(`"url" ` + err.Error())
			}
			req.URL = u
		}
		l, ok := lang.Parse(req.Lang)
		if req.Lang != "" && !ok {
			return badRequest(fmt.Sprintf(`"lang" %q is not a language the knowledge base knows (%s)`, req.Lang, lang.List()))
		}
		docs = append(docs, kb.Document{ID: req.ID, Title: req.Title, Text: req.Text, Lang: l, URL: req.URL, PublicContacts: req.PublicContacts})
	}
	rep, err := s.parts.Knowledge.Ingest(c.Request().Context(), principal(c).Actor(), docs)
	if errors.Is(err, kb.ErrPersonalDataInName) {
		return &partialIngest{err: err, report: rep} // 422, with what did go in
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, rep)
}

// partialIngest is an upload of which some documents were refused (their
// names or URLs hold personal data) and the others ingested: the refusal,
// with the report of the whole upload.
type partialIngest struct {
	err    error
	report search.IngestReport
}

func (e *partialIngest) Error() string { return e.err.Error() }
func (e *partialIngest) Unwrap() error { return e.err }

// deleteDocuments answers DELETE /api/v1/documents?id=...&id=...
func (s *Server) deleteDocuments(c echo.Context) error {
	ids := c.QueryParams()["id"]
	if len(ids) == 0 {
		return badRequest(`name the documents to remove with ?id=`)
	}
	n, err := s.parts.Knowledge.Remove(c.Request().Context(), principal(c).Actor(), ids...)
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound("no such documents")
	}
	return c.JSON(http.StatusOK, map[string]int{"removed": n})
}

// reindexDocuments answers POST /api/v1/documents/reindex: every passage
// analysed again with the current analyzers and synonyms, and the
// missing vectors embedded.
func (s *Server) reindexDocuments(c echo.Context) error {
	rep, err := s.parts.Knowledge.Reindex(c.Request().Context(), principal(c).Actor())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, rep)
}
