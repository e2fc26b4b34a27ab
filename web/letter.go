package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/web/letter"
)

// letterFormats are the subject export's formats that are the letter: an
// HTML page or a PDF document.
var letterFormats = map[string]bool{"html": true, "pdf": true}

// letterLanguage is the language asked for, else the one the customer
// last wrote in.
func letterLanguage(c echo.Context, exp audit.SubjectExport) lang.Tag {
	if l, ok := lang.Parse(c.QueryParam("lang")); ok {
		return l
	}
	for i := len(exp.Events) - 1; i >= 0; i-- {
		if l, ok := lang.Parse(exp.Events[i].Language); ok {
			return l
		}
	}
	return lang.Default
}

// letter writes a subject export as the letter the customer can read, in
// their language, as a download: format is "html" or "pdf".
func (s *Server) letter(c echo.Context, exp audit.SubjectExport, format string) error {
	d := letter.Build(letterLanguage(c, exp), s.opts.Company, exp)
	write, mime := d.HTML, "text/html; charset=utf-8"
	if format == "pdf" {
		write, mime = d.PDF, "application/pdf"
	}
	body, err := write()
	if err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="letter-%s-%s.%s"`, exp.Subject, d.Lang, format))
	return c.Blob(http.StatusOK, mime, body)
}
