package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// TestUploadRefusedForPersonalData: under --personal-data refuse an
// upload with personal data is the uploader's to fix: 422 with the types
// and counts found, never the values, and nothing indexed.
func TestUploadRefusedForPersonalData(t *testing.T) {
	r := redact.New(redact.Options{})
	scrub := func(text string, _ bool) (string, map[string]int, map[string]int) {
		res := r.Redact(text, nil)
		counts := map[string]int{}
		for typ, n := range res.Counts() {
			counts[string(typ)] = n
		}
		return res.Text, counts, nil
	}
	ix, err := search.OpenMemory(search.Options{Scrub: scrub, OnPersonalData: kb.PersonalDataRefuse})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	env := newEnv(t, nil, Options{}, func(p *Parts) { p.Knowledge = knowledgeOf{ix} })
	srv := env.serve(t)
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/documents",
		strings.NewReader(`{"id":"kb/contact.md","text":"# Contact\n\nAsk Jane at jane.doe@example.com or +45 20 12 34 56."}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+env.secret[role.Admin])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Error        string
		Code         string
		PersonalData map[string]map[string]int `json:"personal_data"`
	}
	json.NewDecoder(resp.Body).Decode(&body)
	if resp.StatusCode != http.StatusUnprocessableEntity || body.Code != "unprocessable" ||
		body.PersonalData["kb/contact.md"]["EMAIL"] != 1 || body.PersonalData["kb/contact.md"]["PHONE"] != 1 {
		t.Fatalf("upload = %d %+v", resp.StatusCode, body)
	}
	if strings.Contains(body.Error, "jane.doe") || strings.Contains(body.Error, "20 12") {
		t.Fatalf("the refusal repeats the values: %q", body.Error)
	}
	if len(ix.Documents()) != 0 {
		t.Fatal("a refused document was indexed")
	}
}
