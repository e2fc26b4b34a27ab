package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// searchDocuments answers GET /api/v1/documents/search?q=&lang= (admin):
// the passages the assistant would find for q, best first, as the
// knowledge base answers it.
func (s *Server) searchDocuments(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	if q == "" {
		return badRequest(`"q" is required`)
	}
	query := search.Query{Text: q, K: 10}
	if l, ok := lang.Parse(c.QueryParam("lang")); ok {
		query.Lang = l
	}
	res, err := s.parts.Articles.Search(c.Request().Context(), query)
	if err != nil {
		return err
	}
	out := []map[string]any{}
	for _, p := range res.Passages {
		out = append(out, map[string]any{"doc_id": p.DocID, "chunk_id": p.ChunkID, "title": p.Title, "heading": p.Heading,
			"snippet": snippetOf(p.Text), "score": p.Score, "lang": p.Lang})
	}
	return c.JSON(http.StatusOK, map[string]any{"passages": out, "confidence": res.Confidence})
}

// documentPassages answers GET /api/v1/documents/passages?id= (admin): one
// article's passages in order, as indexed (personal data removed).
func (s *Server) documentPassages(c echo.Context) error {
	id := c.QueryParam("id")
	if id == "" {
		return badRequest(`"id" is required`)
	}
	ps, err := s.parts.Articles.Passages(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if len(ps) == 0 {
		return notFound("no document with that id")
	}
	return c.JSON(http.StatusOK, map[string]any{"id": id, "title": ps[0].Title, "url": ps[0].URL, "passages": ps})
}

// snippetOf shortens a passage for a list.
func snippetOf(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 220 {
		return string(r[:220]) + "…"
	}
	return s
}
