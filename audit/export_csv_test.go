package audit

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
)

// TestCSVDefusesFormulas writes cells that a spreadsheet would run as
// formulas, in the envelope and in the content, and checks that every one
// comes out prefixed with a single quote while harmless cells do not.
func TestCSVDefusesFormulas(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	dangerous := []string{`=HYPERLINK("http://evil.example","x")`, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\tleading tab", "\rleading return"}
	for i, d := range dangerous {
		env := decision("k_a", i)
		env.Reason, env.Actor, env.Attrs = d, d, map[string]string{"note": "x"}
		env.Language = "da"
		mustAppend(t, s, env, &Content{Question: d, Answer: "plain answer"})
	}
	var buf bytes.Buffer
	if _, err := s.Export(ctx, &buf, ExportRequest{Format: FormatCSV, Content: true, Filter: Filter{Types: []string{TypeDecision}}}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(dangerous)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(dangerous)+1)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for i, d := range dangerous {
		row := rows[i+1]
		for _, name := range []string{"reason", "actor", "question"} {
			if got := row[col[name]]; got != "'"+d {
				t.Errorf("row %d %s = %q, want %q", i+1, name, got, "'"+d)
			}
		}
		for _, name := range []string{"answer", "language", "attrs", "seq"} {
			if got := row[col[name]]; strings.HasPrefix(got, "'") {
				t.Errorf("row %d %s = %q: a harmless cell was changed", i+1, name, got)
			}
		}
	}
	// JSON lines are data, not a sheet: they keep the text as it is.
	buf.Reset()
	if _, err := s.Export(ctx, &buf, ExportRequest{Content: true, Filter: Filter{Types: []string{TypeDecision}}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"reason":"=HYPERLINK`) {
		t.Error("the JSON lines export changed a reason")
	}
}
