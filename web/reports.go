package web

import (
	"bytes"
	"embed"
	"html/template"
	"math"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference/report"
)

//go:embed reports/*.html
var reportFiles embed.FS

var reportTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"bars":  bars,
	"day":   func(t time.Time) string { return t.UTC().Format("2006-01-02") },
	"when":  func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
	"share": func(f float64) string { return formatPct(f) },
	"csat": func(f *float64) string {
		if f == nil {
			return "no ratings"
		}
		return formatPct(*f)
	},
	"langRates": func(m map[string]report.SupportStats) map[string]float64 {
		out := map[string]float64{}
		for l, st := range m {
			out[l] = st.ResolutionRate
		}
		return out
	},
	"pct": func(n, total int) string {
		if total == 0 {
			return "0%"
		}
		return template.HTMLEscapeString(formatPct(float64(n) / float64(total)))
	},
}).ParseFS(reportFiles, "reports/*.html"))

// reportRange reads ?from=&to=; the default is the last 30 days.
func reportRange(c echo.Context) (time.Time, time.Time, error) {
	to, err := parseTimeParam(c.QueryParam("to"))
	if err != nil {
		return to, to, badRequest("to: " + err.Error())
	}
	if to.IsZero() {
		to = time.Now().UTC()
	}
	from, err := parseTimeParam(c.QueryParam("from"))
	if err != nil {
		return from, to, badRequest("from: " + err.Error())
	}
	if from.IsZero() {
		from = to.AddDate(0, 0, -30)
	}
	if !from.Before(to) {
		return from, to, badRequest("from must be before to")
	}
	return from, to, nil
}

// wantsHTML reports whether the client asked for the printable page.
func wantsHTML(c echo.Context) bool {
	return c.QueryParam("format") == "html"
}

// transparencyReport answers GET /api/v1/reports/transparency?from=&to=
// as JSON, or with format=html as a printable page.
func (s *Server) transparencyReport(c echo.Context) error {
	from, to, err := reportRange(c)
	if err != nil {
		return err
	}
	rep, err := s.parts.Log.Transparency(c.Request().Context(), from, to)
	if err != nil {
		return err
	}
	if !wantsHTML(c) {
		return c.JSON(http.StatusOK, rep)
	}
	return s.renderReport(c, "transparency.html", map[string]any{"R": rep, "Company": s.opts.Company})
}

func (s *Server) renderReport(c echo.Context, name string, data any) error {
	var buf bytes.Buffer
	if err := reportTemplates.ExecuteTemplate(&buf, name, data); err != nil {
		return err
	}
	return c.HTMLBlob(http.StatusOK, buf.Bytes())
}

// bar is one row of an inline SVG bar chart.
type bar struct {
	Label string
	Value float64
	Text  string
	Y     int
	W     float64
}

// chart is an inline SVG bar chart: no script, no external resource.
type chart struct {
	Bars   []bar
	Height int
	// Alt is the chart in words, its text alternative: every bar's label
	// and value.
	Alt string
}

// bars turns counts into a horizontal bar chart, largest first.
func bars(counts any) chart {
	var bs []bar
	switch m := counts.(type) {
	case map[string]int:
		for k, v := range m {
			bs = append(bs, bar{Label: k, Value: float64(v), Text: itoa(v)})
		}
	case map[string]audit.DecisionStats:
		for k, v := range m {
			bs = append(bs, bar{Label: k, Value: float64(v.Count), Text: itoa(v.Count)})
		}
	case map[string]float64:
		for k, v := range m {
			bs = append(bs, bar{Label: k, Value: v, Text: formatPct(v)})
		}
	}
	sort.Slice(bs, func(i, j int) bool {
		if bs[i].Value != bs[j].Value {
			return bs[i].Value > bs[j].Value
		}
		return bs[i].Label < bs[j].Label
	})
	top := 0.0
	for _, b := range bs {
		top = math.Max(top, b.Value)
	}
	for i := range bs {
		bs[i].Y = i * 22
		if top > 0 {
			bs[i].W = math.Round(bs[i].Value / top * 300)
		}
	}
	alt := make([]string, len(bs))
	for i, b := range bs {
		alt[i] = b.Label + ": " + b.Text
	}
	return chart{Bars: bs, Height: len(bs)*22 + 4, Alt: strings.Join(alt, "; ")}
}

// supportReport answers GET /api/v1/reports/support?from=&to= (agent):
// resolution, hand-off and abstention rates, answer times and CSAT by
// language, and the knowledge gaps; format=html is a printable page.
func (s *Server) supportReport(c echo.Context) error {
	from, to, err := reportRange(c)
	if err != nil {
		return err
	}
	rep, err := s.parts.Reports.Support(c.Request().Context(), from, to)
	if err != nil {
		return err
	}
	if principal(c).Role != role.Compliance {
		// The questions behind a knowledge gap are customers' words:
		// agents see the gaps and their counts, not the questions.
		for i := range rep.Gaps {
			rep.Gaps[i].Examples = nil
		}
	}
	if !wantsHTML(c) {
		return c.JSON(http.StatusOK, rep)
	}
	return s.renderReport(c, "support.html", map[string]any{"R": rep, "Company": s.opts.Company})
}
