package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/retrieval"
)

//go:embed ui
var uiFiles embed.FS

var indexTemplate = template.Must(template.ParseFS(uiFiles, "ui/index.html"))

// pageText is the chat page's own wording per language.
var pageText = map[string][3]string{ // placeholder, send, talk to a person
	retrieval.English:            {"Ask a question about your order, delivery, returns ...", "Send", "Talk to a person"},
	retrieval.Danish:             {"Stil et spørgsmål om din ordre, levering, returnering ...", "Send", "Tal med en medarbejder"},
	retrieval.ChineseSimplified:  {"请输入您关于订单、配送、退货等的问题……", "发送", "转人工客服"},
	retrieval.ChineseTraditional: {"請輸入您關於訂單、配送、退貨等的問題……", "傳送", "轉接真人客服"},
	retrieval.Malay:              {"Tanya tentang pesanan, penghantaran, pemulangan ...", "Hantar", "Bercakap dengan ejen"},
}

func (s *Server) routeUI() {
	static, _ := fs.Sub(uiFiles, "ui")
	s.echo.GET("/", s.index)
	s.echo.GET("/static/*", echo.WrapHandler(http.StripPrefix("/static/", http.FileServer(http.FS(static)))))
}

// index renders the chat page in the language the browser prefers.
func (s *Server) index(c echo.Context) error {
	lang := preferredLanguage(c.Request().Header.Get("Accept-Language"))
	t := pageText[lang]
	var buf bytes.Buffer
	err := indexTemplate.Execute(&buf, map[string]string{
		"Lang": lang, "Company": s.opts.Company, "Disclosure": inference.Disclosure(lang),
		"Placeholder": t[0], "Send": t[1], "Person": t[2],
	})
	if err != nil {
		return err
	}
	return c.HTMLBlob(http.StatusOK, buf.Bytes())
}

// preferredLanguage picks the first supported language in an
// Accept-Language header, English when none is.
func preferredLanguage(header string) string {
	for _, part := range strings.Split(header, ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		if l := retrieval.NormalizeLanguage(tag); l != "" {
			return l
		}
	}
	return retrieval.English
}
